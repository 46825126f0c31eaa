export interface LloydOptions {
  /** Most Lloyd iterations (sklearn `max_iter`). */
  readonly maxIter: number;
  /**
   * Absolute stop threshold on Σ‖centroid shift‖² of one iteration. sklearn
   * derives it from its relative `tol` as tol × mean(var(X, axis=0)); see
   * `scaledTolerance`.
   */
  readonly tolerance: number;
  /** Called after each assignment step with the inertia of the centroids that made it (non-increasing). */
  readonly onIteration?: (iteration: number, inertia: number) => void;
}

/** Why the iterations stopped: labels unchanged, centroid shift ≤ tolerance, or `maxIter` reached. */
export type LloydStop = 'labels-stable' | 'centroid-shift' | 'max-iterations';

export interface LloydResult {
  /** Cluster 0..k−1 of each row. */
  readonly labels: Int32Array;
  /** Row-major `k × dimensions` final centroids. */
  readonly centroids: Float64Array;
  /** Σ squared Euclidean distance of each row to its centroid. */
  readonly inertia: number;
  readonly iterations: number;
  readonly stop: LloydStop;
  /** Empty clusters moved to a far point (see `lloyd`). */
  readonly relocations: number;
}

/**
 * sklearn's absolute tolerance for relative `tol`: tol × the mean over
 * columns of the population variance (`_tolerance`).
 * @example scaledTolerance(new Float64Array([0, 2, 0, 4]), 2, 1e-4) === 5e-5
 */
export function scaledTolerance(values: Float64Array, dimensions: number, tol: number): number {
  if (tol === 0) return 0;
  const n = values.length / dimensions;
  let total = 0;
  for (let j = 0; j < dimensions; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[i * dimensions + j]!;
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const deviation = values[i * dimensions + j]! - mean;
      squares += deviation * deviation;
    }
    total += squares / n;
  }
  return (total / dimensions) * tol;
}

/**
 * Lloyd's k-means from given centroids, iteration for iteration as
 * scikit-learn's `_kmeans_single_lloyd` (algorithm='lloyd'):
 * 1. assign each row to its nearest centroid (the first one on a tie);
 * 2. new centroid = mean of its rows; an empty cluster is relocated as
 *    sklearn's `_relocate_empty_clusters_dense` does: the m empty clusters
 *    take the m rows farthest from their assigned centroid (farthest first,
 *    lower row first on a tie), each row's contribution moving from its
 *    old cluster to the empty one (its label is fixed by the next
 *    assignment); when every row sits on its centroid nothing moves;
 * 3. stop when no label changed ("strict convergence"), or Σ‖shift‖² ≤
 *    `tolerance`, or after `maxIter`; in the last two cases rows are
 *    assigned once more to the final centroids, so labels and centroids
 *    agree.
 * One deviation, reachable only with k above the number of distinct rows:
 * an empty cluster that cannot be relocated keeps its previous centroid
 * (sklearn moves it to the origin). As in sklearn, only a strict
 * convergence guarantees every cluster keeps a row: after a stop on the
 * tolerance or `maxIter`, the final assignment may (rarely) empty one.
 *
 * Cost: O(n·k·d) per iteration over flat arrays, no per-row allocation;
 * `labels` may be passed in to reuse a buffer of n rows. (Hamerly's
 * bounds were tried: on skewed RFM data 15–30% of rows still need a full
 * scan each iteration, and the per-row bookkeeping made it slower than
 * this loop at d = 3, k ≤ 8.)
 * @example lloyd(new Float64Array([0, 1, 10, 11]), 1, new Float64Array([0, 10]), { maxIter: 10, tolerance: 0 }).inertia === 1
 */
export function lloyd(
  values: Float64Array,
  dimensions: number,
  initialCentroids: Float64Array,
  options: LloydOptions,
  labels?: Int32Array,
): LloydResult {
  const d = dimensions;
  const n = values.length / d;
  const k = initialCentroids.length / d;
  let centroids = Float64Array.from(initialCentroids);
  let next = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const out = labels && labels.length >= n ? labels.subarray(0, n) : new Int32Array(n);
  out.fill(-1);
  let stop: LloydStop = 'max-iterations';
  let iterations = 0,
    relocations = 0;
  for (let iteration = 0; iteration < options.maxIter; iteration++) {
    iterations = iteration + 1;
    next.fill(0);
    counts.fill(0);
    const { changed, inertia } = assign(values, d, centroids, k, out, next, counts);
    options.onIteration?.(iteration, inertia);
    relocations += relocateEmptyClusters(values, d, centroids, next, counts, out);
    let shift = 0;
    for (let c = 0; c < k; c++) {
      const weight = counts[c]!;
      for (let j = 0; j < d; j++) {
        const at = c * d + j;
        const updated = weight > 0 ? next[at]! / weight : centroids[at]!;
        next[at] = updated;
        const diff = updated - centroids[at]!;
        shift += diff * diff;
      }
    }
    [centroids, next] = [next, centroids];
    if (changed === 0) {
      stop = 'labels-stable';
      break;
    }
    if (shift <= options.tolerance) {
      stop = 'centroid-shift';
      break;
    }
  }
  if (stop !== 'labels-stable') assign(values, d, centroids, k, out, undefined, undefined);
  return { labels: out, centroids, inertia: inertiaOf(values, d, centroids, out), iterations, stop, relocations };
}

