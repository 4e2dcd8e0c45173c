/**
 * The model as it was before the restructure into actions, rules and server instances: commit f33a797, with its
 * one ~990-line model/deployment.ts, its plans and its exploration (commands, invariants, random phase). Taken
 * out of git into a temporary folder and loaded in this process with the same TypeScript loader, so the bench can
 * time it alternately with today's model (./fuzz.ts). Needs git and the commit: CI's clones are full clones; a
 * shallow clone (`git clone --depth 1`) lacks it, and then the comparison stops with a sentence saying how to
 * fetch it, and `npm run bench` reports it as not measured.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type fc from 'fast-check';

export const OLD_COMMIT = 'f33a797';
const root = join(__dirname, '..', '..');

/** What the bench uses of the old tree. */
export interface OldModel {
  readonly commit: string;
  readonly Deployment: new (setup?: { recordTrace?: boolean }) => { apply(action: unknown): unknown };
  /** The old random phase's property: its commands over its model, its invariants after every step. */
  readonly planProperty: (ledger: unknown, tally: { steps: number }, factory: unknown) => fc.IProperty<unknown>;
  readonly newLedger: () => unknown;
  readonly newTally: () => { steps: number };
  readonly newDeployment: unknown;
  readonly remove: () => void;
}

function git(args: readonly string[]): Buffer {
  return execFileSync('git', args, { cwd: root, maxBuffer: 256 * 2 ** 20, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function loadOldModel(): OldModel {
  let commit: string;
  try {
    commit = git(['rev-parse', '--verify', '--quiet', `${OLD_COMMIT}^{commit}`])
      .toString()
      .trim();
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? `the comparison with the old model needs git, which is not on PATH`
        : `the old model's commit ${OLD_COMMIT} is not in this clone (a shallow clone lacks it: git fetch --unshallow)`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), `chat-kb-${OLD_COMMIT}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const tar = git(['archive', '--format=tar', commit, 'model', 'plans', 'exploration']);
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    // Its imports of fast-check resolve to this checkout's copy.
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    /* eslint-disable @typescript-eslint/no-require-imports */
    const deployment = require(join(dir, 'model', 'deployment.ts'));
    const random = require(join(dir, 'exploration', 'random.ts'));
    const coverage = require(join(dir, 'exploration', 'coverage.ts'));
    const exploration = require(join(dir, 'exploration', 'exploration.ts'));
    const interpreter = require(join(dir, 'plans', 'interpreter.ts'));
    /* eslint-enable @typescript-eslint/no-require-imports */
    return {
      commit,
      Deployment: deployment.Deployment,
      planProperty: random.planProperty,
      newLedger: () => new coverage.CoverageLedger(),
      newTally: exploration.newTally,
      newDeployment: interpreter.newDeployment,
      remove,
    };
  } catch (error) {
    remove();
    throw error;
  }
}
