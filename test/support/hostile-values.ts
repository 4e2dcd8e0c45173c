/**
 * Generators of hostile values for the channels the scripts read (shard reports, plan and history files as JSON,
 * environment variables): every kind of wrong value a careless or hostile writer gives, drawn rather than listed,
 * so a property over them proves more than a fixed list would.
 */
import fc from 'fast-check';

/** Any text: full Unicode (lone surrogates too), control and bidi characters, markup, quotes. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom('\r', '\n', '\u2028', '\u202e', '\u200b', '\0', '\x1b', '<', '{', '`', '"', '\\'),
  }),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '', ' ', '0x10', '1e3', 'NaN', 'Infinity'),
);

/** Numbers that are no count: negative, fractional, past 2^53, and numbers written as text. */
export const notACount: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
  fc.constantFrom(2 ** 53, 1e17, 1e300, -0.5, Number.MAX_VALUE),
  fc.nat().map(String),
  fc.constantFrom('10000000', '1e3', '0x10', ''),
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

/** JSON text nested `depth` deep (arrays or objects), past any recursive reader's stack. */
export const deeplyNested = (depth: number): fc.Arbitrary<string> =>
  fc.constantFrom('[', '{"a":').map((open) => `${open.repeat(depth)}0${(open === '[' ? ']' : '}').repeat(depth)}`);
