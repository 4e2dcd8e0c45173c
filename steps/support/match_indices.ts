/**
 * Step matching with Node's own match indices. cucumber-expressions 19 finds where each parameter of a step
 * starts through the `regexp-match-indices` polyfill, which it uses on every Node version: for every step that
 * matches, the polyfill rewrites the step definition's regular expression with regexp-tree into one with a group
 * around every part, compiles it and runs it once more. Every step matches twice (cucumber assembles the test
 * cases, then runs them), so over the suite's 526 steps that is about 0.15 s, the largest part of step matching.
 * Node has had the indices natively since 16 (the `d` flag): this gives `TreeRegexp.match` the same match read
 * through them, with the same groups and positions (the messages' `stepMatchArguments` are unchanged). If
 * cucumber-expressions changes shape, the check below leaves its own matching in place.
 */
import { createRequire } from 'node:module';

export interface Group {
  readonly value: string | undefined;
  readonly start: number | undefined;
  readonly end: number | undefined;
  readonly children: readonly Group[] | undefined;
}
export interface TreeRegexp {
  readonly regexp: RegExp;
  readonly groupBuilder: { build(match: RegExpExecArray, nextGroupIndex: () => number): Group };
  match(text: string): Group | null;
}

/** The cucumber-expressions that cucumber itself loaded (there could be another copy beside it). */
function cucumberExpressions(): typeof import('@cucumber/cucumber-expressions') {
  return createRequire(require.resolve('@cucumber/cucumber'))('@cucumber/cucumber-expressions');
}

/**
 * Replaces `TreeRegexp.prototype.match`; returns the polyfilled original (test/unit/steps/match-indices.test.ts
 * compares the two over every step of the suite), or `null` where cucumber-expressions no longer has the shape
 * this expects and keeps its own matching (that test fails then, so the lost speed-up is noticed).
 */
function useNativeIndices(): ((this: TreeRegexp, text: string) => Group | null) | null {
  const { ParameterTypeRegistry, RegularExpression } = cucumberExpressions();
  const probe = new RegularExpression(/(a)/, new ParameterTypeRegistry()) as unknown as { treeRegexp?: TreeRegexp };
  const prototype = probe.treeRegexp && (Object.getPrototypeOf(probe.treeRegexp) as TreeRegexp);
  if (
    !prototype ||
    typeof prototype.match !== 'function' ||
    typeof probe.treeRegexp?.groupBuilder?.build !== 'function'
  )
    return null;
  const polyfilled = prototype.match;
  const withIndices = new WeakMap<RegExp, RegExp>();
  prototype.match = function match(this: TreeRegexp, text: string): Group | null {
    const { regexp } = this;
    // A global or sticky expression carries state between calls in its own lastIndex: leave those as they were.
    if (regexp.global || regexp.sticky) return polyfilled.call(this, text);
    let native = withIndices.get(regexp);
    if (!native) {
      native = regexp.hasIndices ? regexp : new RegExp(regexp.source, `${regexp.flags}d`);
      withIndices.set(regexp, native);
    }
    const found = native.exec(text);
    if (found === null) return null;
    let groupIndex = 0;
    return this.groupBuilder.build(found, () => groupIndex++);
  };
  return polyfilled;
}

/** cucumber-expressions' own `TreeRegexp.match`, through the polyfill; `null` if it was left in place. */
export const polyfilledMatch = useNativeIndices();
