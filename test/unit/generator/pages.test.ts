/**
 * What the scenario pages add to the steps: the diagnostic queries a scenario ran (SQL Server text, the one
 * translation, the rows), an "Open in playground" link carrying the scenario's plan, and the Performance page;
 * and the streaming builder, fed the messages one at a time in any order cucumber may write them, gives the
 * same pages as the whole file read at once.
 */
import { test } from 'node:test';
import { deepStrictEqual, match, ok, strictEqual, throws } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '@cucumber/messages';
import { featurePage, type PageOptions } from '../../../generator/feature-page';
import { MessagesReader, parseMessages, type NumberedEnvelope } from '../../../generator/messages';
import { markdownText } from '../../../generator/escape';
import { performancePage } from '../../../generator/performance-page';
import { buildRun, RunBuilder, scenariosOf, type Claim, type RunDoc } from '../../../generator/run';
import { utcText } from '../../../generator/run-model';
import { inMemoryInput, renderSite, runPages, UNMARKED_PAGES, type SiteOptions } from '../../../generator/site';
import { planFromSearch } from '../../../plans/url';
import { BENCH_REPORT_VERSION, type BenchReport } from '../../../generator/bench-report';

const root = join(__dirname, '..', '..', '..');
const file = 'test/fixtures/hostile-text/messages.ndjson';
const lines = readFileSync(join(root, file), 'utf8').trimEnd().split('\n');
const claims: Claim[] = [{ id: 'APP-F1', section: 'Application Server Failure', statement: 'A claim' }];
// The fixture runs' @inferred scenarios carry no claim tags: the lists that mark each scenario are left out.
const options: SiteOptions = { baseUrl: '/', playgroundLinks: 'checked', bench: null, listed: UNMARKED_PAGES };

const HOSTILE_SQL = "select '<script>x</script>' as {a}, `b` -- #35; :::note\nFROM t with (nolock) WHERE x <> 1";

/** The fixture with one more attachment: a diagnostic query run by the first Gherkin step of a scenario. */
function withQuery(): string[] {
  const at = lines.findIndex((l) => l.includes('vnd.chat-failure.trace+json'));
  const trace = (JSON.parse(lines[at]!) as Envelope).attachment!;
  const testCaseId = lines
    .map((l) => JSON.parse(l) as Envelope)
    .find((e) => e.testCaseStarted?.id === trace.testCaseStartedId)!.testCaseStarted!.testCaseId;
  const testCase = lines.map((l) => JSON.parse(l) as Envelope).find((e) => e.testCase?.id === testCaseId)!.testCase!;
  const step = testCase.testSteps.find((s) => s.pickleStepId)!;
  const body = JSON.stringify({
    title: 'Chats <b>still</b> open',
    sql: HOSTILE_SQL.replace(' with (nolock)', ''),
    sqlServer: HOSTILE_SQL,
    columns: ['activity_id', 'queue_name', 'assigned_to'],
    rows: [
      { activity_id: 1347, queue_name: '<img src=x onerror=alert(1)> {q}', assigned_to: null },
      { activity_id: 1348, queue_name: 'Integ', assigned_to: 1001 },
    ],
  });
  const query: Envelope = {
    attachment: {
      ...trace,
      testStepId: step.id,
      mediaType: 'application/vnd.chat-failure.query+json',
      body,
    },
  };
  return [...lines.slice(0, at), JSON.stringify(query), ...lines.slice(at)];
}

function featurePages(run: RunDoc, pageOptions: PageOptions = options): string[] {
  return run.features.map((f, i) => featurePage(f, i + 1, pageOptions));
}

test('a scenario that queried the database shows the SQL Server text, the translation and the rows', () => {
  const text = withQuery().join('\n');
  const run = buildRun(parseMessages(text, file), file, claims);
  const scenario = run.features.flatMap(scenariosOf).find((s) => s.queries.length)!;
  strictEqual(scenario.queries.length, 1);
  deepStrictEqual(scenario.queries[0]!.rows, [
    [1347, '<img src=x onerror=alert(1)> {q}', null],
    [1348, 'Integ', 1001],
  ]);
  match(scenario.queries[0]!.step!, /^Given /);
  const page = featurePages(run).join('\n');
  match(
    page,
    /<div class="cf-query"><p class="cf-caption">Query “Chats &lt;b&gt;still&lt;\/b&gt; open”, run by the step “Given /,
  );
  // The SQL Server text, line breaks kept as character references, nothing left as markup.
  ok(page.includes(`<div class="cf-docstring cf-sql">select &#39;&lt;script&gt;x&lt;/script&gt;&#39; as {a}, \`b\``));
  ok(page.includes('FROM t with (nolock) WHERE x &lt;&gt; 1</div>'));
  match(page, /the table hint “with \(nolock\)” is left out/);
  match(
    page,
    /<caption>2 rows returned<\/caption><thead><tr><th>activity_id<\/th><th>queue_name<\/th><th>assigned_to<\/th>/,
  );
  ok(page.includes('<tr><td>1347</td><td>&lt;img src=x onerror=alert(1)&gt; {q}</td><td>NULL</td></tr>'));
  // Outside front matter (YAML, shown as text) and diagrams (mermaid's own escaping), nothing is markup.
  const outside = page.replace(/^---\n[\s\S]*?\n---\n/gm, '').replace(/^```mermaid\n[\s\S]*?^```$/gm, '');
  ok(!/(?<!\\)(<img|<script|<b>)/.test(outside), outside.match(/.{80}(?<!\\)(<img|<script|<b>).{80}/)?.[0]);
});

