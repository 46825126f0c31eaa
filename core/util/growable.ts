type TypedArray = Int32Array | Float64Array | Uint32Array;
type Ctor<T extends TypedArray> = new (length: number) => T;

/**
 * A typed-array column that grows by doubling: rows are appended at
 * amortised O(1) without boxing, for tables of tens of millions of rows.
 */
export class GrowableColumn<T extends TypedArray> {
  data: T;
  length = 0;
  constructor(
    private readonly ctor: Ctor<T>,
    capacity = 1024,
  ) {
    this.data = new ctor(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = value;
  }

  private grow(): void {
    const next = new this.ctor(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }

  /** The filled part (a view, not a copy). */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

/** 32-bit FNV-1a of a string, continuing from `hash`. */
export function fnv1a(text: string, hash = 0x811c9dc5): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
