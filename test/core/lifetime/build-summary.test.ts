import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildLifetimeSummary,
  checkRepeatData,
  LifetimeModelError,
  summaryFromColumns,
} from '../../../core/lifetime/index.js';
import { dayFromCivil } from '../../../core/parse/civil-day.js';
import { OptionsError } from '../../../core/segment/segment-options.js';
import { rawSummary, readReferenceSummary } from './cdnow.js';

/** Purchase days as the segmenter keeps them, from per-customer [day, amount] lists. */
function purchaseDays(customers: readonly (readonly [number, number])[][]) {
  const offsets = new Int32Array(customers.length + 1);
  customers.forEach((c, i) => (offsets[i + 1] = offsets[i]! + c.length));
  return {
    offsets,
    days: Int32Array.from(customers.flat(), ([d]) => d),
    amounts: Float64Array.from(customers.flat(), ([, a]) => a),
  };
}

describe('buildLifetimeSummary (hand-checked)', () => {
  const end = dayFromCivil(2024, 3, 31);
  const jan1 = dayFromCivil(2024, 1, 1);
  const days = purchaseDays([
    [
      [jan1, 10],
      [jan1 + 14, 20],
      [jan1 + 28, 30],
      [end, 5],
      [end + 1, 99],
      [end + 30, 7],
      [end + 31, 1],
    ], // A
    [[jan1 + 7, 40]], // B: one purchase
    [[end + 3, 15]], // C: first purchase after the calibration end
    [], // D: refunds only
  ]);
  const summary = buildLifetimeSummary(days, ['A', 'B', 'C', 'D'], {
    calibrationEndDay: end,
    observationEndDay: end + 30,
    unit: 'weeks',
  });

  it('counts repeat days, recency and age in weeks (T from the calibration end day itself)', () => {
    expect(summary.ids).toEqual(['A', 'B']);
    expect([...summary.frequency]).toEqual([3, 0]);
    // A: first 1 Jan, last calibration purchase 31 Mar = day 90 → t_x = 90/7, T = 90/7.
    expect([...summary.recency]).toEqual([90 / 7, 0]);
    expect([...summary.age]).toEqual([90 / 7, 83 / 7]);
    // mean of the repeat days (first day's 10 excluded): (20 + 30 + 5) / 3.
    expect(summary.monetaryValue[0]).toBeCloseTo(55 / 3, 12);
    expect(summary.monetaryValue[1]).toBe(0);
  });

  it('counts holdout days after the calibration end up to the observation end, inclusive', () => {
    expect([...summary.holdoutFrequency!]).toEqual([2, 0]);
    expect(summary.holdoutLength).toBeCloseTo(30 / 7, 12);
  });

  it('leaves out and counts customers first buying after the calibration end or never', () => {
    expect(summary.excludedAfterCalibration).toBe(1);
    expect(summary.excludedNoPurchase).toBe(1);
    expect([...summary.sourceIndex!]).toEqual([0, 1]);
  });

  it('works in days too', () => {
    const inDays = buildLifetimeSummary(days, ['A', 'B', 'C', 'D'], { calibrationEndDay: end });
    expect(inDays.unit).toBe('days');
    expect([...inDays.recency]).toEqual([90, 0]);
    expect(inDays.holdoutFrequency).toBeUndefined();
  });

  it('validates its options and inputs', () => {
    expect(() =>
      buildLifetimeSummary(days, ['A', 'B', 'C', 'D'], { calibrationEndDay: end, observationEndDay: end }),
    ).toThrow(OptionsError);
    expect(() => buildLifetimeSummary(days, ['A', 'B', 'C', 'D'], { calibrationEndDay: 1.5 })).toThrow(OptionsError);
    expect(() => buildLifetimeSummary(days, ['A'], { calibrationEndDay: end })).toThrow(LifetimeModelError);
  });

  it('always yields a valid summary: 0 ≤ t_x ≤ T, x = 0 ⇔ t_x = 0', () => {
    const customer = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 400 }), fc.double({ min: 0, max: 500, noNaN: true })),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(
        fc.array(customer, { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 400 }),
        (raw, calibrationEnd) => {
          // Distinct ascending days per customer, as the segmenter guarantees.
          const customers = raw.map((c) => [...new Map(c).entries()].sort((a, b) => a[0] - b[0]));
          const s = buildLifetimeSummary(
            purchaseDays(customers),
            customers.map((_, i) => `C${i}`),
            { calibrationEndDay: calibrationEnd, unit: 'weeks' },
          );
          expect(() => checkRepeatData(s)).not.toThrow();
          expect(s.count + s.excludedAfterCalibration + s.excludedNoPurchase).toBe(customers.length);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('buildLifetimeSummary on CDNOW (raw sample → segmentTable → summary)', () => {
  const { summary, segmentation } = rawSummary();
  const reference = readReferenceSummary();

  it('keeps all 2,357 customers and the foundation flags nothing fatal', () => {
    expect(summary.count).toBe(2357);
    expect(summary.excludedAfterCalibration).toBe(0);
    expect(segmentation.report.counts['duplicate-transaction'] ?? 0).toBe(0);
  });

  it('equals cdnow_calibration_summary.csv for every customer', () => {
    const index = new Map(summary.ids.map((id, i) => [id, i]));
    const mismatches = reference.filter((row) => {
      const i = index.get(row.id);
      return (
        i === undefined ||
        summary.frequency[i] !== row.frequency ||
        Math.abs(summary.recency[i]! - row.recency) > 1e-6 ||
        Math.abs(summary.age[i]! - row.age) > 1e-6 ||
        Math.abs(summary.monetaryValue[i]! - row.monetaryValue) > 0.005 ||
        summary.holdoutFrequency![i] !== row.holdoutFrequency
      );
    });
    expect(mismatches).toEqual([]);
    expect(summary.age[index.get('1')!]).toBeCloseTo(272 / 7, 12); // first purchase 1997-01-01
  });

  it('matches the README totals', () => {
    let sumX = 0,
      repeaters = 0,
      holdout = 0,
      holdoutBuyers = 0;
    for (let i = 0; i < summary.count; i++) {
      sumX += summary.frequency[i]!;
      if (summary.frequency[i]! > 0) repeaters++;
      holdout += summary.holdoutFrequency![i]!;
      if (summary.holdoutFrequency![i]! > 0) holdoutBuyers++;
    }
    expect({ sumX, repeaters, holdout, holdoutBuyers }).toEqual({
      sumX: 2457,
      repeaters: 946,
      holdout: 1882,
      holdoutBuyers: 684,
    });
    expect(summary.holdoutLength).toBe(39);
  });
});

describe('summaryFromColumns / checkRepeatData', () => {
  it('wraps valid columns with default ids', () => {
    const s = summaryFromColumns({ unit: 'weeks', frequency: [2, 0], recency: [30.43, 0], age: [38.86, 20] });
    expect(s.ids).toEqual(['1', '2']);
    expect([...s.monetaryValue]).toEqual([0, 0]);
  });

  it('rejects inconsistent rows with one error listing every problem kind', () => {
    const bad = () =>
      summaryFromColumns({
        unit: 'days',
        frequency: [1, 0, 2, 1.5, 1],
        recency: [0, 3, 10, 1, 5],
        age: [5, 5, 5, 5, Number.NaN],
      });
    expect(bad).toThrow(LifetimeModelError);
    try {
      bad();
    } catch (error) {
      const e = error as LifetimeModelError;
      expect(e.code).toBe('invalid-summary');
      expect(e.customers).toEqual([0, 1, 2, 3, 4]);
      expect(e.message).toMatchInlineSnapshot(
        `"Invalid summary: zero recency with repeat purchases (repeats must come after the first purchase): 1 customer(s), first at index 0; recency must be 0 when frequency is 0: 1 customer(s), first at index 1; recency must not exceed age: 1 customer(s), first at index 2; frequency must be a whole number ≥ 0: 1 customer(s), first at index 3; recency and age must be finite and ≥ 0: 1 customer(s), first at index 4."`,
      );
    }
  });

  it('rejects columns of different lengths and a holdout without a length', () => {
    expect(() => summaryFromColumns({ unit: 'days', frequency: [1], recency: [1, 2], age: [3] })).toThrow(
      /different lengths/,
    );
    expect(() =>
      summaryFromColumns({ unit: 'days', frequency: [1], recency: [1], age: [3], holdoutFrequency: [0] }),
    ).toThrow(/holdoutLength/);
  });
});
