/**
 * The model of one cucumber run that the pages are rendered from: features in the source's order, their rules
 * and scenarios, each scenario's steps with the last attempt's results, and the attachments the steps' hooks
 * made (trace, end state, plan, exploration report). Built from parsed messages only; no I/O.
 */
import type {
  Attachment,
  Background,
  Envelope,
  GherkinDocument,
  Pickle,
  PickleStep,
  Rule,
  Scenario,
  Step,
  TestCase,
  TestStepResult,
  Timestamp,
} from '@cucumber/messages';
import { END_STATE_MEDIA_TYPE, PARTICIPANTS, TRACE_MEDIA_TYPE, type TraceEvent } from '../model/trace';
import type { DeploymentView } from '../model/deployment';
import { EXPLORATION_MEDIA_TYPE, type ExplorationReport } from '../exploration/report';
import { MessagesFileError, type NumberedEnvelope } from './messages';
import { anchorFor, uniqueAnchors } from './slug';

/** Attached by steps/support/hooks.ts (not imported: importing it would register cucumber hooks). */
export const PLAN_MEDIA_TYPE = 'application/vnd.chat-failure.plan+json';

export type Status = 'passed' | 'failed' | 'ambiguous' | 'undefined' | 'pending' | 'skipped' | 'unknown' | 'not run';

/** Worst first, as cucumber ranks them. */
const STATUS_RANK: readonly Status[] = [
  'failed',
  'ambiguous',
  'undefined',
  'pending',
  'skipped',
  'unknown',
  'not run',
  'passed',
];

export function worstStatus(statuses: readonly Status[]): Status {
  if (statuses.length === 0) return 'not run';
  return [...statuses].sort((a, b) => STATUS_RANK.indexOf(a) - STATUS_RANK.indexOf(b))[0]!;
}

export interface Claim {
  readonly id: string;
  readonly section: string;
  readonly statement: string;
  readonly defect?: boolean;
}

export interface StepDoc {
  readonly keyword: string;
  readonly text: string;
  /** A hook rather than a Gherkin step (only shown when it did not pass). */
  readonly hook: boolean;
  readonly fromBackground: boolean;
  readonly status: Status;
  readonly milliseconds: number;
  readonly error: string | null;
  readonly docString: string | null;
  readonly dataTable: readonly (readonly string[])[] | null;
}

export interface Trace {
  readonly parameters: Readonly<Record<string, number>>;
  readonly events: readonly TraceEvent[];
}

export interface ScenarioDoc {
  readonly kind: 'scenario';
  readonly name: string;
  readonly keyword: string;
  readonly description: string;
  readonly anchor: string;
  readonly line: number;
  /** Own tags plus those inherited from the feature and rule, as cucumber gives them. */
  readonly tags: readonly string[];
  readonly claimIds: readonly string[];
  readonly knownDefect: boolean;
  readonly inferred: boolean;
  readonly status: Status;
  readonly milliseconds: number;
  readonly steps: readonly StepDoc[];
  readonly trace: Trace | null;
  readonly endState: DeploymentView | null;
  readonly plan: readonly unknown[] | null;
}

export interface RuleDoc {
  readonly kind: 'rule';
  readonly name: string;
  readonly description: string;
  readonly anchor: string;
  readonly tags: readonly string[];
  readonly background: readonly string[] | null;
  readonly scenarios: readonly ScenarioDoc[];
}

export interface FeatureDoc {
  readonly uri: string;
  /** The page's path under the generated folder, without extension: `features/application-server`. */
  readonly page: string;
  readonly name: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly background: { readonly name: string; readonly steps: readonly string[] } | null;
  readonly children: readonly (RuleDoc | ScenarioDoc)[];
  readonly status: Status;
}

export interface ClaimCoverage {
  readonly claim: Claim;
  readonly scenarios: readonly { readonly feature: FeatureDoc; readonly scenario: ScenarioDoc }[];
  readonly status: Status;
}

export interface RunDoc {
  readonly startedAt: string | null;
  readonly milliseconds: number;
  readonly success: boolean;
  readonly cucumberVersion: string;
  readonly commit: string | null;
  readonly features: readonly FeatureDoc[];
  readonly claims: readonly ClaimCoverage[];
  /** Tags on scenarios that look like claim ids but name no claim in the register. */
  readonly unknownClaimTags: readonly string[];
  readonly exploration: ExplorationReport | null;
}

