import { describe, expect, it } from 'vitest';
import { lloyd, runKMeans, scaledTolerance, silhouette, standardize } from '../../../core/kmeans/index.js';
import { createRng } from '../../../core/random/create-rng.js';
import { loadGolden } from './golden-fixtures.js';

const GOLDEN = [loadGolden('blobs-3x300'), loadGolden('rfm-2000')];

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);

describe.each(GOLDEN)('agreement with scikit-learn on $name', (golden) => {
  const X = Float64Array.from(golden.standardized);

  it('standardizes as StandardScaler (population std, log1p money)', () => {
    const columns = Array.from({ length: golden.columns }, (_, j) =>
      Float64Array.from({ length: golden.rows }, (_, i) => golden.raw[i * golden.columns + j]!),
    );
    const z = standardize(columns, { log1p: golden.logColumns });
    for (let j = 0; j < golden.columns; j++) {
      expect(relative(z.means[j]!, golden.mean[j]!)).toBeLessThan(1e-12);
      expect(relative(z.stds[j]!, golden.scale[j]!)).toBeLessThan(1e-12);
    }
    let worst = 0;
    for (let i = 0; i < X.length; i++) worst = Math.max(worst, Math.abs(z.values[i]! - X[i]!));
    expect(worst).toBeLessThan(1e-12);
    expect(relative(scaledTolerance(X, golden.columns, golden.tol), golden.tolerance)).toBeLessThan(1e-12);
  });

  it.each(golden.runs.map((run) => ({ ...run, label: `k = ${run.k}${run.note ? ` (${run.note})` : ''}` })))(
    '$label: same labels, inertia within 1e-6, silhouette within 1e-9',
    (run) => {
      const result = lloyd(X, golden.columns, Float64Array.from(run.init), {
        maxIter: golden.maxIter,
        tolerance: golden.tolerance,
      });
      expect(Array.from(result.labels)).toEqual(run.labels);
      expect(result.iterations).toBe(run.nIter);
      expect(relative(result.inertia, run.inertia)).toBeLessThan(1e-6);
      for (let i = 0; i < run.centers.length; i++)
        expect(Math.abs(result.centroids[i]! - run.centers[i]!)).toBeLessThan(1e-9);
      if (run.note) expect(result.relocations).toBeGreaterThan(0);
      // Through the restart wrapper with given centroids: the same answer.
      const wrapped = runKMeans(X, golden.columns, run.k, {
        restarts: 1,
        maxIter: golden.maxIter,
        tol: golden.tol,
        rng: createRng(1),
        init: Float64Array.from(run.init),
      });
      expect(wrapped.inertia).toBe(result.inertia);
      const scored = silhouette(X, golden.columns, result.labels, run.k, { sampleSize: 10_000, rng: createRng(1) });
      expect(scored.exact).toBe(true);
      expect(scored.score).not.toBeNull();
      expect(Math.abs(scored.score! - run.silhouette!)).toBeLessThan(1e-9);
    },
  );
});
