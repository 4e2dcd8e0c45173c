/**
 * Writes the diagnosis index (diagnosis/build-index.ts) to static/diagnosis/index.json, which the /diagnose/ page
 * loads and `npm run diagnose` reads; `npm run docs:generate` runs it beside the pages. Prints its size and the
 * time it took. Written beside the target and renamed into place, so a reader never sees half an index.
 *
 *   node --require ts-node/register scripts/diagnosis-index.ts [--out FILE]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { loadRegister } from '../features/claims-register';
import { buildDiagnosisIndex } from '../diagnosis/build-index';
import type { DiagnosisIndex } from '../diagnosis/index-format';

const root = resolve(__dirname, '..');
export const INDEX_FILE = join(root, 'static', 'diagnosis', 'index.json');

/** What the index is made from: the model, plans, exploration and diagnosis code, the features and claims. */
const SOURCES = [
  'model',
  'plans',
  'exploration',
  'diagnosis',
  'features',
  'generator/routes.ts',
  'generator/sequence-diagram.ts',
];

/** A digest of every file the index is built from, so an index built from the same sources is reused. */
export function sourcesDigest(): string {
  const hash = createHash('sha256');
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name));
    else if (/\.(ts|json|feature)$/.test(path)) hash.update(`${path.slice(root.length)}\0`).update(readFileSync(path));
  };
  for (const source of SOURCES) walk(join(root, source));
  return hash.digest('hex').slice(0, 16);
}

/** The index over the diagnosis bounds, from the project's own features and evidence register. */
export function projectIndex(): DiagnosisIndex {
  const dir = join(root, 'features');
  const features = readdirSync(dir)
    .filter((name) => name.endsWith('.feature'))
    .sort()
    .map((name) => ({ name: name.replace(/\.feature$/, ''), text: readFileSync(join(dir, name), 'utf8') }));
  return { ...buildDiagnosisIndex({ register: loadRegister(), features }), sources: sourcesDigest() };
}

/** The index in `file` if it was built from today's sources, else a new one written there; and whether it was. */
export function currentIndex(file = INDEX_FILE): { index: DiagnosisIndex; built: boolean; bytes: number } {
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8');
    const index = JSON.parse(text) as DiagnosisIndex;
    if (index.sources === sourcesDigest()) return { index, built: false, bytes: text.length };
  }
  const index = projectIndex();
  const text = JSON.stringify(index);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.partial-${process.pid}`, text);
  renameSync(`${file}.partial-${process.pid}`, file);
  return { index, built: true, bytes: text.length };
}

function main(): void {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = values.out ? resolve(values.out) : INDEX_FILE;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { index, built } = currentIndex(out);
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  const text = JSON.stringify(index);
  console.log(
    `diagnosis index ${built ? 'built' : 'unchanged (same sources)'}: ${index.explored.states} states, ` +
      `${index.situations.length} situations, ${index.observations.length} observations, ${index.entries.length} entries; ` +
      `${Math.round(text.length / 1024)} KB (${Math.round(gzipSync(text).length / 1024)} KB gzipped) in ` +
      `${seconds.toFixed(2)} s (CPU ${((used.user + used.system) / 1e6).toFixed(2)} s)`,
  );
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(`diagnosis index: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
