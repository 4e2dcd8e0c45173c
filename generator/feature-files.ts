/**
 * The feature files as a living-documentation tool reads them (Pickles, SpecFlow's LivingDoc): every feature's page
 * is built from its file, with the last run's results laid over it. For a run that left features or scenarios out
 * (`npx cucumber-js features/messaging_server.feature`, `--name`, `--tags`), this gives the messages cucumber would
 * have written for them before the run started: a feature file's source, document and pickles, or the pickles of a
 * document the run has but did not run. With no test case, `RunBuilder` shows each of them as not run, steps and all,
 * at the page and anchor a full run gives it. Pure: reading the files is scripts/generate-docs.ts's job.
 */
import { compile, generateMessages } from '@cucumber/gherkin';
import { SourceMediaType, type Envelope, type GherkinDocument, type Pickle } from '@cucumber/messages';
import { MessagesFileError } from './messages';

/** A feature file as read from disk: its uri as cucumber names it (`features/x.feature`) and its text. */
export interface FeatureFile {
  readonly uri: string;
  readonly text: string;
}

/** Ids for what the run did not write, distinct from cucumber's UUIDs and from each other. */
export function notRunIds(): () => string {
  let next = 0;
  return () => `not-run-${next++}`;
}

/**
 * A feature file's source, document and pickles, as cucumber writes them before a run; a file that does not parse
 * is a one-line error naming the file and the line, as cucumber's own would.
 */
export function featureFileEnvelopes(file: FeatureFile, newId: () => string): readonly Envelope[] {
  const envelopes = generateMessages(file.text, file.uri, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN, {
    includeSource: true,
    includeGherkinDocument: true,
    includePickles: true,
    newId,
  });
  const error = envelopes.find((e) => e.parseError)?.parseError;
  if (error) {
    const message = error.message.replace(/^\(\d+:\d+\): /, '').replace(/\s+/g, ' ');
    throw new MessagesFileError(file.uri, error.source.location?.line ?? null, `not a feature file: ${message}`);
  }
  return envelopes;
}

/** The pickles of `document` the run did not write: its scenarios (or example rows) absent from `ran`. */
export function picklesNotRun(document: GherkinDocument, ran: readonly Pickle[], newId: () => string): Pickle[] {
  const key = (p: Pickle) => p.astNodeIds.join(' ');
  const written = new Set(ran.map(key));
  return compile(document, document.uri ?? '', newId).filter((p) => !written.has(key(p)));
}
