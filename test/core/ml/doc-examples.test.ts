import { describe, expect, it } from 'vitest';
import {
  binOf,
  featureImportance,
  findBinEdges,
  fitGradientBoosting,
  predictGradientBoosting,
  rankAuc,
} from '../../../core/ml/index.js';
import { baselineLogOdds } from '../../../core/ml/log-loss.js';

// The @example of each exported function in core/ml, run as written.
describe('core/ml JSDoc examples', () => {
  it('hold', () => {
    const data = { features: Float64Array.of(1, 2, 3, 4), rows: 4, cols: 1, labels: Uint8Array.of(0, 0, 1, 1) };
    const model = fitGradientBoosting(data, { minSamplesLeaf: 1, maxIter: 10 });
    expect(predictGradientBoosting(model, data)[3]! > 0.5).toBe(true);
    expect(predictGradientBoosting(model, { features: Float64Array.of(Number.NaN), rows: 1, cols: 1 })).toHaveLength(1);
    expect(featureImportance(model).reduce((a, b) => a + b, 0)).toBe(1);
    expect(findBinEdges(Float64Array.of(3, 1, 2, Number.NaN, 2), 255)).toEqual([1.5, 2.5]);
    expect([
      binOf(1, [1.5, 2.5], 255),
      binOf(2, [1.5, 2.5], 255),
      binOf(9, [1.5, 2.5], 255),
      binOf(Number.NaN, [1.5, 2.5], 255),
    ]).toEqual([0, 1, 2, 255]);
    expect(baselineLogOdds(Uint8Array.of(1, 0, 0, 0))).toBeCloseTo(-Math.log(3), 15);
    expect(rankAuc([0.9, 0.8, 0.3, 0.8], [1, 0, 0, 1])).toBe(0.875);
  });
});
