/**
 * Generates the site's pages from the last cucumber run: reads reports/messages.ndjson as a stream (and the
 * claims register), renders with generator/, and writes docs/generated/ and static/reports/ (the work is in
 * scripts/generate-docs-run.ts, which loads only once the arguments are read); the two are the only modules of
 * the generator that touch files. Each feature's page is written as soon as the messages complete it, so memory holds only
 * the features still running, whatever the size of the run.
 *
 *   node --require ts-node/register scripts/generate-docs.ts [--messages FILE] [--self-test FILE | --no-self-test]
 *     [--out DIR] [--static-reports DIR] [--bench FILE | --no-bench] [--stats FILE]
 *     [--baseline OLD.ndjson] [--changes FILE] [--history FILE | --no-history] [--features DIR | --no-features]
 *     [--hostile-seed N]
 *
 * With --features (the default for the project's own run: features/), every feature file's page is built, the last
 * run's results laid over it: what the run left out (one feature run alone, `--name`, `--tags`) shows as not run,
 * and the generator names the features it left out.
 *
 * With a baseline, the "What changed" page compares this run with it, and --changes FILE summarises the comparison
 * for a pull request. For the project's own run (reports/messages.ndjson) the baseline may come from DOCS_BASELINE
 * (CI sets it to the target branch's last run), the summary goes to reports/changes.md, and the run is added to
 * the run history, reports/history.ndjson; other messages files get these only when asked.
 *
 * With the self-test pages, the crafted ones are a hostile copy of the recorded real run drawn with a seed
 * (generator/hostile-run.ts): DEFAULT_HOSTILE_SEED, or --hostile-seed N (a 32-bit whole number); it is printed.
 *
 * A missing or corrupt messages file stops it with the file and line at fault, leaving the pages generated
 * before untouched; failed scenarios do not stop it. Pages are written to `_generated.partial-<pid>/` beside the
 * target (Docusaurus skips folders starting with `_`) and replace it only once complete; an interrupted run removes
 * it, and the next run removes what a killed one left. Writing anything inside the checkout takes its lock
 * (scripts/checkout-lock.js): a second run waits for the first. A missing reports/bench.json does not either: the
 * Performance page then says it was not measured yet.
 */
import { ArgumentError, parseOptions, type Options } from './generate-docs-options';

let options: Options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ArgumentError)) throw error;
  console.error(`generate-docs: ${error.message}`);
  process.exit(2);
}

// The generator loads only once the arguments are read: a wrong one is answered without loading it.
void import('./generate-docs-run').then(({ main }) => main(options));
