/**
 * Two lists of lines matched in order, in space linear in their length: Myers' O((N+M)D) difference algorithm
 * with its linear-space refinement (find the middle snake of the shortest edit script, recurse on both sides),
 * after the common head and tail are set aside. A full N×M table, as this used to build, takes 25,000 × 25,000
 * cells for one long trace and its baseline (out of memory at 4.3 GB); this keeps two arrays of N+M integers.
 *
 * Time grows with N+M times the number of differing lines D. Where one stretch differs in more than
 * `MAX_EDIT_DISTANCE` lines, no common line inside it is looked for: it is shown as removed, then added (a
 * correct comparison, not always the shortest), so two unrelated traces of any length still compare in
 * about (N+M) × MAX_EDIT_DISTANCE steps.
 */

/** One line of a side-by-side comparison: in both runs, only before, or only now. */
export type DiffLine =
  | { readonly kind: 'same'; readonly text: string }
  | { readonly kind: 'removed'; readonly text: string }
  | { readonly kind: 'added'; readonly text: string };

/** Half the differing lines a stretch may hold before it is shown whole as removed then added. */
export const MAX_EDIT_DISTANCE = 2_000;

type Edit = 0 | 1 | 2; // same, removed, added

class Differ {
  private readonly a: Int32Array;
  private readonly b: Int32Array;
  /** The edits in order, as (kind, index into a or b) pairs. */
  readonly edits: number[] = [];

  constructor(before: readonly string[], now: readonly string[]) {
    // Lines as small integers, so each comparison is one integer comparison whatever the line's length.
    const ids = new Map<string, number>();
    const idOf = (line: string) => {
      let id = ids.get(line);
      if (id === undefined) ids.set(line, (id = ids.size));
      return id;
    };
    this.a = Int32Array.from(before, idOf);
    this.b = Int32Array.from(now, idOf);
  }

  private push(kind: Edit, index: number): void {
    this.edits.push(kind, index);
  }

  /** Edits turning a[aLo, aHi) into b[bLo, bHi). */
  diff(aLo: number, aHi: number, bLo: number, bHi: number): void {
    const { a, b } = this;
    let head = 0;
    while (aLo + head < aHi && bLo + head < bHi && a[aLo + head] === b[bLo + head]) head++;
    let tail = 0;
    while (aHi - tail > aLo + head && bHi - tail > bLo + head && a[aHi - tail - 1] === b[bHi - tail - 1]) tail++;
    for (let i = 0; i < head; i++) this.push(0, aLo + i);
    const [x0, x1, y0, y1] = [aLo + head, aHi - tail, bLo + head, bHi - tail];
    if (x0 === x1 || y0 === y1) {
      for (let i = x0; i < x1; i++) this.push(1, i);
      for (let j = y0; j < y1; j++) this.push(2, j);
    } else {
      const split = this.middle(x0, x1, y0, y1);
      if (split === null) {
        for (let i = x0; i < x1; i++) this.push(1, i);
        for (let j = y0; j < y1; j++) this.push(2, j);
      } else {
        this.diff(x0, split[0], y0, split[1]);
        this.diff(split[0], x1, split[1], y1);
      }
    }
    for (let i = tail; i > 0; i--) this.push(0, aHi - i);
  }

  /**
   * A point (x, y) on the shortest edit script of a[x0, x1) to b[y0, y1) splitting it in two non-empty halves
   * (Myers' middle snake, searched from both ends at once), or null when none is found within
   * MAX_EDIT_DISTANCE or the halves have no line in common.
   */
  private middle(x0: number, x1: number, y0: number, y1: number): [number, number] | null {
    const { a, b } = this;
    const n = x1 - x0;
    const m = y1 - y0;
    const maxD = Math.min(Math.ceil((n + m) / 2), MAX_EDIT_DISTANCE);
    const offset = maxD;
    const size = 2 * maxD + 2;
    // forward[offset + k]: the furthest x reached on diagonal k from the start; backward: from the end.
    const forward = new Int32Array(size).fill(-1);
    const backward = new Int32Array(size).fill(-1);
    forward[offset + 1] = 0;
    backward[offset + 1] = 0;
    const delta = n - m;
    const front = (delta & 1) !== 0;
    // Diagonals that ran off the grid are skipped from then on (as in Neil Fraser's diff-match-patch bisect).
    let k1start = 0;
    let k1end = 0;
    let k2start = 0;
    let k2end = 0;
    for (let d = 0; d < maxD; d++) {
      for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
        const i = offset + k1;
        let x = k1 === -d || (k1 !== d && forward[i - 1]! < forward[i + 1]!) ? forward[i + 1]! : forward[i - 1]! + 1;
        let y = x - k1;
        while (x < n && y < m && a[x0 + x] === b[y0 + y]) {
          x++;
          y++;
        }
        forward[i] = x;
        if (x > n) k1end += 2;
        else if (y > m) k1start += 2;
        else if (front) {
          const j = offset + delta - k1;
          if (j >= 0 && j < size && backward[j] !== -1 && x >= n - backward[j]!) return this.split(x0, y0, x, y, n, m);
        }
      }
      for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
        const i = offset + k2;
        let x =
          k2 === -d || (k2 !== d && backward[i - 1]! < backward[i + 1]!) ? backward[i + 1]! : backward[i - 1]! + 1;
        let y = x - k2;
        while (x < n && y < m && a[x1 - x - 1] === b[y1 - y - 1]) {
          x++;
          y++;
        }
        backward[i] = x;
        if (x > n) k2end += 2;
        else if (y > m) k2start += 2;
        else if (!front) {
          const j = offset + delta - k2;
          if (j >= 0 && j < size && forward[j] !== -1) {
            const fx = forward[j]!;
            if (fx >= n - x) return this.split(x0, y0, fx, offset + fx - j, n, m);
          }
        }
      }
    }
    return null;
  }

  /** The split point in absolute indices, or null when it would leave one half the whole problem. */
  private split(x0: number, y0: number, x: number, y: number, n: number, m: number): [number, number] | null {
    if ((x === 0 && y === 0) || (x === n && y === m)) return null;
    return [x0 + x, y0 + y];
  }
}

/**
 * The lines of `before` and `now` in order, matched along a longest common subsequence; within each stretch of
 * differing lines, the removed ones come before the added ones.
 */
export function diffLines(before: readonly string[], now: readonly string[]): DiffLine[] {
  const differ = new Differ(before, now);
  differ.diff(0, before.length, 0, now.length);
  const out: DiffLine[] = [];
  const added: DiffLine[] = [];
  const flush = () => {
    for (const line of added) out.push(line);
    added.length = 0;
  };
  const { edits } = differ;
  for (let e = 0; e < edits.length; e += 2) {
    const [kind, index] = [edits[e]!, edits[e + 1]!];
    if (kind === 0) {
      flush();
      out.push({ kind: 'same', text: before[index]! });
    } else if (kind === 1) out.push({ kind: 'removed', text: before[index]! });
    else added.push({ kind: 'added', text: now[index]! });
  }
  flush();
  return out;
}