export const CLAIM_TAG = /^@[A-Z]+-[A-Z]*\d+$/;

export function scenariosOf(feature: FeatureDoc): ScenarioDoc[] {
  return feature.children.flatMap((child) => (child.kind === 'rule' ? child.scenarios : [child]));
}

const toMillis = (t: Timestamp): number => t.seconds * 1000 + Math.round(t.nanos / 1e6);
const durationMillis = (result: TestStepResult): number => result.duration.seconds * 1000 + result.duration.nanos / 1e6;

interface Index {
  documents: { line: number; document: GherkinDocument }[];
  pickles: Map<string, Pickle>;
  testCases: Map<string, TestCase>;
  /** testCaseStartedId → testCaseId, for the last attempt of each test case only. */
  lastAttempt: Map<string, string>;
  stepResults: Map<string, Map<string, TestStepResult>>;
  attachments: Map<string, { line: number; attachment: Attachment }[]>;
  hooks: Map<string, string>;
  exploration: { line: number; attachment: Attachment } | null;
}

function index(envelopes: readonly NumberedEnvelope[]): Index {
  const ix: Index = {
    documents: [],
    pickles: new Map(),
    testCases: new Map(),
    lastAttempt: new Map(),
    stepResults: new Map(),
    attachments: new Map(),
    hooks: new Map(),
    exploration: null,
  };
  const latestStartOfCase = new Map<string, string>();
  for (const { line, envelope: e } of envelopes) {
    if (e.gherkinDocument) ix.documents.push({ line, document: e.gherkinDocument });
    else if (e.pickle) ix.pickles.set(e.pickle.id, e.pickle);
    else if (e.testCase) ix.testCases.set(e.testCase.id, e.testCase);
    else if (e.hook) ix.hooks.set(e.hook.id, e.hook.name ?? `${hookKind(e.hook.type)} hook`);
    else if (e.testCaseStarted) {
      latestStartOfCase.set(e.testCaseStarted.testCaseId, e.testCaseStarted.id);
    } else if (e.testStepFinished) {
      const { testCaseStartedId, testStepId, testStepResult } = e.testStepFinished;
      if (!ix.stepResults.has(testCaseStartedId)) ix.stepResults.set(testCaseStartedId, new Map());
      ix.stepResults.get(testCaseStartedId)!.set(testStepId, testStepResult);
    } else if (e.attachment) {
      const { testCaseStartedId, mediaType } = e.attachment;
      if (mediaType === EXPLORATION_MEDIA_TYPE) ix.exploration = { line, attachment: e.attachment };
      if (testCaseStartedId) {
        if (!ix.attachments.has(testCaseStartedId)) ix.attachments.set(testCaseStartedId, []);
        ix.attachments.get(testCaseStartedId)!.push({ line, attachment: e.attachment });
      }
    }
  }
  for (const [testCaseId, startedId] of latestStartOfCase) ix.lastAttempt.set(testCaseId, startedId);
  return ix;
}

function hookKind(type: string | undefined): string {
  return type === 'BEFORE_TEST_CASE' ? 'Before' : type === 'AFTER_TEST_CASE' ? 'After' : 'Hook';
}

function decode(attachment: Attachment): string {
  return attachment.contentEncoding === 'BASE64'
    ? Buffer.from(attachment.body, 'base64').toString('utf8')
    : attachment.body;
}

function attachmentJson(file: string, found: { line: number; attachment: Attachment }, what: string): unknown {
  try {
    return JSON.parse(decode(found.attachment));
  } catch (error) {
    throw new MessagesFileError(
      file,
      found.line,
      `the ${what} attachment is not valid JSON (${(error as Error).message})`,
    );
  }
}

const EVENT_TYPES = new Set(['step', 'server-failed', 'server-restored', 'hop', 'shown']);

