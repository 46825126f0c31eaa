import { describe, expect, it } from 'vitest';
import { checkRepeatData, sampleGamma, simulateRepeatPurchases } from '../../../core/lifetime/index.js';
import { createRng } from '../../../core/random/create-rng.js';
import { OptionsError } from '../../../core/segment/segment-options.js';

const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('simulateRepeatPurchases', () => {
  it('is deterministic by seed and yields valid summaries', () => {
    const a = simulateRepeatPurchases(params, { customers: 500, seed: 3, minAge: 0, maxAge: 50 });
    expect(simulateRepeatPurchases(params, { customers: 500, seed: 3, minAge: 0, maxAge: 50 })).toEqual(a);
    expect(simulateRepeatPurchases(params, { customers: 500, seed: 4, minAge: 0, maxAge: 50 })).not.toEqual(a);
    expect(() => checkRepeatData(a)).not.toThrow();
    for (const T of a.age) expect(T >= 0 && T <= 50).toBe(true);
  });

  it('lets MBG/NBD customers drop out right after the first purchase', () => {
    const bg = simulateRepeatPurchases(params, { customers: 4000, seed: 1 });
    const mbg = simulateRepeatPurchases(params, { customers: 4000, seed: 1, model: 'mbg-nbd' });
    const deadOneTimers = (s: typeof bg) => s.frequency.filter((x, i) => x === 0 && s.alive[i] === 0).length;
    expect(deadOneTimers(bg)).toBe(0);
    expect(deadOneTimers(mbg)).toBeGreaterThan(500); // E[p] = a/(a+b) ≈ 0.25
  });

  it('validates options', () => {
    expect(() => simulateRepeatPurchases(params, { customers: 0 })).toThrow(OptionsError);
    expect(() => simulateRepeatPurchases(params, { customers: 10, minAge: 5, maxAge: 1 })).toThrow(/maxAge/);
  });
});

describe('sampleGamma', () => {
  it.each([0.243, 1, 6.25])('has mean k and variance k for shape %d', (shape) => {
    const rng = createRng(11);
    const n = 40000;
    let sum = 0,
      sumSq = 0;
    for (let i = 0; i < n; i++) {
      const v = sampleGamma(rng, shape);
      sum += v;
      sumSq += v * v;
    }
    const mean = sum / n,
      variance = sumSq / n - mean * mean;
    expect(Math.abs(mean - shape)).toBeLessThan(4 * Math.sqrt(shape / n));
    expect(Math.abs(variance / shape - 1)).toBeLessThan(0.1);
  });
});
