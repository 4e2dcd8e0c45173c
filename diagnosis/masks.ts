/**
 * Sets of observations as bit masks, 32 observations a word, written as hexadecimal text in the index (the
 * lowest word last), and what a set of entries lets one tell apart.
 */

/** The mask of `indices` over a vocabulary of `size` observations, as hexadecimal text. */
export function maskHex(indices: readonly number[], size: number): string {
  const words = new Uint32Array(Math.max(1, Math.ceil(size / 32)));
  for (const i of indices) words[i >>> 5]! |= 1 << (i & 31);
  return [...words]
    .reverse()
    .map((w) => w.toString(16).padStart(8, '0'))
    .join('');
}

/** The words of a mask written by `maskHex`, lowest first; a one-line error for text that is not one. */
export function parseMask(hex: string, words: number): Uint32Array {
  if (!/^[0-9a-f]*$/.test(hex) || hex.length !== words * 8) {
    throw new RangeError(`diagnosis index: "${hex.slice(0, 40)}" is not a mask of ${words} words`);
  }
  const out = new Uint32Array(words);
  for (let w = 0; w < words; w++) out[w] = parseInt(hex.slice((words - 1 - w) * 8, (words - w) * 8), 16);
  return out;
}

/** Whether `mask` holds every observation of `wanted`. */
export function covers(mask: Uint32Array, wanted: Uint32Array): boolean {
  for (let w = 0; w < wanted.length; w++) if ((mask[w]! & wanted[w]!) !== wanted[w]) return false;
  return true;
}
