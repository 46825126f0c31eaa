import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleSpotCheck } from '../../../core/clean/sample-spot-check.js';

describe('sampleSpotCheck (SPEC §3 spot check)', () => {
  it('samples round(n × share) rows: 10% of 100 is 10', () => {
    expect(sampleSpotCheck(100, 0.1, 42)).toHaveLength(10);
    expect(sampleSpotCheck(25, 0.1, 1)).toHaveLength(3); // round(2.5) = 3
    expect(sampleSpotCheck(14, 0.1, 1)).toHaveLength(1); // round(1.4) = 1
    expect(sampleSpotCheck(4, 0.1, 1)).toHaveLength(0); // round(0.4) = 0
  });

  it('is deterministic for a seed and different for another seed', () => {
    const a = Array.from(sampleSpotCheck(100, 0.1, 42));
    expect(Array.from(sampleSpotCheck(100, 0.1, 42))).toEqual(a);
    expect(Array.from(sampleSpotCheck(100, 0.1, 43))).not.toEqual(a);
    expect(Array.from(sampleSpotCheck(1000, 0.1, 7))).not.toEqual(Array.from(sampleSpotCheck(1000, 0.1, 8)));
  });

  it('returns nothing for an empty table or a zero share', () => {
    expect(sampleSpotCheck(0, 0.1, 1)).toEqual(new Int32Array(0));
    expect(sampleSpotCheck(0, 1, 1)).toEqual(new Int32Array(0));
    expect(sampleSpotCheck(50, 0, 1)).toEqual(new Int32Array(0));
  });

  it('returns every row for share 1 (and never more than n)', () => {
    expect(Array.from(sampleSpotCheck(5, 1, 1))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(sampleSpotCheck(5, 2, 1))).toEqual([0, 1, 2, 3, 4]);
  });

  it('returns sorted, distinct indices in 0..n-1 (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        (n, share, seed) => {
          const sample = Array.from(sampleSpotCheck(n, share, seed));
          expect(sample).toHaveLength(Math.min(n, Math.round(n * share)));
          expect(new Set(sample).size).toBe(sample.length);
          for (let i = 1; i < sample.length; i++) expect(sample[i]!).toBeGreaterThan(sample[i - 1]!);
          for (const index of sample) {
            expect(index).toBeGreaterThanOrEqual(0);
            expect(index).toBeLessThan(n);
          }
          expect(Array.from(sampleSpotCheck(n, share, seed))).toEqual(sample);
        },
      ),
    );
  });

  it('picks every row about equally often over many seeds', () => {
    const hits = new Array<number>(20).fill(0);
    for (let seed = 0; seed < 2000; seed++) for (const i of sampleSpotCheck(20, 0.25, seed)) hits[i]!++;
    // 2,000 draws of 5 from 20: each row expected 500 times (sd ≈ 19).
    for (const h of hits) expect(Math.abs(h - 500)).toBeLessThan(100);
  });
});
