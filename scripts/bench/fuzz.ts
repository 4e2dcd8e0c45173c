/**
 * `npm run bench:fuzz`: the random phase's throughput against the same fast-check run over a model that does
 * nothing (same seed, same runs, same commands; each step only counted), the model's throughput against the
 * model as it was before the restructure (commit f33a797, see ./old-model.ts), and the exhaustive phase's time.
 * Medians of several runs after warm-ups. Not part of `npm test`: timings belong to a quiet machine, not to CI.
 * `npm run bench` runs the same functions.
 *
 *   BENCH_RUNS=2000 BENCH_REPEATS=7 npm run bench:fuzz
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import type { Action } from '../../model/actions';
import { Deployment } from '../../model/deployment';
import { CoverageLedger } from '../../exploration/coverage';
import { exploreExhaustively } from '../../exploration/exhaustive';
import { FIXED_SEED } from '../../exploration/explore';
import { PREMISE, newTally, type Exploration, type ExplorationTally } from '../../exploration/exploration';
import { InvariantChecker } from '../../exploration/invariants';
import { DETERMINISM_SAMPLE, MAX_COMMANDS, planProperty } from '../../exploration/random';
import { explorationCommands } from '../../exploration/random-commands';
import { PlanRunner, newDeployment } from '../../plans/interpreter';
import { summarise } from './measure';
import { OLD_COMMIT, loadOldModel } from './old-model';
import type { Comparison, Measurement } from '../../generator/bench-report';

interface Sample {
  readonly milliseconds: number;
  readonly steps: number;
}

/** The real thing: the model, every invariant after every step, the determinism replay, the coverage ledger. */
function modelRun(runs: number): Sample {
  const tally = newTally();
  const started = performance.now();
  fc.assert(planProperty(new CoverageLedger(), tally, newDeployment), { seed: FIXED_SEED, numRuns: runs });
  return { milliseconds: performance.now() - started, steps: tally.steps };
}

/** The same commands and fast-check machinery over a model that does nothing: its state never changes. */
function doNothingRun(runs: number): Sample {
  const deployment = new Deployment();
  const state = deployment.inspect();
  let steps = 0;
  // The commands read the state and ask the guard; the state never changes, so neither do their answers.
  const idle = {
    deployment,
    state,
    step(_action: Action) {
      steps++;
    },
  } as unknown as Exploration;
  const commands = fc.commands(explorationCommands(), { maxCommands: MAX_COMMANDS, size: 'max' });
  const started = performance.now();
  fc.assert(
    fc.property(commands, (sequence) => fc.modelRun(() => ({ model: idle, real: idle }), sequence)),
    { seed: FIXED_SEED, numRuns: runs },
  );
  return { milliseconds: performance.now() - started, steps };
}

interface Measured {
  readonly time: ReturnType<typeof summarise>;
  readonly stepsPerSecond: ReturnType<typeof summarise>;
  readonly steps: number;
}

function measure(run: () => Sample, repeats: number): Measured {
  run();
  run(); // warm-up: let the JIT settle
  const samples = Array.from({ length: repeats }, run);
  return {
    time: summarise(samples.map((s) => s.milliseconds)),
    stepsPerSecond: summarise(samples.map((s) => (s.steps / s.milliseconds) * 1000)),
    steps: samples[0]!.steps,
  };
}

const ms = (label: string, s: ReturnType<typeof summarise>): Measurement => ({ label, unit: 'ms', ...s });

export interface FuzzOptions {
  /** fast-check runs (plans) per measurement. */
  readonly runs?: number;
  /** Measured repetitions after two warm-ups. */
  readonly repeats?: number;
}

