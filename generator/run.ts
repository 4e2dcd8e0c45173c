/**
 * Builds the run model (`run-model.ts`) from a cucumber run's messages. `RunBuilder` takes the messages one at a
 * time and hands back each feature as soon as its last scenario has finished, so a run of any size is published
 * page by page with only the unfinished features in memory; each feature's messages are read through
 * `@cucumber/query` (`feature-query.ts`). The order the messages arrive in (serial or `--parallel` runs)
 * changes nothing in what it builds.
 *
 * Every reference a message makes (a pickle to its scenario, a test case to its pickle and steps, a result or an
 * attachment to its attempt and step) is checked as the message arrives: a dangling one is a
 * `MessagesFileError` naming the file, the line and the field, never a scenario quietly shown as "not run".
 */
import type { Attachment, Envelope, GherkinDocument, Hook, Pickle, TestCase, Timestamp } from '@cucumber/messages';
import { EXPLORATION_MEDIA_TYPE } from '../model/media-types';
import { CLAIM_TAG } from '../features/claims-register';
import { readExploration, type Found } from './attachments';
import { featureFileEnvelopes, notRunIds, picklesNotRun, type FeatureFile } from './feature-files';
import { FeatureQuery, toMillis } from './feature-query';
import { digest } from './history';
import { quoted } from './escape';
import { MessagesFileError, type NumberedEnvelope } from './messages';
import {
  scenariosOf,
  worstStatus,
  type Claim,
  type ClaimCoverage,
  type FeatureDoc,
  type RunDoc,
  type ScenarioDoc,
  utcText,
} from './run-model';
import { anchorFor, uniqueAnchors } from './slug';

export * from './run-model';

function baseName(uri: string): string {
  return (uri.split('/').pop() ?? uri).replace(/\.feature$/, '');
}

/** A pickle waiting for its scenario to run, kept as JSON text (a fraction of the parsed object's memory). */
interface StoredPickle {
  readonly id: string;
  readonly scenarioId: string;
  readonly tags: readonly string[];
  readonly stepIds: ReadonlySet<string>;
  readonly json: string;
}

/** A gherkin document and what is needed to build its page, dropped once the page is handed back. */
interface DocumentEntry {
  readonly index: number;
  readonly uri: string;
  readonly feature: boolean;
  readonly baseName: string;
  readonly scenarioIds: readonly string[];
  /** The document as JSON text until its Query is made (at its first attempt, or when it is built). */
  json: string;
  query: FeatureQuery | null;
  readonly pickles: StoredPickle[];
  /** Test cases by pickle, and those not yet given to the Query. */
  readonly testCaseOfPickle: Map<string, TestCase>;
  readonly pendingTestCases: TestCase[];
  readonly attemptIds: string[];
  /** Pickles whose last attempt has finished. */
  readonly finished: Set<string>;
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
  /**
   * The specification's feature files: every feature and scenario among them the run left out is shown as not run,
   * at the page and anchor a full run gives it (generator/feature-files.ts). Without them, only what ran.
   */
  readonly featureFiles?: readonly FeatureFile[];
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

export class RunBuilder {
  private readonly file: string;
  private readonly claims: readonly Claim[];
  private readonly known: Set<string>;
  private readonly keep: 'whole' | 'summary';
  private readonly commit: string | null;
  private readonly documents: DocumentEntry[] = [];
  private readonly documentOfScenario = new Map<string, DocumentEntry>();
  private readonly pickles = new Map<string, { entry: DocumentEntry; pickle: StoredPickle }>();
  private readonly hooks = new Map<string, Hook>();
  private readonly testCases = new Map<
    string,
    { entry: DocumentEntry; pickleId: string; stepIds: ReadonlySet<string> }
  >();
  /** testCaseStartedId → its test case. */
  private readonly attempts = new Map<string, string>();
  private readonly lineOf = new WeakMap<Attachment, number>();
  private readonly unknownClaimTags = new Set<string>();
  private readonly completed: CompletedFeature[] = [];
  private meta: Envelope['meta'] | null = null;
  private started: Timestamp | null = null;
  private finished: { timestamp: Timestamp; success: boolean } | null = null;
  private exploration: Found | null = null;
  private frozen = false;
  private readonly sources: Record<string, string> = {};
  private featureFiles: readonly FeatureFile[];
  private readonly notRun: string[] = [];

