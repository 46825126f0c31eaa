import { sortByLabel } from '../ml/sort-by-label.js';

/**
 * A non-decreasing step function from score to probability: scores ≥
 * `starts[j]` (and below `starts[j + 1]`) map to `values[j]`.
 */
export interface IsotonicMap {
  readonly starts: Float64Array;
  readonly values: Float64Array;
}

/**
 * Isotonic regression of 0/1 labels on scores by pool-adjacent-violators
 * (Zadrozny & Elkan 2002): turns any ranking score into a probability
 * without assuming a shape, and keeps the ranking (so AUC is unchanged up
 * to ties). Equal scores share one block.
 * @example applyIsotonic(fitIsotonic([1, 2, 3, 4], [0, 1, 0, 1]), [3]) // [0.5]
 */
export function fitIsotonic(scores: ArrayLike<number>, labels: ArrayLike<number>): IsotonicMap {
  const n = scores.length;
  // Positives' and negatives' scores sorted apart, merged into blocks of equal scores.
  const { positives: pos, negatives: neg } = sortByLabel(scores, labels);
  const start = new Float64Array(n),
    sum = new Float64Array(n),
    weight = new Float64Array(n);
  let blocks = 0;
  let p = 0,
    q = 0;
  while (p < pos.length || q < neg.length) {
    const s = Math.min(
      p < pos.length ? pos[p]! : Number.POSITIVE_INFINITY,
      q < neg.length ? neg[q]! : Number.POSITIVE_INFINITY,
    );
    let y = 0,
      w = 0;
    while (p < pos.length && pos[p] === s) {
      y++;
      w++;
      p++;
    }
    while (q < neg.length && neg[q] === s) {
      w++;
      q++;
    }
    if (w === 0) break; // only NaN scores remain (sorted last): they get no block
    start[blocks] = s;
    sum[blocks] = y;
    weight[blocks] = w;
    blocks++;
    while (blocks > 1 && sum[blocks - 2]! / weight[blocks - 2]! >= sum[blocks - 1]! / weight[blocks - 1]!) {
      sum[blocks - 2]! += sum[blocks - 1]!;
      weight[blocks - 2]! += weight[blocks - 1]!;
      blocks--;
    }
  }
  const values = new Float64Array(blocks);
  for (let j = 0; j < blocks; j++) values[j] = sum[j]! / weight[j]!;
  return { starts: start.slice(0, blocks), values };
}

/**
 * The calibrated probability of each score (below the first block: its value).
 * @example applyIsotonic({ starts: Float64Array.of(0, 5), values: Float64Array.of(0.1, 0.8) }, [7]) // [0.8]
 */
export function applyIsotonic(map: IsotonicMap, scores: ArrayLike<number>): Float64Array {
  const out = new Float64Array(scores.length);
  const { starts, values } = map;
  if (values.length === 0) return out.fill(Number.NaN);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    let lo = 0,
      hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= s) lo = mid;
      else hi = mid - 1;
    }
    out[i] = values[lo]!;
  }
  return out;
}
