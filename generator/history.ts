/**
 * The run history: each run's results (per scenario: status, duration, digests of its end state and its trace),
 * the suite's duration and the fuzzing throughput, and digests of every feature file and of the model's sources,
 * one JSON line a run (`reports/history.ndjson`, carried between CI runs). From it: each scenario's last runs,
 * and the scenarios whose result changed while neither their feature nor the model did (flaky). Pure: reading
 * and writing the file, and digesting the sources on disk, are scripts/generate-docs.ts's job.
 */
import { createHash } from 'node:crypto';
import { isStatus, scenariosOf, type FeatureDoc, type RunDoc, type Status } from './run-model';

export const HISTORY_VERSION = 1;
/** Runs kept: enough to see a trend and a flaky scenario's pattern, small enough for a CI cache. */
export const HISTORY_LIMIT = 30;

export interface ScenarioResult {
  readonly feature: string;
  readonly name: string;
  readonly page: string;
  readonly anchor: string;
  readonly status: Status;
  readonly milliseconds: number;
  readonly endState: string | null;
  readonly trace: string | null;
}

export interface HistoryEntry {
  readonly version: number;
  /** Identifies the run: regenerating the pages of the same run replaces its entry rather than adding one. */
  readonly run: string;
  readonly startedAt: string | null;
  readonly commit: string | null;
  readonly milliseconds: number;
  readonly success: boolean;
  readonly stepsPerSecond: number | null;
  /** Feature file uri → digest of its text, as the run read it. */
  readonly features: Readonly<Record<string, string>>;
  /** Digest of the model's (and steps') sources at generation time. */
  readonly model: string;
  readonly scenarios: readonly ScenarioResult[];
}

export const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

export class HistoryError extends Error {}

/** Limits past which a history file is no history this generator wrote (a 10,000-scenario run's line is ~2.5 MB). */
export const HISTORY_LIMITS = {
  /** Characters of one line (one run). */
  lineLength: 32 * 1024 * 1024,
  /** Lines (runs) in the file; the generator keeps HISTORY_LIMIT. */
  runs: 1_000,
  /** Scenarios in one run. */
  scenarios: 100_000,
  /** Feature files in one run. */
  features: 10_000,
} as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): boolean => isNumber(v) && (v as number) >= 0;
const isText = (v: unknown): boolean => typeof v === 'string' && v.length <= 100_000;
const textOrNull = (v: unknown): boolean => v === null || isText(v);

/** What is wrong with one scenario's result, in a few words naming the field, or null. */
function checkScenario(s: unknown, i: number): string | null {
  if (!isRecord(s)) return `"scenarios[${i}]" should be an object`;
  for (const field of ['feature', 'name', 'page', 'anchor'] as const) {
    if (!isText(s[field])) return `"scenarios[${i}].${field}" should be a string`;
  }
  if (!isStatus(s.status)) return `"scenarios[${i}].status" should be a known status`;
  if (!isNumber(s.milliseconds)) return `"scenarios[${i}].milliseconds" should be a number`;
  for (const field of ['endState', 'trace'] as const) {
    if (!textOrNull(s[field])) return `"scenarios[${i}].${field}" should be a digest or null`;
  }
  return null;
}

/** What is wrong with one line of the history, in a few words naming the field, or null: every field checked. */
function checkEntry(value: unknown): string | null {
  if (!isRecord(value)) return 'not an object';
  const e = value;
  if (e.version !== HISTORY_VERSION)
    return `version ${JSON.stringify(e.version)?.slice(0, 20)}, expected ${HISTORY_VERSION}`;
  if (!isText(e.run) || !isText(e.model)) return '"run" and "model" should be strings';
  if (!textOrNull(e.startedAt)) return '"startedAt" should be a string or null';
  if (!textOrNull(e.commit)) return '"commit" should be a string or null';
  // A duration, as the run's own clock gave it (a run whose clock moved back has a negative one).
  if (!isNumber(e.milliseconds)) return '"milliseconds" should be a number';
  if (typeof e.success !== 'boolean') return '"success" should be true or false';
  if (e.stepsPerSecond !== null && !isCount(e.stepsPerSecond))
    return '"stepsPerSecond" should be a number of 0 or more, or null';
  if (!isRecord(e.features)) return '"features" should be an object';
  const features = Object.keys(e.features);
  if (features.length > HISTORY_LIMITS.features) return `"features" has more than ${HISTORY_LIMITS.features} files`;
  for (const uri of features) if (!isText(e.features[uri])) return `"features.${uri.slice(0, 80)}" should be a digest`;
  if (!Array.isArray(e.scenarios)) return '"scenarios" should be a list';
  if (e.scenarios.length > HISTORY_LIMITS.scenarios) return `"scenarios" has more than ${HISTORY_LIMITS.scenarios}`;
  for (const [i, s] of e.scenarios.entries()) {
    const problem = checkScenario(s, i);
    if (problem) return problem;
  }
  return null;
}

