import fc from 'fast-check';
import { kmeans as mlKmeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';
import { inertiaOf, lloyd, runKMeans, scaledTolerance } from '../../../core/kmeans/index.js';
import { createRng } from '../../../core/random/create-rng.js';
import { loadGolden, toRows } from './golden-fixtures.js';

// Two obvious clusters of three points each in 3-D.
const SIX = new Float64Array([0, 0, 0, 1, 0, 0, 0, 1, 0, 10, 10, 10, 11, 10, 10, 10, 11, 10]);

describe('lloyd: small exact cases', () => {
  it('finds the two obvious clusters, their centroids and inertia', () => {
    const result = lloyd(SIX, 3, new Float64Array([0, 0, 0, 10, 10, 10]), { maxIter: 300, tolerance: 0 });
    expect(Array.from(result.labels)).toEqual([0, 0, 0, 1, 1, 1]);
    const expected = [1 / 3, 1 / 3, 0, 31 / 3, 31 / 3, 10];
    result.centroids.forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 14));
    // Each cluster: (1/9 + 1/9) + (4/9 + 1/9) + (1/9 + 4/9) = 4/3.
    expect(result.inertia).toBeCloseTo(8 / 3, 14);
    expect(result.stop).toBe('labels-stable');
    expect(result.iterations).toBe(2);
  });

  it('relocates an empty cluster to the farthest point (two identical initial centroids)', () => {
    const result = lloyd(SIX, 3, new Float64Array([0, 0, 0, 0, 0, 0]), { maxIter: 300, tolerance: 0 });
    expect(result.relocations).toBeGreaterThan(0);
    expect(Array.from(result.labels)).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('keeps labels consistent with the final centroids after a stop on maxIter', () => {
    const result = lloyd(SIX, 3, new Float64Array([0, 0, 0, 1, 0, 0]), { maxIter: 1, tolerance: 0 });
    expect(result.stop).toBe('max-iterations');
    expect(result.inertia).toBeCloseTo(inertiaOf(SIX, 3, result.centroids, result.labels), 12);
    // One step: centroids (0, ½, 0) and (8, 7.75, 7.5); the final assignment moves (1, 0, 0) to the first.
    expect(Array.from(result.centroids)).toEqual([0, 0.5, 0, 8, 7.75, 7.5]);
    expect(Array.from(result.labels)).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('scales tol by the mean column variance, as sklearn', () => {
    // Column variances 1 and 4 → mean 2.5.
    expect(scaledTolerance(new Float64Array([0, 0, 2, 4]), 2, 1e-4)).toBeCloseTo(2.5e-4, 18);
    expect(scaledTolerance(SIX, 3, 0)).toBe(0);
  });

  it('keeps the restart with the lowest inertia', () => {
    const one = runKMeans(SIX, 3, 2, { restarts: 1, maxIter: 300, tol: 1e-4, rng: createRng(3) });
    const ten = runKMeans(SIX, 3, 2, { restarts: 10, maxIter: 300, tol: 1e-4, rng: createRng(3) });
    expect(ten.inertia).toBeLessThanOrEqual(one.inertia);
    expect(ten.inertia).toBeCloseTo(8 / 3, 12);
    expect(() => runKMeans(SIX, 3, 7, { restarts: 1, maxIter: 300, tol: 1e-4, rng: createRng(3) })).toThrow(RangeError);
  });
});

describe('cross-check with ml-kmeans (same initial centroids → same labels)', () => {
  const cases = [loadGolden('blobs-3x300'), loadGolden('rfm-2000')].flatMap((golden) =>
    golden.runs.filter((run) => !run.note).map((run) => ({ name: `${golden.name} k = ${run.k}`, golden, run })),
  );
  it.each(cases)('$name', ({ golden, run }) => {
    // Both iterate to the Lloyd fixed point: ml-kmeans stops when no centroid moves (tolerance 0).
    const ours = lloyd(Float64Array.from(golden.standardized), golden.columns, Float64Array.from(run.init), {
      maxIter: 1000,
      tolerance: 0,
    });
    const theirs = mlKmeans(toRows(golden.standardized, golden.columns), run.k, {
      initialization: toRows(run.init, golden.columns),
      maxIterations: 1000,
      tolerance: 0,
    });
    expect(ours.stop).toBe('labels-stable');
    expect(Array.from(ours.labels)).toEqual(theirs.clusters);
  });
});

/** Small data sets with whole-number coordinates (duplicates and ties included). */
const dataSets = fc
  .record({ n: fc.integer({ min: 2, max: 40 }), d: fc.integer({ min: 1, max: 4 }), seed: fc.integer() })
  .chain(({ n, d, seed }) =>
    fc.record({
      values: fc.array(fc.integer({ min: -20, max: 20 }), { minLength: n * d, maxLength: n * d }),
      d: fc.constant(d),
      seed: fc.constant(seed),
      k: fc.integer({ min: 1, max: Math.min(6, n) }),
    }),
  );

function distinctRows(values: readonly number[], d: number): number {
  return new Set(Array.from({ length: values.length / d }, (_, i) => values.slice(i * d, (i + 1) * d).join(','))).size;
}

describe('lloyd properties', () => {
  it('labels in range, inertia non-increasing over iterations, no empty cluster at convergence, same seed ⇒ same result', () => {
    fc.assert(
      fc.property(dataSets, ({ values, d, seed, k }) => {
        const X = Float64Array.from(values);
        const options = { restarts: 2, maxIter: 1000, tol: 0, rng: createRng(seed) };
        const run = runKMeans(X, d, k, options);
        expect(run.labels.every((c) => c >= 0 && c < k)).toBe(true);
        if (k <= distinctRows(values, d)) {
          // tol 0 still stops when no centroid moves (sklearn: shift ≤ tol), e.g. right after seeding on distinct points.
          expect(run.stop).not.toBe('max-iterations');
          const sizes = new Array<number>(k).fill(0);
          for (const c of run.labels) sizes[c]!++;
          expect(sizes.every((s) => s > 0)).toBe(true);
        }
        const inertias: number[] = [];
        lloyd(X, d, X.slice(0, k * d), {
          maxIter: 1000,
          tolerance: 0,
          onIteration: (_, inertia) => inertias.push(inertia),
        });
        for (let i = 1; i < inertias.length; i++)
          expect(inertias[i]!).toBeLessThanOrEqual(inertias[i - 1]! * (1 + 1e-12) + 1e-12);
        const again = runKMeans(X, d, k, { ...options, rng: createRng(seed) });
        expect(Array.from(again.labels)).toEqual(Array.from(run.labels));
        expect(again.inertia).toBe(run.inertia);
      }),
      { numRuns: 60, seed: 20261201 },
    );
  });
});
