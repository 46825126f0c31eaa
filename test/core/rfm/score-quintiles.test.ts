import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreQuintiles } from '../../../core/rfm/score-quintiles.js';

const scores = (values: readonly number[], direction: 'higher-better' | 'lower-better' = 'higher-better'): number[] =>
  Array.from(scoreQuintiles(new Float64Array(values), direction).scores);

describe('scoreQuintiles: exact cases', () => {
  it('gives five distinct values one score each (the JSDoc example)', () => {
    expect(scores([1, 2, 3, 4, 5])).toEqual([1, 2, 3, 4, 5]);
    expect(scores([50, 10, 40, 20, 30])).toEqual([5, 1, 4, 2, 3]);
  });

  it('splits ten distinct values two per score', () => {
    expect(scores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('splits seven distinct values as the documented rule says: 1 | 2 3 | 4 | 5 6 | 7', () => {
    // Fair share = unscored ÷ scores left; close a score when adding the next
    // block overshoots the share by more than leaving it out undershoots.
    // score 1: share 7/5 = 1.4; {1} + {2} overshoots by 0.6 > 0.4 → close at {1}
    // score 2: share 6/4 = 1.5; {2,3} overshoots by 0.5, not > 0.5 → keep; + {4} → close at {2,3}
    // score 3: share 4/3 ≈ 1.33; {4} + {5} overshoots 0.67 > 0.33 → close at {4}
    // score 4: share 3/2 = 1.5; {5,6} ties → keep; then one block left for one score → must close
    // score 5: {7}
    const r = scoreQuintiles(new Float64Array([1, 2, 3, 4, 5, 6, 7]), 'higher-better');
    expect(Array.from(r.scores)).toEqual([1, 2, 2, 3, 4, 4, 5]);
    expect(r.bins.map((b) => b.count)).toEqual([1, 2, 1, 2, 1]);
  });

  it('gives a heavy tie score 1 alone and spreads the rest over 2–5', () => {
    // 100 customers: 60 bought once, 5 each bought 2..9 times.
    const values = [...Array<number>(60).fill(1), ...[2, 3, 4, 5, 6, 7, 8, 9].flatMap((v) => Array<number>(5).fill(v))];
    const r = scoreQuintiles(new Float64Array(values), 'higher-better');
    const s = Array.from(r.scores);
    expect(new Set(s.slice(0, 60))).toEqual(new Set([1]));
    expect(r.bins).toEqual([
      { score: 1, min: 1, max: 1, count: 60 },
      { score: 2, min: 2, max: 3, count: 10 },
      { score: 3, min: 4, max: 5, count: 10 },
      { score: 4, min: 6, max: 7, count: 10 },
      { score: 5, min: 8, max: 9, count: 10 },
    ]);
    expect(r.distinctValues).toBe(9);
  });

  it('keeps scores 2–5 non-empty for any heavy tie at the bottom', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 30 }), fc.integer({ min: 0, max: 1000 }), (k, seed) => {
        // 60 ones and 40 values spread over 2..k (each of 2..5 at least once).
        const rest = Array.from({ length: 40 }, (_, i) => (i < k - 1 ? i + 2 : 2 + ((i * 7 + seed) % (k - 1))));
        const s = scores([...Array<number>(60).fill(1), ...rest]);
        expect(new Set(s.slice(0, 60))).toEqual(new Set([1]));
        for (const score of [2, 3, 4, 5]) expect(s.slice(60)).toContain(score);
      }),
    );
  });

  it('spreads fewer than five distinct values over the scale', () => {
    expect(scores([1, 2])).toEqual([1, 5]);
    expect(scores([2, 1, 2])).toEqual([5, 1, 5]);
    expect(scores([1, 2, 3])).toEqual([1, 3, 5]);
    expect(scores([1, 2, 3, 4])).toEqual([1, 2, 4, 5]);
    expect(scores([4, 4, 1, 3, 2, 1])).toEqual([5, 5, 1, 4, 2, 1]);
  });

  it('gives everyone 3 when all values are equal', () => {
    const r = scoreQuintiles(new Float64Array([7, 7, 7]), 'higher-better');
    expect(Array.from(r.scores)).toEqual([3, 3, 3]);
    expect(r.bins).toEqual([{ score: 3, min: 7, max: 7, count: 3 }]);
    expect(r.distinctValues).toBe(1);
  });

  it('scores a missing value (NaN) 0 and leaves it out of the bins', () => {
    const r = scoreQuintiles(new Float64Array([Number.NaN, 1, Number.NaN]), 'higher-better');
    expect(Array.from(r.scores)).toEqual([0, 3, 0]);
    expect(r.bins).toEqual([{ score: 3, min: 1, max: 1, count: 1 }]);
    expect(scores([Number.NaN, 1, 2, 3, 4, 5])).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('handles empty and all-missing input', () => {
    expect(scoreQuintiles(new Float64Array(0), 'higher-better')).toEqual({
      scores: new Uint8Array(0),
      bins: [],
      distinctValues: 0,
    });
    expect(scoreQuintiles(new Float64Array([Number.NaN, Number.NaN]), 'lower-better')).toEqual({
      scores: new Uint8Array(2),
      bins: [],
      distinctValues: 0,
    });
  });

  it('reverses for lower-better (recency: fewer days = 5) and reports bins in original units', () => {
    const r = scoreQuintiles(new Float64Array([10, 20, 30, 40, 50]), 'lower-better');
    expect(Array.from(r.scores)).toEqual([5, 4, 3, 2, 1]);
    expect(r.bins).toEqual([
      { score: 1, min: 50, max: 50, count: 1 },
      { score: 2, min: 40, max: 40, count: 1 },
      { score: 3, min: 30, max: 30, count: 1 },
      { score: 4, min: 20, max: 20, count: 1 },
      { score: 5, min: 10, max: 10, count: 1 },
    ]);
    expect(scores([1, 1, 2], 'lower-better')).toEqual([5, 5, 1]);
    expect(scores([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 'lower-better')).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('treats -0 and 0 as one value in both directions', () => {
    expect(scores([-0, 0, 1, 2, 3, 4])).toEqual([1, 1, 2, 3, 4, 5]);
    expect(scores([-0, 0, 1, 2, 3, 4], 'lower-better')).toEqual([5, 5, 4, 3, 2, 1]);
  });

  it('agrees with its bins for infinite values', () => {
    expect(scores([Infinity])).toEqual([3]);
    expect(scores([-Infinity], 'lower-better')).toEqual([3]);
    expect(scores([1, Infinity])).toEqual([1, 5]);
    expect(scores([-Infinity, 1, 2, 3, Infinity])).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('scoreQuintiles: properties', () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
  const tied = fc.integer({ min: 0, max: 6 });
  const values = fc.oneof(
    fc.array(finite, { maxLength: 60 }),
    fc.array(tied, { maxLength: 60 }),
    fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 200 }),
  );
  const withMissing = fc.array(fc.option(fc.integer({ min: -20, max: 20 }), { nil: Number.NaN, freq: 5 }), {
    maxLength: 80,
  });
  const direction = fc.constantFrom('higher-better' as const, 'lower-better' as const);

  it('scores every value: 1..5 when finite, 0 when NaN, one score per input', () => {
    fc.assert(
      fc.property(fc.oneof(values, withMissing), direction, (xs, dir) => {
        const r = scoreQuintiles(new Float64Array(xs), dir);
        expect(r.scores).toHaveLength(xs.length);
        xs.forEach((x, i) => {
          if (Number.isNaN(x)) expect(r.scores[i]).toBe(0);
          else expect([1, 2, 3, 4, 5]).toContain(r.scores[i]);
        });
      }),
    );
  });

  it('gives equal values equal scores and is monotone in the direction', () => {
    fc.assert(
      fc.property(fc.oneof(values, withMissing), direction, (xs, dir) => {
        const s = scoreQuintiles(new Float64Array(xs), dir).scores;
        const idx = xs.map((_, i) => i).filter((i) => !Number.isNaN(xs[i]!));
        for (const i of idx) {
          for (const j of idx) {
            const a = xs[i]!,
              b = xs[j]!;
            if (a === b) expect(s[i]).toBe(s[j]);
            if (a <= b) expect(dir === 'higher-better' ? s[i]! <= s[j]! : s[i]! >= s[j]!).toBe(true);
          }
        }
      }),
    );
  });

  it('leaves no score empty with five or more distinct values', () => {
    fc.assert(
      fc.property(fc.oneof(values, withMissing), direction, (xs, dir) => {
        const r = scoreQuintiles(new Float64Array(xs), dir);
        const distinct = new Set(xs.filter((x) => !Number.isNaN(x)).map((x) => x + 0)).size;
        expect(r.distinctValues).toBe(distinct);
        if (distinct >= 5) expect(r.bins.map((b) => b.score)).toEqual([1, 2, 3, 4, 5]);
        else expect(r.bins).toHaveLength(distinct);
      }),
    );
  });

  it('reports bins that count every finite value, in score order, with min ≤ max and the right members', () => {
    fc.assert(
      fc.property(fc.oneof(values, withMissing), direction, (xs, dir) => {
        const r = scoreQuintiles(new Float64Array(xs), dir);
        const finiteCount = xs.filter((x) => !Number.isNaN(x)).length;
        expect(r.bins.reduce((sum, b) => sum + b.count, 0)).toBe(finiteCount);
        for (let b = 1; b < r.bins.length; b++) expect(r.bins[b]!.score).toBeGreaterThan(r.bins[b - 1]!.score);
        for (const bin of r.bins) {
          expect(bin.min).toBeLessThanOrEqual(bin.max);
          const members = xs.filter((_, i) => r.scores[i] === bin.score);
          expect(members).toHaveLength(bin.count);
          expect(Math.min(...members) + 0).toBe(bin.min + 0); // + 0: -0 and 0 are one value
          expect(Math.max(...members) + 0).toBe(bin.max + 0);
        }
      }),
    );
  });

  it('splits distinct values (no ties) into equal fifths when the count is a multiple of 5', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), direction, (per, dir) => {
        const xs = Array.from({ length: 5 * per }, (_, i) => i * 3 + 1);
        const counts = scoreQuintiles(new Float64Array(xs), dir).bins.map((b) => b.count);
        expect(counts).toEqual([per, per, per, per, per]);
      }),
    );
  });

  it('does not depend on the input order', () => {
    fc.assert(
      fc.property(values, direction, fc.integer(), (xs, dir, seed) => {
        const order = xs
          .map((_, i) => i)
          .sort((a, b) => ((a * 2654435761 + seed) % 97) - ((b * 2654435761 + seed) % 97));
        const s = scoreQuintiles(new Float64Array(xs), dir).scores;
        const t = scoreQuintiles(new Float64Array(order.map((i) => xs[i]!)), dir).scores;
        order.forEach((i, k) => expect(t[k]).toBe(s[i]));
      }),
    );
  });
});
