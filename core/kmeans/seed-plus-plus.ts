import type { Rng } from '../random/create-rng.js';

export interface SeededCentroids {
  /** Row-major `k × dimensions` initial centroids (copies of data points). */
  readonly centroids: Float64Array;
  /** Row of the data point each centroid was copied from. */
  readonly indices: Int32Array;
}

/**
 * Greedy k-means++ seeding, step for step as scikit-learn's
 * `_kmeans_plusplus` (Arthur & Vassilvitskii 2007 with local trials):
 * the first centre is a uniform row; each further centre draws
 * `2 + ⌊ln k⌋` candidates with probability ∝ D(x)² (inverse CDF on the
 * cumulative sum of the closest squared distances, `searchsorted` left,
 * clipped to the last row) and keeps the candidate that leaves the smallest
 * potential Σ min(D(x)², d(x, candidate)²); ties keep the first candidate.
 * The uniform numbers come from our seeded `rng`, not numpy's, so the
 * centres differ from sklearn's for the same seed (its golden tests pass
 * initial centroids instead). O(n·d·trials) per centre, two n-sized buffers.
 * @example seedPlusPlus(new Float64Array([0, 0, 10, 10]), 2, 2, createRng(1)).indices.length === 2
 */
export function seedPlusPlus(
  values: Float64Array,
  dimensions: number,
  k: number,
  rng: Rng,
  localTrials = 2 + Math.floor(Math.log(k)),
): SeededCentroids {
  const d = dimensions;
  const n = values.length / d;
  const centroids = new Float64Array(k * d);
  const indices = new Int32Array(k).fill(-1);
  const closest = new Float64Array(n);
  const cumulative = new Float64Array(n);
  const candidates = new Int32Array(localTrials);

  const first = Math.min(n - 1, Math.floor(rng.next() * n));
  indices[0] = first;
  for (let j = 0; j < d; j++) centroids[j] = values[first * d + j]!;
  closest.fill(Infinity);
  let potential = closestWith(values, d, first, closest, true);

  for (let c = 1; c < k; c++) {
    let running = 0;
    for (let i = 0; i < n; i++) cumulative[i] = running += closest[i]!;
    for (let t = 0; t < localTrials; t++) candidates[t] = searchLeft(cumulative, rng.next() * potential);

    // Potential each candidate would leave; the winner's pass is repeated to update the distances.
    let best = 0,
      bestPotential = Infinity;
    for (let t = 0; t < localTrials; t++) {
      const p = closestWith(values, d, candidates[t]!, closest, false);
      if (p < bestPotential) {
        bestPotential = p;
        best = t;
      }
    }
    const chosen = candidates[best]!;
    potential = closestWith(values, d, chosen, closest, true);
    indices[c] = chosen;
    for (let j = 0; j < d; j++) centroids[c * d + j] = values[chosen * d + j]!;
  }
  return { centroids, indices };
}

/**
 * Σ min(closest[i], ‖x_i − x_at‖²): the potential if row `at` became a
 * centre; with `update`, also stores the minimum into `closest`.
 */
function closestWith(values: Float64Array, d: number, at: number, closest: Float64Array, update: boolean): number {
  const n = closest.length;
  let potential = 0;
  if (d === 3) {
    const c0 = values[3 * at]!,
      c1 = values[3 * at + 1]!,
      c2 = values[3 * at + 2]!;
    for (let i = 0; i < n; i++) {
      const e0 = values[3 * i]! - c0,
        e1 = values[3 * i + 1]! - c1,
        e2 = values[3 * i + 2]! - c2;
      const s = e0 * e0 + e1 * e1 + e2 * e2;
      const current = closest[i]!;
      const m = s < current ? s : current;
      if (update) closest[i] = m;
      potential += m;
    }
    return potential;
  }
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const e = values[i * d + j]! - values[at * d + j]!;
      s += e * e;
    }
    const current = closest[i]!;
    const m = s < current ? s : current;
    if (update) closest[i] = m;
    potential += m;
  }
  return potential;
}

/** numpy's searchsorted(side='left'): the first index whose value is ≥ `target`, clipped to the last index. */
function searchLeft(sorted: Float64Array, target: number): number {
  let lo = 0,
    hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, sorted.length - 1);
}
