/**
 * Speed at scale: what one step costs in deployments of 10, 100 and 1,000 agents with five live chats per agent
 * (5,000 at the top size) spread over four Application servers, against the same step at 10 agents. Never
 * part of `npm test`.
 *
 * How 5,000 live chats exist with 1,000 agents: routing gives an agent one chat at a time (a chat cannot be
 * interrupted, model/rules/routing.ts), so of the five chats per agent one is assigned and in progress and four
 * wait for Unified CCE routing (4105), each a live session on its Application server with the customer's window
 * open ("An agent will be with you shortly"). The agents log in first, spread over "Application" to
 * "Application 4" by the fewest logins; the customers' sessions are spread by the fewest live sessions.
 *
 * Each step is timed on the built deployment (messages, time passing, completing a chat, after which the
 * customer starts another, untimed, so the deployment keeps its size) or, where a step cannot be repeated on
 * the same deployment (a server failure loses the sessions it held), on a copy of it warmed by one second
 * passing (a copy builds its directory and agenda from its state); the copies are made first and their garbage
 * collected before the steps are timed. Medians of many steps, trace off as the fuzzer runs. The target: a step
 * costs what it touches, so a message in one chat costs about the same at 10 and 1,000 agents, and failing one
 * Application server costs in proportion to the sessions homed on it.
 *
 *   node --require ts-node/register scripts/bench/scale.ts      (BENCH_RUNS=7 samples of each step)
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Action } from '../../model/actions';
import type { UserRow } from '../../model/database';
import { Deployment } from '../../model/deployment';
import type { DeploymentState } from '../../model/state';
import { median, summarise } from './measure';
import type { Comparison, Measurement } from '../../generator/bench-report';

export const SIZES = [10, 100, 1000] as const;
const CHATS_PER_AGENT = 5;
const APPLICATION_SERVERS = ['Application', 'Application 2', 'Application 3', 'Application 4'];

const agentName = (i: number) => `agent${String(i + 1).padStart(4, '0')}`;
const customerAddress = (i: number) => `customer${String(i + 1).padStart(5, '0')}@example.com`;

function usersOf(agents: number): UserRow[] {
  return Array.from({ length: agents }, (_, i) => ({
    user_id: 10_000 + i,
    user_name: agentName(i),
    screen_name: agentName(i),
    login_ip: '43app',
  }));
}

/** The deployment of `agents` agents, four Application servers and five live chats per agent. */
export function buildDeployment(agents: number): Deployment {
  const deployment = new Deployment({ users: usersOf(agents), recordTrace: false });
  for (const server of APPLICATION_SERVERS.slice(1)) deployment.apply({ type: 'server-joins', server });
  for (let i = 0; i < agents; i++) deployment.apply({ type: 'agent-logs-in', agent: agentName(i) });
  for (let i = 0; i < agents * CHATS_PER_AGENT; i++) {
    deployment.apply({ type: 'customer-starts-chat', customer: customerAddress(i), question: 'Can you help me?' });
  }
  return deployment;
}

/** A step as the curve names it, and how to take it `times` times on a deployment prepared for it. */
interface Step {
  readonly name: string;
  /** Steps that cannot be repeated on one deployment are each taken on a fresh warmed copy. */
  readonly fresh: boolean;
  readonly actions: (agents: number, i: number) => Action[];
  /** Untimed, after the step: what brings the deployment back to the size it had (read before the step). */
  readonly refill?: (state: DeploymentState, agents: number, i: number) => Action[];
}

const middle = (agents: number) => Math.floor(agents / 2);
/** The agents in turn from the middle one, so each completion is an agent's first in a while. */
const completing = (agents: number, i: number) => agentName((middle(agents) + i) % agents);

/** The customer of the chat `agent` is in, found untimed before the step (every agent has one, by routing). */
function customerOf(state: DeploymentState, agent: string): string {
  const chat = state.consoles.find((c) => c.user === agent)!.chats[0]!;
  return state.sessions.find((s) => s.activityId === chat.activityId)!.customerAddress;
}