/** Steps per second of the random phase against a do-nothing model, alternating is not needed: one core each. */
export function benchFuzz({ runs = 2000, repeats = 7 }: FuzzOptions = {}): Comparison {
  const idle = measure(() => doNothingRun(runs), repeats);
  const real = measure(() => modelRun(runs), repeats);
  const slowdown = real.time.median / idle.time.median;
  return {
    id: 'fuzz',
    title: `Random fuzzing phase (${runs} plans, seed ${FIXED_SEED}) vs the same fast-check run over a do-nothing model`,
    command: 'npm run bench:fuzz',
    measurements: [
      ms(`model + invariants (${real.steps} steps)`, real.time),
      { label: 'model + invariants, throughput', unit: 'steps/s', ...real.stepsPerSecond },
      ms(`do-nothing model (${idle.steps} steps)`, idle.time),
      { label: 'do-nothing model, throughput', unit: 'steps/s', ...idle.stepsPerSecond },
    ],
    note: 'The do-nothing model only counts steps. The real run applies the model, inspects it, checks every invariant and the ten laws after each step and adds to the coverage ledger; one plan in eight runs with its trace recorded and is replayed once on a fresh deployment, the two traces compared byte for byte (the determinism invariant).',
    checks: [
      { target: 'at most 2.00× the do-nothing run', measured: `${slowdown.toFixed(2)}×`, met: slowdown <= 2 },
      {
        target: 'at least 50,000 model steps/s',
        measured: `${Math.round(real.stepsPerSecond.median).toLocaleString('en-US')} steps/s`,
        met: real.stepsPerSecond.median >= 50_000,
      },
    ],
  };
}

/**
 * The exhaustive phase (every ordering, prefix and server set, every invariant after every step): its first run
 * in this process, as `npm test` pays it, and the median after that first run.
 */
export function benchExhaustive({ repeats = 7 }: FuzzOptions = {}): Comparison {
  const first = exploreExhaustively();
  if (first.violations.length) throw new Error(`the exhaustive phase found ${first.violations.length} violations`);
  const samples = Array.from({ length: repeats }, () => exploreExhaustively().milliseconds);
  const warm = summarise(samples);
  const cold = summarise([first.milliseconds]);
  return {
    id: 'exhaustive',
    title: 'Exhaustive phase: all 90 orderings, their prefixes and the 8 server sets',
    command: 'npm run bench:fuzz',
    measurements: [ms('first run in the process (as in npm test)', cold), ms('after the first run', warm)],
    checks: [
      {
        target: 'under 2 s',
        measured: `${(Math.max(cold.median, warm.median) / 1000).toFixed(2)} s`,
        met: Math.max(cold.median, warm.median) < 2000,
      },
    ],
  };
}

/**
 * A fixed plan through the servers' failures and back (the source's premise, a Messaging outage, an Application
 * outage, logging in again, a Services outage), in the action vocabulary both models speak.
 */
export const FIXED_PLAN: readonly Action[] = [
  { type: 'agent-logs-in', agent: 'JDoe' },
  { type: 'customer-starts-chat', question: 'Help me!' },
  { type: 'agent-sends', text: 'Hello' },
  { type: 'customer-sends', text: 'Hi' },
  { type: 'fail', server: 'Messaging' },
  { type: 'customer-sends', text: 'Hello?' },
  { type: 'wait', seconds: 240 },
  { type: 'restore', server: 'Messaging' },
  { type: 'agent-sends', text: 'Back' },
  { type: 'fail', server: 'Application' },
  { type: 'wait', seconds: 300 },
  { type: 'restore', server: 'Application' },
  { type: 'agent-logs-out' },
  { type: 'agent-logs-in', agent: 'JDoe' },
  { type: 'agent-completes-chat' },
  { type: 'customer-starts-chat', question: 'Again' },
  { type: 'fail', server: 'Services' },
  { type: 'wait', seconds: 60 },
  { type: 'restore', server: 'Services' },
];

/** CPU milliseconds (this process, user and system) of `run`, with the steps it reports. */
function cpuTimed(run: () => number): Sample {
  const before = process.cpuUsage();
  const steps = run();
  const used = process.cpuUsage(before);
  return { milliseconds: (used.user + used.system) / 1000, steps };
}

/** Runs each of `runs` in turn, round after round (two warm-up rounds first): load on the machine hits them alike. */
function alternately(runs: readonly (() => Sample)[], repeats: number): Measured[] {
  const samples: Sample[][] = runs.map(() => []);
  for (let round = 0; round < repeats + 2; round++) {
    runs.forEach((run, i) => {
      const sample = run();
      if (round >= 2) samples[i]!.push(sample);
    });
  }
  return samples.map((list) => ({
    time: summarise(list.map((s) => s.milliseconds)),
    stepsPerSecond: summarise(list.map((s) => (s.steps / s.milliseconds) * 1000)),
    steps: list[0]!.steps,
  }));
}

