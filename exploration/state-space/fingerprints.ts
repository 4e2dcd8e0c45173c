/**
 * The set of fingerprints of the states visited so far: open addressing with linear probing over one
 * Int32Array (two 32-bit halves per slot), so a million states cost 16 MB and no garbage, where a `Set` of
 * 53-bit numbers boxed each one on the heap. (0, 0) marks an empty slot; a fingerprint that is (0, 0) is kept as
 * (1, 0), which costs one value of 2^64.
 */
export class FingerprintSet {
  size = 0;
  private slots: Int32Array;
  private mask: number;

  constructor(capacity = 1 << 16) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.slots = new Int32Array(slots * 2);
    this.mask = slots - 1;
  }

  /** Adds the fingerprint (h1, h2); `false` if it was there already. */
  add(h1: number, h2: number): boolean {
    if (h1 === 0 && h2 === 0) h1 = 1;
    const slots = this.slots;
    const mask = this.mask;
    for (let i = h1 & mask; ; i = (i + 1) & mask) {
      const a = slots[2 * i]!;
      const b = slots[2 * i + 1]!;
      if (a === h1 && b === h2) return false;
      if (a === 0 && b === 0) {
        slots[2 * i] = h1;
        slots[2 * i + 1] = h2;
        if (++this.size * 2 > mask + 1) this.grow();
        return true;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / 2 - 1;
    for (let j = 0; j < old.length; j += 2) {
      const a = old[j]!;
      const b = old[j + 1]!;
      if (a === 0 && b === 0) continue;
      let i = a & mask;
      while (slots[2 * i] !== 0 || slots[2 * i + 1] !== 0) i = (i + 1) & mask;
      slots[2 * i] = a;
      slots[2 * i + 1] = b;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** A growable array of 32-bit integers (the parent of each state). */
export class IntList {
  length = 0;
  private items = new Int32Array(1 << 12);

  push(value: number): void {
    if (this.length === this.items.length) {
      const items = new Int32Array(this.items.length * 2);
      items.set(this.items);
      this.items = items;
    }
    this.items[this.length++] = value;
  }

  at(index: number): number {
    return this.items[index]!;
  }
}
