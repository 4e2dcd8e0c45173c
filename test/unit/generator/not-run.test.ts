/**
 * Every feature's page, always (issue 26, item 8): the pages are built from the feature files with the last run's
 * results laid over them. A run of two features (the real-run fixture) gives a page for every feature file, at the
 * page and anchors a run of all of them gives; the features and scenarios it left out show as not run with their
 * steps, and the summary names them. A feature file that does not parse is a one-line error naming it and the line.
 */
import { test } from 'node:test';
import { deepStrictEqual, equal, ok, throws } from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadClaims } from '../../../features/claims-register';
import { featureFileEnvelopes, notRunIds, type FeatureFile } from '../../../generator/feature-files';
import { MessagesFileError, parseMessages, type NumberedEnvelope } from '../../../generator/messages';
import { RunBuilder, scenariosOf, type RunDoc } from '../../../generator/run';
import { DEFAULT_SITE_OPTIONS, renderSite } from '../../../generator/site';
import { liveMarkup } from '../../support/hostile/live';

const root = join(__dirname, '..', '..', '..');
const FIXTURE = 'test/fixtures/real-run/messages.ndjson';
const fixture = readFileSync(join(root, FIXTURE), 'utf8');
const claims = loadClaims();
const featureFiles: FeatureFile[] = readdirSync(join(root, 'features'))
  .filter((f) => f.endsWith('.feature'))
  .sort()
  .map((f) => ({ uri: `features/${f}`, text: readFileSync(join(root, 'features', f), 'utf8') }));

function build(envelopes: readonly NumberedEnvelope[], files: readonly FeatureFile[] = featureFiles): RunDoc {
  const builder = new RunBuilder({ file: FIXTURE, claims, featureFiles: files });
  for (const e of envelopes) builder.add(e);
  return builder.finish().run;
}

/** The fixture's messages without one scenario's pickle and everything of its attempts, as `--name` would leave. */
function withoutScenario(ndjson: string, name: string): string {
  const lines = ndjson.trimEnd().split('\n');
  const envelopes = lines.map((l) => JSON.parse(l) as Record<string, Record<string, string>>);
  const pickle = envelopes.find((e) => e.pickle?.name === name)!.pickle!.id;
  const testCase = envelopes.find((e) => e.testCase?.pickleId === pickle)!.testCase!.id;
  const attempts = new Set(
    envelopes.filter((e) => e.testCaseStarted?.testCaseId === testCase).map((e) => e.testCaseStarted!.id),
  );
  return lines
    .filter((_, i) => {
      const e = envelopes[i]!;
      const of = Object.values(e)[0]!;
      return !(
        e.pickle?.id === pickle ||
        e.testCase?.id === testCase ||
        attempts.has(of.testCaseStartedId ?? of.id ?? '')
      );
    })
    .join('\n');
}

const pages = (run: RunDoc) => run.features.map((f) => f.page);
const anchors = (run: RunDoc) => run.features.map((f) => [f.page, scenariosOf(f).map((s) => s.anchor)]);

test('a run of two features gives every feature its page, the others not run with their steps', () => {
  const run = build(parseMessages(fixture, FIXTURE));
  deepStrictEqual(
    run.features.map((f) => f.uri).sort(),
    featureFiles.map((f) => f.uri),
  );
  deepStrictEqual(
    [...run.notRun].sort(),
    featureFiles.map((f) => f.uri).filter((u) => !/services_server|invariants/.test(u)),
  );
  for (const feature of run.features) {
    const ran = !run.notRun.includes(feature.uri);
    for (const scenario of scenariosOf(feature)) {
      equal(scenario.status === 'not run', !ran, `${feature.uri}: ${scenario.name} is ${scenario.status}`);
      ok(scenario.steps.length > 0, `${scenario.name} shows its steps`);
      if (!ran) ok(scenario.steps.every((s) => s.status === 'not run' && !s.hook));
    }
  }
  // The same pages and anchors as a run of every feature file (here, their messages with no result).
  const newId = notRunIds();
  const all = featureFiles.flatMap((f) => featureFileEnvelopes(f, newId));
  const lines = parseMessages(fixture, FIXTURE);
  const skeleton = build(
    [
      lines.find((l) => l.envelope.meta)!,
      ...all.map((envelope) => ({ line: 0, envelope })),
      lines.find((l) => l.envelope.testRunStarted)!,
    ],
    [],
  );
  deepStrictEqual(pages(run), pages(skeleton));
  // The fixture was recorded from older copies of its two feature files: the run's own documents are shown for them.
  const leftOut = (r: RunDoc) => anchors(r).filter((_, i) => run.notRun.includes(run.features[i]!.uri));
  deepStrictEqual(leftOut(run), leftOut(skeleton));
});

test('a scenario the run left out (--name, --tags) is shown as not run in its place', () => {
  const name = 'The database still shows the chat in progress';
  ok(fixture.includes(`"name":"${name}"`), 'the fixture has the scenario');
  const full = build(parseMessages(fixture, FIXTURE));
  const partial = build(parseMessages(withoutScenario(fixture, name), FIXTURE));
  deepStrictEqual(anchors(partial), anchors(full));
  const services = (run: RunDoc) =>
    scenariosOf(run.features.find((f) => f.uri === 'features/services_server.feature')!);
  const left = services(partial).find((s) => s.name === name)!;
  equal(left.status, 'not run');
  deepStrictEqual(
    left.steps.map((s) => s.text),
    services(full)
      .find((s) => s.name === name)!
      .steps.filter((s) => !s.hook)
      .map((s) => s.text),
  );
  ok(
    services(partial)
      .filter((s) => s.name !== name)
      .every((s) => s.status === 'passed'),
  );
});

test('the pages of what did not run hold nothing live and say so, and the summary names the features left out', () => {
  const run = build(parseMessages(fixture, FIXTURE));
  const site = renderSite(run, { html: true, junit: true }, null, DEFAULT_SITE_OPTIONS);
  for (const [path, page] of site) deepStrictEqual(liveMarkup(page), [], path);
  ok(site.get('features/messaging-server.md')!.includes(':::info[Not run]'));
  ok(!site.get('features/services-server.md')!.includes(':::info[Not run]'));
  ok(site.get('summary.md')!.includes(`left out ${run.notRun.length} of the ${run.features.length} features`));
});

test('a feature file that does not parse is an error naming the file and the line', () => {
  const broken = {
    uri: 'features/broken.feature',
    text: 'Feature: x\n\n  Scenario: y\n    Given a\n  Oops this is no step\n',
  };
  throws(
    () => build(parseMessages(fixture, FIXTURE), [...featureFiles, broken]),
    (error: unknown) =>
      error instanceof MessagesFileError &&
      error.file === 'features/broken.feature' &&
      error.line === 5 &&
      !error.message.includes('\n'),
  );
});
