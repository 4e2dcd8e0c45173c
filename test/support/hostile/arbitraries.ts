/**
 * Hostile values for every input channel's property (issue 26): full Unicode (lone surrogates included), every
 * control, line terminator, bidi and zero-width character, the syntax of Markdown, HTML, mermaid, YAML, Gherkin and
 * GitHub's job summary, huge texts, deep nesting and values of the wrong type. One home for them, so each channel's
 * test draws from the same generators.
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
  '</div>',
  '</details>',
  '<details open>',
  '<!--',
  '-->',
  '<![CDATA[',
  '<?php',
  '<br/>',
  '<a href="javascript:alert(1)">',
  '![i](http://evil.example/i.png)',
  '[l](http://evil.example)',
  '[l]: http://evil.example',
  '<http://evil.example>',
  'www.evil.example',
  'javascript:alert(1)',
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

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_CHARACTERS) },
  { weight: 4, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.constantFrom(' ', 'a', 'Hello', '00:02:05') },
);

/** A hostile text: markup and special characters mixed with any code points, up to a few dozen pieces. */
export const hostileText = (maxPieces = 24): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.array(piece, { minLength: 1, maxLength: maxPieces }).map((p) => p.join('')) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary' }) },
    // Huge: a piece repeated to up to 20,000 characters (the readers' line limits are item 6's).
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

/** A value of any JSON type, hostile where it is a text: what a field of the wrong type may hold. */
export const wrongTyped: fc.Arbitrary<unknown> = fc.oneof(
  hostileText(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e17, -1, 2 ** 53 + 1, 0.5, -0),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('__proto__', 'constructor', 'toString'),
  fc.array(hostileText(4), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'a', 'status'), hostileText(4), { maxKeys: 2 }),
  // Deep, to 1,000 levels: the readers' nesting limit (where deeper input is refused by name) is item 6's.
  fc.integer({ min: 1, max: 1000 }).map((d) => nested(d)),
);
