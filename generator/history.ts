/**
 * The run history: each run's results (per scenario: status, duration, digests of its end state and its trace),
 * the suite's duration and the fuzzing throughput, and digests of every feature file and of the model's sources,
 * one JSON line a run (`reports/history.ndjson`, carried between CI runs). From it: each scenario's last runs,
 * and the scenarios whose result changed while neither their feature nor the model did (flaky). Pure: reading
 * and writing the file, and digesting the sources on disk, are scripts/generate-docs.ts's job.
 */
import { createHash } from 'node:crypto';
import { scenariosOf, STATUSES, type FeatureDoc, type RunDoc, type Status } from './run-model';
import { fields, figure, flag, list, mapOf, matching, nullable, oneOf, ShapeError, text } from './shape';

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

/** Pages and anchors are written into links: only what the generator makes of them (generator/slug.ts) is read. */
const PAGE = matching(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'a page path such as "features/application-server"');
const ANCHOR = matching(/^[a-z0-9-]+$/, 'an anchor such as "the-customer-waits" (lowercase words and dashes)');
/** One run of the history, field by field: every field the history page shows or links with. */
const ENTRY = fields({
  version: (v, p) => {
    if (v !== HISTORY_VERSION)
      throw new ShapeError(p, `must be ${HISTORY_VERSION}; got ${JSON.stringify(v) ?? String(v)}`);
  },
  run: text,
  startedAt: nullable(text),
  commit: nullable(text),
  milliseconds: figure,
  success: flag,
  stepsPerSecond: nullable(figure),
  features: mapOf(text),
  model: text,
  scenarios: list(
    fields({
      feature: text,
      name: text,
      page: PAGE,
      anchor: ANCHOR,
      status: oneOf(STATUSES),
      milliseconds: figure,
      endState: nullable(text),
      trace: nullable(text),
    }),
  ),
});

function checkEntry(value: unknown): string | null {
  try {
    ENTRY(value, '');
    return null;
  } catch (error) {
    if (error instanceof ShapeError) return error.message;
    throw error;
  }
}

/** The history file's runs, oldest first; a line that is not a run of this version names its line. */
export function parseHistory(text: string, file: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new HistoryError(
        `${file}:${i + 1}: not valid JSON (${(error as Error).message}); delete the file to start a new history`,
      );
    }
    const problem = checkEntry(value);
    if (problem)
      throw new HistoryError(
        `${file}:${i + 1}: not a run of the history: ${problem}; delete the file to start a new history`,
      );
    entries.push(value as HistoryEntry);
  });
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
      // A scenario the run left out has no result: the run shows as a gap in its history, not as a change.
      if (s.status === 'not run') continue;
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