function readTrace(file: string, found: { line: number; attachment: Attachment }): Trace {
  const value = attachmentJson(file, found, 'trace') as { parameters?: unknown; events?: unknown };
  const fail = (problem: string): never => {
    throw new MessagesFileError(file, found.line, `the trace attachment ${problem}`);
  };
  if (typeof value !== 'object' || value === null || !Array.isArray(value.events)) {
    fail('should be an object with an "events" array');
  }
  const participants = new Set<string>(PARTICIPANTS);
  (value.events as unknown[]).forEach((event, i) => {
    const e = event as Record<string, unknown>;
    if (typeof e !== 'object' || e === null || !EVENT_TYPES.has(e.type as string) || typeof e.at !== 'number') {
      fail(`has an event ${i + 1} that is not a trace event: ${JSON.stringify(event)}`);
    }
    if (e.type === 'hop' && (!participants.has(e.from as string) || !participants.has(e.to as string))) {
      fail(`has a hop ${i + 1} between unknown participants: ${JSON.stringify(event)}`);
    }
  });
  return {
    parameters: (value.parameters ?? {}) as Record<string, number>,
    events: value.events as TraceEvent[],
  };
}

function readEndState(file: string, found: { line: number; attachment: Attachment }): DeploymentView {
  const value = attachmentJson(file, found, 'end state') as Partial<DeploymentView>;
  if (typeof value !== 'object' || value === null || !value.console || !Array.isArray(value.customers)) {
    throw new MessagesFileError(file, found.line, 'the end state attachment is not a deployment view');
  }
  return value as DeploymentView;
}

function readExploration(file: string, found: { line: number; attachment: Attachment }): ExplorationReport {
  const value = attachmentJson(file, found, 'exploration') as Partial<ExplorationReport>;
  if (typeof value !== 'object' || value === null || !value.exhaustive || !value.random || !value.invariants) {
    throw new MessagesFileError(file, found.line, 'the exploration attachment is not an exploration report');
  }
  return value as ExplorationReport;
}

function pickleStepArgument(step: PickleStep): Pick<StepDoc, 'docString' | 'dataTable'> {
  return {
    docString: step.argument?.docString?.content ?? null,
    dataTable: step.argument?.dataTable?.rows.map((row) => row.cells.map((cell) => cell.value)) ?? null,
  };
}

function errorOf(result: TestStepResult): string | null {
  if (result.status === 'PASSED' || result.status === 'SKIPPED') return null;
  const text = result.exception?.message ?? result.message ?? null;
  if (text !== null) return stripAnsi(text);
  if (result.status === 'UNDEFINED') return 'No step definition matches this step.';
  return null;
}

// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

function statusOf(result: TestStepResult | undefined): Status {
  return result ? (result.status.toLowerCase() as Status) : 'not run';
}

