/**
 * Median of `values[start, end)` (NaN when empty; the mean of the two middle
 * values for an even count). Reorders that range in place: callers pass a
 * scratch buffer. Quickselect with a three-way partition, so columns full of
 * equal values (purchase counts) stay linear; after 2·log2(n) + 8 rounds it
 * falls back to a sort, so the worst case is O(n log n), never O(n²).
 */
export function selectMedian(values: Float64Array, start: number, end: number): number {
  const length = end - start;
  if (length <= 0) return Number.NaN;
  const mid = start + ((length - 1) >> 1);
  const lower = selectNth(values, start, end, mid);
  if (length % 2 === 1) return lower;
  // Everything right of `mid` is ≥ lower after the selection: the upper middle is their minimum.
  let upper = Infinity;
  for (let i = mid + 1; i < end; i++) if (values[i]! < upper) upper = values[i]!;
  return (lower + upper) / 2;
}

/** Puts the value of rank `k` (0-based, absolute index) at `k`, smaller ones left, larger right; returns it. */
function selectNth(values: Float64Array, start: number, end: number, k: number): number {
  let lo = start,
    hi = end - 1;
  let budget = 2 * Math.ceil(Math.log2(end - start + 1)) + 8;
  while (lo < hi) {
    if (budget-- === 0) {
      values.subarray(lo, hi + 1).sort();
      return values[k]!;
    }
    const pivot = medianOfThree(values[lo]!, values[lo + ((hi - lo) >> 1)]!, values[hi]!);
    // Dijkstra's three-way partition: [lo, lt) < pivot, [lt, i) = pivot, (gt, hi] > pivot.
    let lt = lo,
      i = lo,
      gt = hi;
    while (i <= gt) {
      const v = values[i]!;
      if (v < pivot) {
        values[i] = values[lt]!;
        values[lt] = v;
        lt++;
        i++;
      } else if (v > pivot) {
        values[i] = values[gt]!;
        values[gt] = v;
        gt--;
      } else {
        i++;
      }
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return values[k]!;
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}
