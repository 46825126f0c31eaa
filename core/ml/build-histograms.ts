/**
 * Gradient histograms of a tree node: for every feature and bin, the sums of
 * the gradients and hessians of the node's rows in that bin and their count,
 * interleaved as [g, h, n] so one bin is one cache line's neighbour.
 * `hist[((f * binsPerFeature) + bin) * 3 + k]`.
 */
export const HISTOGRAM_FIELDS = 3;

/** Length of one node's histogram array. */
export function histogramLength(cols: number, binsPerFeature: number): number {
  return cols * binsPerFeature * HISTOGRAM_FIELDS;
}

/**
 * Fills `hist` (zeroed by the caller) from the node's rows `indices[start..stop)`.
 * The node's gradients are first gathered into `orderedGradients/Hessians`
 * (sklearn does the same) so the per-feature passes read them in order.
 * When the node holds every row in order (`identity`), rows are read directly.
 */
export function buildHistograms(
  hist: Float64Array,
  binned: Uint8Array,
  rows: number,
  cols: number,
  binsPerFeature: number,
  gradients: Float32Array,
  hessians: Float32Array,
  indices: Uint32Array,
  start: number,
  stop: number,
  identity: boolean,
  orderedGradients: Float32Array,
  orderedHessians: Float32Array,
): void {
  const n = stop - start;
  const stride = binsPerFeature * HISTOGRAM_FIELDS;
  if (identity) {
    for (let f = 0; f < cols; f++) {
      const base = f * rows, offset = f * stride;
      for (let i = 0; i < n; i++) {
        const o = offset + binned[base + i]! * HISTOGRAM_FIELDS;
        hist[o] = hist[o]! + gradients[i]!;
        hist[o + 1] = hist[o + 1]! + hessians[i]!;
        hist[o + 2] = hist[o + 2]! + 1;
      }
    }
    return;
  }
  for (let k = 0; k < n; k++) {
    const row = indices[start + k]!;
    orderedGradients[k] = gradients[row]!;
    orderedHessians[k] = hessians[row]!;
  }
  for (let f = 0; f < cols; f++) {
    const base = f * rows, offset = f * stride;
    for (let k = 0; k < n; k++) {
      const o = offset + binned[base + indices[start + k]!]! * HISTOGRAM_FIELDS;
      hist[o] = hist[o]! + orderedGradients[k]!;
      hist[o + 1] = hist[o + 1]! + orderedHessians[k]!;
      hist[o + 2] = hist[o + 2]! + 1;
    }
  }
}

/** The subtraction trick: a child's histogram is its parent's minus its sibling's (in place on the parent's array). */
export function subtractHistograms(parent: Float64Array, sibling: Float64Array): Float64Array {
  for (let i = 0; i < parent.length; i++) parent[i] = parent[i]! - sibling[i]!;
  return parent;
}
