import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdExpectedPurchasesIfAlive,
  bgNbdExpectedPurchasesIfAliveCurve,
  bgNbdPAlive,
  bgNbdProbabilityOfPurchases,
  fitBgNbd,
  simulateRepeatPurchases,
  TRANSACTION_PARAMETERS,
  type TransactionParams,
} from '../../../core/lifetime/index.js';
import { rawSummary } from './cdnow.js';

const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
/** The README's independent scipy re-fit on the same summary. */
const SCIPY = { r: 0.242595, alpha: 4.413602, a: 0.792922, b: 2.425907, logLikelihood: -9582.4292 };

// CDNOW is fitted once for the file: the summary built from the raw sample.
const { summary } = rawSummary();
const fit = fitBgNbd(summary);

describe('fitBgNbd on CDNOW (Fader, Hardie & Lee 2005)', () => {
  it('reproduces the published parameters within 0.5% and the log-likelihood −9582.4', () => {
    for (const name of TRANSACTION_PARAMETERS)
      expect(Math.abs(fit.params[name] / PUBLISHED[name] - 1)).toBeLessThan(0.005);
    expect(Math.abs(fit.logLikelihood / -9582.4 - 1)).toBeLessThan(0.005);
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(2357);
    expect(fit.uniqueRows).toBeLessThan(1100); // identical (x, t_x, T) rows collapsed
  });

  it('agrees with the scipy re-fit to 5 significant digits', () => {
    for (const name of TRANSACTION_PARAMETERS) expect(Math.abs(fit.params[name] / SCIPY[name] - 1)).toBeLessThan(2e-5);
    expect(fit.logLikelihood).toBeCloseTo(SCIPY.logLikelihood, 3);
  });

  it('gives Hessian standard errors like lifetimes (r 0.0126, α 0.378, a 0.186, b 0.705)', () => {
    const expected = { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 };
    for (const name of TRANSACTION_PARAMETERS)
      expect(Math.abs(fit.standardErrors[name] / expected[name] - 1)).toBeLessThan(0.01);
    expect(fit.logCovariance).toHaveLength(16);
  });

  it('predicts 1.226 purchases in 39 weeks for the x = 2, t_x = 30.43, T = 38.86 customer', () => {
    const expected = bgNbdConditionalExpectedPurchases(fit.params, 39, 2, 30.43, 38.86);
    expect(Math.abs(expected / 1.226 - 1)).toBeLessThan(0.005);
    expect(bgNbdPAlive(fit.params, 2, 30.43, 38.86)).toBeCloseTo(0.7266, 3);
  });

  it('gives the published E[X(t)] for a new customer', () => {
    const ts = [0.1429, 1, 3, 31.8571, 32, 78];
    const published = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    ts.forEach((t, i) => expect(Math.abs(bgNbdExpectedPurchases(fit.params, t) - published[i]!)).toBeLessThan(0.0005));
    expect(bgNbdExpectedPurchases(fit.params, 0)).toBe(0);
  });
});

describe('BG/NBD predictions', () => {
  const params = fit.params;

  it('P(X(t) = n) is a distribution whose mean is E[X(t)]', () => {
    for (const t of [1, 39, 78]) {
      let total = 0,
        mean = 0;
      for (let n = 0; n < 400; n++) {
        const p = bgNbdProbabilityOfPurchases(params, t, n);
        expect(p).toBeGreaterThanOrEqual(0);
        total += p;
        mean += n * p;
      }
      expect(total).toBeCloseTo(1, 10);
      expect(mean).toBeCloseTo(bgNbdExpectedPurchases(params, t), 8);
    }
    expect(bgNbdProbabilityOfPurchases(params, 0, 0)).toBe(1);
    expect(bgNbdProbabilityOfPurchases(params, 10, -1)).toBe(0);
  });

  it('keeps P(X(t) = n) accurate far in the tail', () => {
    const p = bgNbdProbabilityOfPurchases(params, 39, 60);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-6);
  });

  it('conditional = P(alive) × expectation if alive, and the curve equals pointwise values', () => {
    expect(bgNbdConditionalExpectedPurchases(params, 39, 2, 30.43, 38.86)).toBeCloseTo(
      bgNbdPAlive(params, 2, 30.43, 38.86) * bgNbdExpectedPurchasesIfAlive(params, 39, 2, 38.86),
      14,
    );
    const times = Float64Array.of(4.345, 8.69, 13.035, 26.07, 52.14);
    const curve = new Float64Array(times.length);
    bgNbdExpectedPurchasesIfAliveCurve(params, times, 3, 20, curve);
    times.forEach((t, i) => expect(curve[i]).toBeCloseTo(bgNbdExpectedPurchasesIfAlive(params, t, 3, 20), 12));
  });

  it('stays finite for very frequent, long-lived customers (logs throughout)', () => {
    // 2,000 repeat purchases over 730 weeks, the last one 0.1 week ago: ~2.7 a week, certainly alive.
    expect(bgNbdPAlive(params, 2000, 729.9, 730)).toBeGreaterThan(0.99);
    expect(bgNbdPAlive(params, 2000, 600, 730)).toBeLessThan(1e-100); // silent for 130 weeks: gone
    const e = bgNbdConditionalExpectedPurchases(params, 52, 2000, 729.9, 730);
    expect(e).toBeGreaterThan(100);
    expect(e).toBeLessThan(52 * (2000 / 730) * 1.01);
  });
});

