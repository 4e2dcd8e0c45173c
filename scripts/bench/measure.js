// Shared by the benchmark scripts: run a command several times after a warm-up and summarise its wall time.
// Machines here are shared and noisy, so every figure is a median, reported next to a baseline from the same run.
const { spawnSync } = require('node:child_process');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs `command` (argv array) `runs` times after `warmups` unmeasured runs; throws if any run fails. */
function timeCommand(command, { runs = 7, warmups = 1, cwd, env } = {}) {
  const samples = [];
  for (let i = 0; i < warmups + runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command[0], command.slice(1), { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) {
      throw new Error(`${command.join(' ')} exited with ${result.status}:\n${result.stdout}\n${result.stderr}`);
    }
    if (i >= warmups) samples.push(ms);
  }
  return summarise(samples);
}

function summarise(samples) {
  return {
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    runs: samples.length,
  };
}

/**
 * Runs the subject and the baseline alternately, so that load on the machine hits both alike. Each is
 * `{ command, cwd?, env? }`; the first round is a warm-up (file-system caches).
 */
function compare(subject, baseline, { runs = 7 } = {}) {
  const a = [];
  const b = [];
  for (let i = 0; i < runs + 1; i++) {
    const first = timeCommand(subject.command, { ...subject, runs: 1, warmups: 0 });
    const second = timeCommand(baseline.command, { ...baseline, runs: 1, warmups: 0 });
    if (i === 0) continue;
    a.push(first.median);
    b.push(second.median);
  }
  const s = summarise(a);
  const base = summarise(b);
  return { subject: s, baseline: base, ratio: s.median / base.median };
}

/**
 * Runs several commands in turn, round after round, so that load on the machine hits them alike; the first
 * `warmups` rounds are not measured. Each is `{ command, cwd?, env? }`; gives one summary per command, in order.
 */
function alternate(commands, { runs = 7, warmups = 1 } = {}) {
  const samples = commands.map(() => []);
  for (let round = 0; round < warmups + runs; round++) {
    commands.forEach((c, i) => {
      const { median: ms } = timeCommand(c.command, { ...c, runs: 1, warmups: 0 });
      if (round >= warmups) samples[i].push(ms);
    });
  }
  return samples.map(summarise);
}

function formatSummary(label, s) {
  return `${label.padEnd(44)} median ${s.median.toFixed(0).padStart(6)} ms  (min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)}, ${s.runs} runs)`;
}

module.exports = { median, timeCommand, compare, alternate, summarise, formatSummary };
