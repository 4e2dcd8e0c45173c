/**
 * Page generation, as `npm run docs:generate` runs it (a fresh process, TypeScript loading included), for the
 * suite's own run and for a synthetic run of 10,000 scenarios with traces (synthetic-run.ts): wall time, the
 * generator's own time and the process's peak memory (resident set size, from the child itself: /usr/bin/time
 * is not everywhere). Baseline: reading and parsing the same file and nothing else. Only generation is measured,
 * never the site build.
 *
 *   node --require ts-node/register scripts/bench/generate.ts [messages.ndjson]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarise, timeCommand, type Summary } from './measure';
import type { Comparison } from '../../generator/bench-report';
import { writeSyntheticRun } from './synthetic-run';

const root = join(__dirname, '..', '..');

interface GenerationSample {
  readonly wallMs: number;
  readonly generatorMs: number;
  readonly maxRssMB: number;
  readonly scenarios: number;
}

/** One wall-clock run of a command from the repository root. */
const run = (command: readonly string[]): number => timeCommand(command, { runs: 1, warmups: 0, cwd: root }).median;

/** `npm run docs:generate` as a command line, with `args` for the generator (also used by docs.ts). */
export function generateDocsCommand(args: readonly string[]): string[] {
  return [process.execPath, '--require', 'ts-node/register', 'scripts/generate-docs.ts', ...args];
}

function generateOnce(messages: string, dir: string): GenerationSample {
  const stats = join(dir, 'stats.json');
  const wallMs = run(
    generateDocsCommand([
      '--messages',
      messages,
      '--out',
      join(dir, 'generated'),
      '--static-reports',
      join(dir, 'static-reports'),
      '--no-self-test',
      '--no-bench',
      '--stats',
      stats,
    ]),
  );
  const { milliseconds, maxRssMB, scenarios } = JSON.parse(readFileSync(stats, 'utf8')) as {
    milliseconds: number;
    maxRssMB: number;
    scenarios: number;
  };
  return { wallMs, generatorMs: milliseconds, maxRssMB, scenarios };
}

interface Measured {
  readonly wall: Summary;
  readonly generator: Summary;
  readonly memory: Summary;
  readonly baseline: Summary;
  readonly scenarios: number;
}

/** Generation and its baseline alternately, after one warm-up round (file-system caches). */
function measure(messages: string, runs: number): Measured {
  const dir = mkdtempSync(join(tmpdir(), 'bench-generate-'));
  try {
    const samples: GenerationSample[] = [];
    const baseline: number[] = [];
    for (let round = 0; round <= runs; round++) {
      const sample = generateOnce(messages, dir);
      const read = run([process.execPath, join(__dirname, 'read-messages.js'), messages]);
      if (round === 0) continue;
      samples.push(sample);
      baseline.push(read);
    }
    return {
      wall: summarise(samples.map((s) => s.wallMs)),
      generator: summarise(samples.map((s) => s.generatorMs)),
      memory: summarise(samples.map((s) => s.maxRssMB)),
      baseline: summarise(baseline),
      scenarios: samples[0]!.scenarios,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function measurements(m: Measured): Comparison['measurements'] {
  return [
    { label: 'npm run docs:generate, whole process', unit: 'ms', ...m.wall },
    { label: 'of which generating (read, render, write)', unit: 'ms', ...m.generator },
    { label: 'peak memory (resident set)', unit: 'MB', ...m.memory },
    { label: 'baseline: reading and parsing the file only', unit: 'ms', ...m.baseline },
  ];
}

export function benchGenerateSuite(messages: string, { runs = 7 } = {}): Comparison {
  const m = measure(messages, runs);
  return {
    id: 'generate-suite',
    title: `Page generation for the suite’s run (${m.scenarios} scenarios)`,
    command: 'node --require ts-node/register scripts/bench/generate.ts',
    measurements: measurements(m),
    checks: [{ target: 'under 1 s', measured: seconds(m.wall.median), met: m.wall.median < 1000 }],
  };
}

export async function benchGenerateSynthetic(
  messages: string,
  { runs = 5, scenarios = 10_000 } = {},
): Promise<Comparison> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-synthetic-'));
  try {
    const synthetic = join(dir, 'messages.ndjson');
    const written = await writeSyntheticRun(messages, synthetic, scenarios);
    const m = measure(synthetic, runs);
    const peak = m.memory.max;
    return {
      id: 'generate-synthetic',
      title: `Page generation for a synthetic run of ${written.toLocaleString('en-US')} scenarios with traces`,
      command: 'node --require ts-node/register scripts/bench/generate.ts',
      measurements: measurements(m),
      checks: [
        { target: 'under 10 s', measured: seconds(m.wall.median), met: m.wall.median < 10_000 },
        { target: 'under 500 MB at its peak', measured: `${Math.round(peak)} MB`, met: peak < 500 },
      ],
      note: `Reading and parsing the messages file alone takes ${seconds(m.baseline.median)} (median); the rest of the ${seconds(m.wall.median)} is checking every message against cucumber's schema and rendering and writing the pages of ${written.toLocaleString('en-US')} scenarios (each with its sequence diagram, end state and plan), streamed a feature at a time.`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const messages = process.argv[2] ?? join(root, 'reports', 'messages.ndjson');
  void (async () => {
    for (const c of [benchGenerateSuite(messages), await benchGenerateSynthetic(messages)]) {
      console.log(`\n${c.title}`);
      for (const m of c.measurements) {
        console.log(
          `  ${m.label.padEnd(44)} median ${m.median.toFixed(0).padStart(7)} ${m.unit}  (min ${m.min.toFixed(0)}, max ${m.max.toFixed(0)})`,
        );
      }
      for (const check of c.checks)
        console.log(`  ${check.met ? 'met   ' : 'MISSED'} ${check.target}: ${check.measured}`);
    }
  })();
}
