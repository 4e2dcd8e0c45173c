/**
 * The five injections issue 26 found, each a regression test through the code that writes the page or summary: a
 * lone carriage return (two of them are a blank line to CommonMark, ending the HTML block the text sits in) in a
 * feature's doc string, in the baseline's end states, in the history's startedAt and in a crafted messages file, and
 * a triple backtick in a counterexample shown in CI's job summary. Each page is read back with the site's own
 * parsers (test/support/hostile/live.ts): nothing it holds may be live.
 */
import { test } from 'node:test';
import { deepStrictEqual, equal, ok } from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { loadClaims } from '../../../features/claims-register';
import { historyPage } from '../../../generator/history-page';
import { parseHistory } from '../../../generator/history';
import { parseMessages } from '../../../generator/messages';
import { snapshotOf } from '../../../generator/observable';
import { RunComparer } from '../../../generator/run-comparison';
import { buildRun, scenariosOf } from '../../../generator/run';
import { DEFAULT_SITE_OPTIONS, renderSite } from '../../../generator/site';
import { mapRunStrings } from '../../../generator/hostile-run';
import { PLAN_MEDIA_TYPE } from '../../../model/media-types';
import { liveMarkup } from '../../support/hostile/live';

const root = join(__dirname, '..', '..', '..');
const REAL_RUN = 'test/fixtures/real-run/messages.ndjson';
const real = readFileSync(join(root, REAL_RUN), 'utf8');
const claims = loadClaims();

/** What got through before: external links and images, a danger box, a heading with a chosen id, after a blank line. */
const BREAKOUT =
  '\r\r![pixel](http://evil.example/i.png) [link](http://evil.example)\r\r:::danger[Pwned]\rText\r:::\r\r# Chosen {#chosen}\r\r<img src=x onerror="top.PWNED=1">\r\r';

/**
 * The real run with the payload in front of every string but the plans' (plan texts are refused with a line break,
 * by name: plans/validate.ts, tested in plan-validate.test.ts), the rest of the messages file as it was.
 */
const crafted = (): string =>
  mapRunStrings(real, (s, mediaType) => (s === '' || mediaType === PLAN_MEDIA_TYPE ? s : `${BREAKOUT}${s}`));

const runOf = (ndjson: string) => buildRun(parseMessages(ndjson, REAL_RUN), REAL_RUN, claims);

function assertInert(pages: ReadonlyMap<string, string>, what: string): void {
  for (const [path, page] of pages) deepStrictEqual(liveMarkup(page), [], `${what}: ${path}`);
}

test('a doc string or any text of a messages file holding lone carriage returns stays text on every page', () => {
  const copy = crafted();
  ok(/"docString":\{[^}]*"content":"\\r\\r!\[pixel\]/.test(copy), 'the doc strings carry the payload');
  const pages = renderSite(runOf(copy), { html: true, junit: true }, null, DEFAULT_SITE_OPTIONS);
  assertInert(pages, 'crafted run');
  const all = [...pages.values()].join('\n');
  ok(all.includes('&#10;&#10;![pixel](http://evil.example/i.png)'), 'the payload reached an HTML block as text');
});

test("the baseline's end states holding lone carriage returns stay text on What changed and in its summary", () => {
  const snapshots = (run: ReturnType<typeof runOf>) =>
    run.features.flatMap((f) => scenariosOf(f).map((s) => snapshotOf(f, s)));
  const baseline = runOf(crafted());
  const comparer = new RunComparer({
    label: { file: `${BREAKOUT}.ndjson`, startedAt: BREAKOUT, commit: BREAKOUT },
    snapshots: snapshots(baseline),
  });
  const now = runOf(real);
  for (const feature of now.features) comparer.observe(feature);
  const { comparison, page, report } = comparer.finish({ file: REAL_RUN, startedAt: null, commit: null });
  ok(comparison!.changes.length > 0, 'the crafted baseline differs');
  deepStrictEqual(liveMarkup(page), [], 'the What changed page');
  deepStrictEqual(liveMarkup(report!), [], 'reports/changes.md');
  ok(page.includes('evil.example'), 'the payload reached the page');
});

test("the history's startedAt, commit and names holding lone carriage returns stay text on the history page", () => {
  const entry = {
    version: 1,
    run: BREAKOUT,
    startedAt: BREAKOUT,
    commit: BREAKOUT,
    milliseconds: 10,
    success: true,
    stepsPerSecond: 1000,
    features: { [BREAKOUT]: BREAKOUT },
    model: BREAKOUT,
    scenarios: [
      {
        feature: BREAKOUT,
        name: BREAKOUT,
        page: 'features/a',
        anchor: 'a',
        status: 'passed',
        milliseconds: 1,
        endState: BREAKOUT,
        trace: null,
      },
    ],
  };
  const text = [entry, { ...entry, run: 'second', success: false }].map((e) => JSON.stringify(e)).join('\n');
  const page = historyPage(parseHistory(text, 'reports/history.ndjson'));
  deepStrictEqual(liveMarkup(page), []);
  ok(page.includes('evil.example'), 'the payload reached the page');
});

test("a counterexample holding a triple backtick stays inside the CI summary's code block", () => {
  const counterexample = 'Then the customer sees\n```\n## Every shard passed\n[link](http://evil.example)\n````\n';
  const result = spawnSync(process.execPath, ['--require', 'ts-node/register', 'scripts/code-block.ts', 'text'], {
    cwd: root,
    input: counterexample,
    encoding: 'utf8',
  });
  equal(result.status, 0, result.stderr);
  const tree = fromMarkdown(`## A shard found a counterexample\n\n${result.stdout}\nafter\n`) as unknown as {
    children: { type: string; value?: string }[];
  };
  deepStrictEqual(
    tree.children.map((c) => c.type),
    ['heading', 'code', 'paragraph'],
  );
  equal(tree.children[1]!.value, counterexample.replace(/\n$/, ''));
});
