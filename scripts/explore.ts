/**
 * `npm run explore`: every reachable state of the model within bounds, breadth-first, with every invariant and
 * every law checked in each; prints the bounds, the figures, the behaviour ledger, and either that everything
 * held or the shortest counterexample (exit code 1).
 *
 *   EXPLORE_BOUNDS=default | deep          which bounds (exploration/state-space/bounds.ts; default: default)
 *   EXPLORE_SHARD=2/4                       explore the second of four parts only (as a nightly job does)
 *   EXPLORE_REPORT=file.json                also write the shard's figures and ledger for a merge
 *   npm run explore -- --merge a.json b.json ...   merge shards' reports (explore's and fuzz's) and print them:
 *                                                  every shard of each kind exactly once, each report checked
 *   npm run explore -- --check a.json ...          check that each report is complete (exit 2 if not)
 *
 * The exit statuses are scripts/exit-status.ts's table; a wrong argument, variable or report is one line (2).
 */
import { parseArgs } from 'node:util';
import { formatCounterexample } from '../exploration/counterexample';
import { LAWS } from '../exploration/laws';
import { NAMED_BOUNDS, describeBounds } from '../exploration/state-space/bounds';
import { exploreStateSpace } from '../exploration/state-space/explorer';
import { mergeReports, type ShardReport } from '../exploration/state-space/shard-report';
import {
  checkShardSet,
  readShardReport,
  SHARD_REPORT_LIMITS,
  ShardReportError,
} from '../exploration/state-space/shard-report-reading';
import { afterFailedReport, EXIT, reportWriteFailed } from './exit-status';
import { ExploreInputError, exploreInputs } from './explore-inputs';
import { clip, FuzzInputError } from './fuzz-inputs';
import { CannotRead, readWithin, WriteFailed, writeAtomically } from './files';

function lawLines(premises: Record<string, number>): string[] {
  return LAWS.map((law) => `  ${law.name} [${law.claims.join(', ')}]: premise held in ${premises[law.id] ?? 0}`);
}

function readReport(file: string): { file: string; report: ShardReport } {
  let text: string;
  try {
    text = readWithin(file, SHARD_REPORT_LIMITS.bytes, "a shard's report");
  } catch (error) {
    if (!(error instanceof CannotRead)) throw error;
    throw new ShardReportError(`${error.message}; give the shards' report files`);
  }
  return { file, report: readShardReport(text, file) };
}

/** `--check`: each report is complete and well formed (the nightly job's check of each shard's report). */
function check(files: readonly string[]): number {
  if (files.length === 0) throw new ExploreInputError('--check needs the report files to check');
  for (const { file, report } of files.map(readReport)) {
    const shard = report.shard ? ` of shard ${report.shard.index + 1}/${report.shard.count}` : '';
    console.log(
      `${file}: a complete ${report.kind} report${shard}, ${report.counterexample ? 'with' : 'without'} a counterexample`,
    );
  }
  return EXIT.held;
}

function merge(files: readonly string[]): number {
  if (files.length === 0) throw new ExploreInputError("--merge needs the shards' report files");
  const ignored = ['EXPLORE_BOUNDS', 'EXPLORE_SHARD', 'EXPLORE_REPORT'].filter((name) => process.env[name]);
  if (ignored.length) {
    throw new ExploreInputError(
      `--merge reads only its report files; ${ignored.join(', ')} would be ignored: leave them unset`,
    );
  }
  const reports = files.map(readReport);
  checkShardSet(reports);
  const merged = mergeReports(reports.map((r) => r.report));
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

/** The command line: `--merge` or `--check` and report files, or nothing (util.parseArgs refuses anything else). */
function argumentsOf(argv: readonly string[]): { mode: 'merge' | 'check' | 'explore'; files: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { merge: { type: 'boolean' }, check: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.merge && values.check) throw new Error('--merge and --check are two commands: give one');
    const mode = values.merge ? 'merge' : values.check ? 'check' : 'explore';
    if (mode === 'explore' && positionals.length) {
      throw new Error(`unexpected argument "${clip(positionals[0]!)}"`);
    }
    return { mode, files: positionals };
  } catch (error) {
    throw new ExploreInputError(
      `npm run explore: ${(error as Error).message.split(/\n|\. To specify/)[0]} (it takes --merge <report files>, --check <report files>, or nothing)`,
    );
  }
}

function main(argv: readonly string[]): number {
  const args = argumentsOf(argv);
  if (args.mode === 'merge') return merge(args.files);
  if (args.mode === 'check') return check(args.files);
  const { name, shard, report: reportFile } = exploreInputs(process.env);
  const bounds = NAMED_BOUNDS[name]!;
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
  // What was found is printed before anything is written: a report that cannot be written loses nothing.
  if (text) console.log(`\n${text}`);
  else console.log('every invariant and law held');
  const status = text ? EXIT.counterexample : EXIT.held;
  if (reportFile) {
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
    try {
      writeAtomically(reportFile, JSON.stringify(report, null, 1));
    } catch (error) {
      if (!(error instanceof WriteFailed)) throw error;
      console.error(reportWriteFailed('npm run explore', 'EXPLORE_REPORT', error));
      return afterFailedReport(status);
    }
  }
  return status;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ExploreInputError || error instanceof ShardReportError || error instanceof FuzzInputError)) {
    throw error;
  }
  console.error(error.message.startsWith('npm run explore') ? error.message : `npm run explore: ${error.message}`);
  process.exitCode = EXIT.wrongInput;
}
