import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flagAmountOutliers, quantileSorted } from '../../../core/clean/flag-amount-outliers.js';
import type { CustomerFeatures } from '../../../core/features/customer-features.js';
import type { CellIssue } from '../../../core/report/cell-issue.js';
import { IssueLog } from '../../../core/report/issue-log.js';

/** CustomerFeatures with only ids, first rows and spend filled in (the outlier rule reads nothing else). */
function withSpend(monetary: readonly number[]): CustomerFeatures {
  const n = monetary.length;
  const nan = (): Float64Array => new Float64Array(n).fill(Number.NaN);
  return {
    count: n,
    ids: monetary.map((_, i) => `C${String(i + 1).padStart(3, '0')}`),
    firstRow: Int32Array.from(monetary, (_, i) => i + 2),
    asOfDay: Number.NaN,
    asOfSource: 'none',
    recencyDays: nan(),
    frequency: nan(),
    monetary: Float64Array.from(monetary),
    frequency6m: nan(),
    amount6m: nan(),
    windowFrequency: nan(),
    windowMonetary: nan(),
    averageOrderValue: nan(),
    tenureDays: nan(),
    firstPurchaseDay: nan(),
    lastPurchaseDay: nan(),
    behaviour: {},
    attributes: {},
  };
}

const run = (monetary: readonly number[]): { fence: number; issues: readonly CellIssue[] } => {
  const log = new IssueLog(100);
  const fence = flagAmountOutliers(withSpend(monetary), log, '累计消费(元)');
  return { fence, issues: log.toReport().issues };
};

describe('quantileSorted (numpy linear interpolation)', () => {
  it('matches hand-computed numpy.percentile values', () => {
    const s = new Float64Array([10, 20, 30, 40, 50, 1000]);
    expect(quantileSorted(s, 0.25)).toBe(22.5); // position 1.25 → 20 + 0.25 × 10
    expect(quantileSorted(s, 0.75)).toBe(47.5); // position 3.75 → 40 + 0.75 × 10
    expect(quantileSorted(s, 0.5)).toBe(35);
    expect(quantileSorted(new Float64Array([1, 2, 3, 4]), 0.5)).toBe(2.5);
    expect(quantileSorted(new Float64Array([100, 200, 300, 400, 10000]), 0.25)).toBe(200);
  });

  it('returns the ends for q = 0 and 1, the value for one element, NaN for none', () => {
    const s = new Float64Array([3, 5, 9]);
    expect(quantileSorted(s, 0)).toBe(3);
    expect(quantileSorted(s, 1)).toBe(9);
    expect(quantileSorted(new Float64Array([7]), 0.75)).toBe(7);
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
  });

  it('lies between its neighbours and grows with q (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, a, b) => {
          const s = Float64Array.from(xs).sort();
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(quantileSorted(s, lo)).toBeLessThanOrEqual(quantileSorted(s, hi) + 1e-9);
          expect(quantileSorted(s, lo)).toBeGreaterThanOrEqual(s[0]!);
          expect(quantileSorted(s, hi)).toBeLessThanOrEqual(s[s.length - 1]!);
        },
      ),
    );
  });
});

describe('flagAmountOutliers (SPEC §3 amount-outlier, Q3 + 3×IQR)', () => {
  it('flags spend above the fence: 5 customers checked by hand', () => {
    // Sorted 100 200 300 400 10000: Q1 = 200, Q3 = 400, IQR = 200, fence = 400 + 600 = 1000.
    const { fence, issues } = run([300, 10000, 100, 400, 200]);
    expect(fence).toBe(1000);
    expect(issues).toEqual([
      {
        code: 'amount-outlier',
        row: 3,
        column: '累计消费(元)',
        value: '10,000',
        message:
          'Customer C002: spend 10,000 is above Q3 + 3×IQR (1,000); kept, please verify before treating as high value.',
      },
    ]);
  });

  it('uses interpolated quartiles and a strict fence', () => {
    // Q1 = 22.5, Q3 = 47.5, IQR = 25, fence = 47.5 + 75 = 122.5.
    expect(run([10, 20, 30, 40, 50, 1000]).fence).toBe(122.5);
    expect(run([10, 20, 30, 40, 50, 1000]).issues.map((i) => i.value)).toEqual(['1,000']);
    // Exactly at the fence is kept unflagged: 100 200 300 400 1000 → fence 1000.
    expect(run([100, 200, 300, 400, 1000])).toEqual({ fence: 1000, issues: [] });
  });

  it('formats amounts with at most two decimals in the message', () => {
    const { fence, issues } = run([1, 2, 3, 4, 12345.678]);
    expect(fence).toBe(10);
    expect(issues[0]!.message).toMatchInlineSnapshot(
      `"Customer C005: spend 12,345.68 is above Q3 + 3×IQR (10); kept, please verify before treating as high value."`,
    );
  });

  it('ignores missing spend and needs at least four values', () => {
    expect(run([1, 2, 1000])).toEqual({ fence: Number.NaN, issues: [] });
    expect(run([Number.NaN, 1, 2, Number.NaN, 1000])).toEqual({ fence: Number.NaN, issues: [] });
    const { fence, issues } = run([Number.NaN, 100, 200, 300, 400, 10000]);
    expect(fence).toBe(1000);
    expect(issues.map((i) => i.row)).toEqual([7]);
  });

  it('flags nothing when the fence is not positive (most customers spent nothing)', () => {
    expect(run([0, 0, 0, 0, 0, 0, 0, 500])).toEqual({ fence: 0, issues: [] });
  });

  it('never changes the spend it checks', () => {
    const features = withSpend([300, 10000, 100, 400, 200]);
    const before = Array.from(features.monetary);
    flagAmountOutliers(features, new IssueLog(10), 'spend');
    expect(Array.from(features.monetary)).toEqual(before);
  });

  it('flags exactly the values above the returned fence (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e7 }), { minLength: 4, maxLength: 60 }), (xs) => {
        const { fence, issues } = run(xs);
        const expected =
          fence > 0
            ? xs
                .map((x, i) => [x, i + 2] as const)
                .filter(([x]) => x > fence)
                .map(([, row]) => row)
            : [];
        expect(issues.map((i) => i.row)).toEqual(expected);
      }),
    );
  });
});
