/**
 * The page list (generator/page-list.ts) is the one place a generated page about the run is named: its file, its
 * route, its sidebar entry and its front matter all come from it. And the generator's dependencies point one way:
 * no production code imports the tests, no generator code imports the scripts.
 */
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { loadClaims } from '../../../features/claims-register';
import { parseMessages } from '../../../generator/messages';
import { PAGE_LIST, SIDEBAR_GROUPS } from '../../../generator/page-list';
import { ROUTES } from '../../../generator/routes';
import { buildRun } from '../../../generator/run';
import { renderSite, SIDEBAR_FILE, type SidebarFragment } from '../../../generator/site';
import { RUNBOOKS } from '../../../generator/runbooks';

const root = join(__dirname, '..', '..', '..');
const fixture = join(root, 'test', 'fixtures', 'real-run', 'messages.ndjson');
const recorded = buildRun(parseMessages(readFileSync(fixture, 'utf8'), 'real-run'), 'real-run', loadClaims());
/**
 * The fixture with its @known-defect and @inferred tags taken off: the lists of those scenarios mark each with the
 * claims it rests on, which the recorded fixture's scenarios do not carry; every listed page renders then.
 */
const untag = (tags: readonly string[]) => tags.filter((t) => t !== '@known-defect' && t !== '@inferred');
const run: typeof recorded = {
  ...recorded,
  features: recorded.features.map((f) => ({
    ...f,
    children: f.children.map((c) =>
      c.kind === 'rule'
        ? { ...c, scenarios: c.scenarios.map((s) => ({ ...s, tags: untag(s.tags) })) }
        : { ...c, tags: untag(c.tags) },
    ),
  })),
};
const site = renderSite(run, { html: true, junit: true }, run);

/** A page's front matter as field → raw value. */
function frontMatterOf(page: string): Map<string, string> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(page);
  ok(match, 'the page opens with front matter');
  return new Map(
    match[1]!.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
  );
}

test('every listed page is rendered under the front matter its entry gives, at its place in the list', () => {
  for (const [i, page] of PAGE_LIST.entries()) {
    const content = site.get(`${page.file}.md`);
    ok(content, `${page.file}.md is generated`);
    const fields = frontMatterOf(content);
    deepStrictEqual(
      [...fields],
      [
        ['title', JSON.stringify(page.title)],
        ['sidebar_position', String(i + 1)],
        ['slug', page.route],
        ['description', JSON.stringify(page.description)],
      ],
      page.file,
    );
    strictEqual(content.indexOf('\n---\n', 4), content.indexOf('\n---\n'), `${page.file}: one front matter only`);
  }
});

test('the sidebar fragment lists the listed pages in the list order, in their groups, and nothing else of theirs', () => {
  const sidebar = JSON.parse(site.get(SIDEBAR_FILE)!) as SidebarFragment;
  deepStrictEqual(Object.keys(sidebar), [...SIDEBAR_GROUPS]);
  for (const group of SIDEBAR_GROUPS) {
    const listed = PAGE_LIST.filter((p) => p.group === group).map((p) => `generated/${p.file}`);
    deepStrictEqual(
      sidebar[group].filter((id) => !/^generated\/(features|self-test|runbooks)\//.test(id)),
      listed,
      group,
    );
  }
  deepStrictEqual(
    sidebar.features,
    run.features.map((f) => `generated/${f.page}`),
  );
  // The runbooks are a family of their own (generator/runbooks.ts), listed in the table's order.
  deepStrictEqual(
    sidebar.runbooks,
    RUNBOOKS.map((r) => `generated/runbooks/${r.slug}`),
  );
});

test('the routes the pages link to are the listed routes', () => {
  for (const page of PAGE_LIST) strictEqual(ROUTES[page.id], page.route, page.id);
  const generated = [...site.keys()].filter((path) => path.endsWith('.md') && !path.includes('/'));
  deepStrictEqual(generated.sort(), PAGE_LIST.map((p) => `${p.file}.md`).sort());
});

/** The relative imports and requires of every source file under `dir`, resolved against the repository. */
function importsUnder(dir: string): { file: string; target: string }[] {
  const found: { file: string; target: string }[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|js)$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/(?:from\s+|require\(|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
          found.push({ file: relative(root, path), target: relative(root, join(folder, m[1]!)) });
        }
      }
    }
  };
  walk(join(root, dir));
  return found;
}

test('no production code imports the tests, and no generator code imports the scripts', () => {
  const production = [
    'generator',
    'model',
    'exploration',
    'plans',
    'diagnostics',
    'steps',
    'scripts',
    'src',
    'plugins',
  ];
  const intoTests = production.flatMap(importsUnder).filter(({ target }) => target.startsWith('test/'));
  deepStrictEqual(intoTests, []);
  const intoScripts = importsUnder('generator').filter(({ target }) => target.startsWith('scripts/'));
  deepStrictEqual(intoScripts, []);
  ok(importsUnder('generator').length > 50, 'the import scan finds the generator imports');
});