/** Builds the run model. `claims` is the claims register; `commit` is the revision the run was made at, if known. */
export function buildRun(
  envelopes: readonly NumberedEnvelope[],
  file: string,
  claims: readonly Claim[],
  commit: string | null = null,
): RunDoc {
  const ix = index(envelopes);
  const known = new Set(claims.map((c) => c.id));
  const unknownClaimTags = new Set<string>();
  const stepsById = new Map<string, { step: Step; background: boolean }>();
  const scenariosById = new Map<string, Scenario>();
  for (const { document } of ix.documents) {
    const visitBackground = (b: Background | undefined) =>
      b?.steps.forEach((step) => stepsById.set(step.id, { step, background: true }));
    const visitScenario = (s: Scenario | undefined) => {
      if (!s) return;
      scenariosById.set(s.id, s);
      s.steps.forEach((step) => stepsById.set(step.id, { step, background: false }));
    };
    for (const child of document.feature?.children ?? []) {
      visitBackground(child.background);
      visitScenario(child.scenario);
      for (const ruleChild of child.rule?.children ?? []) {
        visitBackground(ruleChild.background);
        visitScenario(ruleChild.scenario);
      }
    }
  }

  const testCaseOfPickle = new Map<string, TestCase>();
  for (const testCase of ix.testCases.values()) testCaseOfPickle.set(testCase.pickleId, testCase);
  const picklesOfScenario = new Map<string, Pickle[]>();
  for (const pickle of ix.pickles.values()) {
    const scenarioId = pickle.astNodeIds[0]!;
    if (!picklesOfScenario.has(scenarioId)) picklesOfScenario.set(scenarioId, []);
    picklesOfScenario.get(scenarioId)!.push(pickle);
  }

  const featurePages = uniqueAnchors(
    ix.documents.map(({ document }) => anchorFor(baseName(document.uri ?? 'feature').replace(/_/g, '-'), 'feature')),
  );

  const features: FeatureDoc[] = [];
  ix.documents.forEach(({ line, document }, docIndex) => {
    const feature = document.feature;
    if (!feature) return;
    const uri = document.uri ?? `document at line ${line}`;
    const usedAnchors = new Set<string>(['background', 'scenarios']);
    const take = (text: string, fallback: string): string => {
      const base = anchorFor(text, fallback);
      let anchor = base;
      for (let n = 2; usedAnchors.has(anchor); n++) anchor = `${base}-${n}`;
      usedAnchors.add(anchor);
      return anchor;
    };

    const scenarioDocs = (scenario: Scenario): ScenarioDoc[] =>
      (picklesOfScenario.get(scenario.id) ?? []).map((pickle) => {
        const name = exampleName(pickle, scenario);
        return buildScenario(pickle, scenario, name, take(name, 'scenario'));
      });

    const claimIdsOf = (tags: readonly string[]): string[] => {
      const ids = tags.filter((t) => CLAIM_TAG.test(t)).map((t) => t.slice(1));
      for (const id of ids) if (!known.has(id)) unknownClaimTags.add(id);
      return ids.filter((id) => known.has(id));
    };

    const buildScenario = (pickle: Pickle, scenario: Scenario, name: string, anchor: string): ScenarioDoc => {
      const testCase = testCaseOfPickle.get(pickle.id);
      const startedId = testCase ? ix.lastAttempt.get(testCase.id) : undefined;
      const results = startedId ? ix.stepResults.get(startedId) : undefined;
      const pickleSteps = new Map(pickle.steps.map((s) => [s.id, s]));
      const steps: StepDoc[] = [];
      if (testCase) {
        for (const testStep of testCase.testSteps) {
          const result = results?.get(testStep.id);
          const status = statusOf(result);
          const pickleStep = testStep.pickleStepId ? pickleSteps.get(testStep.pickleStepId) : undefined;
          if (pickleStep) {
            const source = stepsById.get(pickleStep.astNodeIds[0]!);
            steps.push({
              keyword: source?.step.keyword.trim() ?? '*',
              text: pickleStep.text,
              hook: false,
              fromBackground: source?.background ?? false,
              status,
              milliseconds: result ? durationMillis(result) : 0,
              error: result ? errorOf(result) : null,
              ...pickleStepArgument(pickleStep),
            });
          } else {
            steps.push({
              keyword: '',
              text: ix.hooks.get(testStep.hookId ?? '') ?? 'Hook',
              hook: true,
              fromBackground: false,
              status,
              milliseconds: result ? durationMillis(result) : 0,
              error: result ? errorOf(result) : null,
              docString: null,
              dataTable: null,
            });
          }
        }
      } else {
        for (const pickleStep of pickle.steps) {
          const source = stepsById.get(pickleStep.astNodeIds[0]!);
          steps.push({
            keyword: source?.step.keyword.trim() ?? '*',
            text: pickleStep.text,
            hook: false,
            fromBackground: source?.background ?? false,
            status: 'not run',
            milliseconds: 0,
            error: null,
            ...pickleStepArgument(pickleStep),
          });
        }
      }
      const found = (startedId && ix.attachments.get(startedId)) || [];
      const ofType = (mediaType: string) => found.filter((a) => a.attachment.mediaType === mediaType).at(-1);
      const trace = ofType(TRACE_MEDIA_TYPE);
      const endState = ofType(END_STATE_MEDIA_TYPE);
      const plan = ofType(PLAN_MEDIA_TYPE);
      const tags = pickle.tags.map((t) => t.name);
      return {
        kind: 'scenario',
        name,
        keyword: scenario.keyword,
        description: scenario.description.trim(),
        anchor,
        line: scenario.location.line,
        tags,
        claimIds: claimIdsOf(tags),
        knownDefect: tags.includes('@known-defect'),
        inferred: tags.includes('@inferred'),
        status: testCase ? worstStatus(steps.map((s) => s.status)) : 'not run',
        milliseconds: steps.reduce((sum, s) => sum + s.milliseconds, 0),
        steps,
        trace: trace ? readTrace(file, trace) : null,
        endState: endState ? readEndState(file, endState) : null,
        plan: plan ? (attachmentJson(file, plan, 'plan') as unknown[]) : null,
      };
    };

    const backgroundOf = (children: readonly { background?: Background }[]) => {
      const b = children.find((c) => c.background)?.background;
      return b ? { name: b.name, steps: b.steps.map((s) => `${s.keyword.trim()} ${s.text}`) } : null;
    };

    const children: (RuleDoc | ScenarioDoc)[] = [];
    for (const child of feature.children) {
      if (child.scenario) children.push(...scenarioDocs(child.scenario));
      if (child.rule) children.push(buildRule(child.rule));
    }
    function buildRule(rule: Rule): RuleDoc {
      const anchor = take(`rule-${rule.name}`, 'rule');
      const scenarios = rule.children.flatMap((c) => (c.scenario ? scenarioDocs(c.scenario) : []));
      return {
        kind: 'rule',
        name: rule.name,
        description: rule.description.trim(),
        anchor,
        tags: rule.tags.map((t) => t.name),
        background: backgroundOf(rule.children)?.steps ?? null,
        scenarios,
      };
    }
    const all = children.flatMap((c) => (c.kind === 'rule' ? c.scenarios : [c]));
    features.push({
      uri,
      page: `features/${featurePages[docIndex]!}`,
      name: feature.name,
      description: feature.description.trim(),
      tags: feature.tags.map((t) => t.name),
      background: backgroundOf(feature.children),
      children,
      status: worstStatus(all.map((s) => s.status)),
    });
  });

  const order = (feature: FeatureDoc): number => {
    const positions = scenariosOf(feature)
      .flatMap((s) => s.claimIds)
      .filter((id) => id !== 'PRE-1')
      .map((id) => claims.findIndex((c) => c.id === id))
      .filter((i) => i >= 0);
    return positions.length ? Math.min(...positions) : Number.MAX_SAFE_INTEGER;
  };
  features.sort((a, b) => order(a) - order(b) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));

  const coverage: ClaimCoverage[] = claims.map((claim) => {
    const scenarios = features.flatMap((feature) =>
      scenariosOf(feature)
        .filter((s) => s.claimIds.includes(claim.id))
        .map((scenario) => ({ feature, scenario })),
    );
    return {
      claim,
      scenarios,
      status: scenarios.length ? worstStatus(scenarios.map((s) => s.scenario.status)) : 'not run',
    };
  });

  const started = envelopes.find((e) => e.envelope.testRunStarted)?.envelope.testRunStarted;
  const finished = envelopes.find((e) => e.envelope.testRunFinished)?.envelope.testRunFinished;
  const meta = envelopes[0]!.envelope.meta!;
  return {
    startedAt: started
      ? new Date(toMillis(started.timestamp))
          .toISOString()
          .replace('T', ' ')
          .replace(/\.\d+Z$/, ' UTC')
      : null,
    milliseconds: started && finished ? toMillis(finished.timestamp) - toMillis(started.timestamp) : 0,
    success: finished?.success ?? false,
    cucumberVersion: `${meta.implementation.name} ${meta.implementation.version}`,
    commit: meta.ci?.git?.revision ?? commit,
    features,
    claims: coverage,
    unknownClaimTags: [...unknownClaimTags].sort(),
    exploration: ix.exploration ? readExploration(file, ix.exploration) : null,
  };
}

/** A Scenario Outline's pickles share a name unless it quotes its placeholders; add the example's values. */
function exampleName(pickle: Pickle, scenario: Scenario): string {
  const rowId = pickle.astNodeIds[1];
  if (rowId === undefined || pickle.name !== scenario.name) return pickle.name;
  const row = scenario.examples.flatMap((e) => e.tableBody).find((r) => r.id === rowId);
  return row ? `${pickle.name} (${row.cells.map((c) => c.value).join(', ')})` : pickle.name;
}

function baseName(uri: string): string {
  return (uri.split('/').pop() ?? uri).replace(/\.feature$/, '');
}

export type { Envelope };
