/**
 * Pages generated from the hostile-text fixture run (test/fixtures/hostile-text): deterministic, every result
 * shown (passed, failed with its error, undefined, skipped), hostile text escaped everywhere it lands.
 */
import { test } from 'node:test';
import { deepStrictEqual, match, ok, strictEqual } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseMessages } from '../../../generator/messages';
import { buildRun, scenariosOf, type Claim } from '../../../generator/run';
import { DEFAULT_SITE_OPTIONS, renderSite, UNMARKED_PAGES } from '../../../generator/site';
import { sequenceDiagram, sharedStart } from '../../../generator/sequence-diagram';
import type { TraceEvent } from '../../../model/trace';

const root = join(__dirname, '..', '..', '..');
const file = 'test/fixtures/hostile-text/messages.ndjson';
const text = readFileSync(join(root, file), 'utf8');
const claims: Claim[] = [{ id: 'APP-F1', section: 'Application Server Failure', statement: 'A claim <b>{x}</b>' }];

function generate(): Map<string, string> {
  const run = buildRun(parseMessages(text, file), file, claims, 'abc1234');
  return renderSite(run, { html: true, junit: false }, run, { ...DEFAULT_SITE_OPTIONS, listed: UNMARKED_PAGES });
}

test('the same messages file gives byte-identical pages', () => {
  const first = generate();
  const second = generate();
  deepStrictEqual([...first.keys()], [...second.keys()]);
  for (const [path, content] of first) strictEqual(second.get(path), content, path);
});

test('only the summary page carries the commit and the date of the run', () => {
  const pages = generate();
  for (const [path, content] of pages) {
    if (path === 'summary.md') continue;
    ok(!content.includes('abc1234'), `${path} carries the commit`);
    ok(!/20\d\d-\d\d-\d\dT/.test(content), `${path} carries a date`);
  }
  match(pages.get('summary.md')!, /abc1234/);
});

test('every result of the run is published: passed, failed with its error, undefined, skipped', () => {
  const run = buildRun(parseMessages(text, file), file, claims);
  const scenarios = run.features.flatMap(scenariosOf);
  deepStrictEqual(scenarios.map((s) => s.status).sort(), ['failed', 'passed', 'undefined', 'undefined']);
  const failed = scenarios.find((s) => s.status === 'failed')!;
  const step = failed.steps.find((s) => s.status === 'failed')!;
  match(step.error!, /does not show "<b>this line is not there<\/b> \{on purpose\}"/);
  ok(scenarios.some((s) => s.steps.some((st) => st.status === 'skipped')));
  strictEqual(run.success, false);
  const page = [...generate().entries()].find(([path]) => path.startsWith('features/'))![1];
  match(page, /cf-badge-failed/);
  match(page, /cf-badge-undefined/);
  match(page, /No step definition matches this step\./);
  match(page, /:::note\[Inferred\]/);
});

test('hostile text never reaches a page as markup', () => {
  for (const [path, content] of generate()) {
    // Front matter is YAML read by Docusaurus (titles are rendered as text), not Markdown.
    const outsideFences = content.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^```mermaid\n[\s\S]*?^```$/gm, '');
    for (const raw of ['<script', '<img', '<marquee', '<b>', '<i>', '<em>']) {
      const unescaped = new RegExp(`(?<!\\\\)${raw.replace(/[{}]/g, '\\$&')}`);
      ok(!unescaped.test(outsideFences), `${path} holds ${raw} unescaped`);
    }
    // Only the generator's own explicit heading ids end a heading.
    for (const heading of outsideFences.match(/^#+ .*$/gm) ?? []) match(heading, /(^|[^\\])\{#[a-z0-9-]+\}$/, heading);
    for (const block of content.match(/^```mermaid\n[\s\S]*?^```$/gm) ?? []) {
      // The text of each statement (after its colon) holds no mermaid syntax but line breaks and entity codes.
      for (const line of block.split('\n')) {
        const said = line.includes(': ') ? line.slice(line.indexOf(': ') + 2) : '';
        ok(
          !/[<>;&%`]/.test(said.replace(/<br\/>/g, '').replace(/#\d+;/g, '')),
          `${path}: raw mermaid syntax in ${line}`,
        );
      }
    }
  }
});

test('a claim tag links to its claim, and an unknown one is reported, not linked', () => {
  const run = buildRun(parseMessages(text, file), file, claims);
  deepStrictEqual(run.unknownClaimTags, []);
  strictEqual(run.claims[0]!.status, 'not run');
  match(
    renderSite(run, { html: false, junit: false }, null, { ...DEFAULT_SITE_OPTIONS, listed: UNMARKED_PAGES }).get(
      'claims.md',
    )!,
    /Not covered/,
  );
});

test('generating the fixture run takes a few milliseconds', () => {
  const started = performance.now();
  for (let i = 0; i < 10; i++) generate();
  const each = (performance.now() - started) / 10;
  ok(each < 100, `${each.toFixed(1)} ms a generation`);
});

const hop = (from: string, to: string, what: string, delivered = true): TraceEvent =>
  ({ at: 0, type: 'hop', from, to, what, delivered }) as TraceEvent;

test('a lost hop is a cross, and an outage is one shaded band opened by a note', () => {
  const events: TraceEvent[] = [
    { at: 0, type: 'step', actor: 'Operator', what: 'the Messaging server fails' },
    { at: 0, type: 'server-failed', server: 'Messaging' },
    { at: 0, type: 'step', actor: 'Operator', what: 'the Application server fails' },
    { at: 0, type: 'server-failed', server: 'Application' },
    hop('Customer', 'Web', '"Hi"'),
    hop('Web', 'Application', '"Hi"', false),
    { at: 60, type: 'step', actor: 'Operator', what: 'the Application server is restored' },
    { at: 60, type: 'server-restored', server: 'Application' },
  ];
  const diagram = sequenceDiagram(events);
  match(diagram, /Web-xApplication: "Hi", lost/);
  match(diagram, /Note over Application,Messaging: The Messaging and<br\/>Application servers fail/);
  match(diagram, /Note over Application,Application: The Application server<br\/>is restored/);
  strictEqual((diagram.match(/^\s*rect /gm) ?? []).length, 2);
  strictEqual((diagram.match(/^\s*end$/gm) ?? []).length, 2);
  match(diagram, /Note over Customer,AgentConsole: at 00:01:00/);
});

test('the start every trace shares is counted in whole steps, leaving each trace a step of its own', () => {
  const start: TraceEvent[] = [
    { at: 0, type: 'step', actor: 'Agent', what: 'JDoe logs in' },
    hop('AgentConsole', 'Web', 'log in'),
  ];
  const a: TraceEvent[] = [...start, { at: 0, type: 'step', actor: 'Customer', what: 'x' }];
  const b: TraceEvent[] = [...start, { at: 0, type: 'step', actor: 'Customer', what: 'y' }];
  strictEqual(sharedStart([a, b]), 2);
  strictEqual(sharedStart([a, a]), 2);
  strictEqual(sharedStart([start, start]), 0);
  strictEqual(sharedStart([a]), 0);
});