describe('BG/NBD properties', () => {
  const paramsArb = fc.record({
    r: fc.double({ min: 0.05, max: 5, noNaN: true }),
    alpha: fc.double({ min: 0.5, max: 50, noNaN: true }),
    a: fc.double({ min: 0.1, max: 5, noNaN: true }),
    b: fc.double({ min: 0.2, max: 10, noNaN: true }),
  });
  const customerArb = fc
    .tuple(
      fc.integer({ min: 0, max: 60 }),
      fc.double({ min: 0.01, max: 1, noNaN: true }),
      fc.double({ min: 0.5, max: 200, noNaN: true }),
    )
    .map(([x, share, T]) => ({ x, tx: x === 0 ? 0 : share * T, T }));

  it('P(alive) is in [0, 1], and 1 without repeat purchases', () => {
    fc.assert(
      fc.property(paramsArb, customerArb, (p, c) => {
        const alive = bgNbdPAlive(p, c.x, c.tx, c.T);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        if (c.x === 0) expect(alive).toBe(1);
      }),
      { numRuns: 100 },
    );
  });

  it('P(alive) falls as the recency gap grows (smaller t_x at fixed x and T)', () => {
    fc.assert(
      fc.property(
        paramsArb,
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        (p, x, T, share) => {
          const recent = bgNbdPAlive(p, x, T, T);
          const older = bgNbdPAlive(p, x, share * T, T);
          expect(older).toBeLessThanOrEqual(recent);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('expected purchases grow with the horizon (new and existing customers)', () => {
    fc.assert(
      fc.property(
        paramsArb,
        customerArb,
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.double({ min: 1.01, max: 3, noNaN: true }),
        (p: TransactionParams, c, t, factor) => {
          expect(bgNbdExpectedPurchases(p, t * factor)).toBeGreaterThanOrEqual(bgNbdExpectedPurchases(p, t));
          const near = bgNbdConditionalExpectedPurchases(p, t, c.x, c.tx, c.T);
          const far = bgNbdConditionalExpectedPurchases(p, t * factor, c.x, c.tx, c.T);
          expect(near).toBeGreaterThan(0);
          expect(far).toBeGreaterThanOrEqual(near * (1 - 1e-12));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('recovers known parameters from 5,000 simulated customers within 3 standard errors', () => {
    // Stated tolerance: each estimate within 3 asymptotic standard errors of the truth
    // (at n = 5,000 those are ~3% for r and α, ~15–30% for a and b, which the data pin down least).
    const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const simulated = simulateRepeatPurchases(truth, { customers: 5000, minAge: 20, maxAge: 78, seed: 42 });
    const recovered = fitBgNbd(simulated);
    expect(recovered.converged).toBe(true);
    for (const name of TRANSACTION_PARAMETERS) {
      expect(Math.abs(recovered.params[name] - truth[name])).toBeLessThan(3 * recovered.standardErrors[name]);
    }
    expect(Math.abs(recovered.params.r / truth.r - 1)).toBeLessThan(0.1);
    expect(Math.abs(recovered.params.alpha / truth.alpha - 1)).toBeLessThan(0.15);
  });

  it('fits the same data in days or weeks to the same model (α scales by 7)', () => {
    const inDays = {
      frequency: summary.frequency,
      recency: summary.recency.map((v) => v * 7),
      age: summary.age.map((v) => v * 7),
    };
    const daysFit = fitBgNbd(inDays);
    expect(daysFit.params.r).toBeCloseTo(fit.params.r, 5);
    expect(daysFit.params.alpha / 7).toBeCloseTo(fit.params.alpha, 3);
    expect(daysFit.params.a).toBeCloseTo(fit.params.a, 4);
    // Each repeat purchase contributes a density in time: per day it is 1/7 of per week.
    expect(daysFit.logLikelihood).toBeCloseTo(fit.logLikelihood - Math.log(7) * sumFrequency(), 4);
  });
});

function sumFrequency(): number {
  let sum = 0;
  for (const x of summary.frequency) sum += x;
  return sum;
}
