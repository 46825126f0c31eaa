import type { Rng } from '../random/create-rng.js';

export interface SilhouetteOptions {
  /** Rows scored: all of them when n ≤ sampleSize, else a stratified sample of this size. */
  readonly sampleSize: number;
  /** Draws the sample (unused when every row is scored). */
  readonly rng: Rng;
}

export interface SilhouetteResult {
  /**
   * Mean silhouette over the scored rows, or null when undefined: fewer than
   * 2 clusters, or as many clusters as scored rows (sklearn raises there).
   */
  readonly score: number | null;
  /** Mean silhouette of each cluster's scored rows; NaN for a cluster with none scored. */
  readonly perCluster: Float64Array;
  /** Rows scored per cluster. */
  readonly scoredPerCluster: Int32Array;
  readonly scored: number;
  /** True when every row was scored (no sampling). */
  readonly exact: boolean;
}

/**
 * Silhouette coefficients (Rousseeuw 1987) with Euclidean distance, as
 * sklearn's `silhouette_score`: for row i in cluster A, a = mean distance
 * to the other rows of A, b = the smallest mean distance to the rows of
 * another cluster, s = (b − a) / max(a, b); s = 0 for a row alone in its
 * cluster and when a = b = 0 (sklearn's `nan_to_num`). The score is the mean
 * of s over the scored rows.
 *
 * Exact for n ≤ `sampleSize`; above it, scores a stratified sample of
 * `sampleSize` rows (see `stratifiedSample`) and computes a and b within the
 * sample, as sklearn's `sample_size` does with a plain random sample. Cost
 * O(m²·d) time for m scored rows and O(m·(d + k)) memory: never O(n²).
 * The scored rows are packed by cluster so each pair is computed once with
 * contiguous reads and writes.
 * @example silhouette(new Float64Array([0, 1, 10, 11]), 1, new Int32Array([0, 0, 1, 1]), 2, { sampleSize: 10, rng: createRng(1) }).score // 0.9
 */
export function silhouette(
  values: Float64Array,
  dimensions: number,
  labels: ArrayLike<number>,
  k: number,
  options: SilhouetteOptions,
): SilhouetteResult {
  const d = dimensions;
  const n = values.length / d;
  const exact = n <= options.sampleSize;
  const rows = exact ? null : stratifiedSample(labels, k, options.sampleSize, options.rng);
  const m = rows ? rows.length : n;
  const scoredPerCluster = new Int32Array(k);
  for (let r = 0; r < m; r++) scoredPerCluster[labels[rows ? rows[r]! : r]!]!++;
  let present = 0;
  for (let c = 0; c < k; c++) if (scoredPerCluster[c]! > 0) present++;
  const perCluster = new Float64Array(k).fill(Number.NaN);
  if (present < 2 || present > m - 1) return { score: null, perCluster, scoredPerCluster, scored: m, exact };

  // Pack the scored rows grouped by cluster (counting sort, stable): cluster c is rows start[c] .. start[c + 1] − 1.
  const start = new Int32Array(k + 1);
  for (let c = 0; c < k; c++) start[c + 1] = start[c]! + scoredPerCluster[c]!;
  const fill = start.slice(0, k);
  const points = new Float64Array(m * d);
  for (let r = 0; r < m; r++) {
    const i = rows ? rows[r]! : r;
    const at = fill[labels[i]!]!++;
    for (let j = 0; j < d; j++) points[at * d + j] = values[i * d + j]!;
  }
  // toCluster[c·m + p] = Σ distance from packed row p to the rows of cluster c. Each pair is computed once:
  // row p's sum towards q's cluster gathers in a register, q's sum towards p's cluster is one contiguous array.
  const toCluster = new Float64Array(k * m);
  for (let own = 0; own < k; own++) {
    const ownBase = own * m;
    for (let p = start[own]!; p < start[own + 1]!; p++) {
      for (let c = own; c < k; c++) {
        const from = c === own ? p + 1 : start[c]!;
        toCluster[c * m + p]! += sumDistances(points, d, p, from, start[c + 1]!, toCluster, ownBase);
      }
    }
  }

  const clusterTotals = new Float64Array(k);
  let total = 0;
  for (let own = 0; own < k; own++) {
    const size = scoredPerCluster[own]!;
    for (let p = start[own]!; p < start[own + 1]!; p++) {
      let s = 0;
      if (size > 1) {
        const a = toCluster[own * m + p]! / (size - 1);
        let b = Infinity;
        for (let c = 0; c < k; c++) {
          if (c === own || scoredPerCluster[c] === 0) continue;
          const mean = toCluster[c * m + p]! / scoredPerCluster[c]!;
          if (mean < b) b = mean;
        }
        const scale = Math.max(a, b);
        s = scale > 0 ? (b - a) / scale : 0;
      }
      clusterTotals[own]! += s;
    }
    total += clusterTotals[own]!;
    if (size > 0) perCluster[own] = clusterTotals[own]! / size;
  }
  return { score: total / m, perCluster, scoredPerCluster, scored: m, exact };
}

