import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bgNbdPAlive,
  fitBgNbd,
  fitMbgNbd,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdExpectedPurchases,
  mbgNbdExpectedPurchasesIfAlive,
  mbgNbdPAlive,
  mbgNbdProbabilityOfPurchases,
  simulateRepeatPurchases,
  TRANSACTION_PARAMETERS,
} from '../../../core/lifetime/index.js';
import { referenceSummary } from './cdnow.js';

const PUBLISHED = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
const SCIPY = { r: 0.524843, alpha: 6.183085, a: 0.89136, b: 1.614003, logLikelihood: -9582.1357 };

const summary = referenceSummary();
const fit = fitMbgNbd(summary);

describe('fitMbgNbd on CDNOW (Batislam et al. 2007)', () => {
  it('reproduces the published parameters within 1%', () => {
    for (const name of TRANSACTION_PARAMETERS)
      expect(Math.abs(fit.params[name] / PUBLISHED[name] - 1)).toBeLessThan(0.01);
    expect(fit.model).toBe('mbg-nbd');
    expect(fit.converged).toBe(true);
  });

  it('agrees with the scipy re-fit', () => {
    for (const name of TRANSACTION_PARAMETERS) expect(Math.abs(fit.params[name] / SCIPY[name] - 1)).toBeLessThan(2e-5);
    expect(fit.logLikelihood).toBeCloseTo(SCIPY.logLikelihood, 3);
  });
});

describe('MBG/NBD predictions', () => {
  const params = fit.params;

  it('lets one-time buyers be inactive, the longer they stay silent the less alive', () => {
    const early = mbgNbdPAlive(params, 0, 0, 5);
    const late = mbgNbdPAlive(params, 0, 0, 38.86);
    expect(late).toBeLessThan(early);
    expect(early).toBeLessThan(1);
    expect(bgNbdPAlive(fitBgNbd(summary).params, 0, 0, 38.86)).toBe(1); // the BG/NBD complaint
  });

  it('P(X(t) = n) is a distribution whose mean is E[X(t)]', () => {
    for (const t of [1, 39, 78]) {
      let total = 0,
        mean = 0;
      for (let n = 0; n < 400; n++) {
        const p = mbgNbdProbabilityOfPurchases(params, t, n);
        total += p;
        mean += n * p;
      }
      expect(total).toBeCloseTo(1, 10);
      expect(mean).toBeCloseTo(mbgNbdExpectedPurchases(params, t), 8);
    }
  });

  it('conditional = P(alive) × expectation if alive', () => {
    expect(mbgNbdConditionalExpectedPurchases(params, 39, 2, 30.43, 38.86)).toBeCloseTo(
      mbgNbdPAlive(params, 2, 30.43, 38.86) * mbgNbdExpectedPurchasesIfAlive(params, 39, 2, 38.86),
      14,
    );
  });

  it('P(alive) is in [0, 1] and falls as the recency gap grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.double({ min: 0.5, max: 150, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (x, T, share) => {
          const recent = mbgNbdPAlive(params, x, x === 0 ? 0 : T, T);
          const older = mbgNbdPAlive(params, x, x === 0 ? 0 : share * T, T);
          expect(recent).toBeLessThanOrEqual(1);
          expect(older).toBeGreaterThanOrEqual(0);
          expect(older).toBeLessThanOrEqual(recent);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('recovers known parameters from 5,000 simulated customers within 3 standard errors', () => {
    const simulated = simulateRepeatPurchases(PUBLISHED, {
      customers: 5000,
      minAge: 20,
      maxAge: 78,
      seed: 42,
      model: 'mbg-nbd',
    });
    const recovered = fitMbgNbd(simulated);
    for (const name of TRANSACTION_PARAMETERS) {
      expect(Math.abs(recovered.params[name] - PUBLISHED[name])).toBeLessThan(3 * recovered.standardErrors[name]);
    }
  });
});
