/**
 * One feature file's share of a run, read through `@cucumber/query`: its gherkin document, pickles, test cases
 * and everything their attempts reported, in one `Query` that is dropped once the feature's page is built. A
 * Query per feature (rather than one for the run) keeps the generator streaming: memory holds the features
 * still running, not the whole run's attachments. `run.ts` decides which messages belong here and checks what
 * they refer to; this module only asks the Query and shapes the answers into the run model.
 */
import { Query } from '@cucumber/query';
import type {
  Attachment,
  Background,
  Envelope,
  GherkinDocument,
  Hook,
  Pickle,
  PickleStep,
  Rule,
  Scenario,
  TestCase,
  TestCaseStarted,
  TestStepResult,
  Timestamp,
} from '@cucumber/messages';
import { END_STATE_MEDIA_TYPE, PLAN_MEDIA_TYPE, QUERY_MEDIA_TYPE, TRACE_MEDIA_TYPE } from '../model/media-types';
import { readEndState, readPlan, readQuery, readTrace, type Found } from './attachments';
import { worstStatus, type FeatureDoc, type RuleDoc, type ScenarioDoc, type Status, type StepDoc } from './run-model';
import { anchorFor } from './slug';

export const toMillis = (t: Timestamp): number => t.seconds * 1000 + Math.round(t.nanos / 1e6);
const durationMillis = (result: TestStepResult): number => result.duration.seconds * 1000 + result.duration.nanos / 1e6;

function hookKind(type: string | undefined): string {
  return type === 'BEFORE_TEST_CASE' ? 'Before' : type === 'AFTER_TEST_CASE' ? 'After' : 'Hook';
}

// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

function errorOf(result: TestStepResult): string | null {
  if (result.status === 'PASSED' || result.status === 'SKIPPED') return null;
  const text = result.exception?.message ?? result.message ?? null;
  if (text !== null) return stripAnsi(text);
  if (result.status === 'UNDEFINED') return 'No step definition matches this step.';
  return null;
}

/** The status as the pages name it; the messages' schema has already refused any status cucumber has not. */
const statusOf = (result: TestStepResult | undefined): Status =>
  result ? (result.status.toLowerCase() as Status) : 'not run';

function pickleStepArgument(step: PickleStep): Pick<StepDoc, 'docString' | 'dataTable'> {
  return {
    docString: step.argument?.docString?.content ?? null,
    dataTable: step.argument?.dataTable?.rows.map((row) => row.cells.map((cell) => cell.value)) ?? null,
  };
}

/** A scenario as built from its last attempt, before the feature gives it its name's anchor and its claims. */
export type BuiltScenario = Omit<ScenarioDoc, 'anchor' | 'claimIds'>;

/** How the feature page names a scenario's claims (the run knows the register). */
export type ClaimIdsOf = (tags: readonly string[]) => string[];

export class FeatureQuery {
  private readonly query = new Query();
  private readonly document: GherkinDocument;
  private readonly pickles: Pickle[] = [];
  private readonly backgroundSteps = new Set<string>();

  /**
   * @param lineOf the messages file's line of each attachment the Query will hold (for errors about them).
   */
  constructor(
    private readonly file: string,
    documentJson: string,
    hooks: readonly Hook[],
    private readonly lineOf: WeakMap<Attachment, number>,
  ) {
    this.document = JSON.parse(documentJson) as GherkinDocument;
    this.query.update({ gherkinDocument: this.document });
    for (const hook of hooks) this.query.update({ hook });
    const visit = (b: Background | undefined) => b?.steps.forEach((s) => this.backgroundSteps.add(s.id));
    for (const child of this.document.feature?.children ?? []) {
      visit(child.background);
      for (const ruleChild of child.rule?.children ?? []) visit(ruleChild.background);
    }
  }

  addPickle(json: string): void {
    const pickle = JSON.parse(json) as Pickle;
    this.pickles.push(pickle);
    this.query.update({ pickle });
  }

  update(envelope: Envelope): void {
    this.query.update(envelope);
  }

  /** The feature's scenarios in the document's order, each from its pickle's last attempt (or "not run"). */
  build(testCaseOfPickle: ReadonlyMap<string, TestCase>, claimIdsOf: ClaimIdsOf): Omit<FeatureDoc, 'page'> {
    const q = this.query;
    const lastAttempt = new Map<string, TestCaseStarted>();
    for (const started of q.findAllTestCaseStarted()) lastAttempt.set(q.findPickleBy(started)!.id, started);
    const built = new Map<string, BuiltScenario>();
    for (const pickle of this.pickles) {
      built.set(pickle.id, this.scenario(pickle, lastAttempt.get(pickle.id), testCaseOfPickle.get(pickle.id)));
    }
    return this.assemble(built, claimIdsOf);
  }

