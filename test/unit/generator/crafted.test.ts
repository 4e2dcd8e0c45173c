/**
 * The crafted self-test run, drawn (generator/hostile-run.ts): a hostile text drawn by fast-check in front of every
 * string of every message and attachment of a recorded run. Over many seeds, the copy reaches every kind of page and
 * nothing of it is live there. And field by field, every number and every value of a closed set of the first
 * attachment of each kind, set to a drawn hostile value: an error naming the file, the line and the field. The
 * browser test (test/browser/crafted.test.ts) opens the pages the site is built with.
 */
import { test } from 'node:test';
import { deepStrictEqual, equal, ok } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadClaims } from '../../../features/claims-register';
import { MessagesFileError, parseMessages } from '../../../generator/messages';
import { buildRun } from '../../../generator/run';
import { renderSite, DEFAULT_SITE_OPTIONS, UNMARKED_PAGES } from '../../../generator/site';
import { DEFAULT_HOSTILE_SEED, hostileRun } from '../../../generator/hostile-run';
import { hostileText } from '../../../generator/hostile-values';
import { QUERY_MEDIA_TYPE } from '../../../model/media-types';
import { liveMarkup } from '../../support/hostile/live';
import { fieldsAt, mutate } from '../../support/hostile/mutate';

const root = join(__dirname, '..', '..', '..');
const REAL_RUN = 'test/fixtures/real-run/messages.ndjson';
const HOSTILE_TEXT = 'test/fixtures/hostile-text/messages.ndjson';
const text = (file: string) => readFileSync(join(root, file), 'utf8');
const claims = loadClaims();

function render(ndjson: string, file: string): Map<string, string> {
  const run = buildRun(parseMessages(ndjson, file), file, claims);
  return renderSite(run, { html: true, junit: true }, null, { ...DEFAULT_SITE_OPTIONS, listed: UNMARKED_PAGES });
}

/** How many seeds each property tries: a whole run rendered per seed takes about half a second. */
const SEEDS: Readonly<Record<string, number>> = { [REAL_RUN]: 4, [HOSTILE_TEXT]: 12 };

test('a hostile copy drawn with any seed reaches every kind of page, and nothing of it is live there', () => {
  const changedFeature = (pages: Map<string, string>, file: string) =>
    [...pages.keys()].filter((p) => p.startsWith('features/')).length > 0 || `${file}: no feature page`;
  for (const file of [REAL_RUN, HOSTILE_TEXT]) {
    const seeds = [
      DEFAULT_HOSTILE_SEED,
      ...fc.sample(fc.integer(), { seed: DEFAULT_HOSTILE_SEED, numRuns: SEEDS[file]! - 1 }),
    ];
    for (const seed of seeds) {
      const copy = hostileRun(text(file), seed);
      equal(hostileRun(text(file), seed), copy, `seed ${seed} draws another copy the second time`);
      const pages = render(copy, file);
      for (const [path, page] of pages) deepStrictEqual(liveMarkup(page), [], `${file}, seed ${seed}: ${path}`);
      ok(changedFeature(pages, file) === true, `${file}, seed ${seed}`);
      // Not vacuous: each feature's name (drawn text in front) reached its page, in the title's front matter.
      const run = buildRun(parseMessages(copy, file), file, claims);
      const original = buildRun(parseMessages(text(file), file), file, claims);
      const names = original.features.map((f) => f.name);
      equal(run.features.length, names.length);
      for (const { name } of run.features)
        ok(
          names.some((n) => name.endsWith(n) && name !== n),
          `${file}, seed ${seed}: ${name}`,
        );
      if (file === REAL_RUN) {
        ok(pages.get('invariants.md')!.length > 0 && pages.get('summary.md')!.length > 0);
      }
    }
    console.log(`# crafted run ${file}: ${seeds.length} seeds drawn, every page rendered and read`);
  }
});

/** An error naming the file, the line of the changed field and the field. */
function assertNamed(error: unknown, line: number, key: string, path: string): void {
  ok(error instanceof MessagesFileError, `${path}: expected a MessagesFileError, got ${String(error)}`);
  equal(error.file, REAL_RUN);
  equal(error.line, line, `${path}: ${error.message}`);
  ok(error.message.includes(key), `${path}: the error should name the field: ${error.message}`);
  ok(!/[\n\r\u2028\u2029\u0085\v\f]/.test(error.message), `${path}: more than one line: ${error.message}`);
}

const CLOSED_FIELDS: Readonly<Record<string, RegExp>> = {
  'application/vnd.chat-failure.trace+json': /\.(type|actor|server|from|to|on)$/,
  'application/vnd.chat-failure.end-state+json':
    /\.(icon|chatStatus|login|buttons)$|^servers\.|^console\.tabs\.|notices\[/,
  'application/vnd.chat-failure.plan+json': /\.(type|server|tab|customer|from|to|agent)$/,
};

/**
 * For the first attachment of each kind in the recorded run, one field per shape (list positions left out): each
 * number and each value of a closed set, with its line, set in turn to a hostile value drawn with the seed.
 */
test('every number and closed-set value of every attachment kind, set to a drawn hostile value, is refused by file, line and field', () => {
  const file = text(REAL_RUN);
  const lines = file.trimEnd().split('\n');
  const seen = new Set<string>();
  const values = fc.sample(hostileText(), { seed: DEFAULT_HOSTILE_SEED, numRuns: 400 });
  let tried = 0;
  lines.forEach((line, index) => {
    const mediaType = /"mediaType":"(application\/vnd\.chat-failure\.[^"]+)"/.exec(line)?.[1];
    if (!mediaType || seen.has(mediaType)) return;
    seen.add(mediaType);
    const shapes = new Set<string>();
    fieldsAt(file, index, true).forEach((field, leaf) => {
      const shape = field.path.replace(/\[\d+\]/g, '[]');
      const number = typeof field.value === 'number';
      const closed = typeof field.value === 'string' && (CLOSED_FIELDS[mediaType]?.test(field.path) ?? false);
      if (shapes.has(shape) || !(number || closed)) return;
      shapes.add(shape);
      const value = values[tried++ % values.length]!;
      const mutation = mutate(file, index, leaf, value, true);
      equal(mutation.path, field.path);
      let pages: Map<string, string>;
      try {
        pages = render(mutation.text, REAL_RUN);
      } catch (error) {
        assertNamed(error, index + 1, field.key, field.path);
        return;
      }
      // A query's cells hold strings or numbers alike: a string there is shown as text.
      equal(mediaType, QUERY_MEDIA_TYPE, `${field.path} = ${JSON.stringify(value).slice(0, 80)} was not refused`);
      for (const [path, page] of pages) deepStrictEqual(liveMarkup(page), [], `${field.path}: ${path}`);
    });
  });
  console.log(`# crafted fields: ${tried} fields of ${seen.size} attachment kinds, each set to a drawn value`);
  ok(tried >= 55, `only ${tried} fields were tried`);
});