const STEPS: readonly Step[] = [
  {
    name: 'a customer sends a message in one chat',
    fresh: false,
    // Routing assigned the first chats, one to each agent: customer k is chatting with agent k.
    actions: (agents, i) => [{ type: 'customer-sends', customer: customerAddress(middle(agents)), text: `Hello ${i}` }],
  },
  {
    name: 'an agent sends a message in one chat',
    fresh: false,
    actions: (agents, i) => [{ type: 'agent-sends', agent: agentName(middle(agents)), text: `Reply ${i}` }],
  },
  {
    name: '30 seconds pass',
    fresh: false,
    actions: () => [{ type: 'wait', seconds: 30 }],
  },
  {
    name: 'an agent completes a chat and is routed the next',
    // Repeated on the one deployment, as a running deployment completes chats: after each completion (routed the
    // oldest waiting chat), the customer whose chat it was starts another, untimed, so the deployment keeps one
    // chat in progress per agent and four waiting. (A fresh copy's first step also pays for its cold memory.)
    fresh: false,
    actions: (agents, i) => [{ type: 'agent-completes-chat', agent: completing(agents, i) }],
    refill: (state, agents, i) => [
      { type: 'customer-starts-chat', customer: customerOf(state, completing(agents, i)), question: 'Me again' },
    ],
  },
  { name: 'Application 2 fails', fresh: true, actions: () => [{ type: 'fail', server: 'Application 2' }] },
  {
    name: 'Application 2 is restored',
    fresh: true,
    actions: () => [
      { type: 'fail', server: 'Application 2' },
      { type: 'restore', server: 'Application 2' },
    ],
  },
  { name: 'the Messaging server fails', fresh: true, actions: () => [{ type: 'fail', server: 'Messaging' }] },
  {
    name: 'the Messaging server is restored',
    fresh: true,
    actions: () => [
      { type: 'fail', server: 'Messaging' },
      { type: 'restore', server: 'Messaging' },
    ],
  },
];

/**
 * Collects garbage now: a copy of a 5,000-chat deployment leaves megabytes, whose collection would otherwise land
 * in whichever step is being timed. (V8's `gc`, exposed at run time.)
 */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** Microseconds of the last action of `actions`, the ones before it and the `refill` after it taken untimed. */
function timeLast(deployment: Deployment, actions: readonly Action[], refill: readonly Action[] = []): number {
  for (const action of actions.slice(0, -1)) deployment.apply(action);
  const started = performance.now();
  deployment.apply(actions[actions.length - 1]!);
  const elapsed = (performance.now() - started) * 1000;
  for (const action of refill) deployment.apply(action);
  return elapsed;
}

export interface ScalePoint {
  readonly agents: number;
  readonly chats: number;
  readonly buildMs: number;
  /** Live sessions homed on Application 2 when it fails. */
  readonly onApplication2: number;
  /** Per step: the microseconds of each sample. */
  readonly samples: Readonly<Record<string, readonly number[]>>;
}

export function measureSize(agents: number, samples: number): ScalePoint {
  const started = performance.now();
  const built = buildDeployment(agents);
  const buildMs = performance.now() - started;
  const state = built.inspect();
  const waiting = state.db.activities.filter((row) => row.activity_sub_status === 4105).length;
  if (state.sessions.length !== agents * CHATS_PER_AGENT || waiting !== agents * (CHATS_PER_AGENT - 1)) {
    throw new Error(`the ${agents}-agent deployment has ${state.sessions.length} sessions, ${waiting} waiting`);
  }
  const onApplication2 = state.sessions.filter((s) => s.home === 'Application 2' && s.ended === null).length;
  const warmed = () => {
    const copy = built.clone();
    copy.apply({ type: 'wait', seconds: 1 });
    return copy;
  };
  const result: Record<string, number[]> = {};
  const repeated = warmed();
  for (const step of STEPS) {
    const times: number[] = [];
    // Repeatable steps: many per sample, so each sample is a median of 50 steps after 20 untimed.
    // Steps that need a fresh copy each: the copies made first, their garbage collected, then each step timed.
    const copies = step.fresh ? Array.from({ length: samples }, warmed) : [];
    if (step.fresh) collectGarbage();
    for (let s = 0; s < samples; s++) {
      if (step.fresh) times.push(timeLast(copies[s]!, step.actions(agents, s)));
      else {
        const batch: number[] = [];
        for (let i = 0; i < 70; i++) {
          const n = s * 70 + i;
          const t = timeLast(repeated, step.actions(agents, n), step.refill?.(repeated.inspect(), agents, n));
          if (i >= 20) batch.push(t);
        }
        times.push(median(batch));
      }
    }
    result[step.name] = times;
  }
  return { agents, chats: agents * CHATS_PER_AGENT, buildMs, onApplication2, samples: result };
}

