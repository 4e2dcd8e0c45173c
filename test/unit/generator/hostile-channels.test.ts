/**
 * Hostile input as a property, channel by channel (issue 26, item 2): for each input whose text reaches the site,
 * fast-check draws hostile values (generator/hostile-values.ts: full Unicode, every control and line terminator,
 * bidi and zero-width characters, Markdown, HTML, mermaid and Gherkin syntax, huge texts, deep nesting, wrong types)
 * and checks the one property that matters: the input is refused with a one-line error naming the file, the line and
 * the field, or the pages made from it hold nothing live (test/support/hostile/live.ts reads them with the site's parsers).
 * Each property prints how many inputs it tried.
 */
import { test } from 'node:test';
import { deepStrictEqual, equal, ok } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadClaims } from '../../../features/claims-register';
import { historyPage } from '../../../generator/history-page';
import { HistoryError, parseHistory } from '../../../generator/history';
import { MessagesFileError, parseMessages } from '../../../generator/messages';
import { snapshotOf } from '../../../generator/observable';
import { RunComparer } from '../../../generator/run-comparison';
import { RunBuilder, scenariosOf, type RunDoc } from '../../../generator/run';
import { DEFAULT_SITE_OPTIONS, renderSite } from '../../../generator/site';
import { quoted } from '../../../generator/escape';
import { ACTION_DEFINITIONS } from '../../../model/actions';
import { feature, prettyGherkin, scenario } from '../../../plans/gherkin';
import { planFromSearch } from '../../../plans/url';
import { hostileText, wrongTyped } from '../../../generator/hostile-values';
import { liveMarkup } from '../../support/hostile/live';
import { mutate, type Mutation } from '../../support/hostile/mutate';

const root = join(__dirname, '..', '..', '..');
const REAL_RUN = 'test/fixtures/real-run/messages.ndjson';
const HOSTILE_TEXT = 'test/fixtures/hostile-text/messages.ndjson';
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const claims = loadClaims();
const SEED = 20110712;

/** Reports how many inputs a property tried, as the issue asks. */
function check<T>(name: string, property: fc.IPropertyWithHooks<T> | fc.IProperty<T>, numRuns: number): void {
  const details = fc.check(property, { numRuns, seed: SEED });
  console.log(`# ${name}: ${details.numRuns} inputs tried`);
  if (details.failed) {
    const cause =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`${name}: counterexample ${quoted(details.counterexample, 400)} (seed ${SEED}): ${cause}`);
  }
}

const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;

function build(ndjson: string, file: string, featureFiles: readonly { uri: string; text: string }[] = []): RunDoc {
  const builder = new RunBuilder({ file, claims, featureFiles });
  for (const e of parseMessages(ndjson, file)) builder.add(e);
  return builder.finish().run;
}

const render = (run: RunDoc) => renderSite(run, { html: true, junit: true }, null, DEFAULT_SITE_OPTIONS);

function assertInert(pages: ReadonlyMap<string, string>): void {
  for (const [path, page] of pages) deepStrictEqual(liveMarkup(page), [], path);
}

/** A refusal of a mutated messages file: one line, naming the file, a line, and the field if it is that line. */
function assertNamed(error: unknown, file: string, mutation: Mutation): void {
  ok(error instanceof MessagesFileError, `not a MessagesFileError: ${String(error)}\n${(error as Error).stack ?? ''}`);
  equal(error.file, file);
  ok(error.line !== null && error.line >= 1, `no line: ${error.message}`);
  ok(!LINE_BREAK.test(error.message), `more than one line: ${JSON.stringify(error.message)}`);
  // A broken reference may be found where it is used, on a later line; on its own line the field is named.
  if (error.line === mutation.line && mutation.key !== '') {
    ok(error.message.includes(mutation.key), `${mutation.path}: ${error.message}`);
  }
}

