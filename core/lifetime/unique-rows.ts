/**
 * Collapses identical rows into weighted unique rows before fitting or
 * scoring: CDNOW-like data (whole days, many one-time buyers) has far fewer
 * distinct (x, t_x, T) than customers, and every likelihood term depends on
 * the row only. Also groups the distinct x values, so the log-gamma and
 * digamma terms (which depend on x and the parameters only) are computed
 * once per x instead of once per customer.
 */
export interface UniqueRows {
  /** Number of unique rows. */
  readonly count: number;
  /** Columns of the unique rows (as many as the key has). */
  readonly columns: readonly Float64Array[];
  /** Customers (or summed weights) per unique row. */
  readonly weight: Float64Array;
  readonly totalWeight: number;
  /** Unique row of each input row. */
  readonly rowOf: Int32Array;
  /** Distinct values of the first column (x), their index per unique row and their summed weights. */
  readonly distinctX: Float64Array;
  readonly xIndex: Int32Array;
  readonly xWeight: Float64Array;
}

/**
 * Unique rows of the given columns (compared exactly, so −0 and 0 may stay
 * apart, which costs a row, never a wrong answer), in order of first
 * appearance, with optional per-row weights. Open addressing on typed
 * arrays over the columns' raw bits: no per-row objects or string keys.
 * @example uniqueRows([[0, 2, 0], [0, 5, 0], [10, 10, 10]]).weight // [2, 1]
 */
export function uniqueRows(keys: readonly ArrayLike<number>[], weights?: ArrayLike<number>): UniqueRows {
  const columns = keys.map((key) => (key instanceof Float64Array ? key : Float64Array.from(key)));
  const n = columns[0]!.length;
  // Collapsing pays when rows repeat (whole-day data: typically a quarter
  // unique or less); past a third unique, stop looking and keep the rows.
  const { count, rowOf, firstRow } = uniqueIndex(columns, Math.max(1024, n / 3)) ?? identityIndex(n);
  const weight = new Float64Array(count);
  let totalWeight = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    weight[rowOf[i]!]! += w;
    totalWeight += w;
  }
  const uniqueColumns = columns.map((column) => {
    if (count === n) return column.slice();
    const out = new Float64Array(count);
    for (let u = 0; u < count; u++) out[u] = column[firstRow[u]!]!;
    return out;
  });
  const x = uniqueIndex([uniqueColumns[0]!])!;
  const distinctX = new Float64Array(x.count);
  const xWeight = new Float64Array(x.count);
  for (let k = 0; k < x.count; k++) distinctX[k] = uniqueColumns[0]![x.firstRow[k]!]!;
  for (let u = 0; u < count; u++) xWeight[x.rowOf[u]!]! += weight[u]!;
  return { count, columns: uniqueColumns, weight, totalWeight, rowOf, distinctX, xIndex: x.rowOf, xWeight };
}

/**
 * The unique-row index of up to three Float64Array columns: `rowOf[i]` is
 * row i's unique row, `firstRow[u]` the first row of unique row u. Gives up
 * (undefined) once more than `maxCount` unique rows are found, so callers
 * can skip collapsing data that barely repeats (continuous times).
 * @example uniqueIndex([Float64Array.of(3, 1, 3)])!.rowOf // [0, 1, 0]
 */
export function uniqueIndex(
  columns: readonly Float64Array[],
  maxCount = Infinity,
): { count: number; rowOf: Int32Array; firstRow: Int32Array } | undefined {
  const n = columns[0]!.length;
  const width = columns.length;
  const bits = columns.map((c) => new Int32Array(c.buffer, c.byteOffset, c.length * 2));
  const b0 = bits[0]!,
    b1 = bits[1] ?? b0,
    b2 = bits[2] ?? b0;
  const c0 = columns[0]!,
    c1 = columns[1] ?? c0,
    c2 = columns[2] ?? c0;
  if (width > 3) throw new RangeError('uniqueIndex takes at most three columns');
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size); // unique row + 1; 0 = empty (no fill pass)
  const rowOf = new Int32Array(n);
  const firstRow = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const lo = 2 * i,
      hi = lo + 1;
    // Multiplicative mixing of the six 32-bit words (murmur3-style finalizer).
    let h = Math.imul(b0[lo]! ^ Math.imul(b0[hi]!, 0x9e3779b1), 0x85ebca6b);
    h = Math.imul(h ^ b1[lo]! ^ Math.imul(b1[hi]!, 0x27d4eb2f), 0xc2b2ae35);
    h = Math.imul(h ^ b2[lo]! ^ Math.imul(b2[hi]!, 0x165667b1), 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 13;
    let slot = h & mask;
    let u: number;
    while (true) {
      u = table[slot]! - 1;
      if (u < 0) {
        if (count >= maxCount) return undefined;
        u = count++;
        table[slot] = count;
        firstRow[u] = i;
        break;
      }
      const j = firstRow[u]!;
      if (c0[j] === c0[i] && c1[j] === c1[i] && c2[j] === c2[i]) break;
      slot = (slot + 1) & mask;
    }
    rowOf[i] = u;
  }
  return { count, rowOf, firstRow: firstRow.slice(0, count) };
}

function identityIndex(n: number): { count: number; rowOf: Int32Array; firstRow: Int32Array } {
  const rowOf = new Int32Array(n);
  for (let i = 0; i < n; i++) rowOf[i] = i;
  return { count: n, rowOf, firstRow: rowOf };
}
