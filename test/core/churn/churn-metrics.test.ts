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
    fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { minLength: 1, maxLength: 80 }), (rows) => {
      const scores = rows.map((r) => r[0]), labels = rows.map((r): number => (r[1] ? 1 : 0));
      const fitted = applyIsotonic(fitIsotonic(scores, labels), scores);
      const grid = applyIsotonic(fitIsotonic(scores, labels), Array.from({ length: 22 }, (_, i) => i - 1));
      for (let i = 1; i < grid.length; i++) expect(grid[i]!).toBeGreaterThanOrEqual(grid[i - 1]!);
      for (const p of fitted) expect(p >= 0 && p <= 1).toBe(true);
      const mean = fitted.reduce((a, b) => a + b, 0) / fitted.length;
      expect(mean).toBeCloseTo(labels.reduce((a, b) => a + b, 0) / labels.length, 10);
    }),
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
