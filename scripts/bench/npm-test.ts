/**
 * The whole of `npm test`, phase by phase, beside its target (scripts/test.js: 240 s on a 2-core machine): run
 * once here, since it takes minutes, and read from the reports/test-timings.json it writes; with BENCH_QUICK=1,
 * the last npm test's record is read instead, saying when it was measured.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Comparison, Measurement } from '../../generator/bench-report';

const root = join(__dirname, '..', '..');
const TIMINGS = join(root, 'reports', 'test-timings.json');

interface Timings {
  readonly finishedAt: string;
  readonly seconds: number;
  readonly targetSeconds: number;
  readonly loadBefore: string;
  readonly loadAfter: string;
  /** CPU seconds of the whole and of each phase (null where the platform does not tell: scripts/test.js). */
  readonly cpuSeconds?: number | null;
  readonly cores?: number;
  readonly phases: readonly {
    readonly script: string;
    readonly seconds: number;
    readonly cpuSeconds?: number | null;
    readonly passed: boolean;
  }[];
}

const once = (label: string, seconds: number): Measurement => ({
  label,
  unit: 's',
  median: seconds,
  min: seconds,
  max: seconds,
  runs: 1,
});

export function benchNpmTest({ quick }: { quick: boolean }): Comparison {
  const base = { id: 'npm-test', title: 'The whole npm test, phase by phase', command: 'npm test' };
  if (!quick) {
    const run = spawnSync(process.execPath, ['scripts/test.js'], { cwd: root, stdio: 'inherit' });
    if (run.error) throw run.error;
  } else if (!existsSync(TIMINGS)) {
    return { ...base, measurements: [], checks: [], skipped: 'BENCH_QUICK=1, and no npm test has run here yet' };
  }
  const timings = JSON.parse(readFileSync(TIMINGS, 'utf8')) as Timings;
  const failed = timings.phases.filter((p) => !p.passed).map((p) => p.script);
  return {
    ...base,
    measurements: [
      once('whole npm test (wall clock)', timings.seconds),
      ...timings.phases.map((p) => once(`npm run ${p.script}${p.passed ? '' : ' (FAILED)'}`, p.seconds)),
      ...(typeof timings.cpuSeconds === 'number' ? [once('whole npm test (CPU time)', timings.cpuSeconds)] : []),
      ...timings.phases.flatMap((p) =>
        typeof p.cpuSeconds === 'number' ? [once(`npm run ${p.script} (CPU time)`, p.cpuSeconds)] : [],
      ),
    ],
    checks: [
      {
        target: `at most ${timings.targetSeconds} s on 2 cores, every test passing (issue 25)`,
        measured: `${timings.seconds.toFixed(0)} s${failed.length ? `, failed: ${failed.join(', ')}` : ''}`,
        met: timings.seconds <= timings.targetSeconds && failed.length === 0,
      },
    ],
    note: `One run${quick ? ` (the last npm test here, finished ${timings.finishedAt})` : ''}, load average ${timings.loadBefore} before and ${timings.loadAfter} after (1, 5 and 15 minutes). Phases run in two lanes side by side (scripts/test.js), so the phases add up to more than the whole.${typeof timings.cpuSeconds === 'number' && timings.cores ? ` Its CPU time divided by the ${timings.cores} cores, ${(timings.cpuSeconds / timings.cores).toFixed(0)} s, is as fast as it could be with the cores doing nothing else.` : ''}`,
  };
}
