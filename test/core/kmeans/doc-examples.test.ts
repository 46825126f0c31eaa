import { describe, expect, it } from 'vitest';
import {
  clusterNoteMessage,
  inertiaOf,
  lloyd,
  resolveClusterOptions,
  runKMeans,
  scaledTolerance,
  seedPlusPlus,
  silhouette,
  standardize,
  stratifiedSample,
  unstandardize,
} from '../../../core/kmeans/index.js';
import { createRng } from '../../../core/random/create-rng.js';

// The @example of each exported function in core/kmeans, run as written.
describe('core/kmeans JSDoc examples', () => {
  it('hold', () => {
    expect(scaledTolerance(new Float64Array([0, 2, 0, 4]), 2, 1e-4)).toBe(5e-5);
    expect(
      lloyd(new Float64Array([0, 1, 10, 11]), 1, new Float64Array([0, 10]), { maxIter: 10, tolerance: 0 }).inertia,
    ).toBe(1);
    expect(
      runKMeans(new Float64Array([0, 1, 10, 11]), 1, 2, { restarts: 2, maxIter: 300, tol: 1e-4, rng: createRng(42) })
        .inertia,
    ).toBe(1);
    expect(inertiaOf(new Float64Array([0, 2]), 1, new Float64Array([1]), new Int32Array([0, 0]))).toBe(2);
    expect(Array.from(standardize([new Float64Array([1, 2, 3])]).values)).toEqual(
      [-Math.sqrt(1.5), 0, Math.sqrt(1.5)].map((x) => expect.closeTo(x, 15)),
    );
    expect(unstandardize(new Float64Array([0]), standardize([new Float64Array([1, 3])]))[0]).toBe(2);
    expect(seedPlusPlus(new Float64Array([0, 0, 10, 10]), 2, 2, createRng(1)).indices.length).toBe(2);
    expect(
      silhouette(new Float64Array([0, 1, 10, 11]), 1, new Int32Array([0, 0, 1, 1]), 2, {
        sampleSize: 10,
        rng: createRng(1),
      }).score,
    ).toBeCloseTo(0.9, 2);
    expect(stratifiedSample(new Int32Array([0, 0, 0, 1]), 2, 2, createRng(1)).length).toBe(2);
    expect(clusterNoteMessage({ code: 'k-above-guard', params: { k: 7 } }, 'en').startsWith('K = 7 is above 6')).toBe(
      true,
    );
    expect(resolveClusterOptions({ k: 4 }).restarts).toBe(10);
  });
});
