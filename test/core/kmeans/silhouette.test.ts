import { describe, expect, it } from 'vitest';
import { silhouette, stratifiedSample } from '../../../core/kmeans/index.js';
import { createRng } from '../../../core/random/create-rng.js';
import { loadGolden } from './golden-fixtures.js';

const options = { sampleSize: 10_000, rng: createRng(1) };

describe('silhouette: small exact cases', () => {
  it('computes (b − a) / max(a, b) per point and averages', () => {
    // 0 and 11: a = 1, b = 10.5 → 19/21; 1 and 10: a = 1, b = 9.5 → 17/19.
    const result = silhouette(new Float64Array([0, 1, 10, 11]), 1, new Int32Array([0, 0, 1, 1]), 2, options);
    expect(result.score).toBeCloseTo((19 / 21 + 17 / 19) / 2, 15);
    expect(Array.from(result.perCluster)).toEqual(
      [(19 / 21 + 17 / 19) / 2, (17 / 19 + 19 / 21) / 2].map((x) => expect.closeTo(x, 15)),
    );
    expect(result.exact).toBe(true);
  });

  it('gives 0 to a point alone in its cluster (sklearn)', () => {
    // Point 10 alone: s = 0; 0 and 1: a = 1, b = 10 and 9.
    const result = silhouette(new Float64Array([0, 1, 10]), 1, new Int32Array([0, 0, 1]), 2, options);
    expect(result.perCluster[1]).toBe(0);
    expect(result.score).toBeCloseTo((9 / 10 + 8 / 9 + 0) / 3, 15);
  });

  it('gives 0 when a = b = 0 (identical points in different clusters)', () => {
    const result = silhouette(new Float64Array([5, 5, 5, 5]), 1, new Int32Array([0, 0, 1, 1]), 2, options);
    expect(result.score).toBe(0);
  });

  it('is undefined (null) with one cluster, or as many clusters as points', () => {
    expect(silhouette(new Float64Array([0, 1, 2]), 1, new Int32Array([0, 0, 0]), 1, options).score).toBeNull();
    expect(silhouette(new Float64Array([0, 1, 2]), 1, new Int32Array([0, 0, 0]), 3, options).score).toBeNull();
    expect(silhouette(new Float64Array([0, 1]), 1, new Int32Array([0, 1]), 2, options).score).toBeNull();
  });
});

describe('silhouette on a stratified sample', () => {
  const golden = loadGolden('rfm-2000');
  const X = Float64Array.from(golden.standardized);
  const run = golden.runs.find((r) => r.k === 4)!;
  const labels = Int32Array.from(run.labels);

  it('stays close to the exact value, is deterministic, and scores exactly sampleSize rows', () => {
    const sampled = silhouette(X, 3, labels, 4, { sampleSize: 500, rng: createRng(7) });
    expect(sampled.exact).toBe(false);
    expect(sampled.scored).toBe(500);
    expect(Math.abs(sampled.score! - run.silhouette!)).toBeLessThan(0.03);
    const again = silhouette(X, 3, labels, 4, { sampleSize: 500, rng: createRng(7) });
    expect(again.score).toBe(sampled.score);
  });

  it('samples each cluster in proportion (largest remainder), at least 2 per cluster, rows ascending and distinct', () => {
    const sample = stratifiedSample(labels, 4, 500, createRng(3));
    expect(sample.length).toBe(500);
    for (let i = 1; i < sample.length; i++) expect(sample[i]!).toBeGreaterThan(sample[i - 1]!);
    const sizes = [0, 0, 0, 0],
      taken = [0, 0, 0, 0];
    for (const c of labels) sizes[c]!++;
    for (const i of sample) taken[labels[i]!]!++;
    sizes.forEach((size, c) => expect(Math.abs(taken[c]! - (500 * size) / 2000)).toBeLessThan(1));
    // A cluster of 1 in 1,000 still gets its point; a tiny one gets 2.
    const skewed = Int32Array.from({ length: 1000 }, (_, i) => (i === 500 ? 2 : i < 3 ? 1 : 0));
    const picked = stratifiedSample(skewed, 3, 100, createRng(1));
    expect(picked.length).toBe(100);
    expect(Array.from(picked).filter((i) => skewed[i] === 1).length).toBe(2);
    expect(Array.from(picked)).toContain(500);
  });
});
