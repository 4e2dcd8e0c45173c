/**
 * From a run's messages to every page of the site, with no file touched: read (the messages as lines, checked
 * and built into the run), compare (with a baseline run, and into the run history), render (each feature's page as
 * soon as the messages complete it, then the self-test pages and the page list's pages). The pages come out one
 * at a time, so memory holds only the features still running; scripts/generate-docs.ts reads the inputs, writes
 * the pages to a folder of its own and publishes everything in one step once the last page is out.
 */
import { OutcomeTableBuilder } from './outcome-table';
import type { OutcomeTable } from './outcome-marks';
import { hostileRun } from './hostile-run';
import type { FeatureFile } from './feature-files';
import { featurePage, type PageOptions } from './feature-page';
import { withRun, HistoryRecorder, type HistoryEntry } from './history';
import { MessagesReader, parseMessages } from './messages';
import { snapshotOf, type ScenarioSnapshot } from './observable';
import type { BenchInput } from './performance-page';
import type { RunLabel } from './changes-page';
import { RunComparer } from './run-comparison';
import type { ReportLinks } from './run-pages';
import { buildRun, RunBuilder, scenariosOf, type Claim, type CompletedFeature, type RunDoc } from './run';
import { pageFile, runbookPages, runPages, selfTestPages } from './site';

/** A messages file as lines, named as errors should name it. */
export interface MessageLines {
  readonly name: string;
  readonly lines: AsyncIterable<string>;
}

/** A small messages file read whole. */
export interface MessagesText {
  readonly name: string;
  readonly text: string;
}

/** A baseline run reduced to what is compared. */
export interface Baseline {
  readonly label: RunLabel;
  readonly snapshots: readonly ScenarioSnapshot[];
}

export interface GenerateInput {
  readonly messages: MessageLines;
  readonly claims: readonly Claim[];
  readonly commit: string | null;
  readonly pages: PageOptions;
  readonly reports: ReportLinks;
  readonly bench: BenchInput;
  readonly baseline: Baseline | null;
  /** The history kept so far and the digest of the model's sources, or null when no history is kept. */
  readonly history: { readonly earlier: readonly HistoryEntry[]; readonly modelDigest: string } | null;
  /** The hostile-text fixture run, rendered as self-test pages; none: no self-test pages. */
  readonly selfTest: MessagesText | null;
  /**
   * The real run whose hostile copy (generator/hostile-run.ts), drawn with `seed`, gives the crafted self-test pages
   * (only with `selfTest`).
   */
  readonly crafted: (MessagesText & { readonly seed: number }) | null;
  /** The specification's feature files, laid under the run's results (generator/feature-files.ts); none: what ran. */
  readonly featureFiles?: readonly FeatureFile[];
  /**
   * The at-a-glance page's hand-written matrix (generator/templates/at-a-glance.md): with it, the runbooks and the
   * at-a-glance page are rendered too (`runbookPages`); without it (a test of the run's pages alone), they are not.
   */
  readonly atAGlance?: string;
}

/** One page: its path under docs/generated/ and its content. */
export type Page = readonly [path: string, content: string];

/** What there is to publish besides the pages, once they are all out. */
export interface Generated {
  readonly run: RunDoc;
  /** The comparison's summary for a pull request; null without a baseline. */
  readonly changesReport: string | null;
  /** The history with this run added; null when none is kept. */
  readonly history: readonly HistoryEntry[] | null;
  /** The playground's outcome marks (generator/outcome-table.ts), for static/reports/outcome-marks.json. */
  readonly outcomeTable: OutcomeTable;
}

export const CRAFTED_PREFIX = 'self-test/crafted-';

/** The end of a crafted self-test page: the seed it was drawn with, and how to draw it again. */
export const seedNote = (seed: number): string =>
  `\n\n<p id="hostile-seed" data-seed="${seed}">This page is a hostile copy of a real run drawn with seed ${seed}: ` +
  `<code>npm run docs:generate -- --hostile-seed ${seed}</code> draws it again.</p>\n`;

/** Builds a run from its lines, handing over each feature as soon as it is complete. */
export async function* readRun(
  messages: MessageLines,
  claims: readonly Claim[],
  commit: string | null,
  featureFiles: readonly FeatureFile[] = [],
): AsyncGenerator<CompletedFeature, RunDoc> {
  const reader = new MessagesReader(messages.name);
  const builder = new RunBuilder({ file: messages.name, claims, commit, keep: 'summary', featureFiles });
  for await (const raw of messages.lines) {
    const envelope = reader.line(raw);
    if (envelope) yield* builder.add(envelope);
  }
  reader.end();
  const { remaining, run } = builder.finish();
  yield* remaining;
  return run;
}

/** A baseline run reduced to what is compared, read as a stream like the run itself. */
export async function readBaseline(messages: MessageLines, claims: readonly Claim[]): Promise<Baseline> {
  const snapshots: ScenarioSnapshot[] = [];
  const features = readRun(messages, claims, null);
  let next = await features.next();
  while (!next.done) {
    for (const scenario of scenariosOf(next.value.feature)) snapshots.push(snapshotOf(next.value.feature, scenario));
    next = await features.next();
  }
  const run = next.value;
  return { label: { file: messages.name, startedAt: run.startedAt, commit: run.commit }, snapshots };
}

/** A small run read whole (a fixture). */
export function wholeRun(messages: MessagesText, claims: readonly Claim[] = []): RunDoc {
  return buildRun(parseMessages(messages.text, messages.name), messages.name, claims, null);
}

/** Every page of the site, one at a time; then what else there is to publish. */
export async function* generate(input: GenerateInput): AsyncGenerator<Page, Generated> {
  const comparer = new RunComparer(input.baseline);
  const recorder = new HistoryRecorder();
  const outcomes = new OutcomeTableBuilder();
  const features = readRun(input.messages, input.claims, input.commit, input.featureFiles);
  let next = await features.next();
  while (!next.done) {
    const { feature, position } = next.value;
    if (input.history) recorder.observe(feature);
    outcomes.observe(feature);
    yield [
      pageFile(feature),
      featurePage(feature, position, { ...input.pages, scenarioMarks: comparer.observe(feature) }),
    ];
    next = await features.next();
  }
  const run = next.value;
  const history = input.history ? withRun(input.history.earlier, recorder.entry(run, input.history.modelDigest)) : null;
  const selfTest = input.selfTest ? wholeRun(input.selfTest) : null;
  if (selfTest) yield* selfTestPages(selfTest, input.pages);
  // A hostile copy of a real run (a drawn hostile text in front of every string of every message and attachment),
  // rendered like the rest with its seed on each page: the browser test checks that nothing of it is live.
  if (selfTest && input.crafted) {
    const { name, text, seed } = input.crafted;
    const run = wholeRun({ name: `${name} (hostile copy, seed ${seed})`, text: hostileRun(text, seed) });
    for (const [path, page] of selfTestPages(run, input.pages, CRAFTED_PREFIX)) yield [path, page + seedNote(seed)];
  }
  const changes = comparer.finish({ file: input.messages.name, startedAt: run.startedAt, commit: run.commit });
  yield* runPages(
    { run, reports: input.reports, bench: input.bench, history: history ?? [], changes: changes.page },
    selfTest,
  );
  if (input.atAGlance !== undefined) yield* runbookPages(input.atAGlance);
  return { run, changesReport: changes.report, history, outcomeTable: outcomes.finish() };
}
