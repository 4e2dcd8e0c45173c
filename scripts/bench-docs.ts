/**
 * How long the docs build takes with @docusaurus/faster (Rspack, SWC, Lightning CSS) and without it, on the same
 * generated pages: the median of several clean builds of each. Not part of npm test.
 *
 *   node --require ./test/register.js scripts/bench-docs.ts [runs]      (default 3 runs of each)
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = join(__dirname, '..');
const runs = Number(process.argv[2] ?? 3);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a whole number above 0, got ${process.argv[2]}`);

function cleanBuild(faster: boolean): number {
  // Caches would make every build after the first one faster for the wrong reason.
  for (const dir of ['build', '.docusaurus', join('node_modules', '.cache')]) {
    rmSync(join(root, dir), { recursive: true, force: true });
  }
  const started = performance.now();
  const result = spawnSync(join(root, 'node_modules', '.bin', 'docusaurus'), ['build'], {
    cwd: root,
    env: { ...process.env, DOCS_FASTER: faster ? '1' : '0' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`docusaurus build failed:\n${result.stdout}\n${result.stderr}`);
  return (performance.now() - started) / 1000;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const generated = spawnSync('npm', ['run', '--silent', 'docs:generate'], { cwd: root, stdio: 'inherit' });
if (generated.status !== 0) process.exit(1);

const times: Record<'with' | 'without', number[]> = { with: [], without: [] };
for (let i = 0; i < runs; i++) {
  // Alternate, so a machine that slows down over time penalises both the same.
  times.with.push(cleanBuild(true));
  times.without.push(cleanBuild(false));
  console.log(
    `run ${i + 1}: with faster ${times.with.at(-1)!.toFixed(1)} s, without ${times.without.at(-1)!.toFixed(1)} s`,
  );
}
const withFaster = median(times.with);
const without = median(times.without);
console.log(`\nDocs build, median of ${runs} clean builds each:`);
console.log(`  with @docusaurus/faster:    ${withFaster.toFixed(1)} s`);
console.log(`  without @docusaurus/faster: ${without.toFixed(1)} s`);
console.log(`  ratio: ${(withFaster / without).toFixed(2)} (${(without / withFaster).toFixed(1)}x faster)`);
// Leave a site built the normal way behind.
cleanBuild(true);
