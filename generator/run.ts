/**
 * The model of one cucumber run that the pages are rendered from: features in the source's order, their rules
 * and scenarios, each scenario's steps with the last attempt's results, and the attachments the steps and hooks
 * made (trace, end state, plan, diagnostic queries, exploration report). Built from parsed messages only; no I/O.
 *
 * `RunBuilder` takes the messages one at a time and hands back each feature as soon as its last scenario has
 * finished, so a run of any size is published page by page with only the unfinished features in memory. The
 * order the messages arrive in (serial or `--parallel` runs) changes nothing in what it builds.
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
  TestStepResult,
  Timestamp,
} from '@cucumber/messages';
import { END_STATE_MEDIA_TYPE, TRACE_MEDIA_TYPE, type Trace } from '../model/trace';
import type { DeploymentView } from '../model/deployment';
import { EXPLORATION_MEDIA_TYPE, type ExplorationReport } from '../exploration/report';
import type { Plan } from '../model/actions';
import { parsePlan, PlanError } from '../plans/plan';
import { checkAttachment, END_STATE_SHAPE, EXPLORATION_SHAPE, TRACE_SHAPE } from './attachment-shapes';
import { MessagesFileError, type NumberedEnvelope } from './messages';
import { anchorFor, uniqueAnchors } from './slug';
import { CLAIM_TAG } from '../features/claims-register';

/** Attached by steps/support/hooks.ts (not imported: importing it would register cucumber hooks). */
export const PLAN_MEDIA_TYPE = 'application/vnd.chat-failure.plan+json';
/** Attached by steps/database_steps.ts, one for each diagnostic query a step ran (not imported, as above). */
export const QUERY_MEDIA_TYPE = 'application/vnd.chat-failure.query+json';

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

/** A diagnostic query a step ran against the scenario's database, and what it returned. */
export interface QueryDoc {
  readonly title: string;
  /** The query as a support engineer runs it on a real deployment (SQL Server). */
  readonly sqlServer: string;
  /** What the embedded engine ran: the SQL Server text after its one documented translation. */
  readonly sql: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
  /** The step that ran it (keyword and text), if the attachment names one. */
  readonly step: string | null;
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
  readonly plan: Plan | null;
  readonly queries: readonly QueryDoc[];
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

export function scenariosOf(feature: FeatureDoc): ScenarioDoc[] {
  return feature.children.flatMap((child) => (child.kind === 'rule' ? child.scenarios : [child]));
}

const toMillis = (t: Timestamp): number => t.seconds * 1000 + Math.round(t.nanos / 1e6);
const durationMillis = (result: TestStepResult): number => result.duration.seconds * 1000 + result.duration.nanos / 1e6;

interface Found {
  readonly line: number;
  readonly attachment: Attachment;
}

function hookKind(type: string | undefined): string {
  return type === 'BEFORE_TEST_CASE' ? 'Before' : type === 'AFTER_TEST_CASE' ? 'After' : 'Hook';
}

function decode(attachment: Attachment): string {
  return attachment.contentEncoding === 'BASE64'
    ? Buffer.from(attachment.body, 'base64').toString('utf8')
    : attachment.body;
}

function attachmentJson(file: string, found: Found, what: string): unknown {
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

function readTrace(file: string, found: Found): Trace {
  const trace = checkAttachment<Trace>(TRACE_SHAPE, attachmentJson(file, found, 'trace'), 'trace', file, found.line);
  return { parameters: trace.parameters ?? {}, events: trace.events };
}

function readEndState(file: string, found: Found): DeploymentView {
  const value = attachmentJson(file, found, 'end state');
  return checkAttachment<DeploymentView>(END_STATE_SHAPE, value, 'end state', file, found.line);
}

function readPlan(file: string, found: Found): Plan {
  const value = attachmentJson(file, found, 'plan');
  try {
    return parsePlan(value, 'the plan attachment');
  } catch (error) {
    if (error instanceof PlanError) throw new MessagesFileError(file, found.line, error.message);
    throw error;
  }
}

function readQuery(file: string, found: Found, step: string | null): QueryDoc {
  const value = attachmentJson(file, found, 'query') as Record<string, unknown>;
  const fail = (problem: string): never => {
    throw new MessagesFileError(file, found.line, `the query attachment ${problem}`);
  };
  if (typeof value !== 'object' || value === null) fail('should be an object');
  const { title, sql, sqlServer, columns, rows } = value;
  if (typeof title !== 'string' || typeof sql !== 'string' || typeof sqlServer !== 'string') {
    fail('should have the strings "title", "sql" and "sqlServer"');
  }
  if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string')) {
    fail('should have "columns", a list of column names');
  }
  if (!Array.isArray(rows) || !rows.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
    fail('should have "rows", a list of objects keyed by column name');
  }
  const cell = (v: unknown): string | number | null =>
    v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v);
  return {
    title: title as string,
    sql: sql as string,
    sqlServer: sqlServer as string,
    columns: columns as string[],
    rows: (rows as Record<string, unknown>[]).map((row) => (columns as string[]).map((c) => cell(row[c]))),
    step,
  };
}

