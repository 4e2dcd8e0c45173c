/**
 * The hostile generators reach the inputs issue 26 listed (generator/hostile-values.ts): each listed input that a
 * channel's property meets only through a generator is drawn by that generator within as many draws as the property
 * tries, with the seed the properties use. Each line prints how many of the draws were of that kind. The table in
 * docs/engineering/hostile-input.md maps every listed input to this test or to its own regression test.
 */
import { test } from 'node:test';
import { ok } from 'node:assert/strict';
import fc from 'fast-check';
import {
  anyText,
  deeplyNested,
  hostileText,
  notACount,
  wrongType,
  wrongTyped,
} from '../../../generator/hostile-values';

const SEED = 20110712;

/** A value anywhere inside `value` (keys included) for which `is` holds. */
function within(value: unknown, is: (leaf: unknown) => boolean, depth = 0): boolean {
  if (is(value)) return true;
  if (depth > 50 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => is(k) || within(v, is, depth + 1));
}

const text = (pattern: RegExp) => (value: unknown) => typeof value === 'string' && pattern.test(value);
const nesting = (value: unknown): number => {
  let depth = 0;
  for (let v = value; Array.isArray(v) || (v !== null && typeof v === 'object'); depth++)
    v = Array.isArray(v) ? v[0] : (v as { x: unknown }).x;
  return depth;
};

/** [listed input, generator, draws (the fewest a property using it tries), what the listed input is]. */
const REACHED: readonly [string, fc.Arbitrary<unknown>, number, (value: unknown) => boolean][] = [
  ['a lone carriage return', hostileText(), 40, text(/\r(?!\n)/)],
  ['two carriage returns (a blank line to CommonMark)', hostileText(), 40, text(/\r\r/)],
  ['a triple backtick', hostileText(), 40, text(/```/)],
  [
    'a lone surrogate',
    hostileText(),
    40,
    text(/(?:[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/),
  ],
  ['a right-to-left override U+202E', hostileText(), 40, text(/\u202E/)],
  ['a zero-width character', hostileText(), 40, text(/[\u200B-\u200D\u2060\uFEFF]/)],
  ['NEL, LS or PS', hostileText(), 40, text(/[\u0085\u2028\u2029]/)],
  ['a text past 10,000 characters', hostileText(), 100, text(/^[\s\S]{10000,}$/)],
  ['a lone surrogate in a short text (variables, keys)', anyText, 500, text(/[\uD800-\uDFFF]/)],
  ['U+202E in a short text', anyText, 500, text(/\u202E/)],
  ['"constructor" (EXPLORE_BOUNDS=constructor)', anyText, 500, (v) => v === 'constructor'],
  ['"__proto__" as a record key', wrongType('object'), 300, (v) => within(v, (k) => k === '__proto__')],
  ['"0x10" (CHAT_KB_LOCK_WAIT=0x10)', anyText, 500, (v) => v === '0x10'],
  ['an empty value', anyText, 500, (v) => v === ''],
  ['a count written as text', wrongType('count'), 300, text(/^\d+$/)],
  ['a negative or fractional count', notACount, 100, (v) => typeof v === 'number' && (v < 0 || !Number.isInteger(v))],
  ['a timestamp of 1e17 seconds', wrongTyped, 40, (v) => v === 1e17],
  ['a number past 2^53', wrongTyped, 40, (v) => typeof v === 'number' && Math.abs(v) > 2 ** 53],
  ['an array where a text goes (a startedAt array)', wrongTyped, 40, Array.isArray],
  ['a text where a number goes (a string stepsPerSecond)', wrongTyped, 40, (v) => typeof v === 'string'],
  ['a value nested 100 levels deep', wrongTyped, 40, (v) => nesting(v) >= 100],
  [
    'JSON text nested 100,000 levels deep',
    fc.integer({ min: 1_000, max: 200_000 }).chain(deeplyNested),
    40,
    text(/^[[{]("a":[[{]|[[{]){99999}/),
  ],
];

test('each listed input a property meets through a generator is drawn within that property’s runs', () => {
  const missed: string[] = [];
  for (const [name, arbitrary, draws, is] of REACHED) {
    const hits = fc.sample(arbitrary, { seed: SEED, numRuns: draws }).filter(is).length;
    console.log(`# ${name}: ${hits} of ${draws} draws`);
    if (hits === 0) missed.push(name);
  }
  ok(missed.length === 0, `never drawn: ${missed.join('; ')}`);
});
