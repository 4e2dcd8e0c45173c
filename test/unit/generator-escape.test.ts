/** Text from a run reaches three languages (Markdown, HTML, mermaid); each escape must make it inert there. */
import { test } from 'node:test';
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import fc from 'fast-check';
import { htmlText, markdownText, mermaidLines, mermaidText, yamlString } from '../../generator/escape';

const HOSTILE = `<script>alert(1)</script> {x} #35; ; : "q" 'a' \`b\` --> & %%{init}%% [l](u) *e* _u_ :::note`;

const decodeHtml = (text: string): string =>
  text.replace(/&(#\d+|amp|lt|gt|quot);/g, (_, name: string) =>
    name.startsWith('#')
      ? String.fromCharCode(Number(name.slice(1)))
      : { amp: '&', lt: '<', gt: '>', quot: '"' }[name]!,
  );

test('HTML text has no markup characters and no line breaks, and decodes back to the original', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      const escaped = htmlText(text);
      ok(!/[<>"'\n]/.test(escaped), escaped);
      strictEqual(decodeHtml(escaped), text.replace(/\r\n/g, '\n'));
    }),
  );
});

test('Markdown text escapes every ASCII punctuation character and stays on one line', () => {
  fc.assert(
    fc.property(fc.string(), (text) => {
      const escaped = markdownText(text);
      ok(!escaped.includes('\n'));
      // Removing each backslash escape gives the text back, with line breaks as spaces.
      strictEqual(escaped.replace(/\\([!-/:-@[-`{-~])/g, '$1'), text.replace(/\r?\n/g, ' '));
      // Nothing punctuation is left unescaped.
      ok(!/(^|[^\\])[<>{}#*_[\]`:]/.test(escaped.replace(/\\[!-/:-@[-`{-~]/g, '')), escaped);
    }),
  );
  strictEqual(markdownText('a {#id} <b>'), 'a \\{\\#id\\} \\<b\\>');
});

test('mermaid text encodes what mermaid would read as syntax, and nothing else', () => {
  strictEqual(mermaidText('Customer : Hello?'), 'Customer : Hello?');
  strictEqual(mermaidText('a;b#c<d>e&f%g`h'), 'a#59;b#35;c#60;d#62;e#38;f#37;g#96;h');
  fc.assert(
    fc.property(fc.string(), (text) => {
      const encoded = mermaidText(text);
      ok(!/[;<>&%`\n]/.test(encoded.replace(/#\d+;/g, '')), encoded);
      ok(!/#(?!\d+;)/.test(encoded), encoded);
    }),
  );
});

test('mermaid lines wrap at spaces and never split an entity code', () => {
  const wrapped = mermaidLines('[The following message could not be delivered. Try to send it again.]', 24);
  deepStrictEqual(wrapped.split('<br/>'), [
    '[The following message',
    'could not be delivered.',
    'Try to send it again.]',
  ]);
  for (const line of mermaidLines(HOSTILE, 10).split('<br/>')) ok(!/#\d*$/.test(line), line);
});

test('YAML strings are JSON strings on one line', () => {
  strictEqual(yamlString(`a "b"\nc: d`), '"a \\"b\\" c: d"');
});
