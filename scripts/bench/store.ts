/**
 * Issue 5: what a rebuild of the SQL store costs, next to a step of the model it mirrors (the baseline from
 * the same run). The store is rebuilt only when a scenario queries it, never while exploring orderings.
 */
import { loadSqlJs } from '../../diagnostics/node';
import { OPEN_CHATS } from '../../diagnostics/queries';
import { ActivityStore } from '../../diagnostics/store';
import { Deployment } from '../../model/deployment';
import type { Action } from '../../model/actions';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function perCall(label: string, iterations: number, body: () => void): number {
  const samples: number[] = [];
  for (let round = 0; round < 8; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) body();
    const micros = Number(process.hrtime.bigint() - start) / 1000 / iterations;
    if (round > 0) samples.push(micros); // round 0 warms up
  }
  const m = median(samples);
  console.log(
    `${label.padEnd(52)} median ${m.toFixed(1).padStart(8)} µs  (min ${Math.min(...samples).toFixed(1)}, max ${Math.max(...samples).toFixed(1)})`,
  );
  return m;
}

async function main(): Promise<void> {
  const SQL = await loadSqlJs();
  const deployment = new Deployment();
  const setup: Action[] = [
    { type: 'agent-logs-in', agent: 'DMarino' },
    { type: 'customer-starts-chat', question: 'Help me!', activityId: 1347 },
    {
      type: 'email-arrives',
      subject: 'test2',
      from: 'testcust@dslab.cisco.com',
      to: 'eim@dslab.cisco.com',
      sent: '7/11/2011 2:03:58 PM',
    },
  ];
  for (const action of setup) deployment.apply(action);
  const store = new ActivityStore(SQL);
  const db = deployment.inspect().db;
  console.log(
    `rows mirrored: ${db.activities.length} activities, ${db.queues.length} queues, ${db.users.length} users`,
  );
  const model = deployment.clone();
  const step = perCall('baseline: one model step (customer sends)', 2000, () =>
    model.apply({ type: 'customer-sends', text: 'Hi' }),
  );
  const rebuild = perCall('store rebuild from the model (one transaction)', 500, () => store.rebuild(db));
  perCall('open-chats query', 500, () => store.run(OPEN_CHATS));
  console.log(`a rebuild costs ${(rebuild / step).toFixed(1)} model steps`);
}

void main();
