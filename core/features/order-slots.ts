/**
 * Groups one customer's lines by order: maps a 32-bit order-id hash to a
 * dense slot 0, 1, 2, … in first-seen order. Open addressing in flat
 * Int32Arrays, reused from customer to customer (a generation stamp instead
 * of clearing), so 10M lines group without a Map or per-order objects.
 */
export class OrderSlots {
  private keys = new Int32Array(0);
  private slots = new Int32Array(0);
  private stamps = new Int32Array(0);
  private mask = 0;
  private shift = 32;
  private generation = 0;
  /** Orders seen since the last `reset`. */
  size = 0;

  /** Starts a new customer with room for `lines` distinct orders. */
  reset(lines: number): void {
    let capacity = 16;
    while (capacity < lines * 2) capacity *= 2;
    if (capacity > this.keys.length) {
      this.keys = new Int32Array(capacity);
      this.slots = new Int32Array(capacity);
      this.stamps = new Int32Array(capacity);
      this.mask = capacity - 1;
      this.shift = 32 - Math.log2(capacity);
      this.generation = 0;
    }
    this.generation++;
    if (this.generation === 0x7fffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
    this.size = 0;
  }

  /** The slot of order `hash`, a new one (= previous `size`) when first seen. */
  slotOf(hash: number): number {
    // Fibonacci hashing spreads FNV hashes that differ only in low bits.
    let i = (Math.imul(hash, 0x9e3779b1) >>> this.shift) & this.mask;
    const g = this.generation;
    while (this.stamps[i] === g) {
      if (this.keys[i] === hash) return this.slots[i]!;
      i = (i + 1) & this.mask;
    }
    this.stamps[i] = g;
    this.keys[i] = hash;
    this.slots[i] = this.size;
    return this.size++;
  }
}
