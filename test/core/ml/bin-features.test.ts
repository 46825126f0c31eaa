import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binFeatures, binOf, findBinEdges } from '../../../core/ml/bin-features.js';

describe('findBinEdges', () => {
  it('few distinct values: midpoints between them, NaN ignored', () => {
    expect(findBinEdges(Float64Array.of(5, 1, 1, Number.NaN, 3), 255)).toEqual([2, 4]);
    expect(findBinEdges(Float64Array.of(7, 7, 7), 255)).toEqual([]);
    expect(findBinEdges(Float64Array.of(Number.NaN), 255)).toEqual([]);
  });

  it('more distinct values than bins: numpy percentile "midpoint" (0..9 in 4 bins → 25/50/75th = 2.5, 4.5, 6.5)', () => {
    // virtual index (n − 1)·q = 2.25, 4.5, 6.75: between two values numpy takes their mean.
    expect(
      findBinEdges(
        Float64Array.from({ length: 10 }, (_, i) => i),
        4,
      ),
    ).toEqual([2.5, 4.5, 6.5]);
    // n = 5, q = ¼, ½, ¾: virtual index 1, 2, 3 are whole, so the values themselves.
    expect(findBinEdges(Float64Array.of(0, 10, 20, 30, 40), 4)).toEqual([10, 20, 30]);
  });

  it('caps +Infinity at sklearn ALMOST_INF so edges stay finite JSON', () => {
    expect(findBinEdges(Float64Array.of(1, Number.POSITIVE_INFINITY), 255)).toEqual([1e300]);
  });

  it('property: at most maxBins − 1 edges, sorted, and every value lands in a bin consistent with the edges', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 2, max: 255 }),
        (values, maxBins) => {
          const edges = findBinEdges(Float64Array.from(values), maxBins);
          expect(edges.length).toBeLessThanOrEqual(maxBins - 1);
          for (let i = 1; i < edges.length; i++) expect(edges[i]!).toBeGreaterThanOrEqual(edges[i - 1]!);
          for (const v of values) {
            const bin = binOf(v, edges, maxBins);
            if (bin > 0) expect(v).toBeGreaterThan(edges[bin - 1]!);
            if (bin < edges.length) expect(v).toBeLessThanOrEqual(edges[bin]!);
          }
        },
      ),
    );
  });
});

describe('binFeatures', () => {
  it('row- and column-major bytes agree; NaN goes to the missing bin and is flagged per feature', () => {
    const features = Float64Array.of(1, Number.NaN, 2, 5, 3, 6); // 3 rows × 2 cols
    const binned = binFeatures(features, 2, Uint32Array.of(0, 1, 2), [[1.5, 2.5], [5.5]], 255);
    expect(Array.from(binned.binned)).toEqual([0, 255, 1, 0, 2, 1]);
    expect(Array.from(binned.columns)).toEqual([0, 1, 2, 255, 0, 1]);
    expect(Array.from(binned.nonMissingBins)).toEqual([3, 2]);
    expect(Array.from(binned.hasMissing)).toEqual([0, 1]);
  });
});