/**
 * Σ‖x_p − x_q‖ for q in [from, to), also adding each distance to
 * `sums[base + q]` (q's total towards p's cluster).
 */
function sumDistances(
  points: Float64Array,
  d: number,
  p: number,
  from: number,
  to: number,
  sums: Float64Array,
  base: number,
): number {
  let acc = 0;
  if (d === 3) {
    const x0 = points[3 * p]!,
      x1 = points[3 * p + 1]!,
      x2 = points[3 * p + 2]!;
    for (let q = from; q < to; q++) {
      const e0 = x0 - points[3 * q]!,
        e1 = x1 - points[3 * q + 1]!,
        e2 = x2 - points[3 * q + 2]!;
      const distance = Math.sqrt(e0 * e0 + e1 * e1 + e2 * e2);
      acc += distance;
      sums[base + q]! += distance;
    }
    return acc;
  }
  for (let q = from; q < to; q++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const e = points[p * d + j]! - points[q * d + j]!;
      s += e * e;
    }
    const distance = Math.sqrt(s);
    acc += distance;
    sums[base + q]! += distance;
  }
  return acc;
}

/**
 * A deterministic sample of `size` rows stratified by cluster: each cluster
 * gets its proportional quota (largest remainder, lower cluster first on a
 * tie), raised to min(2, its size) so every cluster has a silhouette, the
 * extra taken from the largest quotas; within a cluster, rows are drawn
 * uniformly without replacement by selection sampling (Knuth's Algorithm S)
 * in one pass. Returns ascending row indices; O(n) time, O(size + k) memory.
 * @example stratifiedSample(new Int32Array([0, 0, 0, 1]), 2, 2, createRng(1)).length === 2
 */
export function stratifiedSample(labels: ArrayLike<number>, k: number, size: number, rng: Rng): Int32Array {
  const n = labels.length;
  if (size >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const clusterSizes = new Float64Array(k);
  for (let i = 0; i < n; i++) clusterSizes[labels[i]!]!++;
  const quota = new Float64Array(k);
  const remainders: { c: number; r: number }[] = [];
  let given = 0;
  for (let c = 0; c < k; c++) {
    const exactShare = (size * clusterSizes[c]!) / n;
    quota[c] = Math.floor(exactShare);
    given += quota[c]!;
    remainders.push({ c, r: exactShare - quota[c]! });
  }
  remainders.sort((x, y) => y.r - x.r || x.c - y.c);
  for (let t = 0; given < size; t++, given++) quota[remainders[t]!.c]!++;
  for (let c = 0; c < k; c++) {
    const floor = Math.min(2, clusterSizes[c]!);
    while (quota[c]! < floor) {
      let largest = 0;
      for (let o = 1; o < k; o++) if (quota[o]! > quota[largest]!) largest = o;
      if (quota[largest]! <= 2) break;
      quota[largest]!--;
      quota[c]!++;
    }
  }
  let total = 0;
  for (let c = 0; c < k; c++) total += quota[c]!;
  const sample = new Int32Array(total);
  const remaining = Float64Array.from(clusterSizes);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    // Algorithm S: take this row with probability (still needed) / (still unseen) of its cluster.
    if (quota[c]! > 0 && rng.next() * remaining[c]! < quota[c]!) {
      sample[at++] = i;
      quota[c]!--;
    }
    remaining[c]!--;
  }
  return sample;
}