const us = (label: string, values: readonly number[]): Measurement => ({ label, unit: 'µs', ...summarise(values) });

export function benchScale({ repeats = 7 }: { repeats?: number } = {}): { comparison: Comparison; lines: string[] } {
  // Warm-up: let the JIT see every step, at a small size and a larger one.
  measureSize(SIZES[0], 3);
  measureSize(SIZES[1], 2);
  const points = SIZES.map((agents) => measureSize(agents, repeats));
  const at = (point: ScalePoint, step: string) => median(point.samples[step]!);
  const smallest = points[0]!;
  const largest = points[points.length - 1]!;
  const lines: string[] = [];
  const header = ['step (median µs)', ...points.map((p) => `${p.agents} agents, ${p.chats} chats`), 'top / bottom'];
  const rows = STEPS.map((step) => [
    step.name,
    ...points.map((p) => at(p, step.name).toFixed(1)),
    `${(at(largest, step.name) / at(smallest, step.name)).toFixed(2)}×`,
  ]);
  rows.push([
    'Application 2 fails, per live session on it',
    ...points.map((p) => (at(p, 'Application 2 fails') / p.onApplication2).toFixed(2)),
    `${(at(largest, 'Application 2 fails') / largest.onApplication2 / (at(smallest, 'Application 2 fails') / smallest.onApplication2)).toFixed(2)}×`,
  ]);
  rows.push([
    'the Messaging server fails, per live session',
    ...points.map((p) => (at(p, 'the Messaging server fails') / p.chats).toFixed(2)),
    `${(at(largest, 'the Messaging server fails') / largest.chats / (at(smallest, 'the Messaging server fails') / smallest.chats)).toFixed(2)}×`,
  ]);
  rows.push(['(building the deployment, ms)', ...points.map((p) => p.buildMs.toFixed(0)), '']);
  const widths = header.map((_, col) => Math.max(...[header, ...rows].map((r) => r[col]!.length)));
  for (const row of [header, ...rows]) lines.push(row.map((cell, col) => cell.padEnd(widths[col]!)).join('  '));

  const ratio = (step: string) => at(largest, step) / at(smallest, step);
  const perSession = (p: ScalePoint) => at(p, 'Application 2 fails') / p.onApplication2;
  const flat = [
    'a customer sends a message in one chat',
    'an agent sends a message in one chat',
    '30 seconds pass',
    'an agent completes a chat and is routed the next',
  ];
  const measurements: Measurement[] = [];
  for (const step of STEPS)
    for (const p of points) measurements.push(us(`${step.name}, ${p.agents} agents`, p.samples[step.name]!));
  const comparison: Comparison = {
    id: 'scale',
    title: `Step cost at scale: 10, 100 and 1,000 agents, ${CHATS_PER_AGENT} live chats per agent (one in progress, four waiting), 4 Application servers`,
    command: 'node --require ts-node/register scripts/bench/scale.ts',
    measurements,
    note: 'Routing gives an agent one chat at a time, so of 5,000 live chats at 1,000 agents 1,000 are in progress and 4,000 wait for routing. Failing Application 2 loses the quarter of the sessions and logins it holds; failing Messaging touches every live session.',
    checks: [
      ...flat.map((step) => ({
        target: `${step}: at 1,000 agents at most 2× its cost at 10`,
        measured: `${ratio(step).toFixed(2)}× (${at(largest, step).toFixed(1)} µs vs ${at(smallest, step).toFixed(1)} µs)`,
        met: ratio(step) <= 2,
      })),
      {
        target: 'failing one Application server: cost per session homed on it at 1,000 agents at most 2× that at 10',
        measured: `${(perSession(largest) / perSession(smallest)).toFixed(2)}× (${perSession(largest).toFixed(2)} µs vs ${perSession(smallest).toFixed(2)} µs a session)`,
        met: perSession(largest) / perSession(smallest) <= 2,
      },
    ],
  };
  return { comparison, lines };
}

if (require.main === module) {
  const repeats = Number(process.env.BENCH_RUNS ?? 7);
  const { comparison, lines } = benchScale({ repeats });
  console.log(`${comparison.title}; median of ${repeats} samples`);
  for (const line of lines) console.log(`  ${line}`);
  for (const check of comparison.checks)
    console.log(`  ${check.met ? 'met   ' : 'MISSED'} ${check.target}: ${check.measured}`);
  process.exitCode = comparison.checks.every((check) => check.met) ? 0 : 1;
}
