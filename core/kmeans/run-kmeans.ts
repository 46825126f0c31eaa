import type { Rng } from '../random/create-rng.js';
import { lloyd, scaledTolerance, type LloydResult } from './lloyd.js';
import { seedPlusPlus } from './seed-plus-plus.js';

export interface KMeansRunOptions {
  /** k-means++ restarts; the run with the lowest inertia wins (sklearn `n_init`). */
  readonly restarts: number;
  readonly maxIter: number;
  /** Relative tolerance, scaled by the data's mean column variance as sklearn does. */
  readonly tol: number;
  /** Source of the k-means++ draws. */
  readonly rng: Rng;
  /** Given initial centroids (row-major k × d) instead of k-means++; then `restarts` must be 1. */
  readonly init?: Float64Array;
}

export interface KMeansRun extends LloydResult {
  readonly k: number;
  /** 0-based restart that won. */
  readonly restart: number;
  /** The absolute tolerance used (tol × mean column variance). */
  readonly tolerance: number;
}

/**
 * k-means on a row-major matrix: `restarts` × (k-means++ seeding + Lloyd),
 * keeping the lowest inertia (the first on a tie), as sklearn's
 * KMeans(init='k-means++', n_init=restarts, algorithm='lloyd'). Two label
 * buffers of n rows are reused across restarts.
 * @throws RangeError when k is not in 1..rows, or `init` has the wrong size or comes with restarts > 1.
 * @example runKMeans(new Float64Array([0, 1, 10, 11]), 1, 2, { restarts: 2, maxIter: 300, tol: 1e-4, rng: createRng(42) }).inertia === 1
 */
export function runKMeans(values: Float64Array, dimensions: number, k: number, options: KMeansRunOptions): KMeansRun {
  const n = values.length / dimensions;
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new RangeError(`k-means: k must be a whole number in 1..${n} (the rows), got ${k}`);
  if (options.init && (options.init.length !== k * dimensions || options.restarts !== 1))
    throw new RangeError(`k-means: initial centroids must be ${k} × ${dimensions} values with one restart`);
  const tolerance = scaledTolerance(values, dimensions, options.tol);
  let best: LloydResult | undefined;
  let bestRestart = 0;
  let spare: Int32Array = new Int32Array(n);
  for (let restart = 0; restart < options.restarts; restart++) {
    const init = options.init ?? seedPlusPlus(values, dimensions, k, options.rng).centroids;
    const result = lloyd(values, dimensions, init, { maxIter: options.maxIter, tolerance }, spare);
    if (best === undefined || result.inertia < best.inertia) {
      // The loser's labels become the next restart's scratch buffer.
      spare = best?.labels ?? new Int32Array(n);
      best = result;
      bestRestart = restart;
    }
  }
  return { ...best!, k, restart: bestRestart, tolerance };
}
