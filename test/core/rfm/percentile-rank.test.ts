import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { midRankFromBest, percentileRanks } from '../../../core/rfm/percentile-rank.js';

describe('percentileRanks', () => {
  it('ranks worst 0, best 100, ties at their mean rank', () => {
    expect(Array.from(percentileRanks(new Float64Array([10, 20, 20, 40])))).toEqual([0, 50, 50, 100]);
    expect(Array.from(percentileRanks(new Float64Array([10, 20, 20, 40]), 'lower-better'))).toEqual([100, 50, 50, 0]);
  });

  it('keeps NaN, ranks one value 50 and folds -0 into 0', () => {
    expect(Array.from(percentileRanks(new Float64Array([Number.NaN, 7])))).toEqual([Number.NaN, 50]);
    expect(Array.from(percentileRanks(new Float64Array([-0, 0, 1])))).toEqual([25, 25, 100]);
  });

  it('property: ranks in 0..100, order-preserving, equal values equal ranks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 2, maxLength: 40 }), (list) => {
        const values = Float64Array.from(list);
        const ranks = percentileRanks(values);
        for (let a = 0; a < list.length; a++) {
          expect(ranks[a]).toBeGreaterThanOrEqual(0);
          expect(ranks[a]).toBeLessThanOrEqual(100);
          for (let b = 0; b < list.length; b++) {
            if (list[a]! > list[b]!) expect(ranks[a]).toBeGreaterThan(ranks[b]!);
            if (list[a] === list[b]) expect(ranks[a]).toBe(ranks[b]);
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('midRankFromBest', () => {
  it('gives twice the mid-rank position counted from the best', () => {
    const { twice, n } = midRankFromBest(new Float64Array([5, 9, 9, Number.NaN]));
    expect(n).toBe(3);
    // 9, 9 share (0 + 0.5) → twice 1; 5 has two better → twice 4; NaN → -1.
    expect(Array.from(twice)).toEqual([4, 1, 1, -1]);
  });
});
