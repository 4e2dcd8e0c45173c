/**
 * Text from a run reaches Markdown, HTML text and attributes, mermaid, YAML front matter and code blocks; each escape
 * must make it inert there, for every character. Each property reads the escaped text back with the parser the site
 * uses (micromark through mdast, parse5, js-yaml) and checks it parses to exactly one node of the kind written, holding
 * the text (line terminators and invisible characters as the layer shows them).
 */
import { test } from 'node:test';
import { deepStrictEqual, equal, ok, strictEqual } from 'node:assert/strict';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { parseFragment } from 'parse5';
import {
  codeBlock,
  htmlAttribute,
  htmlText,
  markdownText,
  mermaidLines,
  mermaidText,
  oneLine,
  textLines,
  visibleText,
  yamlString,
} from '../../../generator/escape';
import { hostileText, SPECIAL_CHARACTERS } from '../../../generator/hostile-values';

// js-yaml (Docusaurus's front-matter parser, through gray-matter) ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { load } = require('js-yaml') as { load: (text: string) => unknown };

interface Node {
  type: string;
  value?: string;
  depth?: number;
  lang?: string;
  children?: Node[];
}
const parse = (markdown: string) => fromMarkdown(markdown) as unknown as Node;
/** As Docusaurus and GitHub read it: with GFM, whose autolink literals read text after its escapes. */
const parseGfm = (markdown: string) =>
  fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as unknown as Node;
const kinds = (node: Node): string[] => (node.children ?? []).map((c) => c.type);
const plain = (node: Node): string => node.value ?? (node.children ?? []).map(plain).join('');

interface Element {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Element[];
}
const RUNS = { numRuns: 200 };
/** Markdown parsing of long escaped texts is the slow part: fewer runs there. */
const MARKDOWN_RUNS = { numRuns: 100 };

test('Markdown text is one paragraph of text (GFM: no link of any kind), showing the text on one line', () => {
  fc.assert(
    fc.property(hostileText(), (text) => {
      const tree = parseGfm(`P ${markdownText(text)} Q`);
      deepStrictEqual(kinds(tree), ['paragraph']);
      const inside = tree.children![0]!.children!;
      // Text, and the empty comments that keep GFM from reading a bare address as a link.
      ok(
        inside.every((n) => n.type === 'text' || (n.type === 'html' && n.value === '<!---->')),
        JSON.stringify(inside),
      );
      strictEqual(inside.map((n) => (n.type === 'text' ? n.value : '')).join(''), `P ${oneLine(text)} Q`);
    }),
    MARKDOWN_RUNS,
  );
  strictEqual(markdownText('a {#id} <b>'), 'a \\{\\#id\\} \\<b\\>');
  strictEqual(markdownText('www.x.org'), 'www<!---->\\.x\\.org');
  for (const address of [
    'http://evil.example/i.png',
    'www.evil.example',
    'me@evil.example',
    'HTTPS://x.y',
    'mailto:a@b.c',
  ]) {
    deepStrictEqual(
      kinds(parseGfm(markdownText(address)).children![0]!).filter((k) => k === 'link'),
      [],
      address,
    );
  }
});

test('a heading of Markdown text keeps its own id', () => {
  fc.assert(
    fc.property(hostileText(), (text) => {
      const tree = parse(`## ${markdownText(text)} {#mine}\n\nafter`);
      deepStrictEqual(kinds(tree), ['heading', 'paragraph']);
      ok(plain(tree.children![0]!).endsWith('{#mine}'));
      strictEqual(plain(tree.children![1]!), 'after');
    }),
    MARKDOWN_RUNS,
  );
});

test('HTML text stays inside its HTML block, one text node holding the text', () => {
  fc.assert(
    fc.property(hostileText(), (text) => {
      const tree = parse(`<div class="x">${htmlText(text)}</div>\n\nafter`);
      deepStrictEqual(kinds(tree), ['html', 'paragraph']);
      const [div] = (parseFragment(tree.children![0]!.value!) as unknown as Element).childNodes!;
      equal(div!.nodeName, 'div');
      const inside = div!.childNodes ?? [];
      ok(inside.every((n) => n.nodeName === '#text'));
      // The HTML parser turns CR and NUL into LF and U+FFFD; the layer left neither.
      strictEqual(inside.map((n) => n.value).join(''), textLines(text).join('\n'));
    }),
    RUNS,
  );
});

