import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  computeOriginFeatures,
  featureMatrix,
  findOriginPopulation,
  indexPurchases,
  MODEL_FEATURES,
  ruleChurnBits,
  CHURN_RULES,
} from '../../../core/churn/index.js';

const index = (customer: number[], day: number[], value: number[], customers: number, asOfDay: number) =>
  indexPurchases({
    customer: Int32Array.from(customer),
    day: Int32Array.from(day),
    value: Float64Array.from(value),
    customers,
    asOfDay,
  });

test('features as of an origin read purchases before it; the label reads [o, o + H)', () => {
  // Customer 0: days 100, 130, 160 (2 orders), 300; customer 1: day 150 only; customer 2: only after o.
  const idx = index([0, 0, 0, 0, 0, 1, 2], [100, 130, 160, 160, 300, 150, 210], [10, 20, 5, 5, 40, 7, 1], 3, 400);
  const f = computeOriginFeatures(idx, 200, 90);
  expect(Array.from(f.population)).toEqual([0, 1]);
  expect(Array.from(f.recencyDays)).toEqual([40, 50]);
  expect(Array.from(f.orders)).toEqual([4, 1]);
  expect(Array.from(f.spend)).toEqual([40, 7]);
  expect(Array.from(f.tenureDays)).toEqual([100, 50]);
  expect(Array.from(f.purchaseDays)).toEqual([3, 1]);
  expect(f.meanGapDays[0]).toBe(30);
  expect(f.meanGapDays[1]).toBeNaN();
  expect(f.lastGapDays[0]).toBe(30);
  expect(f.medianGapDays).toBe(30);
  // Shrunk gap: (2 own gaps of 30 + one pseudo-gap at the median 30) / 3 = 30; a one-time buyer gets the median.
  expect(Array.from(f.usualGapDays)).toEqual([30, 30]);
  expect(f.silentRatio[0]).toBeCloseTo(40 / 30, 12);
  expect(Array.from(f.orders90d)).toEqual([3, 1]); // day 130 (age 70) and day 160 ×2 (age 40)
  expect(Array.from(f.orders90to180d)).toEqual([1, 0]); // day 100 (age 100)
  expect(Array.from(f.lapsed!)).toEqual([1, 1]); // next purchases at 300 (≥ 290) and never
  expect(computeOriginFeatures(idx, 250, 90).lapsed![0]).toBe(0); // 300 is in [250, 340)
  expect(computeOriginFeatures(idx, 400, 90).lapsed).toBeUndefined(); // the window passes t
  const matrix = featureMatrix(f, undefined);
  expect(matrix.length).toBe(2 * MODEL_FEATURES.length);
  expect(matrix[MODEL_FEATURES.indexOf('averageOrderValue')]).toBe(10);
  expect(matrix[MODEL_FEATURES.indexOf('channel')]).toBeNaN();
});

test('the population is exactly the customers with a purchase before the origin, in ascending order', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: -5, max: 50 })),
        { maxLength: 60 },
      ),
      fc.integer({ min: 0, max: 120 }),
      (rows, origin) => {
        const idx = index(
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
          rows.map((r) => r[2]),
          10,
          100,
        );
        const f = computeOriginFeatures(idx, origin, 30);
        const expected = [...new Set(rows.filter((r) => r[1] < origin && r[2] >= 0).map((r) => r[0]))].sort(
          (a, b) => a - b,
        );
        expect(Array.from(f.population)).toEqual(expected);
        for (let r = 0; r < f.population.length; r++) expect(f.recencyDays[r]).toBeGreaterThan(0);
      },
    ),
  );
});

test('the lapsed regular (6 monthly orders, 6,900, silent 150 days) matches the B churn warning', () => {
  const t = 1000;
  const days = [700, 730, 760, 790, 820, 850];
  const idx = index(
    days.map(() => 0),
    days,
    [1000, 1200, 1100, 1300, 1150, 1150],
    1,
    t,
  );
  const f = computeOriginFeatures(idx, t, 90);
  const bits = ruleChurnBits(f);
  expect(f.recencyDays[0]).toBe(150);
  expect(bits[0]! & (1 << CHURN_RULES.indexOf('b-churn-warning'))).not.toBe(0);
  expect(bits[0]! & (1 << CHURN_RULES.indexOf('a-step4'))).toBe(0); // 6 orders > 1
});

test('rules: one-time buyer silent 4 months (A step 4, A Table 5); a complaint alone (A Table 5)', () => {
  const t = 20_000;
  const idx = index([0, 1], [t - 120, t - 5], [50, 50], 2, t);
  const f = computeOriginFeatures(idx, t, 90);
  const bits = ruleChurnBits(f, Float64Array.of(0, 1));
  expect(bits[0]! & 0b0011).toBe(0b0011);
  expect(bits[1]).toBe(0b0010);
  expect(ruleChurnBits(f)[1]).toBe(0);
});

test("a subset of an origin's rows has the full computation's values, shrunk to the whole population's median gap", () => {
  // Gaps before o = 200: customer 0 every 10 days, 1 every 40, 3 every 20 (median 20); 2 bought once; 4 only after o.
  const idx = index(
    [0, 0, 0, 1, 1, 2, 3, 3, 3, 4, 0],
    [150, 160, 170, 100, 140, 180, 120, 140, 160, 250, 220],
    [10, 10, 10, 5, 5, 8, 3, 3, 3, 9, 10],
    5,
    400,
  );
  const origin = findOriginPopulation(idx, 200, 90);
  expect(Array.from(origin.population)).toEqual([0, 1, 2, 3]);
  expect(Array.from(origin.lapsed!)).toEqual([0, 1, 1, 1]); // only 0 buys again in [200, 290)
  expect(origin.medianGapDays).toBe(20);
  const full = computeOriginFeatures(idx, 200, 90);
  const part = computeOriginFeatures(idx, 200, 90, { origin, rows: Int32Array.of(1, 2) });
  expect(Array.from(part.population)).toEqual([1, 2]);
  expect(part.medianGapDays).toBe(20);
  expect(Array.from(part.usualGapDays)).toEqual([30, 20]); // (40 + 20) / 2; the one-time buyer gets the median
  for (const key of ['recencyDays', 'orders', 'spend', 'meanGapDays', 'silentRatio', 'spend6m', 'lapsed'] as const)
    expect(Array.from(part[key]!)).toEqual([full[key]![1], full[key]![2]]);
});

test('a block of feature-matrix rows equals the same rows of the whole matrix; an even count of gaps takes the middle mean', () => {
  // Gaps before o = 200: 10, 40, 20, 30 days → median (20 + 30) / 2.
  const idx = index(
    [0, 0, 1, 1, 2, 2, 3, 3, 4],
    [150, 160, 100, 140, 160, 180, 120, 150, 190],
    [1, 2, 3, 4, 5, 6, 7, 8, 9],
    5,
    400,
  );
  const f = computeOriginFeatures(idx, 200, 90);
  expect(f.medianGapDays).toBe(25);
  const cols = MODEL_FEATURES.length;
  const whole = featureMatrix(f, undefined);
  expect(Array.from(featureMatrix(f, undefined, 1, 3))).toEqual(Array.from(whole.subarray(cols, 4 * cols)));
});
