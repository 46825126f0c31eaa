import { describe, expect, it } from 'vitest';
import { standardize, unstandardize } from '../../../core/kmeans/index.js';

describe('standardize', () => {
  it('z-scores with the population standard deviation, row-major', () => {
    const z = standardize([new Float64Array([1, 2, 3]), new Float64Array([10, 10, 40])]);
    // Column 1: mean 2, std √(2/3); column 2: mean 20, std √200.
    const s1 = Math.sqrt(2 / 3),
      s2 = Math.sqrt(200);
    expect(Array.from(z.values)).toEqual(
      [-1 / s1, -10 / s2, 0, -10 / s2, 1 / s1, 20 / s2].map((x) => expect.closeTo(x, 14)),
    );
    expect(Array.from(z.means)).toEqual([2, 20]);
    expect(z.stds[0]).toBeCloseTo(s1, 15);
    expect(z.zeroVarianceColumns).toEqual([]);
  });

  it('takes log1p of a logged column first, clamping negatives at 0 and counting them', () => {
    const z = standardize([new Float64Array([-5, 0, Math.E - 1])], { log1p: [true] });
    expect(z.clampedNegatives).toEqual([1]);
    expect(z.means[0]).toBeCloseTo(1 / 3, 15);
    expect(z.logged).toEqual([true]);
  });

  it('gives z = 0 to a zero-variance column and reports it', () => {
    const z = standardize([new Float64Array([1, 2, 3]), new Float64Array([0.1, 0.1, 0.1])]);
    expect(z.zeroVarianceColumns).toEqual([1]);
    expect(z.stds[1]).toBe(0);
    expect([z.values[1], z.values[3], z.values[5]]).toEqual([0, 0, 0]);
  });

  it('uses only the given rows and maps centres back to original units', () => {
    const money = new Float64Array([99, 999, Number.NaN, 9]);
    const z = standardize([new Float64Array([1, 3, Number.NaN, 5]), money], {
      log1p: [false, true],
      rows: new Int32Array([0, 1, 3]),
    });
    expect(z.rows).toBe(3);
    expect(z.means[0]).toBe(3);
    expect(z.means[1]).toBeCloseTo((Math.log(100) + Math.log(1000) + Math.log(10)) / 3, 12);
    const back = unstandardize(z.values, z);
    expect(Array.from(back)).toEqual([1, 99, 3, 999, 5, 9].map((x) => expect.closeTo(x, 9)));
    // The z-space mean of logged money maps back to the geometric mean of (money + 1), minus 1: not the arithmetic mean.
    expect(unstandardize(new Float64Array([0, 0]), z)[1]).toBeCloseTo(Math.cbrt(100 * 1000 * 10) - 1, 9);
  });
});