test('a query attachment that is not a query result names its line', () => {
  const text = withQuery();
  const at = text.findIndex((l) => l.includes('vnd.chat-failure.query+json'));
  const envelope = JSON.parse(text[at]!) as Envelope;
  envelope.attachment!.body = JSON.stringify({ title: 'x', sql: 'x', sqlServer: 'x', columns: 'all', rows: [] });
  text[at] = JSON.stringify(envelope);
  try {
    buildRun(parseMessages(text.join('\n'), file), file, claims);
    ok(false, 'no error');
  } catch (error) {
    match((error as Error).message, new RegExp(`^${file}:${at + 1}: the query attachment should have "columns"`));
  }
});

test('each scenario with a plan links to the playground with that plan, under the base URL', () => {
  const run = buildRun(parseMessages(lines.join('\n'), file), file, claims);
  const scenario = run.features.flatMap(scenariosOf).find((s) => s.plan)!;
  const checked = featurePages(run, { baseUrl: '/kb/', playgroundLinks: 'checked' }).join('\n');
  const links = [...checked.matchAll(/<a class="cf-tag cf-playground" href="([^"]+)"/g)].map((m) => m[1]!);
  strictEqual(links.length, run.features.flatMap(scenariosOf).filter((s) => s.plan).length);
  const href = links[0]!.replace(/&amp;/g, '&');
  ok(href.startsWith('/kb/playground/?step='), href);
  deepStrictEqual(planFromSearch(href.slice(href.indexOf('?'))), { plan: scenario.plan, problems: [] });
  const unchecked = featurePages(run, { baseUrl: '/', playgroundLinks: 'unchecked' }).join('\n');
  match(unchecked, /<a class="cf-tag cf-playground" href="pathname:\/\/\/playground\/\?step=/);
});

test('the Performance page says when nothing was measured, when the report is unreadable, and shows the table', () => {
  match(performancePage(null), /:::info\[Not measured yet\][\s\S]*npm run bench/);
  match(performancePage({ problem: 'reports/bench.json: not a version 1 benchmark report' }), /could not be read/);
  const report: BenchReport = {
    version: BENCH_REPORT_VERSION,
    measuredAt: '2026-11-26T02:00:00.000Z',
    machine: { cpu: 'A <b>CPU</b>', cores: 2, memoryGiB: 24, node: 'v20.20.2', platform: 'linux x64' },
    comparisons: [
      {
        id: 'spec',
        title: 'Specification vs empty cucumber-js run',
        command: 'node scripts/bench/spec.js',
        measurements: [
          { label: 'whole specification', unit: 'ms', median: 937, min: 900, max: 990, runs: 7 },
          { label: 'empty cucumber-js run', unit: 'ms', median: 335, min: 320, max: 350, runs: 7 },
        ],
        checks: [{ target: 'at most 2.00×', measured: '2.80×', met: false }],
        note: 'ts-node loads `typescript` {x}',
      },
      { id: 'docs', title: 'Docs build', command: 'x', measurements: [], checks: [], skipped: 'BENCH_QUICK=1' },
    ],
  };
  const page = performancePage({ report });
  match(page, /on A \\<b\\>CPU\\<\\\/b\\>\\, 2 cores\\, 24 GiB of memory\\, Node v20\\\.20\\\.2/);
  match(
    page,
    /<td data-label="Target">at most 2\.00×<\/td><td data-label="Latest">2\.80×<\/td><td data-label="Result"><span class="cf-badge cf-badge-missed">missed<\/span>/,
  );
  match(
    page,
    /<td data-label="Median">937 ms<\/td><td data-label="Spread \(fastest – slowest\)">900 ms – 990 ms<\/td><td data-label="Runs">7<\/td>/,
  );
  // One row group per comparison, headed by its title: on a phone each shows as a card (browser tests).
  match(page, /<tbody><tr><th scope="rowgroup" rowspan="1">Specification vs empty cucumber-js run<\/th>/);
  match(
    page,
    /<th scope="rowgroup" rowspan="1">Docs build<\/th><td colspan="3" data-label="Result">Not measured in this run: BENCH_QUICK=1/,
  );
  // A comparison with no measurements is left out of the measurements table rather than shown headed but empty.
  deepStrictEqual(page.match(/>Docs build<\/th>/g)?.length, 1);
  match(page, /ts\\-node loads \\`typescript\\` \\\{x\\\}/);
});

test('the Performance page states targets without issue numbers, "missed" as a neutral status, and each date once', () => {
  const report: BenchReport = {
    version: BENCH_REPORT_VERSION,
    measuredAt: '2026-12-02T14:52:07.412Z',
    machine: { cpu: 'CPU', cores: 2, memoryGiB: 8, node: 'v20.20.2', platform: 'linux x64' },
    comparisons: [
      {
        id: 'spec',
        title: 'Specification vs empty cucumber-js run',
        command: 'node scripts/bench/spec.js',
        measurements: [{ label: 'whole specification', unit: 'ms', median: 937, min: 900, max: 990, runs: 7 }],
        checks: [{ target: 'at most 2.00× the empty run (issue 2)', measured: '2.80×', met: false }],
      },
    ],
  };
  // The run's start as the run model prints it (RunDoc.startedAt), from cucumber's testRunStarted timestamp.
  const run = buildRun(parseMessages(lines.join('\n'), file), file, claims);
  match(run.startedAt ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
  const page = performancePage({ report }, run.startedAt);
  // The run-start line: the run's start shown as printed once, never formatted a second time ("U C").
  ok(page.includes(markdownText(`the specification run the other pages show started on ${run.startedAt}.`)), page);
  ok(!/U C|UTC UTC/.test(page), 'a date formatted twice');
  match(page, /Measured 2026\\-12\\-02 14\\:52\\:07 UTC by npm run bench/);
  ok(!/issue \d/.test(page), 'an issue number on the Performance page');
  match(page, /<td data-label="Target">at most 2\.00× the empty run<\/td>/);
  ok(!page.includes('cf-badge-failed') && !page.includes('✘'), 'a missed target shown as a failure');
  throws(() => utcText('2026-12-02 14:52:07 UTC'), /not an ISO instant/);
});

/** Cucumber with `--parallel` interleaves test cases: the executions here are regrouped, last one first. */
function interleaved(envelopes: readonly NumberedEnvelope[]): NumberedEnvelope[] {
  const startedOf = (e: Envelope): string | undefined =>
    e.testCaseStarted?.id ??
    e.testStepStarted?.testCaseStartedId ??
    e.testStepFinished?.testCaseStartedId ??
    e.attachment?.testCaseStartedId ??
    e.testCaseFinished?.testCaseStartedId;
  const groups = new Map<string, NumberedEnvelope[]>();
  const before: NumberedEnvelope[] = [];
  const after: NumberedEnvelope[] = [];
  for (const numbered of envelopes) {
    const id = startedOf(numbered.envelope);
    if (id !== undefined) {
      if (!groups.has(id)) groups.set(id, []);
      groups.get(id)!.push(numbered);
    } else if (numbered.envelope.testRunFinished) after.push(numbered);
    else before.push(numbered);
  }
  // Round robin over the test cases in reverse order: every case's messages stay in order, cases interleave.
  const queues = [...groups.values()].reverse();
  const mixed: NumberedEnvelope[] = [];
  while (queues.some((q) => q.length)) for (const q of queues) if (q.length) mixed.push(q.shift()!);
  return [...before, ...mixed, ...after];
}

test('streamed one message at a time, in serial or interleaved order, the pages are those of the whole file', () => {
  const text = withQuery().join('\n');
  const whole = renderSite(
    buildRun(parseMessages(text, file), file, claims),
    { html: true, junit: true },
    null,
    options,
  );
  for (const order of ['serial', 'interleaved'] as const) {
    const reader = new MessagesReader(file);
    const read = text.split('\n').flatMap((raw) => reader.line(raw) ?? []);
    reader.end();
    const builder = new RunBuilder({ file, claims, keep: 'summary' });
    const streamed = new Map<string, string>();
    const publish = ({ feature, position }: { feature: RunDoc['features'][number]; position: number }) =>
      streamed.set(`${feature.page}.md`, featurePage(feature, position, options));
    for (const envelope of order === 'serial' ? read : interleaved(read)) builder.add(envelope).forEach(publish);
    const { remaining, run } = builder.finish();
    remaining.forEach(publish);
    for (const [path, content] of runPages(inMemoryInput(run, { html: true, junit: true }), null, UNMARKED_PAGES))
      streamed.set(path, content);
    deepStrictEqual([...streamed.keys()].sort(), [...whole.keys()].sort(), order);
    for (const [path, content] of whole) strictEqual(streamed.get(path), content, `${order}: ${path}`);
  }
});
