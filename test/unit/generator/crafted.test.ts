/**
 * Crafted copies of real runs (generator/crafted-run.ts, test/fixtures/crafted/craft.ts): markup that would run script in every string field
 * of every message and attachment, strings in place of numbers, and values outside the closed sets. Each copy either
 * publishes pages that hold no live element or attribute (every payload written as text), or stops with an error
 * that names the file, the line and the field. The browser test opens the crafted self-test page as well.
 */
import { test } from 'node:test';
import { deepStrictEqual, equal, ok } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadClaims } from '../../../features/claims-register';
import { OutputError } from '../../../generator/escape';
import { MessagesFileError, parseMessages } from '../../../generator/messages';
import { buildRun } from '../../../generator/run';
import { renderSite, DEFAULT_SITE_OPTIONS, UNMARKED_PAGES } from '../../../generator/site';
import { liveMarkup } from '../../support/hostile/live';
import { hostileCopy, PAYLOAD } from '../../../generator/crafted-run';
import { attachmentVariants, messageVariants, type Variant } from '../../fixtures/crafted/craft';

const root = join(__dirname, '..', '..', '..');
const FIXTURES = ['test/fixtures/real-run/messages.ndjson', 'test/fixtures/hostile-text/messages.ndjson'];
const text = (file: string) => readFileSync(join(root, file), 'utf8');
const claims = loadClaims();

function render(ndjson: string, file: string): Map<string, string> {
  const run = buildRun(parseMessages(ndjson, file), file, claims);
  return renderSite(run, { html: true, junit: true }, null, { ...DEFAULT_SITE_OPTIONS, listed: UNMARKED_PAGES });
}

function assertNoLiveMarkup(pages: Map<string, string>, what: string): void {
  for (const [path, page] of pages) deepStrictEqual(liveMarkup(page), [], `${what}: ${path} holds live markup`);
}

test('a hostile copy of a real run publishes every payload as text, in every kind of page', () => {
  for (const file of FIXTURES) {
    const pages = render(hostileCopy(text(file)), file);
    assertNoLiveMarkup(pages, `hostile copy of ${file}`);
    // Not vacuous: the payload reached the pages, in every context (Markdown, HTML text and attributes, mermaid).
    const all = [...pages.values()].join('\n');
    ok(all.includes('&lt;iframe srcdoc=&quot;&lt;script&gt;top.PWNED=1'), 'the payload as HTML text');
    ok(all.includes('#60;iframe<br/>srcdoc="#60;script#62;top.PWNED=1'), 'the payload in a mermaid label');
    ok(/\\<iframe srcdoc\\=\\"\\<script\\>top\\.PWNED\\=1/.test(all), 'the payload as Markdown text');
    ok(all.includes('%3Ciframe+srcdoc%3D%5C%22%3Cscript%3Etop.PWNED'), 'the payload in a playground link');
  }
  const real = render(hostileCopy(text(FIXTURES[0]!)), FIXTURES[0]!);
  ok(real.get('invariants.md')!.includes('&lt;iframe'), 'the exploration report reached the invariants page');
  ok(real.get('summary.md')!.includes('&lt;iframe'), 'feature names reached the run summary');
});

/** An error naming the file and the line of the crafted field, and the field itself. */
function assertNamed(error: unknown, variant: Variant, file: string): void {
  ok(error instanceof MessagesFileError, `${variant.path}: expected a MessagesFileError, got ${String(error)}`);
  equal(error.file, file);
  equal(error.line, variant.line, `${variant.path}: ${error.message}`);
  const field = variant.path.replace(/^\[\d+\]\./, '').replace(/\[\d+\]/g, (m) => `[${Number(m.slice(1, -1))}]`);
  const last = field
    .split(/[.[\]]+/)
    .filter(Boolean)
    .at(-1)!;
  ok(error.message.includes(last), `${variant.path}: the error should name the field: ${error.message}`);
}

function outcome(variant: Variant, file: string): unknown {
  try {
    return render(variant.text, file);
  } catch (error) {
    return error;
  }
}

const QUERY = 'application/vnd.chat-failure.query+json';

test('a string in place of any number of an attachment is an error naming file, line and field', () => {
  let checked = 0;
  for (const file of FIXTURES) {
    const variants = attachmentVariants(text(file), (_type, _path, value) => typeof value === 'number');
    for (const variant of variants) {
      const result = outcome(variant, file);
      // A query's cells hold strings or numbers alike: a string there is shown as text.
      if (variant.mediaType === QUERY) assertNoLiveMarkup(result as Map<string, string>, variant.path);
      else assertNamed(result, variant, file);
      checked++;
    }
  }
  ok(checked >= 40, `only ${checked} numeric fields were crafted`);
});

const CLOSED_FIELDS: Readonly<Record<string, RegExp>> = {
  'application/vnd.chat-failure.trace+json': /\.(type|actor|server|from|to|on)$/,
  'application/vnd.chat-failure.end-state+json':
    /\.(icon|chatStatus|login|buttons)$|^servers\.|^console\.tabs\.|notices\[/,
  'application/vnd.chat-failure.plan+json': /\.(type|server|tab|customer|from|to|agent)$/,
};

test('a value outside its closed set (icon, tab state, server state, participant...) is an error naming the field', () => {
  let checked = 0;
  for (const file of FIXTURES) {
    const variants = attachmentVariants(
      text(file),
      (type, path, value) => typeof value === 'string' && (CLOSED_FIELDS[type]?.test(path) ?? false),
    );
    for (const variant of variants) {
      assertNamed(outcome(variant, file), variant, file);
      checked++;
    }
  }
  ok(checked >= 15, `only ${checked} closed-set fields were crafted`);
});

// Whether such an error also names the file and line is the strict reading of messages (issue 14's part of the
// hardening); what is checked here is that no field of a message can put anything live on a page.
test('any field of the messages themselves set to markup: an error, or pages with nothing live', () => {
  const file = FIXTURES[1]!;
  const variants = messageVariants(text(file), (path, value) => typeof value === 'number' || /\.status$/.test(path));
  ok(variants.some((v) => v.path === 'testStepFinished.testStepResult.status'));
  ok(variants.length >= 10, `only ${variants.length} fields were crafted`);
  for (const variant of variants) {
    const result = outcome(variant, file);
    if (result instanceof Map) assertNoLiveMarkup(result, variant.path);
    else ok(result instanceof Error, `${variant.path}: ${String(result)}`);
    if (variant.path === 'testStepFinished.testStepResult.status') {
      ok(result instanceof MessagesFileError || result instanceof OutputError, `${variant.path}: ${String(result)}`);
    }
  }
});

test('the payload is what the browser test looks for', () => {
  ok(PAYLOAD.includes('top.PWNED'));
});