/** The history file's runs, oldest first; a line that is not a run of this version names its line. */
export function parseHistory(text: string, file: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  const fresh = 'delete the file to start a new history';
  let start = 0;
  for (let i = 0; start < text.length; i++) {
    const end = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
    const at = `${file}:${i + 1}`;
    if (end - start > HISTORY_LIMITS.lineLength) {
      throw new HistoryError(
        `${at}: a line of ${(end - start).toLocaleString('en-GB')} characters, more than a run takes; ${fresh}`,
      );
    }
    if (i >= HISTORY_LIMITS.runs) throw new HistoryError(`${at}: more than ${HISTORY_LIMITS.runs} runs; ${fresh}`);
    const line = text.slice(start, end);
    start = end + 1;
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      const why = JSON.stringify((error as Error).message)
        .slice(1, -1)
        .slice(0, 200);
      throw new HistoryError(`${at}: not valid JSON (${why}); ${fresh}`);
    }
    const problem = checkEntry(value);
    if (problem) throw new HistoryError(`${at}: not a run of the history: ${problem}; ${fresh}`);
    entries.push(value as unknown as HistoryEntry);
  }
  return entries;
}

export function formatHistory(entries: readonly HistoryEntry[]): string {
  return entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : '');
}

/** The history with this run added (or its earlier entry replaced), keeping the last `HISTORY_LIMIT` runs. */
export function withRun(entries: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [...entries.filter((e) => e.run !== entry.run), entry].slice(-HISTORY_LIMIT);
}

/** Collects each feature's scenario results as its page is published. */
export class HistoryRecorder {
  private readonly scenarios: ScenarioResult[] = [];
  /** The model's timing parameters as the run's traces recorded them (a run from another checkout may differ). */
  private readonly parameters = new Set<string>();

  observe(feature: FeatureDoc): void {
    for (const s of scenariosOf(feature)) {
      if (s.trace) this.parameters.add(JSON.stringify(Object.entries(s.trace.parameters).sort()));
      this.scenarios.push({
        feature: feature.uri,
        name: s.name,
        page: feature.page,
        anchor: s.anchor,
        status: s.status,
        milliseconds: Math.round(s.milliseconds),
        endState: s.endState ? digest(JSON.stringify(s.endState)) : null,
        trace: s.trace ? digest(JSON.stringify(s.trace.events)) : null,
      });
    }
  }

  /** `sources` digests the model's sources where the pages are generated; the run's own parameters join it. */
  entry(run: RunDoc, sources: string): HistoryEntry {
    const model = digest(`${sources}\n${[...this.parameters].sort().join('\n')}`);
    return {
      version: HISTORY_VERSION,
      run: `${run.startedAt ?? 'unknown'} ${run.milliseconds} ms ${run.commit ?? ''}`.trim(),
      startedAt: run.startedAt,
      commit: run.commit,
      milliseconds: run.milliseconds,
      success: run.success,
      stepsPerSecond: run.exploration ? Math.round(run.exploration.random.stepsPerSecond) : null,
      features: run.sources,
      model,
      scenarios: this.scenarios,
    };
  }
}

const resultOf = (s: ScenarioResult): string => `${s.status} ${s.endState ?? '-'} ${s.trace ?? '-'}`;

/** One scenario across the runs, oldest first (null where a run did not have it). */
export interface ScenarioHistory {
  readonly latest: ScenarioResult;
  readonly runs: readonly (ScenarioResult | null)[];
  /** Run indices at which its result changed from the run before while its feature and the model did not. */
  readonly flips: readonly number[];
}

export function scenarioHistories(entries: readonly HistoryEntry[]): ScenarioHistory[] {
  const last = entries.at(-1);
  if (!last) return [];
  const byRun = entries.map((e) => new Map(e.scenarios.map((s) => [`${s.feature}\u0000${s.name}`, s])));
  return last.scenarios.map((latest) => {
    const key = `${latest.feature}\u0000${latest.name}`;
    const runs = byRun.map((m) => m.get(key) ?? null);
    const flips: number[] = [];
    for (let i = 1; i < runs.length; i++) {
      const [a, b] = [runs[i - 1], runs[i]];
      if (!a || !b || resultOf(a) === resultOf(b)) continue;
      const [ea, eb] = [entries[i - 1]!, entries[i]!];
      const sameFeature =
        ea.features[latest.feature] !== undefined && ea.features[latest.feature] === eb.features[latest.feature];
      if (sameFeature && ea.model === eb.model) flips.push(i);
    }
    return { latest, runs, flips };
  });
}
