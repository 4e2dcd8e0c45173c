/**
 * Hostile values, the one home of them (issue 26): full Unicode (lone surrogates included), every control, line
 * terminator, bidi and zero-width character, the syntax of Markdown, HTML, mermaid, YAML, Gherkin and GitHub's job
 * summary, huge texts, deep nesting and values of the wrong type, as fast-check arbitraries. Every channel's
 * property test draws from them, and so does the hostile run the site's self-test pages are built from
 * (generator/hostile-run.ts), which is why they live here and not under test/.
 */
import fc from 'fast-check';

/** Characters that end lines or hide: every one CommonMark, HTML or Unicode treats specially. */
export const SPECIAL_CHARACTERS = [
  '\r',
  '\n',
  '\r\n',
  '\r\r',
  '\v',
  '\f',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u009b',
  '\t',
  '\u202E',
  '\u202D',
  '\u2066',
  '\u2069',
  '\u200E',
  '\u061C',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u00AD',
  '\uD800',
  '\uDFFF',
  '\u{E0041}',
  '👨‍👩‍👧',
  '\u00A0',
  '\u3000',
] as const;

/** Pieces of markup that would be live if written unescaped, in any of the languages a page or summary holds. */
export const MARKUP = [
  '<script>top.PWNED=1</script>',
  '<img src=x onerror="top.PWNED=2">',
  '<iframe srcdoc="<script>top.PWNED=3</script>"></iframe>',
  '<meta http-equiv="refresh" content="0;url=http://evil.example">',
  '<form action="http://evil.example"><button>',
  '<svg onload="top.PWNED=4">',
  '<style>*{display:none}</style>',
  '</div>',
  '</details>',
  '<details open>',
  '<!--',
  '-->',
  '<![CDATA[',
  '<?php',
  '<br/>',
  '<a href="javascript:top.PWNED=5">',
  '![i](http://evil.example/i.png)',
  '[l](http://evil.example)',
  '[l]: http://evil.example',
  '<http://evil.example>',
  'www.evil.example',
  'javascript:top.PWNED=6',
  ':::danger[Pwned]',
  ':::',
  ':abbr[x]{title=y}',
  '{#chosen-id}',
  '# Heading',
  '---',
  '```',
  '````js',
  '~~~',
  '    indented',
  '* ',
  '1. ',
  '> ',
  '| a | b |',
  '*e*',
  '__u__',
  '`c`',
  '\\',
  '&amp;',
  '&#10;',
  '&#x3C;script&#x3E;',
  '%%{init: {"securityLevel": "loose"}}%%',
  '%% comment',
  ';',
  '#35;',
  '#',
  'click Customer call alert(1)',
  '-->>',
  'end',
  'participant X',
  'Note over A: x',
  '"',
  "'",
  '{',
  '}',
  '${x}',
  'title: "x"',
  '"""',
  '@tag',
  'Scenario: x',
  '|',
] as const;

/** Names an object inherits: as keys or values they must never reach a prototype or pass for a known name. */
export const INHERITED_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'] as const;

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_CHARACTERS) },
  { weight: 4, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.constantFrom(' ', 'a', 'Hello', '00:02:05') },
);

/** Markup and special characters mixed with any code points, 1 to `maxPieces` pieces. */
export const hostilePieces = (maxPieces: number): fc.Arbitrary<string> =>
  fc.array(piece, { minLength: 1, maxLength: maxPieces }).map((p) => p.join(''));

/** A hostile text: pieces, any string of code points, or (huge) one piece repeated to up to 20,000 characters. */
export const hostileText = (maxPieces = 24): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 8, arbitrary: hostilePieces(maxPieces) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary' }) },
    // The readers' line limits are item 6's: long enough to cross a page's or a diagram's limits, no more.
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...MARKUP, ...SPECIAL_CHARACTERS), fc.integer({ min: 1000, max: 20_000 }))
        .map(([p, n]) => p.repeat(Math.ceil(n / p.length))),
    },
  );

/** Nested arrays and objects `depth` deep, around `leaf`. */
export const nested = (depth: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? { x: value } : [value];
  return value;
};

/** JSON text nested `depth` deep (arrays or objects), past any recursive reader's stack. */
export const deeplyNested = (depth: number): fc.Arbitrary<string> =>
  fc.constantFrom('[', '{"a":').map((open) => `${open.repeat(depth)}0${(open === '[' ? ']' : '}').repeat(depth)}`);

/** A short text of any kind, for a name, a key or a variable: any code points, special characters, inherited names. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...SPECIAL_CHARACTERS, '<', '{', '`', '"', '\\'), maxLength: 12 }),
  fc.constantFrom(...INHERITED_NAMES, '', ' ', '0x10', '1e3', 'NaN', 'Infinity'),
);

/** Numbers that are no count: negative, fractional, past 2^53, and numbers written as text. */
export const notACount: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
  fc.constantFrom(2 ** 53, 1e17, 1e300, -0.5, Number.MAX_VALUE),
  fc.nat().map(String),
  fc.constantFrom('10000000', '1e3', '0x10', ''),
);

/** A value of any JSON type, hostile where it is a text: what a field of the wrong type may hold. */
export const wrongTyped: fc.Arbitrary<unknown> = fc.oneof(
  hostileText(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e17, -1, 2 ** 53 + 1, 0.5, -0),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...INHERITED_NAMES),
  fc.array(hostileText(4), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'a', 'status'), hostileText(4), { maxKeys: 2 }),
  // Deep, to 1,000 levels, drawn evenly (fast-check favours small numbers, which would keep it shallow): deeper
  // still is the readers' nesting limit, a regression test of its own (strict-reading.test.ts).
  fc.noBias(fc.integer({ min: 1, max: 1000 })).map((d) => nested(d)),
);

/** A value of any JSON type but `allowed`'s (for a count: any value but a whole number from 0 to 2^53 - 1). */
export function wrongType(allowed: 'count' | 'string' | 'object' | 'list' | 'null'): fc.Arbitrary<unknown> {
  const kinds = {
    count: fc.oneof(fc.nat(), fc.constant(2 ** 53 - 1)),
    string: anyText,
    object: fc.dictionary(anyText, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    list: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
    null: fc.constant(null),
    boolean: fc.boolean(),
  };
  const others = Object.entries(kinds)
    .filter(([k]) => k !== allowed)
    .map(([, arbitrary]) => arbitrary as fc.Arbitrary<unknown>);
  return fc.oneof(...others, ...(allowed === 'count' ? [notACount] : []));
}