  private scenario(
    pickle: Pickle,
    started: TestCaseStarted | undefined,
    testCase: TestCase | undefined,
  ): BuiltScenario {
    const q = this.query;
    const lineage = q.findLineageBy(pickle)!;
    const scenario = lineage.scenario!;
    const results = new Map<string, TestStepResult>();
    const found: Found[] = [];
    if (started) {
      for (const [finished] of q.findTestStepFinishedAndTestStepBy(started)) {
        results.set(finished.testStepId, finished.testStepResult);
        for (const attachment of q.findAttachmentsBy(finished)) {
          found.push({ line: this.lineOf.get(attachment) ?? 0, attachment });
        }
      }
    }
    const gherkinStep = (pickleStep: PickleStep, result: TestStepResult | undefined): StepDoc => {
      const source = q.findStepBy(pickleStep);
      return {
        keyword: source?.keyword.trim() ?? '*',
        text: pickleStep.text,
        hook: false,
        fromBackground: source ? this.backgroundSteps.has(source.id) : false,
        status: statusOf(result),
        milliseconds: result ? durationMillis(result) : 0,
        error: result ? errorOf(result) : null,
        ...pickleStepArgument(pickleStep),
      };
    };
    const steps: StepDoc[] = [];
    const stepText = new Map<string, string>();
    if (testCase) {
      for (const testStep of testCase.testSteps) {
        const result = results.get(testStep.id);
        const pickleStep = q.findPickleStepBy(testStep);
        if (pickleStep) {
          const step = gherkinStep(pickleStep, result);
          stepText.set(testStep.id, `${step.keyword} ${step.text}`);
          steps.push(step);
        } else {
          const hook = q.findHookBy(testStep);
          steps.push({
            keyword: '',
            text: hook ? (hook.name ?? `${hookKind(hook.type)} hook`) : 'Hook',
            hook: true,
            fromBackground: false,
            status: statusOf(result),
            milliseconds: result ? durationMillis(result) : 0,
            error: result ? errorOf(result) : null,
            docString: null,
            dataTable: null,
          });
        }
      }
    } else {
      for (const pickleStep of pickle.steps) steps.push(gherkinStep(pickleStep, undefined));
    }
    const last = (mediaType: string) => found.filter((a) => a.attachment.mediaType === mediaType).at(-1);
    const trace = last(TRACE_MEDIA_TYPE);
    const endState = last(END_STATE_MEDIA_TYPE);
    const plan = last(PLAN_MEDIA_TYPE);
    const tags = pickle.tags.map((t) => t.name);
    const row = lineage.example;
    // A Scenario Outline's pickles share a name unless it quotes its placeholders; add the example's values.
    const name =
      row && pickle.name === scenario.name
        ? `${pickle.name} (${row.cells.map((c) => c.value).join(', ')})`
        : pickle.name;
    return {
      kind: 'scenario',
      name,
      keyword: scenario.keyword,
      description: scenario.description.trim(),
      line: scenario.location.line,
      tags,
      knownDefect: tags.includes('@known-defect'),
      inferred: tags.includes('@inferred'),
      status: testCase ? worstStatus(steps.map((s) => s.status)) : 'not run',
      milliseconds: steps.reduce((sum, s) => sum + s.milliseconds, 0),
      startedAt: started ? toMillis(started.timestamp) : null,
      worker: started?.workerId ?? null,
      steps,
      trace: trace ? readTrace(this.file, trace) : null,
      endState: endState ? readEndState(this.file, endState) : null,
      plan: plan ? readPlan(this.file, plan) : null,
      queries: found
        .filter((a) => a.attachment.mediaType === QUERY_MEDIA_TYPE)
        .map((a) => readQuery(this.file, a, stepText.get(a.attachment.testStepId ?? '') ?? null)),
    };
  }

  /** Rules and scenarios in the document's order, each scenario with a page-unique anchor. */
  private assemble(built: ReadonlyMap<string, BuiltScenario>, claimIdsOf: ClaimIdsOf): Omit<FeatureDoc, 'page'> {
    const feature = this.document.feature!;
    const usedAnchors = new Set<string>(['background', 'scenarios']);
    const take = (text: string, fallback: string): string => {
      const base = anchorFor(text, fallback);
      let anchor = base;
      for (let n = 2; usedAnchors.has(anchor); n++) anchor = `${base}-${n}`;
      usedAnchors.add(anchor);
      return anchor;
    };
    const scenarioDocs = (scenario: Scenario): ScenarioDoc[] =>
      this.pickles
        .filter((p) => p.astNodeIds[0] === scenario.id)
        .map((pickle) => {
          const b = built.get(pickle.id)!;
          return { ...b, anchor: take(b.name, 'scenario'), claimIds: claimIdsOf(b.tags) };
        });
    const backgroundOf = (children: readonly { background?: Background }[]) => {
      const b = children.find((c) => c.background)?.background;
      return b ? { name: b.name, steps: b.steps.map((s) => `${s.keyword.trim()} ${s.text}`) } : null;
    };
    const buildRule = (rule: Rule): RuleDoc => ({
      kind: 'rule',
      name: rule.name,
      description: rule.description.trim(),
      anchor: take(`rule-${rule.name}`, 'rule'),
      tags: rule.tags.map((t) => t.name),
      background: backgroundOf(rule.children)?.steps ?? null,
      scenarios: rule.children.flatMap((c) => (c.scenario ? scenarioDocs(c.scenario) : [])),
    });
    const children: (RuleDoc | ScenarioDoc)[] = [];
    for (const child of feature.children) {
      if (child.scenario) children.push(...scenarioDocs(child.scenario));
      if (child.rule) children.push(buildRule(child.rule));
    }
    const all = children.flatMap((c) => (c.kind === 'rule' ? c.scenarios : [c]));
    return {
      uri: this.document.uri ?? '',
      name: feature.name,
      description: feature.description.trim(),
      tags: feature.tags.map((t) => t.name),
      background: backgroundOf(feature.children),
      children,
      status: worstStatus(all.map((s) => s.status)),
    };
  }
}