/**
 * Assigns every row to its nearest centroid, counting label changes; with
 * `sums`/`counts`, also accumulates each cluster's coordinate sums. Returns
 * Σ of the nearest squared distances (the inertia of `centroids`).
 */
function assign(
  values: Float64Array,
  d: number,
  centroids: Float64Array,
  k: number,
  labels: Int32Array,
  sums: Float64Array | undefined,
  counts: Float64Array | undefined,
): { changed: number; inertia: number } {
  const n = labels.length;
  let changed = 0,
    inertia = 0;
  if (d === 3) {
    // The RFM case, unrolled: about twice as fast as the general loop.
    for (let i = 0; i < n; i++) {
      const x0 = values[3 * i]!,
        x1 = values[3 * i + 1]!,
        x2 = values[3 * i + 2]!;
      let best = 0,
        bestDistance = Infinity;
      for (let c = 0; c < k; c++) {
        const e0 = x0 - centroids[3 * c]!,
          e1 = x1 - centroids[3 * c + 1]!,
          e2 = x2 - centroids[3 * c + 2]!;
        const s = e0 * e0 + e1 * e1 + e2 * e2;
        if (s < bestDistance) {
          bestDistance = s;
          best = c;
        }
      }
      if (labels[i] !== best) {
        labels[i] = best;
        changed++;
      }
      inertia += bestDistance;
      if (sums && counts) {
        counts[best]!++;
        sums[3 * best]! += x0;
        sums[3 * best + 1]! += x1;
        sums[3 * best + 2]! += x2;
      }
    }
    return { changed, inertia };
  }
  for (let i = 0; i < n; i++) {
    const row = i * d;
    let best = 0,
      bestDistance = Infinity;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const e = values[row + j]! - centroids[c * d + j]!;
        s += e * e;
      }
      if (s < bestDistance) {
        bestDistance = s;
        best = c;
      }
    }
    if (labels[i] !== best) {
      labels[i] = best;
      changed++;
    }
    inertia += bestDistance;
    if (sums && counts) {
      counts[best]!++;
      for (let j = 0; j < d; j++) sums[best * d + j]! += values[row + j]!;
    }
  }
  return { changed, inertia };
}

/**
 * sklearn's `_relocate_empty_clusters_dense`: each empty cluster takes one of
 * the rows farthest from their assigned centroid. Works on the coordinate
 * sums before averaging. Returns how many clusters were relocated.
 */
function relocateEmptyClusters(
  values: Float64Array,
  d: number,
  centroids: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
  labels: Int32Array,
): number {
  const k = counts.length;
  let empty = 0;
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty++;
  if (empty === 0) return 0;
  // The `empty` farthest rows, kept sorted farthest first (a tiny insertion list, no n-sized buffer).
  const farRows = new Int32Array(empty).fill(-1);
  const farDistances = new Float64Array(empty).fill(-1);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const e = values[i * d + j]! - centroids[c * d + j]!;
      s += e * e;
    }
    if (s <= farDistances[empty - 1]!) continue;
    let at = empty - 1;
    while (at > 0 && farDistances[at - 1]! < s) {
      farDistances[at] = farDistances[at - 1]!;
      farRows[at] = farRows[at - 1]!;
      at--;
    }
    farDistances[at] = s;
    farRows[at] = i;
  }
  if (farDistances[0]! <= 0) return 0;
  let taken = 0;
  for (let c = 0; c < k && taken < empty; c++) {
    if (counts[c] !== 0) continue;
    const row = farRows[taken++]!;
    const old = labels[row]!;
    for (let j = 0; j < d; j++) {
      const x = values[row * d + j]!;
      sums[old * d + j]! -= x;
      sums[c * d + j] = x;
    }
    counts[c] = 1;
    counts[old]!--;
  }
  return taken;
}

/**
 * Σ squared distance of each row to its labelled centroid.
 * @example inertiaOf(new Float64Array([0, 2]), 1, new Float64Array([1]), new Int32Array([0, 0])) === 2
 */
export function inertiaOf(
  values: Float64Array,
  dimensions: number,
  centroids: Float64Array,
  labels: ArrayLike<number>,
): number {
  const d = dimensions;
  const n = values.length / d;
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    for (let j = 0; j < d; j++) {
      const e = values[i * d + j]! - centroids[c * d + j]!;
      inertia += e * e;
    }
  }
  return inertia;
}
