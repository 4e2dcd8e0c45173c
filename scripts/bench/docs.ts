/**
 * How long the docs build takes with @docusaurus/faster (Rspack, SWC, Lightning CSS) and without it, on the same
 * generated pages: clean builds of each, alternately, after one warm-up build of each. The builds run in a
 * temporary copy of the site (its own .docusaurus/, build/ and node_modules/.cache/, the packages linked from
 * node_modules/), so they never collide with a build in the working tree. Not part of npm test.
 *
 *   node --require ts-node/register scripts/bench/docs.ts [runs] [messages.ndjson]   (default 3 runs of each)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { summarise } from './measure';
import type { Comparison } from '../../generator/bench-report';
import { generateDocsCommand } from './generate';

const root = join(__dirname, '..', '..');

/** What a build writes, or what is not the site's source: never copied. */
const NOT_COPIED = new Set(['node_modules', 'build', '.docusaurus', '.git', 'reports', 'docs/generated']);

/** A copy of the site's sources with every package linked, and its pages generated from `messages`. */
function siteCopy(messages: string): string {
  const site = mkdtempSync(join(tmpdir(), 'bench-docs-site-'));
  cpSync(root, site, {
    recursive: true,
    filter: (source) => !NOT_COPIED.has(relative(root, source)) && !relative(root, source).includes('.partial-'),
  });
  // Each package linked one by one, so that the copy's node_modules/.cache is its own.
  const modules = join(site, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry !== '.cache') symlinkSync(join(root, 'node_modules', entry), join(modules, entry));
  }
  const [node, ...args] = generateDocsCommand([
    '--messages',
    messages,
    '--no-bench',
    '--out',
    join(site, 'docs', 'generated'),
    '--static-reports',
    join(site, 'static', 'reports'),
  ]);
  execFileSync(node!, args, { cwd: site, stdio: 'ignore' });
  return site;
}

/** Builds running elsewhere on the machine (another engineer's, CI's) slow both kinds alike, but say so. */
function otherBuilds(): number {
  const ps = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return (ps.stdout ?? '').split('\n').filter((line) => /docusaurus(\.js)? build/.test(line)).length;
}

function cleanBuild(site: string, faster: boolean): number {
  // Caches would make every build after the first one faster for the wrong reason.
  for (const dir of ['build', '.docusaurus', join('node_modules', '.cache')]) {
    rmSync(join(site, dir), { recursive: true, force: true });
  }
  const started = performance.now();
  const result = spawnSync(join(site, 'node_modules', '.bin', 'docusaurus'), ['build'], {
    cwd: site,
    env: { ...process.env, DOCS_FASTER: faster ? '1' : '0' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`docusaurus build failed:\n${result.stdout}\n${result.stderr}`);
  return performance.now() - started;
}

export function benchDocs(
  messages: string,
  { runs = 3, log = (_line: string) => {} }: { runs?: number; log?: (line: string) => void } = {},
): Comparison {
  const site = siteCopy(messages);
  try {
    const times = { with: [] as number[], without: [] as number[] };
    let busy = 0;
    for (let round = 0; round <= runs; round++) {
      // Alternate, so a machine that slows down over time penalises both the same.
      busy = Math.max(busy, otherBuilds());
      const withFaster = cleanBuild(site, true);
      const without = cleanBuild(site, false);
      log(
        `${round === 0 ? 'warm-up' : `run ${round}`}: with faster ${(withFaster / 1000).toFixed(1)} s, without ${(without / 1000).toFixed(1)} s`,
      );
      if (round === 0) continue;
      times.with.push(withFaster);
      times.without.push(without);
    }
    const faster = summarise(times.with);
    const slower = summarise(times.without);
    const ratio = faster.median / slower.median;
    return {
      id: 'docs-build',
      title: 'Docs build with @docusaurus/faster vs without it',
      command: 'node --require ts-node/register scripts/bench/docs.ts',
      measurements: [
        { label: 'clean build with @docusaurus/faster', unit: 's', ...scaled(faster) },
        { label: 'clean build without it', unit: 's', ...scaled(slower) },
      ],
      checks: [
        {
          target: 'at most ¼ of the build without it',
          measured: `${ratio.toFixed(2)}× (${(1 / ratio).toFixed(1)} times faster)`,
          met: ratio <= 0.25,
        },
      ],
      ...(busy ? { note: `${busy} other docs builds were running on the machine during this measurement.` } : {}),
    };
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
}

const scaled = (s: ReturnType<typeof summarise>) => ({
  median: s.median / 1000,
  min: s.min / 1000,
  max: s.max / 1000,
  runs: s.runs,
});

if (require.main === module) {
  const runs = Number(process.argv[2] ?? 3);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`runs must be a whole number above 0, got ${process.argv[2]}`);
  const messages = process.argv[3] ?? join(root, 'reports', 'messages.ndjson');
  const c = benchDocs(messages, { runs, log: console.log });
  for (const m of c.measurements)
    console.log(`${m.label}: median ${m.median.toFixed(1)} s (min ${m.min.toFixed(1)}, max ${m.max.toFixed(1)})`);
  for (const check of c.checks) console.log(`${check.met ? 'met' : 'MISSED'} ${check.target}: ${check.measured}`);
}
