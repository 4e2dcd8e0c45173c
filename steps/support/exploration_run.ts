/**
 * The run's one exploration (exploration/worker.ts), on a worker thread: every scenario of the invariants and
 * laws features reads the same findings. The cucumber plugin beside this file starts it as soon as the run's
 * scenarios are known and runs those features last, so the exploration goes on beside every other scenario; a
 * run without the plugin starts it at the first step that asks.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExplorationFindings } from '../../exploration/findings';

const WORKER = join(__dirname, '..', '..', 'exploration', 'worker.ts');
const REGISTER = join(__dirname, '..', '..', 'test', 'register.js');

let running: { readonly worker: Worker; readonly findings: Promise<ExplorationFindings> } | undefined;

export function explorationFindings(): Promise<ExplorationFindings> {
  if (!running) {
    const worker = new Worker(WORKER, { execArgv: ['--require', REGISTER] });
    const findings = new Promise<ExplorationFindings>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) =>
        reject(new Error(`The exploration's worker thread stopped (exit code ${code}) before it reported`)),
      );
    });
    // Started before any step waits for it: a failure is reported to the step that reads it, not as unhandled.
    findings.catch(() => undefined);
    running = { worker, findings };
  }
  return running.findings;
}

/** Stops the exploration if it is still going (a run that ended early); nothing if it never started. */
export async function stopExploration(): Promise<void> {
  await running?.worker.terminate();
}