const messagesProperty = (file: string, intoBody: boolean) =>
  fc.property(fc.nat(), fc.nat(), wrongTyped, (line, leaf, value) => {
    const mutation = mutate(read(file), line, leaf, value, intoBody);
    let pages: Map<string, string>;
    try {
      pages = render(build(mutation.text, file));
    } catch (error) {
      assertNamed(error, file, mutation);
      return;
    }
    assertInert(pages);
  });

test('messages file: any field of any message set to a hostile value is refused by name, or publishes nothing live', () => {
  check('messages, real run', messagesProperty(REAL_RUN, false), 40);
  check('messages, hostile-text run', messagesProperty(HOSTILE_TEXT, false), 40);
});

test("attachments: any field of any attachment's body set to a hostile value is refused by name, or publishes nothing live", () => {
  check('attachments, real run', messagesProperty(REAL_RUN, true), 60);
});

/** A feature file with a hostile text in one place: names, descriptions, steps, doc strings, tables, tags. */
const featureFile = (place: number, text: string): string => {
  const slots = [
    'feature name',
    'description',
    'rule',
    'scenario',
    'step',
    'doc string',
    'table cell',
    'tag',
    'comment',
  ];
  const at = (slot: string) => (slots[place % slots.length] === slot ? text : '');
  return [
    `# ${at('comment')}`,
    `@tag${at('tag')}`,
    `Feature: Hostile ${at('feature name')}`,
    `  ${at('description')}`,
    '',
    `  Rule: A rule ${at('rule')}`,
    '',
    `    Scenario: A scenario ${at('scenario')}`,
    `      Given the customer says "${at('step')}"`,
    '      """',
    `      ${at('doc string')}`,
    '      """',
    '      Then the table shows',
    `        | a | ${at('table cell').replace(/\|/g, '\\|')} |`,
  ].join('\n');
};

test('feature files: a hostile text anywhere in a feature file is refused by file and line, or shown as text', () => {
  const lines = parseMessages(read(REAL_RUN), REAL_RUN);
  // A run that ran nothing: every page comes from the feature file.
  const minimal = [
    lines.find((l) => l.envelope.meta)!,
    lines.find((l) => l.envelope.testRunStarted)!,
    lines.find((l) => l.envelope.testRunFinished)!,
  ]
    .map((l) => JSON.stringify(l.envelope))
    .join('\n');
  check(
    'feature files',
    fc.property(fc.nat(), hostileText(), (place, text) => {
      const file = { uri: 'features/hostile.feature', text: featureFile(place, text) };
      let pages: Map<string, string>;
      try {
        pages = render(build(minimal, REAL_RUN, [file]));
      } catch (error) {
        ok(error instanceof MessagesFileError, String(error));
        equal(error.file, file.uri);
        ok(error.line !== null && !LINE_BREAK.test(error.message), error.message);
        return;
      }
      assertInert(pages);
    }),
    100,
  );
});

test('baseline: its end states and traces holding hostile values give a What changed page and summary with nothing live', () => {
  const now = build(read(REAL_RUN), REAL_RUN);
  const end = read(REAL_RUN)
    .split('\n')
    .findIndex((l) => l.includes('end-state+json'));
  check(
    'baseline',
    fc.property(fc.nat(), fc.nat(), hostileText(), (line, leaf, value) => {
      // Mostly the end states the comparison shows line by line; any field otherwise.
      const mutation = mutate(read(REAL_RUN), line % 3 === 0 ? line : end, leaf, value, true);
      let baseline: RunDoc;
      try {
        baseline = build(mutation.text, REAL_RUN);
      } catch (error) {
        assertNamed(error, REAL_RUN, mutation);
        return;
      }
      const snapshots = baseline.features.flatMap((f) => scenariosOf(f).map((s) => snapshotOf(f, s)));
      const comparer = new RunComparer({ label: { file: value, startedAt: value, commit: value }, snapshots });
      for (const f of now.features) comparer.observe(f);
      const { page, report } = comparer.finish({ file: REAL_RUN, startedAt: null, commit: null });
      deepStrictEqual(liveMarkup(page), [], 'What changed');
      deepStrictEqual(liveMarkup(report!), [], 'reports/changes.md');
    }),
    40,
  );
});

