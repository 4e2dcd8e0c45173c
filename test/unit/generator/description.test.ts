/** A feature's prose is escaped like any run text, and its citations of `docs/sources.md` link to the Sources page. */
import { test } from 'node:test';
import { strictEqual } from 'node:assert/strict';
import { descriptionMarkdown } from '../../../generator/description';

test('a citation of docs/sources.md becomes a link to the Sources page, the rest stays literal text', () => {
  strictEqual(
    descriptionMarkdown('Design guide (docs/sources.md, Deployment, "Failover"): <b>x</b> [y](z)'),
    'Design guide \\([Sources](/sources)\\, Deployment\\, \\"Failover\\"\\)\\: \\<b\\>x\\<\\/b\\> \\[y\\]\\(z\\)',
  );
});

test('text that only looks like the citation is not linked', () => {
  strictEqual(
    descriptionMarkdown('docs/sources-md and docs/sources.mdx'),
    'docs\\/sources\\-md and docs\\/sources\\.mdx',
  );
});

test('a span in backticks is code, its text still literal; an unpaired backtick stays a backtick', () => {
  strictEqual(
    descriptionMarkdown('Run `npm run explore` or `<b>*x*</b>` (docs/sources.md); `docs/sources.md` and ` alone'),
    'Run <code>npm run explore</code> or <code>\\<b\\>\\*x\\*\\<\\/b\\></code> \\([Sources](/sources)\\)\\; <code>docs\\/sources\\.md</code> and \\` alone',
  );
});