  constructor(options: RunBuilderOptions) {
    this.file = options.file;
    this.claims = options.claims;
    this.known = new Set(options.claims.map((c) => c.id));
    this.keep = options.keep ?? 'whole';
    this.commit = options.commit ?? null;
    this.featureFiles = options.featureFiles ?? [];
  }

  private fail(line: number, problem: string): never {
    throw new MessagesFileError(this.file, line, problem);
  }

  /** Takes the next message; gives back the features it completed (usually none), in sidebar order. */
  add({ line, envelope: e }: NumberedEnvelope): CompletedFeature[] {
    if (e.gherkinDocument) this.addDocument(line, e.gherkinDocument);
    else if (e.pickle) this.addPickle(line, e.pickle);
    else if (e.meta) this.meta ??= e.meta;
    else if (e.source) this.sources[e.source.uri] = digest(e.source.data);
    else if (e.hook) this.hooks.set(e.hook.id, e.hook);
    else if (e.testRunStarted) {
      // The run's start is shown as a date: a time no Date can hold (past 8.64e12 seconds from 1970) is refused.
      const { timestamp } = e.testRunStarted;
      if (Number.isNaN(new Date(toMillis(timestamp)).getTime()))
        this.fail(line, `testRunStarted.timestamp.seconds is ${timestamp.seconds}, past any date (at most 8.64e12)`);
      this.started = timestamp;
      return this.freeze();
    } else if (e.testCase) this.addTestCase(line, e.testCase);
    else if (e.testCaseStarted) {
      const { id, testCaseId } = e.testCaseStarted;
      const testCase = this.testCases.get(testCaseId);
      if (!testCase) {
        this.fail(
          line,
          `testCaseStarted.testCaseId: ${quoted(testCaseId)} is no test case of this run (no testCase message before it has that id)`,
        );
      }
      this.attempts.set(id, testCaseId);
      testCase.entry.attemptIds.push(id);
      this.queryOf(testCase.entry).update(e);
    } else if (e.testStepStarted || e.testStepFinished) {
      const { testCaseStartedId, testStepId } = (e.testStepStarted ?? e.testStepFinished)!;
      const type = e.testStepStarted ? 'testStepStarted' : 'testStepFinished';
      this.entryOfStep(line, type, testCaseStartedId, testStepId).query!.update(e);
    } else if (e.attachment) {
      const { testCaseStartedId, testStepId, mediaType } = e.attachment;
      if (mediaType === EXPLORATION_MEDIA_TYPE) this.exploration = { line, attachment: e.attachment };
      if (testCaseStartedId !== undefined) {
        const entry =
          testStepId !== undefined
            ? this.entryOfStep(line, 'attachment', testCaseStartedId, testStepId)
            : this.entryOfAttempt(line, 'attachment', testCaseStartedId);
        this.lineOf.set(e.attachment, line);
        entry.query!.update(e);
      }
    } else if (e.testCaseFinished) {
      const { testCaseStartedId, willBeRetried } = e.testCaseFinished;
      const entry = this.entryOfAttempt(line, 'testCaseFinished', testCaseStartedId);
      entry.query!.update(e);
      if (!willBeRetried) {
        entry.finished.add(this.testCases.get(this.attempts.get(testCaseStartedId)!)!.pickleId);
        if (this.frozen && !entry.done && entry.finished.size === entry.pickles.length) return [this.complete(entry)];
      }
    } else if (e.testRunFinished) {
      this.finished = { timestamp: e.testRunFinished.timestamp, success: e.testRunFinished.success };
    }
    return [];
  }

  private entryOfAttempt(line: number, type: string, testCaseStartedId: string): DocumentEntry {
    const testCaseId = this.attempts.get(testCaseStartedId);
    if (testCaseId === undefined) {
      this.fail(
        line,
        `${type}.testCaseStartedId: ${quoted(testCaseStartedId)} is no attempt of this run (no testCaseStarted message before it has that id, or that feature was already finished)`,
      );
    }
    return this.testCases.get(testCaseId)!.entry;
  }