const HISTORY_FIELDS = ['run', 'startedAt', 'commit', 'milliseconds', 'success', 'stepsPerSecond', 'features', 'model'];
const SCENARIO_FIELDS = ['feature', 'name', 'page', 'anchor', 'status', 'milliseconds', 'endState', 'trace'];

test('history: any field of a run in reports/history.ndjson set to a hostile value is refused by line and field, or shown as text', () => {
  const entry = (run: string) => ({
    version: 1,
    run,
    startedAt: '2026-12-07 14:00:00 UTC',
    commit: 'abc1234',
    milliseconds: 1000,
    success: true,
    stepsPerSecond: 100000,
    features: { 'features/a.feature': 'd1' },
    model: 'm',
    scenarios: [
      {
        feature: 'features/a.feature',
        name: 'A',
        page: 'features/a',
        anchor: 'a',
        status: 'passed',
        milliseconds: 1,
        endState: 'e',
        trace: 't',
      },
    ],
  });
  check(
    'history',
    fc.property(fc.nat(), wrongTyped, fc.boolean(), (field, value, inScenario) => {
      const changed = entry('second') as Record<string, unknown> & { scenarios: Record<string, unknown>[] };
      const key = inScenario
        ? SCENARIO_FIELDS[field % SCENARIO_FIELDS.length]!
        : HISTORY_FIELDS[field % HISTORY_FIELDS.length]!;
      if (inScenario) changed.scenarios[0]![key] = value;
      else changed[key] = value;
      const text = `${JSON.stringify(entry('first'))}\n${JSON.stringify(changed)}\n`;
      let page: string;
      try {
        page = historyPage(parseHistory(text, 'reports/history.ndjson'));
      } catch (error) {
        ok(error instanceof HistoryError, String(error));
        ok(error.message.startsWith('reports/history.ndjson:2: '), error.message);
        ok(error.message.includes(`"${inScenario ? 'scenarios[0].' : ''}${key}`), error.message);
        ok(!LINE_BREAK.test(error.message), error.message);
        return;
      }
      deepStrictEqual(liveMarkup(page), []);
    }),
    300,
  );
});

/** As a browser sends text in a link: UTF-8, percent-encoded (a lone surrogate becomes U+FFFD, as in a browser). */
const percentEncoded = (text: string): string =>
  [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

const examples = ACTION_DEFINITIONS.map((d) => d.example.action as unknown as Record<string, unknown>);

test('playground links: a hostile step is refused by position and field, and every step read exports as Gherkin', () => {
  const step = fc.oneof(
    fc.tuple(fc.nat(), fc.nat(), wrongTyped).map(([i, k, value]) => {
      const action = { ...examples[i % examples.length]! };
      const keys = [...Object.keys(action), 'text', 'name', '__proto__', 'constructor'];
      action[keys[k % keys.length]!] = value;
      return JSON.stringify(action);
    }),
    hostileText(),
  );
  check(
    'playground links',
    fc.property(fc.array(step, { minLength: 1, maxLength: 4 }), (steps) => {
      const search = `?${steps.map((s) => `step=${percentEncoded(s)}`).join('&')}`;
      const { plan, problems } = planFromSearch(search);
      for (const problem of problems) {
        ok(/^link(, step \d+)?: /.test(problem), problem);
        ok(!LINE_BREAK.test(problem), problem);
      }
      if (plan.length === 0) return;
      // "Export as Gherkin": a scenario cucumber's parser reads, or a sentence saying why a text cannot be one.
      try {
        prettyGherkin(feature('Exported', 'From a link.', [scenario(plan, { name: 'From the playground' })]));
      } catch (error) {
        ok(
          error instanceof RangeError &&
            /cannot be written as a Gherkin string|has no step sentence/.test(error.message),
          String(error),
        );
      }
    }),
    300,
  );
});
