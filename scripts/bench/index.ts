/**
 * `npm run bench`: every benchmark of the project, each next to a baseline measured in the same run, as a table
 * on the terminal and as reports/bench.json (which the docs site's Performance page shows once the pages are
 * generated again). Several runs each after a warm-up; medians and spreads. Never part of `npm test`.
 *
 *   npm run bench                 everything (about half an hour: the docs builds and a whole npm test take most of it)
 *   BENCH_QUICK=1 npm run bench   everything but the docs builds and npm test (whose last record it reads)
 *   BENCH_RUNS=7                  runs of each command-line comparison (default 7; 5 for the synthetic run)
 */
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { benchDocs } from './docs';
import { benchAgainstOldModelApart, benchExhaustive, benchFuzz } from './fuzz';
import { benchGenerateSuite, benchGenerateSynthetic } from './generate';
import { benchNpmTest } from './npm-test';
import {
  BENCH_REPORT_VERSION,
  type BenchReport,
  type Comparison,
  type Machine,
  type Measurement,
} from '../../generator/bench-report';
import { benchScale } from './scale';
import { benchSpec } from './spec';
import { benchStateSpace } from './state-space';
import { writeAtomically } from '../files';

const root = join(__dirname, '..', '..');
const quick = process.env.BENCH_QUICK === '1';
const runs = Number(process.env.BENCH_RUNS ?? 7);

function machine(): Machine {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

function figure(m: Measurement): string {
  if (m.unit === 'steps/s') return `${Math.round(m.median).toLocaleString('en-US')} steps/s`;
  if (m.unit === 'MB') return `${Math.round(m.median)} MB`;
  if (m.unit === 's') return `${m.median.toFixed(1)} s`;
  if (m.unit === 'µs') return `${m.median.toFixed(1)} µs`;
  return `${Math.round(m.median)} ms`;
}

function spread(m: Measurement): string {
  const f = (v: number) => figure({ ...m, median: v });
  return `${f(m.min)} – ${f(m.max)}`;
}

function table(comparisons: readonly Comparison[]): string {
  const rows: string[][] = [['comparison', 'measured', 'median', 'spread (min – max)', 'runs']];
  const checks: string[][] = [['comparison', 'target', 'latest', 'result']];
  for (const c of comparisons) {
    if (c.skipped) {
      checks.push([c.title, '', `not measured: ${c.skipped}`, '']);
      continue;
    }
    c.measurements.forEach((m, i) => rows.push([i ? '' : c.title, m.label, figure(m), spread(m), String(m.runs)]));
    c.checks.forEach((k, i) => checks.push([i ? '' : c.title, k.target, k.measured, k.met ? 'met' : 'MISSED']));
  }
  const format = (lines: string[][]) => {
    const widths = lines[0]!.map((_, col) => Math.max(...lines.map((l) => l[col]!.length)));
    return lines
      .map((l) =>
        l
          .map((cell, col) => cell.padEnd(widths[col]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n');
  };
  return `${format(rows)}\n\n${format(checks)}`;
}

/** A benchmark that fails is reported as not measured, with why, and the others still run. */
async function attempt(
  title: string,
  id: string,
  measure: () => Comparison | Promise<Comparison>,
): Promise<Comparison> {
  try {
    return await measure();
  } catch (error) {
    console.error(`${title}: ${(error as Error).message}`);
    return {
      id,
      title,
      command: 'npm run bench',
      measurements: [],
      checks: [],
      skipped: `failed: ${(error as Error).message.split('\n')[0]}`,
    };
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const step = (what: string) => console.log(`▶ ${what} (${Math.round((Date.now() - started) / 1000)} s in)`);
  const comparisons: Comparison[] = [];

  // The exhaustive phase first, while this process's JIT has seen nothing of the model: as npm test pays it.
  step('exhaustive phase');
  comparisons.push(await attempt('Exhaustive phase', 'exhaustive', () => benchExhaustive({ repeats: runs })));
  step('specification vs an empty cucumber-js run');
  const { messages, lines, ...spec } = benchSpec({ runs });
  for (const line of lines) console.log(`  ${line}`);
  comparisons.unshift(spec);
  step('random fuzzing phase vs a do-nothing model');
  comparisons.push(await attempt('Random fuzzing phase', 'fuzz', () => benchFuzz({ repeats: runs })));
  step(`the model against the model before the restructure`);
  comparisons.push(
    await attempt('The model against the old model', 'fuzz-vs-old-model', () =>
      benchAgainstOldModelApart({ repeats: runs }),
    ),
  );
  step('step cost at 10, 100 and 1,000 agents');
  comparisons.push(
    await attempt('Step cost at scale', 'scale', () => {
      const { comparison, lines } = benchScale({ repeats: runs });
      for (const line of lines) console.log(`  ${line}`);
      return comparison;
    }),
  );
  step('state-space exploration: states per second, hashing beside the model steps');
  comparisons.push(await attempt('State-space exploration', 'state-space', () => benchStateSpace({ repeats: runs })));
  step('page generation, the suite');
  comparisons.push(
    await attempt('Page generation for the suite', 'generate-suite', () => benchGenerateSuite(messages, { runs })),
  );
  step('page generation, 10,000 synthetic scenarios');
  comparisons.push(
    await attempt('Page generation, synthetic run', 'generate-synthetic', () =>
      benchGenerateSynthetic(messages, { runs: Math.min(runs, 5) }),
    ),
  );
  if (quick) {
    comparisons.push({
      id: 'docs-build',
      title: 'Docs build with @docusaurus/faster vs without it',
      command: 'node --require ts-node/register scripts/bench/docs.ts',
      measurements: [],
      checks: [],
      skipped: 'BENCH_QUICK=1 leaves out the docs builds',
    });
  } else {
    step('docs build with and without @docusaurus/faster (about 2 minutes a round)');
    comparisons.push(
      await attempt('Docs build', 'docs-build', () =>
        benchDocs(messages, { runs: Math.min(runs, 3), log: (line) => console.log(`  ${line}`) }),
      ),
    );
  }

  // Last: it runs the whole npm test (minutes), which writes reports/ and build/ again.
  step(
    quick ? 'the last npm test, phase by phase (BENCH_QUICK=1: not run again)' : 'the whole npm test, phase by phase',
  );
  comparisons.push(await attempt('The whole npm test', 'npm-test', () => benchNpmTest({ quick })));

  const report: BenchReport = {
    version: BENCH_REPORT_VERSION,
    measuredAt: new Date().toISOString(),
    machine: machine(),
    comparisons,
  };
  const file = join(root, 'reports', 'bench.json');
  writeAtomically(file, JSON.stringify(report, null, 2) + '\n');
  // BENCH_SAVE=1 also keeps it as the committed table the site shows on a machine that has not run the benchmarks.
  if (process.env.BENCH_SAVE === '1') {
    writeAtomically(join(root, 'benchmarks', 'latest.json'), JSON.stringify(report, null, 2) + '\n');
  }

  const m = report.machine;
  console.log(`\n${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node} (${m.platform})\n`);
  console.log(table(comparisons));
  const missed = comparisons.flatMap((c) => c.checks.filter((k) => !k.met).map((k) => `${c.title}: ${k.target}`));
  console.log(
    `\n${missed.length ? `${missed.length} targets missed (see the README's performance section).` : 'Every target met.'}`,
  );
  console.log(`Wrote ${relative(process.cwd(), file)}; npm run docs:generate puts it on the Performance page.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