  private entryOfStep(line: number, type: string, testCaseStartedId: string, testStepId: string): DocumentEntry {
    const entry = this.entryOfAttempt(line, type, testCaseStartedId);
    const testCase = this.testCases.get(this.attempts.get(testCaseStartedId)!)!;
    if (!testCase.stepIds.has(testStepId)) {
      this.fail(
        line,
        `${type}.testStepId: ${quoted(testStepId)} is no step of test case ${quoted(this.attempts.get(testCaseStartedId))} (its testCase message lists ${[...testCase.stepIds].map((s) => `${quoted(s)}`).join(', ')})`,
      );
    }
    return entry;
  }

  private addTestCase(line: number, testCase: TestCase): void {
    const found = this.pickles.get(testCase.pickleId);
    if (!found) {
      this.fail(
        line,
        `testCase.pickleId: ${quoted(testCase.pickleId)} is no pickle of this run (a test case must run a pickle written before it)`,
      );
    }
    const { entry, pickle } = found;
    testCase.testSteps.forEach((step, i) => {
      if (step.pickleStepId !== undefined && !pickle.stepIds.has(step.pickleStepId)) {
        this.fail(
          line,
          `testCase.testSteps[${i}].pickleStepId: ${quoted(step.pickleStepId)} is no step of pickle ${quoted(pickle.id)}`,
        );
      }
      if (step.hookId !== undefined && !this.hooks.has(step.hookId)) {
        this.fail(
          line,
          `testCase.testSteps[${i}].hookId: ${quoted(step.hookId)} is no hook of this run (no hook message has that id)`,
        );
      }
      if ((step.pickleStepId === undefined) === (step.hookId === undefined)) {
        this.fail(line, `testCase.testSteps[${i}] should name either a pickleStepId or a hookId`);
      }
    });
    if (entry.testCaseOfPickle.has(pickle.id))
      this.fail(line, `testCase: a second test case for pickle ${quoted(pickle.id)}`);
    entry.testCaseOfPickle.set(pickle.id, testCase);
    this.testCases.set(testCase.id, {
      entry,
      pickleId: pickle.id,
      stepIds: new Set(testCase.testSteps.map((s) => s.id)),
    });
    if (entry.query) entry.query.update({ testCase });
    else entry.pendingTestCases.push(testCase);
  }

  /** The feature's Query, made at its first attempt from what was kept as text until then. */
  private queryOf(entry: DocumentEntry): FeatureQuery {
    if (!entry.query) {
      const query = new FeatureQuery(this.file, entry.json, [...this.hooks.values()], this.lineOf);
      for (const pickle of entry.pickles) query.addPickle(pickle.json);
      for (const testCase of entry.pendingTestCases) query.update({ testCase });
      entry.pendingTestCases.length = 0;
      entry.json = '';
      entry.query = query;
    }
    return entry.query;
  }

  /** After the last message: the features not completed yet (scenarios that never ran), and the whole run. */
  finish(): { remaining: CompletedFeature[]; run: RunDoc } {
    const meta = this.meta;
    if (!meta) throw new MessagesFileError(this.file, 1, 'the run has no "meta" message');
    const remaining = this.freeze();
    for (const entry of this.documents) if (!entry.done && entry.feature) remaining.push(this.complete(entry));
    remaining.sort((a, b) => a.position - b.position);
    const features = [...this.completed].sort((a, b) => a.position - b.position).map((c) => c.feature);
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
      startedAt: started ? utcText(new Date(toMillis(started)).toISOString()) : null,
      milliseconds: started && finished ? toMillis(finished.timestamp) - toMillis(started) : 0,
      success: finished?.success ?? false,
      cucumberVersion: `${meta.implementation.name} ${meta.implementation.version}`,
      commit: meta.ci?.git?.revision ?? this.commit,
      features,
      claims: coverage,
      unknownClaimTags: [...this.unknownClaimTags].sort(),
      exploration: this.exploration ? readExploration(this.file, this.exploration) : null,
      sources: this.sources,
      notRun: this.notRun,
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
      query: null,
      pickles: [],
      testCaseOfPickle: new Map(),
      pendingTestCases: [],
      attemptIds: [],
      finished: new Set(),
      page: null,
      position: 0,
      done: false,
    };
    for (const id of scenarioIds) {
      if (this.documentOfScenario.has(id))
        this.fail(line, `gherkinDocument: scenario id ${quoted(id)} is used twice in this run`);
      this.documentOfScenario.set(id, entry);
    }
    this.documents.push(entry);
  }