/**
 * Today's random phase as the old one was built: the commands, the model, every invariant after every step, the
 * coverage ledger and the determinism replays, without the laws (exploration/laws), which came later.
 */
class WithoutLaws {
  private readonly checker = new InvariantChecker();
  private readonly runner = new PlanRunner(newDeployment({ recordTrace: false }), this.checker);
  private readonly coverage;

  constructor(
    ledger: CoverageLedger,
    private readonly tally: ExplorationTally,
    private readonly checkDeterminism: boolean,
  ) {
    this.coverage = ledger.begin();
    tally.plans++;
  }

  get state() {
    return this.runner.deployment.inspect();
  }

  step(action: Action): void {
    this.tally.steps++;
    this.runner.step(action);
    this.coverage.observe(action);
  }

  finish(): void {
    if (this.checkDeterminism) this.checker.finish(() => newDeployment());
  }
}

export function withoutLawsProperty(ledger: CoverageLedger, tally: ExplorationTally) {
  const commands = fc.commands(explorationCommands(), { maxCommands: MAX_COMMANDS, size: 'max' });
  return fc.property(commands, (sequence) => {
    const exploration = new WithoutLaws(ledger, tally, tally.plans % DETERMINISM_SAMPLE === 0);
    for (const action of PREMISE) exploration.step(action);
    const real = exploration as unknown as Exploration;
    fc.modelRun(() => ({ model: real, real }), sequence);
    exploration.finish();
  });
}

/**
 * Today's model against the model before the restructure (commit f33a797), in this process, alternately, in
 * CPU time: a fixed plan replayed on fresh deployments with the trace off (the same actions on both: like with
 * like), and the random phase's fast-check run, same seed and runs, each over its own commands, model and
 * invariants (today's also checks the laws and has more kinds of command, so it does more work per step).
 */
export function benchAgainstOldModel({ runs = 500, repeats = 7, replays = 2000 } = {}): Comparison {
  const old = loadOldModel();
  try {
    const fixed = (make: () => { apply(action: unknown): unknown }) => () =>
      cpuTimed(() => {
        for (let i = 0; i < replays; i++) {
          const deployment = make();
          for (const action of FIXED_PLAN) deployment.apply(action);
        }
        return replays * FIXED_PLAN.length;
      });
    const random = (property: () => fc.IProperty<unknown>, tally: { steps: number }) => () =>
      cpuTimed(() => {
        const before = tally.steps;
        fc.assert(property(), { seed: FIXED_SEED, numRuns: runs });
        return tally.steps - before;
      });
    const oldTally = old.newTally();
    const newTallyOf = newTally();
    const lawlessTally = newTally();
    // The fixed plan first: the model's code has then seen only the model's own objects, as in the fuzzer.
    const [fixedNew, fixedOld] = alternately(
      [fixed(() => new Deployment({ recordTrace: false })), fixed(() => new old.Deployment({ recordTrace: false }))],
      repeats,
    ) as [Measured, Measured];
    const [randomNew, randomLawless, randomOld] = alternately(
      [
        random(() => planProperty(new CoverageLedger(), newTallyOf, newDeployment), newTallyOf),
        random(() => withoutLawsProperty(new CoverageLedger(), lawlessTally), lawlessTally),
        random(() => old.planProperty(old.newLedger(), oldTally, old.newDeployment), oldTally),
      ],
      repeats,
    ) as [Measured, Measured, Measured];
    const rate = (m: Measured) => `${Math.round(m.stepsPerSecond.median).toLocaleString('en-US')} steps/s`;
    const perSecond = (label: string, m: Measured): Measurement => ({ label, unit: 'steps/s', ...m.stepsPerSecond });
    return {
      id: 'fuzz-vs-old-model',
      title: `The model against the model before the restructure (commit ${OLD_COMMIT}), alternately in one process, CPU time`,
      command: 'npm run bench:fuzz',
      measurements: [
        perSecond(`fixed ${FIXED_PLAN.length}-step plan × ${replays}, trace off: today's model`, fixedNew),
        perSecond(`the same plan: the model of ${OLD_COMMIT}`, fixedOld),
        perSecond(`random phase, ${runs} plans, seed ${FIXED_SEED}: today's (${randomNew.steps} steps)`, randomNew),
        perSecond(`the same, without the laws (as ${OLD_COMMIT}'s was built)`, randomLawless),
        perSecond(`random phase, same seed and runs: ${OLD_COMMIT}'s (${randomOld.steps} steps)`, randomOld),
      ],
      note: `Both trees are loaded in one process of their own by the same TypeScript loader (${OLD_COMMIT}'s model/, plans/ and exploration/ taken from git into a temporary folder); medians of ${repeats} after 2 warm-up rounds. The random phases differ in work per step: today's checks the laws too and covers more kinds of command.`,
      checks: [
        {
          target: `the fixed plan: at least the throughput of ${OLD_COMMIT}`,
          measured: `${rate(fixedNew)} vs ${rate(fixedOld)} (${(fixedNew.stepsPerSecond.median / fixedOld.stepsPerSecond.median).toFixed(2)}×)`,
          met: fixedNew.stepsPerSecond.median >= fixedOld.stepsPerSecond.median,
        },
        {
          target: `the random phase: at least the throughput of ${OLD_COMMIT}'s`,
          measured: `${rate(randomNew)} vs ${rate(randomOld)} (${(randomNew.stepsPerSecond.median / randomOld.stepsPerSecond.median).toFixed(2)}×)`,
          met: randomNew.stepsPerSecond.median >= randomOld.stepsPerSecond.median,
        },
        {
          target: `the random phase without the laws: at least the throughput of ${OLD_COMMIT}'s`,
          measured: `${rate(randomLawless)} vs ${rate(randomOld)} (${(randomLawless.stepsPerSecond.median / randomOld.stepsPerSecond.median).toFixed(2)}×)`,
          met: randomLawless.stepsPerSecond.median >= randomOld.stepsPerSecond.median,
        },
      ],
    };
  } finally {
    old.remove();
  }
}