function readExploration(file: string, found: Found): ExplorationReport {
  const value = attachmentJson(file, found, 'exploration');
  return checkAttachment<ExplorationReport>(EXPLORATION_SHAPE, value, 'exploration', file, found.line);
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

/** A Scenario Outline's pickles share a name unless it quotes its placeholders; add the example's values. */
function exampleName(pickle: { name: string; rowId: string | undefined }, scenario: Scenario): string {
  const { rowId } = pickle;
  if (rowId === undefined || pickle.name !== scenario.name) return pickle.name;
  const row = scenario.examples.flatMap((e) => e.tableBody).find((r) => r.id === rowId);
  return row ? `${pickle.name} (${row.cells.map((c) => c.value).join(', ')})` : pickle.name;
}

function baseName(uri: string): string {
  return (uri.split('/').pop() ?? uri).replace(/\.feature$/, '');
}

/** One attempt at a test case: its step results and attachments, kept only until the scenario is built. */
interface Attempt {
  readonly testCaseId: string;
  readonly results: Map<string, TestStepResult>;
  readonly attachments: Found[];
}

/** What the pages need of a test case (cucumber's also lists every step's argument matches). */
interface TestCaseSteps {
  readonly id: string;
  readonly pickleId: string;
  readonly testSteps: readonly { readonly id: string; readonly pickleStepId?: string; readonly hookId?: string }[];
}

/**
 * A pickle waiting for its scenario to run, kept as JSON text: a run writes every pickle before the first
 * scenario starts, and text takes a fraction of the memory of the parsed objects.
 */
interface StoredPickle {
  readonly id: string;
  readonly name: string;
  /** The scenario it comes from, and the Examples row for a Scenario Outline. */
  readonly scenarioId: string;
  readonly rowId: string | undefined;
  readonly tags: readonly string[];
  readonly json: string;
}

/** A scenario as built from its last attempt, before the feature gives it its name and anchor on the page. */
type BuiltScenario = Omit<ScenarioDoc, 'name' | 'anchor' | 'claimIds'>;

interface ParsedDocument {
  readonly document: GherkinDocument;
  readonly stepsById: Map<string, { step: Step; background: boolean }>;
  readonly scenariosById: Map<string, Scenario>;
}

/** A gherkin document and what is needed to build its page, dropped once the page is handed back. */
interface DocumentEntry {
  readonly index: number;
  readonly uri: string;
  readonly feature: boolean;
  readonly baseName: string;
  readonly scenarioIds: readonly string[];
  /** The document as JSON text until its first scenario is built (as for pickles), then parsed. */
  json: string | null;
  parsed: ParsedDocument | null;
  /** Pickles by the scenario they come from, in the order cucumber wrote them. */
  readonly pickles: Map<string, StoredPickle[]>;
  readonly built: Map<string, BuiltScenario>;
  pickleCount: number;
  /** Known once the run starts (every document and pickle has been read). */
  page: string | null;
  position: number;
  done: boolean;
}

/** A feature ready to publish, with its place in the sidebar (1 for the first). */
export interface CompletedFeature {
  readonly feature: FeatureDoc;
  readonly position: number;
}

export interface RunBuilderOptions {
  /** The messages file's name as shown in errors. */
  readonly file: string;
  /** The claims register. */
  readonly claims: readonly Claim[];
  /** The revision the run was made at, if known (the run's own `meta` wins). */
  readonly commit?: string | null;
  /**
   * Keep each completed feature whole in the finished `RunDoc` (default), or only what the pages about the run
   * as a whole need (names, anchors, statuses), so that memory does not grow with traces and end states.
   */
  readonly keep?: 'whole' | 'summary';
}

/** What the run-level pages need of a scenario: everything but its diagrams, end state, plan and queries. */
function summaryOf(feature: FeatureDoc): FeatureDoc {
  const slim = (s: ScenarioDoc): ScenarioDoc => ({
    ...s,
    steps: s.steps.map((step) => ({ ...step, docString: null, dataTable: null, error: null })),
    trace: null,
    endState: null,
    plan: null,
    queries: [],
  });
  return {
    ...feature,
    children: feature.children.map((c) => (c.kind === 'rule' ? { ...c, scenarios: c.scenarios.map(slim) } : slim(c))),
  };
}

function parseDocument(json: string): ParsedDocument {
  const document = JSON.parse(json) as GherkinDocument;
  const stepsById = new Map<string, { step: Step; background: boolean }>();
  const scenariosById = new Map<string, Scenario>();
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
  return { document, stepsById, scenariosById };
}

export class RunBuilder {
  private readonly file: string;
  private readonly claims: readonly Claim[];
  private readonly known: Set<string>;
  private readonly keep: 'whole' | 'summary';
  private readonly commit: string | null;
  private readonly documents: DocumentEntry[] = [];
  private readonly documentOfScenario = new Map<string, DocumentEntry>();
  private readonly documentOfPickle = new Map<string, DocumentEntry>();
  private readonly pickles = new Map<string, StoredPickle>();
  private readonly hooks = new Map<string, string>();
  private readonly testCases = new Map<string, TestCaseSteps>();
  private readonly testCaseOfPickle = new Map<string, TestCaseSteps>();
  private readonly attempts = new Map<string, Attempt>();
  /** testCaseId → the testCaseStartedId of its latest attempt. */
  private readonly latestAttempt = new Map<string, string>();
  private readonly unknownClaimTags = new Set<string>();
  private readonly completed: CompletedFeature[] = [];
  private meta: Envelope['meta'] | null = null;
  private started: Timestamp | null = null;
  private finished: { timestamp: Timestamp; success: boolean } | null = null;
  private exploration: Found | null = null;
  private frozen = false;

  constructor(options: RunBuilderOptions) {
    this.file = options.file;
    this.claims = options.claims;
    this.known = new Set(options.claims.map((c) => c.id));
    this.keep = options.keep ?? 'whole';
    this.commit = options.commit ?? null;
  }

  /** Takes the next message; gives back the features it completed (usually none), in sidebar order. */
  add({ line, envelope: e }: NumberedEnvelope): CompletedFeature[] {
    if (e.gherkinDocument) this.addDocument(line, e.gherkinDocument);
    else if (e.pickle) this.addPickle(line, e.pickle);
    else if (e.meta) this.meta ??= e.meta;
    else if (e.hook) this.hooks.set(e.hook.id, e.hook.name ?? `${hookKind(e.hook.type)} hook`);
    else if (e.testRunStarted) {
      this.started = e.testRunStarted.timestamp;
      return this.freeze();
    } else if (e.testCase) {
      const { id, pickleId, testSteps } = e.testCase;
      const testCase: TestCaseSteps = {
        id,
        pickleId,
        testSteps: testSteps.map((s) => ({ id: s.id, pickleStepId: s.pickleStepId, hookId: s.hookId })),
      };
      this.testCases.set(id, testCase);
      this.testCaseOfPickle.set(pickleId, testCase);
    } else if (e.testCaseStarted) {
      const { id, testCaseId } = e.testCaseStarted;
      // Only the latest attempt of a test case counts: an earlier one's results are dropped with it.
      const previous = this.latestAttempt.get(testCaseId);
      if (previous !== undefined) this.attempts.delete(previous);
      this.latestAttempt.set(testCaseId, id);
      this.attempts.set(id, { testCaseId, results: new Map(), attachments: [] });
    } else if (e.testStepFinished) {
      const { testCaseStartedId, testStepId, testStepResult } = e.testStepFinished;
      this.attempts.get(testCaseStartedId)?.results.set(testStepId, testStepResult);
    } else if (e.attachment) {
      const { testCaseStartedId, mediaType } = e.attachment;
      if (mediaType === EXPLORATION_MEDIA_TYPE) this.exploration = { line, attachment: e.attachment };
      if (testCaseStartedId) this.attempts.get(testCaseStartedId)?.attachments.push({ line, attachment: e.attachment });
    } else if (e.testCaseFinished) {
      if (!e.testCaseFinished.willBeRetried) return this.finishAttempt(e.testCaseFinished.testCaseStartedId);
    } else if (e.testRunFinished) {
      this.finished = { timestamp: e.testRunFinished.timestamp, success: e.testRunFinished.success };
    }
    return [];
  }

  /** After the last message: the features not completed yet (scenarios that never ran), and the whole run. */
  finish(): { remaining: CompletedFeature[]; run: RunDoc } {
    const remaining = this.freeze();
    for (const entry of this.documents) {
      if (entry.done || !entry.feature) continue;
      for (const pickles of entry.pickles.values()) {
        for (const pickle of pickles) {
          if (entry.built.has(pickle.id)) continue;
          const testCase = this.testCaseOfPickle.get(pickle.id);
          const attempt = testCase ? this.latestAttempt.get(testCase.id) : undefined;
          entry.built.set(pickle.id, this.buildScenario(entry, pickle, testCase, attempt));
        }
      }
      remaining.push(this.complete(entry));
    }
    remaining.sort((a, b) => a.position - b.position);
    const features = [...this.completed].sort((a, b) => a.position - b.position).map((c) => c.feature);
    const meta = this.meta;
    if (!meta) throw new MessagesFileError(this.file, 1, 'the run has no "meta" message');
    const covering = new Map<string, { feature: FeatureDoc; scenario: ScenarioDoc }[]>();
    for (const feature of features) {
      for (const scenario of scenariosOf(feature)) {
        for (const id of new Set(scenario.claimIds)) {
          if (!covering.has(id)) covering.set(id, []);
          covering.get(id)!.push({ feature, scenario });
        }
      }
    }
    const coverage: ClaimCoverage[] = this.claims.map((claim) => {
      const scenarios = covering.get(claim.id) ?? [];
      return {
        claim,
        scenarios,
        status: scenarios.length ? worstStatus(scenarios.map((s) => s.scenario.status)) : 'not run',
      };
    });
    const { started, finished } = this;
    const run: RunDoc = {
      startedAt: started
        ? new Date(toMillis(started))
            .toISOString()
            .replace('T', ' ')
            .replace(/\.\d+Z$/, ' UTC')
        : null,
      milliseconds: started && finished ? toMillis(finished.timestamp) - toMillis(started) : 0,
      success: finished?.success ?? false,
      cucumberVersion: `${meta.implementation.name} ${meta.implementation.version}`,
      commit: meta.ci?.git?.revision ?? this.commit,
      features,
      claims: coverage,
      unknownClaimTags: [...this.unknownClaimTags].sort(),
      exploration: this.exploration ? readExploration(this.file, this.exploration) : null,
    };
    return { remaining, run };
  }

  private addDocument(line: number, document: GherkinDocument): void {
    this.refuseAfterStart(line, 'gherkinDocument');
    const scenarioIds: string[] = [];
    for (const child of document.feature?.children ?? []) {
      if (child.scenario) scenarioIds.push(child.scenario.id);
      for (const ruleChild of child.rule?.children ?? [])
        if (ruleChild.scenario) scenarioIds.push(ruleChild.scenario.id);
    }
    const entry: DocumentEntry = {
      index: this.documents.length,
      uri: document.uri ?? `document at line ${line}`,
      feature: document.feature !== undefined,
      baseName: baseName(document.uri ?? 'feature'),
      scenarioIds,
      json: JSON.stringify(document),
      parsed: null,
      pickles: new Map(),
      built: new Map(),
      pickleCount: 0,
      page: null,
      position: 0,
      done: false,
    };
    for (const id of scenarioIds) this.documentOfScenario.set(id, entry);
    this.documents.push(entry);
  }

  private addPickle(line: number, pickle: Pickle): void {
    this.refuseAfterStart(line, 'pickle');
    const scenarioId = pickle.astNodeIds[0]!;
    const entry = this.documentOfScenario.get(scenarioId);
    // A pickle of no scenario we know has no place on a page.
    if (!entry?.feature) return;
    const stored: StoredPickle = {
      id: pickle.id,
      name: pickle.name,
      scenarioId,
      rowId: pickle.astNodeIds[1],
      tags: pickle.tags.map((t) => t.name),
      json: JSON.stringify(pickle),
    };
    if (!entry.pickles.has(scenarioId)) entry.pickles.set(scenarioId, []);
    entry.pickles.get(scenarioId)!.push(stored);
    entry.pickleCount++;
    this.pickles.set(pickle.id, stored);
    this.documentOfPickle.set(pickle.id, entry);
    this.claimIdsOf(stored.tags);
  }

  private refuseAfterStart(line: number, what: string): void {
    if (this.frozen) {
      throw new MessagesFileError(
        this.file,
        line,
        `a "${what}" message after "testRunStarted": cucumber writes every feature and pickle before the run starts`,
      );
    }
  }

  private claimIdsOf(tags: readonly string[]): string[] {
    const ids = tags.filter((t) => CLAIM_TAG.test(t)).map((t) => t.slice(1));
    for (const id of ids) if (!this.known.has(id)) this.unknownClaimTags.add(id);
    return ids.filter((id) => this.known.has(id));
  }

  private parsed(entry: DocumentEntry): ParsedDocument {
    if (!entry.parsed) {
      entry.parsed = parseDocument(entry.json!);
      entry.json = null;
    }
    return entry.parsed;
  }

  /** Every document and pickle is known: fix each feature's page name and its place in the sidebar. */
  private freeze(): CompletedFeature[] {
    if (this.frozen) return [];
    this.frozen = true;
    const pages = uniqueAnchors(this.documents.map((entry) => anchorFor(entry.baseName.replace(/_/g, '-'), 'feature')));
    const features = this.documents.filter((entry) => entry.feature);
    for (const entry of features) entry.page = `features/${pages[entry.index]!}`;
    // The source's order: by the first claim a feature's scenarios cover (the premise, PRE-1, does not count).
    const order = (entry: DocumentEntry): number => {
      const positions = [...entry.pickles.values()]
        .flat()
        .flatMap((p) => this.claimIdsOf(p.tags))
        .filter((id) => id !== 'PRE-1')
        .map((id) => this.claims.findIndex((c) => c.id === id))
        .filter((i) => i >= 0);
      return positions.length ? Math.min(...positions) : Number.MAX_SAFE_INTEGER;
    };
    const ranked = features.map((entry) => ({ entry, order: order(entry), uri: entry.uri }));
    ranked.sort((a, b) => a.order - b.order || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    ranked.forEach(({ entry }, i) => (entry.position = i + 1));
    return features.filter((entry) => entry.built.size === entry.pickleCount).map((entry) => this.complete(entry));
  }

  private finishAttempt(startedId: string): CompletedFeature[] {
    const attempt = this.attempts.get(startedId);
    const testCase = attempt && this.testCases.get(attempt.testCaseId);
    const pickle = testCase && this.pickles.get(testCase.pickleId);
    const entry = pickle && this.documentOfPickle.get(pickle.id);
    if (!entry || entry.done) return [];
    entry.built.set(pickle.id, this.buildScenario(entry, pickle, testCase, startedId));
    this.attempts.delete(startedId);
    this.testCases.delete(testCase.id);
    this.latestAttempt.delete(testCase.id);
    return this.frozen && entry.built.size === entry.pickleCount ? [this.complete(entry)] : [];
  }

  private buildScenario(
    entry: DocumentEntry,
    stored: StoredPickle,
    testCase: TestCaseSteps | undefined,
    startedId: string | undefined,
  ): BuiltScenario {
    const { stepsById, scenariosById } = this.parsed(entry);
    const pickle = JSON.parse(stored.json) as Pickle;
    const scenario = scenariosById.get(stored.scenarioId)!;
    const attempt = startedId !== undefined ? this.attempts.get(startedId) : undefined;
    const results = attempt?.results;
    const pickleSteps = new Map(pickle.steps.map((s) => [s.id, s]));
    const steps: StepDoc[] = [];
    const stepText = new Map<string, string>();
    const gherkinStep = (pickleStep: PickleStep, status: Status, result: TestStepResult | undefined): StepDoc => {
      const source = stepsById.get(pickleStep.astNodeIds[0]!);
      return {
        keyword: source?.step.keyword.trim() ?? '*',
        text: pickleStep.text,
        hook: false,
        fromBackground: source?.background ?? false,
        status,
        milliseconds: result ? durationMillis(result) : 0,
        error: result ? errorOf(result) : null,
        ...pickleStepArgument(pickleStep),
      };
    };
    if (testCase) {
      for (const testStep of testCase.testSteps) {
        const result = results?.get(testStep.id);
        const status = statusOf(result);
        const pickleStep = testStep.pickleStepId ? pickleSteps.get(testStep.pickleStepId) : undefined;
        if (pickleStep) {
          const step = gherkinStep(pickleStep, status, result);
          stepText.set(testStep.id, `${step.keyword} ${step.text}`);
          steps.push(step);
        } else {
          steps.push({
            keyword: '',
            text: this.hooks.get(testStep.hookId ?? '') ?? 'Hook',
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
      for (const pickleStep of pickle.steps) steps.push(gherkinStep(pickleStep, 'not run', undefined));
    }
    const found = attempt?.attachments ?? [];
    const ofType = (mediaType: string) => found.filter((a) => a.attachment.mediaType === mediaType).at(-1);
    const trace = ofType(TRACE_MEDIA_TYPE);
    const endState = ofType(END_STATE_MEDIA_TYPE);
    const plan = ofType(PLAN_MEDIA_TYPE);
    const queries = found
      .filter((a) => a.attachment.mediaType === QUERY_MEDIA_TYPE)
      .map((a) => readQuery(this.file, a, stepText.get(a.attachment.testStepId ?? '') ?? null));
    const tags = stored.tags;
    return {
      kind: 'scenario',
      keyword: scenario.keyword,
      description: scenario.description.trim(),
      line: scenario.location.line,
      tags,
      knownDefect: tags.includes('@known-defect'),
      inferred: tags.includes('@inferred'),
      status: testCase ? worstStatus(steps.map((s) => s.status)) : 'not run',
      milliseconds: steps.reduce((sum, s) => sum + s.milliseconds, 0),
      steps,
      trace: trace ? readTrace(this.file, trace) : null,
      endState: endState ? readEndState(this.file, endState) : null,
      plan: plan ? readPlan(this.file, plan) : null,
      queries,
    };
  }

  /** Every scenario of the document is built: assemble the feature, hand it back and forget the document. */
  private complete(entry: DocumentEntry): CompletedFeature {
    const { document } = this.parsed(entry);
    const feature = document.feature!;
    const usedAnchors = new Set<string>(['background', 'scenarios']);
    const take = (text: string, fallback: string): string => {
      const base = anchorFor(text, fallback);
      let anchor = base;
      for (let n = 2; usedAnchors.has(anchor); n++) anchor = `${base}-${n}`;
      usedAnchors.add(anchor);
      return anchor;
    };
    const scenarioDocs = (scenario: Scenario): ScenarioDoc[] =>
      (entry.pickles.get(scenario.id) ?? []).map((pickle) => {
        const name = exampleName(pickle, scenario);
        const built = entry.built.get(pickle.id)!;
        return { ...built, name, anchor: take(name, 'scenario'), claimIds: this.claimIdsOf(built.tags) };
      });
    const backgroundOf = (children: readonly { background?: Background }[]) => {
      const b = children.find((c) => c.background)?.background;
      return b ? { name: b.name, steps: b.steps.map((s) => `${s.keyword.trim()} ${s.text}`) } : null;
    };
    const buildRule = (rule: Rule): RuleDoc => {
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
    };
    const children: (RuleDoc | ScenarioDoc)[] = [];
    for (const child of feature.children) {
      if (child.scenario) children.push(...scenarioDocs(child.scenario));
      if (child.rule) children.push(buildRule(child.rule));
    }
    const all = children.flatMap((c) => (c.kind === 'rule' ? c.scenarios : [c]));
    const doc: FeatureDoc = {
      uri: entry.uri,
      page: entry.page!,
      name: feature.name,
      description: feature.description.trim(),
      tags: feature.tags.map((t) => t.name),
      background: backgroundOf(feature.children),
      children,
      status: worstStatus(all.map((s) => s.status)),
    };
    entry.done = true;
    entry.parsed = null;
    for (const id of entry.scenarioIds) this.documentOfScenario.delete(id);
    for (const pickles of entry.pickles.values()) {
      for (const pickle of pickles) {
        this.pickles.delete(pickle.id);
        this.documentOfPickle.delete(pickle.id);
        this.testCaseOfPickle.delete(pickle.id);
      }
    }
    entry.pickles.clear();
    entry.built.clear();
    this.completed.push({ feature: this.keep === 'whole' ? doc : summaryOf(doc), position: entry.position });
    return { feature: doc, position: entry.position };
  }
}

/** Builds the run model from a whole file's messages. `claims` is the claims register; `commit` is the revision
 *  the run was made at, if known. */
export function buildRun(
  envelopes: readonly NumberedEnvelope[],
  file: string,
  claims: readonly Claim[],
  commit: string | null = null,
): RunDoc {
  const builder = new RunBuilder({ file, claims, commit });
  for (const envelope of envelopes) builder.add(envelope);
  return builder.finish().run;
}

export type { Envelope };
