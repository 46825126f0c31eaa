import fc from 'fast-check';
import { expect, test } from 'vitest';
import { applyIsotonic, fitIsotonic, maxF1Threshold, precisionAtK } from '../../../core/churn/index.js';

test('isotonic calibration pools violators: [1,2,3,4] → [0,1,0,1] gives 0, ½, ½, 1', () => {
  const map = fitIsotonic([1, 2, 3, 4], [0, 1, 0, 1]);
  expect(Array.from(applyIsotonic(map, [1, 2, 3, 4, 0, 9, 2.5]))).toEqual([0, 0.5, 0.5, 1, 0, 1, 0.5]);
});

test('isotonic: equal scores share a block', () => {
  const map = fitIsotonic([5, 5, 5, 1], [1, 0, 0, 0]);
  expect(Array.from(applyIsotonic(map, [5, 1]))).toEqual([1 / 3, 0]);
});

test('isotonic: non-decreasing, within [0, 1], and the mean of the fitted probabilities is the base rate', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { minLength: 1, maxLength: 80 }),
      (rows) => {
        const scores = rows.map((r) => r[0]),
          labels = rows.map((r): number => (r[1] ? 1 : 0));
        const fitted = applyIsotonic(fitIsotonic(scores, labels), scores);
        const grid = applyIsotonic(
          fitIsotonic(scores, labels),
          Array.from({ length: 22 }, (_, i) => i - 1),
        );
        for (let i = 1; i < grid.length; i++) expect(grid[i]!).toBeGreaterThanOrEqual(grid[i - 1]!);
        for (const p of fitted) expect(p >= 0 && p <= 1).toBe(true);
        const mean = fitted.reduce((a, b) => a + b, 0) / fitted.length;
        expect(mean).toBeCloseTo(labels.reduce((a, b) => a + b, 0) / labels.length, 10);
      },
    ),
  );
});

test('precision@k counts a tied block at the cut by its own rate', () => {
  expect(precisionAtK([0.9, 0.8, 0.8, 0.1], [1, 0, 1, 0], 2)).toBe(0.75);
  expect(precisionAtK([0.9, 0.8, 0.8, 0.1], [1, 0, 1, 0], 20)).toBe(0.5); // k > n: all rows
  expect(precisionAtK([], [], 20)).toBeNaN();
});

test('max-F1 threshold: hand cases', () => {
  // Listing ≥ 0.6: tp 2, listed 2, positives 2 → F1 1.
  expect(maxF1Threshold([0.9, 0.6, 0.2], [1, 1, 0])).toBe(0.6);
  // Positives at 0.9 and 0.2, negative at 0.6: ≥ 0.9 → 2/3; ≥ 0.6 → 2/4; ≥ 0.2 → 4/5 = 0.8.
  expect(maxF1Threshold([0.9, 0.6, 0.2], [1, 0, 1])).toBe(0.2);
  expect(maxF1Threshold([0.9, 0.6], [0, 0])).toBe(1.01);
});

test('max-F1 threshold with a floor: thresholds below it are never chosen', () => {
  // Unfloored, ≥ 0.2 lists everyone for F1 0.8; with the floor 0.5 the best allowed is ≥ 0.9.
  expect(maxF1Threshold([0.9, 0.6, 0.2], [1, 0, 1], 0.5)).toBe(0.9);
  // Nothing reaches the floor: only the top block is listed.
  expect(maxF1Threshold([0.3, 0.2, 0.1], [1, 0, 1], 0.5)).toBe(0.3);
  // A floor at or below the unfloored answer changes nothing.
  expect(maxF1Threshold([0.9, 0.6, 0.2], [1, 1, 0], 0.6)).toBe(0.6);
});

test('a weak calibrated model: max-F1 alone lists customers below the base rate, the base-rate floor does not', () => {
  // 10,000 customers with P(lapse) spread evenly over [0.2, 0.6) (base rate ≈ 0.4, AUC ≈ 0.6),
  // lapsing by a low-discrepancy draw so the case is exact and repeatable.
  const n = 10_000;
  const probabilities = Float64Array.from({ length: n }, (_, i) => 0.2 + (0.4 * i) / n);
  const labels = Uint8Array.from(probabilities, (p, i) => ((i * 0.6180339887498949) % 1 < p ? 1 : 0));
  const baseRate = labels.reduce((a, b) => a + b, 0) / n;
  const listedAt = (threshold: number) => probabilities.filter((p) => p >= threshold).length / n;
  const plain = maxF1Threshold(probabilities, labels);
  const floored = maxF1Threshold(probabilities, labels, baseRate);
  expect(baseRate).toBe(0.4001);
  // Max-F1 alone: threshold ≈ half the best F1 (Lipton et al. 2014), 76% listed, many below the base rate.
  expect(plain).toBe(probabilities[2382]);
  expect(plain).toBeLessThan(baseRate);
  expect(listedAt(plain)).toBe(0.7618);
  // Floored: the first grid point at or above the base rate; only the above-average half is listed.
  expect(floored).toBe(probabilities[5003]);
  expect(listedAt(floored)).toBe(0.4997);
});
