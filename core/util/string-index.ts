/**
 * Maps strings (customer ids) to dense indices 0, 1, 2, … in first-seen
 * order. Built for 10M lookups into 1M ids, where a Map<string, number> is
 * bound by cache misses: each slot keeps [hash, index + 1, offset, length]
 * side by side in one Int32Array, and the keys' characters live in one flat
 * Uint16Array, so a lookup touches two cache lines, and two different ids
 * are never merged (the characters are compared, not only the hash).
 */
export class StringIndex {
  private table: Int32Array; // 4 ints per slot; index + 1 = 0 means empty
  private mask: number; // slot count − 1
  private chars: Uint16Array;
  private used = 0;
  readonly keys: string[] = [];

  constructor(capacity = 1 << 16) {
    let slots = 1024;
    while (slots < capacity * 2) slots *= 2;
    this.table = new Int32Array(slots * 4);
    this.mask = slots - 1;
    this.chars = new Uint16Array(Math.max(1024, capacity * 8));
  }

  get size(): number {
    return this.keys.length;
  }

  /** The index of `key`, adding it when new. */
  intern(key: string): number {
    const hash = hashString(key);
    const at = this.probe(key, hash);
    const stored = this.table[at + 1]!;
    return stored === 0 ? this.insert(key, hash, at) : stored - 1;
  }

  /** The index of `key`, or -1. */
  get(key: string): number {
    return this.table[this.probe(key, hashString(key)) + 1]! - 1;
  }

  /** Offset of the slot holding `key`, or of the empty slot where it belongs. */
  private probe(key: string, hash: number): number {
    const table = this.table;
    let slot = hash & this.mask;
    for (;;) {
      const at = slot << 2;
      if (table[at + 1] === 0 || (table[at] === hash && this.sameChars(key, table[at + 2]!, table[at + 3]!))) return at;
      slot = (slot + 1) & this.mask;
    }
  }

  private sameChars(key: string, offset: number, length: number): boolean {
    if (length !== key.length) return false;
    const chars = this.chars;
    for (let j = 0; j < length; j++) if (chars[offset + j] !== key.charCodeAt(j)) return false;
    return true;
  }

  private insert(key: string, hash: number, at: number): number {
    const index = this.keys.length;
    if (this.used + key.length > this.chars.length) {
      const grown = new Uint16Array(Math.max(this.chars.length * 2, this.used + key.length));
      grown.set(this.chars);
      this.chars = grown;
    }
    for (let j = 0; j < key.length; j++) this.chars[this.used + j] = key.charCodeAt(j);
    this.table[at] = hash;
    this.table[at + 1] = index + 1;
    this.table[at + 2] = this.used;
    this.table[at + 3] = key.length;
    this.used += key.length;
    this.keys.push(key);
    if (this.keys.length * 2 > this.mask + 1) this.grow();
    return index;
  }

  private grow(): void {
    const old = this.table;
    const slots = (this.mask + 1) * 2;
    this.table = new Int32Array(slots * 4);
    this.mask = slots - 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at + 1] === 0) continue;
      let slot = old[at]! & this.mask;
      while (this.table[(slot << 2) + 1] !== 0) slot = (slot + 1) & this.mask;
      this.table.set(old.subarray(at, at + 4), slot << 2);
    }
  }
}

/** FNV-1a with a final avalanche (murmur3 fmix32), so low bits index well. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
