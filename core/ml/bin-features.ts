import type { Rng } from '../random/create-rng.js';

/** sklearn's cap on bin edges, so that +Infinity values still bin and serialise. */
const ALMOST_INF = 1e300;

/**
 * Bin edges of one feature, as sklearn's `_find_binning_thresholds` (1.2):
 * with at most `maxBins` distinct non-missing values, the midpoints between
 * consecutive ones; otherwise the `maxBins − 1` inner percentiles of the
 * values by numpy's "midpoint" method (duplicates kept: empty bins are
 * harmless). A value v falls in bin b when edges[b − 1] < v ≤ edges[b].
 * `values` may hold NaN (ignored); it is not modified.
 * @example findBinEdges(Float64Array.of(3, 1, 2, NaN, 2), 255) // [1.5, 2.5]
 */
export function findBinEdges(values: Float64Array, maxBins: number): number[] {
  let finite = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) finite++;
  const sorted = new Float64Array(finite);
  for (let i = 0, j = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) sorted[j++] = values[i]!;
  sorted.sort();
  const distinct: number[] = [];
  for (let i = 0; i < finite && distinct.length <= maxBins; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
  const edges: number[] = [];
  if (distinct.length <= maxBins) {
    for (let i = 1; i < distinct.length; i++) edges.push((distinct[i - 1]! + distinct[i]!) * 0.5);
  } else {
    // np.percentile(x, np.linspace(0, 100, maxBins + 1)[1:-1], method="midpoint"), step by step so the floats match.
    const step = 100 / maxBins;
    for (let i = 1; i < maxBins; i++) {
      const virtualIndex = (finite - 1) * ((i * step) / 100);
      const lower = Math.floor(virtualIndex);
      if (virtualIndex >= finite - 1) edges.push(sorted[finite - 1]!);
      else if (virtualIndex === lower) edges.push(sorted[lower]!);
      else {
        const a = sorted[lower]!,
          b = sorted[lower + 1]!;
        edges.push(b - (b - a) * 0.5); // numpy's _lerp at t = ½
      }
    }
  }
  for (let i = 0; i < edges.length; i++) if (edges[i]! > ALMOST_INF) edges[i] = ALMOST_INF;
  return edges;
}

/** The bin of `value` among `edges` (the number of edges below it); NaN → `missingBin`. */
export function binOf(value: number, edges: ArrayLike<number>, missingBin: number): number {
  if (Number.isNaN(value)) return missingBin;
  let left = 0,
    right = edges.length;
  while (left < right) {
    const middle = (left + right) >>> 1;
    if (value <= edges[middle]!) right = middle;
    else left = middle + 1;
  }
  return left;
}

/** Features binned for training: column-major bytes and what the split search needs per feature. */
export interface BinnedFeatures {
  /** `binned[r * cols + f]`: the bin of row r's feature f (row-major: a row's bins share a cache line, see build-histograms.ts). */
  readonly binned: Uint8Array;
  /** The same bins column-major, `columns[f * rows + r]`: a split reads one feature of many rows, 64 rows a cache line. */
  readonly columns: Uint8Array;
  readonly rows: number;
  readonly cols: number;
  /** Bins that hold values (edges + 1) per feature; the missing bin comes after all of them. */
  readonly nonMissingBins: Int32Array;
  /** 1 when some training row has NaN in the feature. */
  readonly hasMissing: Uint8Array;
  /** The bin index of NaN (= maxBins, as sklearn's n_bins − 1). */
  readonly missingBin: number;
}

/**
 * Bin edges per feature from `rowIndices` of a row-major matrix, from a
 * seeded subsample of them when there are more than `subsample` (sklearn
 * draws 200,000 rows without replacement, too).
 */
export function findFeatureEdges(
  features: Float64Array,
  cols: number,
  rowIndices: Uint32Array,
  maxBins: number,
  subsample: number,
  rng: Rng,
): number[][] {
  let rows = rowIndices;
  if (rows.length > subsample) {
    // Partial Fisher–Yates: the first `subsample` slots become a uniform draw without replacement.
    const shuffled = Uint32Array.from(rowIndices);
    for (let i = 0; i < subsample; i++) {
      const j = i + Math.floor(rng.next() * (shuffled.length - i));
      const t = shuffled[i]!;
      shuffled[i] = shuffled[j]!;
      shuffled[j] = t;
    }
    rows = shuffled.subarray(0, subsample);
  }
  const column = new Float64Array(rows.length);
  const edges: number[][] = [];
  for (let f = 0; f < cols; f++) {
    for (let i = 0; i < rows.length; i++) column[i] = features[rows[i]! * cols + f]!;
    edges.push(findBinEdges(column, maxBins));
  }
  return edges;
}

/** Bins `rowIndices` of a row-major matrix into byte matrices (row- and column-major) with the given edges. */
export function binFeatures(
  features: Float64Array,
  cols: number,
  rowIndices: Uint32Array,
  edges: readonly (readonly number[])[],
  maxBins: number,
): BinnedFeatures {
  const rows = rowIndices.length;
  const binned = new Uint8Array(rows * cols);
  const columns = new Uint8Array(rows * cols);
  const nonMissingBins = new Int32Array(cols);
  const hasMissing = new Uint8Array(cols);
  for (let f = 0; f < cols; f++) {
    const featureEdges = Float64Array.from(edges[f]!);
    nonMissingBins[f] = featureEdges.length + 1;
    let missing = 0;
    for (let i = 0; i < rows; i++) {
      const bin = binOf(features[rowIndices[i]! * cols + f]!, featureEdges, maxBins);
      if (bin === maxBins) missing = 1;
      binned[i * cols + f] = bin;
      columns[f * rows + i] = bin;
    }
    hasMissing[f] = missing;
  }
  return { binned, columns, rows, cols, nonMissingBins, hasMissing, missingBin: maxBins };
}
