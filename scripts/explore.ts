/**
 * `npm run explore`: every reachable state of the model within bounds, breadth-first, with every invariant and
 * every law checked in each; prints the bounds, the figures, the behaviour ledger, and either that everything
 * held or the shortest counterexample (exit code 1).
 *
 *   EXPLORE_BOUNDS=default | deep          which bounds (exploration/state-space/bounds.ts; default: default)
 *   EXPLORE_SHARD=2/4                       explore the second of four parts only (as a nightly job does)
 *   EXPLORE_REPORT=file.json                also write the shard's figures and ledger for a merge
 *   npm run explore -- --merge a.json b.json ...   merge shards' reports (explore's and fuzz's) and print them
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { formatCounterexample } from '../exploration/counterexample';
import { LAWS } from '../exploration/laws';
import { NAMED_BOUNDS, describeBounds } from '../exploration/state-space/bounds';
import { exploreStateSpace } from '../exploration/state-space/explorer';
import { mergeReports, parseShard, readShardReport, type ShardReport } from '../exploration/state-space/shard-report';

function lawLines(premises: Record<string, number>): string[] {
  return LAWS.map((law) => `  ${law.name} [${law.claims.join(', ')}]: premise held in ${premises[law.id] ?? 0}`);
}

function merge(files: readonly string[]): number {
  if (files.length === 0) throw new Error("--merge needs the shards' report files");
  const merged = mergeReports(files.map((file) => readShardReport(readFileSync(file, 'utf8'), file)));
  console.log(`shards merged: ${merged.shards}`);
  console.log(`distinct states over all exploring shards: ${merged.distinctStates}; fuzzing steps: ${merged.steps}`);
  console.log(merged.coverage.describe());
  console.log('laws (transitions in which the premise held, summed over shards):');
  console.log(lawLines(merged.premises).join('\n'));
  console.log(merged.behaviour.describe().join('\n'));
  const [first] = merged.counterexamples;
  if (!first) {
    console.log('every invariant and law held in every shard');
    return 0;
  }
  console.log(
    `\n${merged.counterexamples.length} shard(s) found a counterexample; the shortest, from ${first.from}:\n`,
  );
  console.log(first.text);
  return 1;
}

function main(argv: readonly string[]): number {
  if (argv[0] === '--merge') return merge(argv.slice(1));
  if (argv.length) throw new Error(`unknown arguments ${argv.join(' ')} (only --merge <files> is taken)`);
  const name = process.env.EXPLORE_BOUNDS || 'default';
  const bounds = NAMED_BOUNDS[name];
  if (!bounds) throw new Error(`EXPLORE_BOUNDS must be one of ${Object.keys(NAMED_BOUNDS).join(', ')}, got "${name}"`);
  const shard = process.env.EXPLORE_SHARD ? parseShard(process.env.EXPLORE_SHARD, 'EXPLORE_SHARD') : undefined;
  console.log(`bounds: ${name}${shard ? `, shard ${shard.index + 1} of ${shard.count}` : ''}`);
  for (const line of describeBounds(bounds)) console.log(`  ${line}`);
  const result = exploreStateSpace({ bounds, ...(shard && { shard }) });
  console.log(`distinct states: ${result.distinctStates}`);
  console.log(`transitions: ${result.transitions}`);
  console.log(`depth reached: ${result.depthReached}`);
  console.log(
    `time: ${(result.milliseconds / 1000).toFixed(2)} s (CPU ${(result.cpuMilliseconds / 1000).toFixed(2)} s); ` +
      `distinct states per second: ${result.statesPerSecond} (per CPU second: ${result.statesPerCpuSecond})`,
  );
  console.log(`chance that two states shared a fingerprint: ${result.collisionChance.toExponential(1)}`);
  console.log('laws (transitions in which the premise held):');
  console.log(lawLines(result.premises).join('\n'));
  console.log(result.ledger.describe().join('\n'));
  const text = result.counterexample ? formatCounterexample(result.counterexample) : null;
  if (process.env.EXPLORE_REPORT) {
    const report: ShardReport = {
      kind: 'explore',
      shard: shard ?? null,
      run: name,
      distinctStates: result.distinctStates,
      transitions: result.transitions,
      behaviour: result.ledger.data,
      premises: result.premises,
      counterexample: text ? { steps: result.counterexample!.violation.plan.length, text } : null,
    };
    writeFileSync(process.env.EXPLORE_REPORT, JSON.stringify(report, null, 1));
  }
  if (text) {
    console.log(`\n${text}`);
    return 1;
  }
  console.log('every invariant and law held');
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 2;
}
