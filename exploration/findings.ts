/**
 * What the living specification's exploration found, as plain data: the report the invariants feature attaches
 * for the site, and every counterexample, printed. `npm run test:explore` (a phase of npm test of its own,
 * scripts/explore-specification.ts) explores and writes them to reports/exploration.json with a digest of every
 * source the exploration depends on; the invariants and laws features read them from there when that digest is
 * the sources' digest now, and otherwise explore in the cucumber run, as they did before. Either way the features
 * check the same findings, made by the same `findingsOf`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { explain, formatCounterexample } from './counterexample';
import type { ExplorationResults } from './explore';
import type { ExplorationReport } from './report';
import { addWitnesses, unwitnessed } from './witnesses';
import type { Situation } from './claim-situations';

const root = join(__dirname, '..');

/** Where `npm run test:explore` writes the findings. */
export const FINDINGS_FILE = join(root, 'reports', 'exploration.json');

/**
 * What the exploration's results depend on: the model, the plans, the exploration, what the situations read of
 * the views, and the locked packages.
 */
const SOURCE_DIRS = ['model', 'plans', 'exploration'];
const SOURCE_FILES = ['diagnosis/observations.ts', 'package-lock.json'];

export interface Findings {
  /** The digest of the sources the findings were made from (`sourcesDigest`). */
  readonly sources: string;
  readonly report: ExplorationReport;
  /** The exhaustive and random phases: each broken invariant's first counterexample, printed, by invariant id. */
  readonly broken: Readonly<Record<string, string>>;
  /** An error of the random phase that was not an invariant (a crash or a refused step). */
  readonly crash: string | null;
  /** Plans of the exhaustive phase that met the known defect an invariant names as its expected exception. */
  readonly knownDefectPlans: number;
  /** The state space of the test bounds: each run's counterexample, printed, with the invariant or law it broke. */
  readonly stateSpaceBroken: readonly { readonly id: string; readonly counterexample: string }[];
  /** Each law, invariant and claim of the laws whose case never came up in any phase (exploration/witnesses.ts). */
  readonly unwitnessed: readonly string[];
  /** The situation of every state any phase visited, sorted (exploration/claim-situations.ts). */
  readonly situations: readonly Situation[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return /\.(ts|js|json)$/.test(entry.name) ? [path] : [];
    });
}

/** A digest of every source the exploration's results depend on, each file's path and contents. */
export function sourcesDigest(): string {
  const hash = createHash('sha256');
  const files = [
    ...SOURCE_DIRS.flatMap((dir) => sourceFiles(join(root, dir))),
    ...SOURCE_FILES.map((f) => join(root, f)),
  ];
  for (const file of files) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** The findings of an exploration, every counterexample printed as the features show it. */
export function findingsOf(exploration: ExplorationResults, sources = sourcesDigest()): Findings {
  const { exhaustive, random, stateSpace, report } = exploration;
  const broken: Record<string, string> = {};
  for (const violation of exhaustive.violations) {
    broken[violation.invariant.id] ??= formatCounterexample(explain(violation));
  }
  if (random.counterexample)
    broken[random.counterexample.violation.invariant.id] ??= formatCounterexample(random.counterexample);
  return {
    sources,
    report,
    broken,
    crash: random.crash,
    knownDefectPlans: exhaustive.knownDefectPlans,
    unwitnessed: unwitnessed(
      [random.witnesses, ...stateSpace.runs.map((run) => run.premises)].reduce(addWitnesses, {
        ...exhaustive.witnesses,
      }),
    ),
    situations: [...exploration.situations].sort(),
    stateSpaceBroken: stateSpace.runs.flatMap((run) =>
      run.counterexample
        ? [{ id: run.counterexample.violation.invariant.id, counterexample: formatCounterexample(run.counterexample) }]
        : [],
    ),
  };
}

export function writeFindings(findings: Findings, file = FINDINGS_FILE): void {
  writeFileSync(file, `${JSON.stringify(findings)}\n`);
}

/**
 * The findings `npm run test:explore` wrote, if they were made from the sources as they are now; otherwise
 * undefined, with why (no file, or other sources). A file that is there but unreadable is an error naming it.
 */
export function readFreshFindings(file = FINDINGS_FILE): { findings?: Findings; why: string } {
  if (!existsSync(file)) return { why: `no ${relative(root, file)}` };
  let findings: Findings;
  try {
    findings = JSON.parse(readFileSync(file, 'utf8')) as Findings;
  } catch (error) {
    throw new Error(
      `${relative(root, file)}: not valid JSON (${(error as Error).message}); delete it or run npm run test:explore`,
    );
  }
  if (
    typeof findings.sources !== 'string' ||
    typeof findings.report !== 'object' ||
    !Array.isArray(findings.stateSpaceBroken)
  ) {
    throw new Error(`${relative(root, file)}: not the findings npm run test:explore writes; delete it or run it again`);
  }
  if (findings.sources !== sourcesDigest()) {
    return { why: `${relative(root, file)} was made from other sources than the model, plans and exploration now` };
  }
  if (!Array.isArray(findings.situations)) {
    throw new Error(`${relative(root, file)}: holds no situations (the claims' witnesses); delete it or run it again`);
  }
  return { findings, why: `read from ${relative(root, file)} (npm run test:explore, the same sources)` };
}