  private addPickle(line: number, pickle: Pickle): void {
    this.refuseAfterStart(line, 'pickle');
    const scenarioId = pickle.astNodeIds[0]!;
    const entry = this.documentOfScenario.get(scenarioId);
    if (!entry) {
      this.fail(
        line,
        `pickle.astNodeIds[0]: ${quoted(scenarioId)} is no scenario of a gherkinDocument before it (pickle ${quoted(pickle.name)})`,
      );
    }
    if (this.pickles.has(pickle.id)) this.fail(line, `pickle.id: ${quoted(pickle.id)} is used by an earlier pickle`);
    const stored: StoredPickle = {
      id: pickle.id,
      scenarioId,
      tags: pickle.tags.map((t) => t.name),
      stepIds: new Set(pickle.steps.map((s) => s.id)),
      json: JSON.stringify(pickle),
    };
    entry.pickles.push(stored);
    this.pickles.set(pickle.id, { entry, pickle: stored });
    this.claimIdsOf(stored.tags);
  }

  private refuseAfterStart(line: number, what: string): void {
    if (this.frozen) {
      this.fail(
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

  /**
   * Before the run starts, what it left out of the feature files: the pickles of its documents it did not write
   * (scenarios left out by `--name` or `--tags`), and the documents and pickles of the files it did not read.
   */
  private overlay(): void {
    const files = this.featureFiles;
    this.featureFiles = [];
    if (files.length === 0) return;
    const newId = notRunIds();
    const read = new Set(this.documents.map((entry) => entry.uri));
    for (const entry of this.documents.filter((e) => e.feature)) {
      const ran = entry.pickles.map((p) => JSON.parse(p.json) as Pickle);
      for (const pickle of picklesNotRun(JSON.parse(entry.json) as GherkinDocument, ran, newId))
        this.addPickle(0, pickle);
    }
    for (const file of files.filter((f) => !read.has(f.uri))) {
      this.notRun.push(file.uri);
      for (const e of featureFileEnvelopes(file, newId)) {
        if (e.gherkinDocument) this.addDocument(0, e.gherkinDocument);
        else if (e.pickle) this.addPickle(0, e.pickle);
      }
    }
  }

  /** Every document and pickle is known: fix each feature's page name and its place in the sidebar. */
  private freeze(): CompletedFeature[] {
    if (this.frozen) return [];
    this.overlay();
    this.frozen = true;
    const pages = uniqueAnchors(this.documents.map((entry) => anchorFor(entry.baseName.replace(/_/g, '-'), 'feature')));
    const features = this.documents.filter((entry) => entry.feature);
    for (const entry of features) entry.page = `features/${pages[entry.index]!}`;
    // The source's order: by the first claim a feature's scenarios cover (the premise, PRE-1, does not count).
    const order = (entry: DocumentEntry): number => {
      const positions = entry.pickles
        .flatMap((p) => this.claimIdsOf(p.tags))
        .filter((id) => id !== 'PRE-1')
        .map((id) => this.claims.findIndex((c) => c.id === id))
        .filter((i) => i >= 0);
      return positions.length ? Math.min(...positions) : Number.MAX_SAFE_INTEGER;
    };
    const ranked = features.map((entry) => ({ entry, order: order(entry), uri: entry.uri }));
    ranked.sort((a, b) => a.order - b.order || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    ranked.forEach(({ entry }, i) => (entry.position = i + 1));
    return features
      .filter((entry) => entry.finished.size === entry.pickles.length)
      .map((entry) => this.complete(entry));
  }

  /** Every scenario of the document is built: assemble the feature, hand it back and forget the document. */
  private complete(entry: DocumentEntry): CompletedFeature {
    const built = this.queryOf(entry).build(entry.testCaseOfPickle, (tags) => this.claimIdsOf(tags));
    const doc: FeatureDoc = { ...built, uri: entry.uri, page: entry.page! };
    entry.done = true;
    entry.query = null;
    for (const id of entry.scenarioIds) this.documentOfScenario.delete(id);
    for (const pickle of entry.pickles) this.pickles.delete(pickle.id);
    for (const testCase of entry.testCaseOfPickle.values()) this.testCases.delete(testCase.id);
    for (const id of entry.attemptIds) this.attempts.delete(id);
    entry.pickles.length = 0;
    entry.testCaseOfPickle.clear();
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
