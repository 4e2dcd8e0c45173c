/**
 * The run's exploration on a worker thread of its own (steps/support/exploration_run.ts starts it): both phases,
 * the order sensitivity and the state space, posted back as plain findings.
 */
import { parentPort } from 'node:worker_threads';
import { explore } from './explore';
import { findingsOf } from './findings';

if (!parentPort)
  throw new Error('exploration/worker.ts runs on a worker thread: steps/support/exploration_run.ts starts it');
parentPort.postMessage(findingsOf(explore()));
