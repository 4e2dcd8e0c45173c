/**
 * Two runs compared scenario by scenario: which scenarios were added, removed or renamed (the same steps under
 * another name), whose status changed, whose screens (end state) changed and whose messages (trace) changed,
 * with the lines that differ. Pure: it takes the snapshots of both runs (`observable.ts`).
 */
import { diffLines, type DiffLine } from './line-diff';
import type { ScenarioSnapshot, ScreenSection } from './observable';

const differs = (lines: readonly DiffLine[]): boolean => lines.some((l) => l.kind !== 'same');

export interface SectionDiff {
  readonly title: string;
  readonly lines: readonly DiffLine[];
}

export interface ScenarioChange {
  readonly kind: 'added' | 'removed' | 'renamed' | 'changed';
  readonly before: ScenarioSnapshot | null;
  readonly now: ScenarioSnapshot | null;
  readonly statusChanged: boolean;
  /** The screens and tables whose lines differ (empty when the end states are the same). */
  readonly screens: readonly SectionDiff[];
  /** The trace compared line by line, when it differs (null when the same, or when either run has none). */
  readonly trace: readonly DiffLine[] | null;
}

export interface RunComparison {
  readonly changes: readonly ScenarioChange[];
  /** Scenarios in both runs with nothing changed. */
  readonly unchanged: number;
}

function compareScreens(before: readonly ScreenSection[] | null, now: readonly ScreenSection[] | null): SectionDiff[] {
  if (before === null && now === null) return [];
  const titles: string[] = [];
  for (const s of [...(before ?? []), ...(now ?? [])]) if (!titles.includes(s.title)) titles.push(s.title);
  const linesOf = (sections: readonly ScreenSection[] | null, title: string) =>
    sections?.find((s) => s.title === title)?.lines ?? [];
  return titles
    .map((title) => ({ title, lines: diffLines(linesOf(before, title), linesOf(now, title)) }))
    .filter((d) => differs(d.lines));
}

function compareScenario(
  kind: 'renamed' | 'changed',
  before: ScenarioSnapshot,
  now: ScenarioSnapshot,
): ScenarioChange | null {
  const screens = compareScreens(before.screens, now.screens);
  const trace = before.trace && now.trace ? diffLines(before.trace, now.trace) : null;
  const traceChanged = trace !== null ? differs(trace) : (before.trace === null) !== (now.trace === null);
  const statusChanged = before.status !== now.status;
  if (kind === 'changed' && !statusChanged && screens.length === 0 && !traceChanged) return null;
  return { kind, before, now, statusChanged, screens, trace: traceChanged ? trace : null };
}

const key = (s: ScenarioSnapshot): string => `${s.feature}\u0000${s.name}`;
const stepsKey = (s: ScenarioSnapshot): string => s.steps.join('\u0000');

/** Compares two runs; changes come in the order of the current run, removed scenarios last. */
export function compareRuns(before: readonly ScenarioSnapshot[], now: readonly ScenarioSnapshot[]): RunComparison {
  const earlier = new Map(before.map((s) => [key(s), s]));
  const matched = new Set<ScenarioSnapshot>();
  const changes: ScenarioChange[] = [];
  let unchanged = 0;
  const unmatchedNow: ScenarioSnapshot[] = [];
  for (const s of now) {
    const old = earlier.get(key(s));
    if (old && !matched.has(old)) {
      matched.add(old);
      const change = compareScenario('changed', old, s);
      if (change) changes.push(change);
      else unchanged++;
    } else unmatchedNow.push(s);
  }
  // A scenario under a new name with the same steps as one that disappeared was renamed (or moved).
  const leftBefore = before.filter((s) => !matched.has(s));
  const bySteps = new Map<string, ScenarioSnapshot[]>();
  for (const s of leftBefore) bySteps.set(stepsKey(s), [...(bySteps.get(stepsKey(s)) ?? []), s]);
  for (const s of unmatchedNow) {
    const candidates = bySteps.get(stepsKey(s)) ?? [];
    const old = candidates.find((c) => c.feature === s.feature) ?? candidates[0];
    if (old) {
      candidates.splice(candidates.indexOf(old), 1);
      matched.add(old);
      changes.push(compareScenario('renamed', old, s)!);
    } else {
      changes.push({ kind: 'added', before: null, now: s, statusChanged: false, screens: [], trace: null });
    }
  }
  for (const s of leftBefore) {
    if (!matched.has(s)) {
      changes.push({ kind: 'removed', before: s, now: null, statusChanged: false, screens: [], trace: null });
    }
  }
  // Changes in order of the current run (renames where the scenario now stands), removals last.
  const position = new Map(now.map((s, i) => [s, i]));
  changes.sort((a, b) => (a.now ? position.get(a.now)! : Infinity) - (b.now ? position.get(b.now)! : Infinity));
  return { changes, unchanged };
}

/** Where a scenario of the current run changed against a baseline, looked up by feature and name. */
export class BaselineIndex {
  private readonly byKey: Map<string, ScenarioSnapshot>;

  constructor(readonly snapshots: readonly ScenarioSnapshot[]) {
    this.byKey = new Map(snapshots.map((s) => [key(s), s]));
  }

  /** What changed for this scenario, in a few words, or null when nothing did. */
  summary(now: ScenarioSnapshot): string | null {
    const old = this.byKey.get(key(now));
    if (!old) return 'new or renamed';
    const change = compareScenario('changed', old, now);
    return change ? changeSummary(change) : null;
  }
}

/** A change in a few words: "status passed → failed; screens: Chat list, Pop-ups; messages". */
export function changeSummary(change: ScenarioChange): string {
  if (change.kind === 'added') return 'added';
  if (change.kind === 'removed') return 'removed';
  const parts: string[] = [];
  if (change.kind === 'renamed') parts.push(`renamed from “${change.before!.name}”`);
  if (change.statusChanged) parts.push(`status ${change.before!.status} → ${change.now!.status}`);
  if (change.screens.length) parts.push(`screens: ${change.screens.map((s) => s.title).join(', ')}`);
  if (change.trace) parts.push('messages');
  return parts.join('; ') || 'unchanged';
}