test('an attribute holds the whole text and nothing else', () => {
  fc.assert(
    fc.property(hostileText(), (text) => {
      const tree = parse(`<div title="${htmlAttribute(text)}">x</div>\n\nafter`);
      deepStrictEqual(kinds(tree), ['html', 'paragraph']);
      const [div] = (parseFragment(tree.children![0]!.value!) as unknown as Element).childNodes!;
      deepStrictEqual(div!.attrs, [{ name: 'title', value: textLines(text).join('\n') }]);
    }),
    RUNS,
  );
});

test('mermaid text is one statement: no line break, directive, comment or tag, and # only in entity codes', () => {
  strictEqual(mermaidText('Customer : Hello?'), 'Customer : Hello?');
  strictEqual(mermaidText('a;b#c<d>e&f%g`h'), 'a#59;b#35;c#60;d#62;e#38;f#37;g#96;h');
  fc.assert(
    fc.property(hostileText(), (text) => {
      for (const encoded of [mermaidText(text), ...mermaidLines(text, 24).split('<br/>')]) {
        ok(!/[;<>&%`\n\r\u0085\u2028\u2029\v\f]/.test(encoded.replace(/#\d+;/g, '')), encoded);
        ok(!/#(?!\d+;)/.test(encoded), encoded);
        strictEqual(visibleText(encoded), encoded);
      }
    }),
    RUNS,
  );
});

test('mermaid lines wrap at spaces and never split an entity code', () => {
  const wrapped = mermaidLines('[The following message could not be delivered. Try to send it again.]', 24);
  deepStrictEqual(wrapped.split('<br/>'), [
    '[The following message',
    'could not be delivered.',
    'Try to send it again.]',
  ]);
  fc.assert(
    fc.property(hostileText(), fc.integer({ min: 1, max: 60 }), (text, width) => {
      for (const line of mermaidLines(text, width).split('<br/>')) ok(!/#\d*$/.test(line), line);
    }),
  );
});

test('a YAML front-matter value reads back as the text on one line', () => {
  fc.assert(
    fc.property(hostileText(), (text) => {
      const value = yamlString(text);
      ok(!/[\n\r]/.test(value));
      deepStrictEqual(load(`title: ${value}\n`), { title: oneLine(text) });
    }),
    RUNS,
  );
});

test('a code block holds every line of the text and nothing after it, whatever backticks it holds', () => {
  fc.assert(
    fc.property(hostileText(), fc.constantFrom('', '  '), (text, indent) => {
      const block = codeBlock(text, 'text', indent);
      const tree = parse(indent ? `- item\n\n${block}\n\nafter` : `${block}\n\nafter`);
      const code = indent ? tree.children![0]!.children![0]!.children![1]! : tree.children![0]!;
      equal(code.type, 'code');
      equal(code.lang, 'text');
      strictEqual(code.value, textLines(text).join('\n'));
      deepStrictEqual(tree.children!.at(-1)!.type, 'paragraph');
      strictEqual(plain(tree.children!.at(-1)!), 'after');
    }),
    RUNS,
  );
});

test('every line terminator ends a line, and every other control or format character is shown', () => {
  for (const c of ['\r', '\n', '\r\n', '\v', '\f', '\u0085', '\u2028', '\u2029']) {
    deepStrictEqual(textLines(`a${c}b`), ['a', 'b'], JSON.stringify(c));
    strictEqual(htmlText(`a${c}b`), 'a&#10;b');
  }
  strictEqual(visibleText('\u202Egnp.exe\u202C'), '⟨U+202E⟩gnp.exe⟨U+202C⟩');
  strictEqual(visibleText('a\u0000b\u200Bc\uD800'), 'a⟨U+0000⟩b⟨U+200B⟩c⟨U+D800⟩');
  strictEqual(visibleText('tab\there 👨‍👩‍👧 caf\u00e9'), 'tab\there 👨‍👩‍👧 café');
  for (const c of SPECIAL_CHARACTERS.filter((c) => c !== '👨‍👩‍👧')) {
    ok(!/[\p{Cc}\p{Cf}\p{Cs}]/u.test(markdownText(`x${c}`).replace(/\t/g, '')), JSON.stringify(c));
  }
});