const AGAINST_OLD = '--against-old-model';

/**
 * `benchAgainstOldModel` in a Node process of its own (both models in that one process, alternately), started
 * with this process's loader: in a process that has already run the random phase, the model's code has seen the
 * explorers' copies of its state and runs slower than it does in the fuzzer, while the old tree's code is fresh.
 */
export function benchAgainstOldModelApart(options: { runs?: number; repeats?: number } = {}): Comparison {
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, AGAINST_OLD, JSON.stringify(options)], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const lines = child.stdout.trim().split('\n');
  if (child.status !== 0) {
    const why =
      child.stderr
        .trim()
        .split('\n')
        .find((line) => line.startsWith('Error: ')) ?? child.stderr.trim();
    throw new Error(why.replace(/^Error: /, ''));
  }
  return JSON.parse(lines[lines.length - 1]!) as Comparison;
}

if (require.main === module && process.argv[2] === AGAINST_OLD) {
  console.log(JSON.stringify(benchAgainstOldModel(JSON.parse(process.argv[3] ?? '{}') as { runs?: number })));
} else if (require.main === module) {
  const runs = Number(process.env.BENCH_RUNS ?? 2000);
  const repeats = Number(process.env.BENCH_REPEATS ?? 7);
  const comparisons = [
    benchExhaustive({ repeats }),
    benchFuzz({ runs, repeats }),
    benchAgainstOldModelApart({ runs: Math.min(runs, 500), repeats }),
  ];
  console.log(`fast-check ${runs} plans, seed ${FIXED_SEED}, median of ${repeats} after 2 warm-up runs, one core`);
  for (const c of comparisons) {
    console.log(`\n${c.title}`);
    for (const m of c.measurements) {
      console.log(
        `  ${m.label.padEnd(44)} median ${m.median.toFixed(0).padStart(9)} ${m.unit}  (min ${m.min.toFixed(0)}, max ${m.max.toFixed(0)})`,
      );
    }
    for (const check of c.checks)
      console.log(`  ${check.met ? 'met   ' : 'MISSED'} ${check.target}: ${check.measured}`);
  }
  process.exitCode = comparisons.every((c) => c.checks.every((check) => check.met)) ? 0 : 1;
}
