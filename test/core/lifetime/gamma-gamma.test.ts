import { describe, expect, it } from 'vitest';
import {
  fitGammaGamma,
  GAMMA_GAMMA_PARAMETERS,
  gammaGammaExpectedValue,
  LifetimeModelError,
} from '../../../core/lifetime/index.js';
import { referenceSummary } from './cdnow.js';

const PUBLISHED = { p: 6.25, q: 3.74, v: 15.44 };
const SCIPY = { p: 6.249571, q: 3.744225, v: 15.443524, logLikelihood: -4055.9177 };

const summary = referenceSummary();
const fit = fitGammaGamma(summary);

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof LifetimeModelError ? error.code : `not a LifetimeModelError: ${String(error)}`;
  }
  return undefined;
}

describe('fitGammaGamma on CDNOW (Fader & Hardie 2013)', () => {
  it('fits the 946 repeat buyers and reproduces p, q, v within 1%', () => {
    expect(fit.customers).toBe(946);
    expect(fit.excluded).toBe(2357 - 946);
    for (const name of GAMMA_GAMMA_PARAMETERS)
      expect(Math.abs(fit.params[name] / PUBLISHED[name] - 1)).toBeLessThan(0.01);
  });

  it('agrees with the scipy re-fit', () => {
    for (const name of GAMMA_GAMMA_PARAMETERS) expect(Math.abs(fit.params[name] / SCIPY[name] - 1)).toBeLessThan(2e-5);
    expect(fit.logLikelihood).toBeCloseTo(SCIPY.logLikelihood, 3);
    expect(fit.standardErrors.p).toBeGreaterThan(0);
  });

  it('gives the README conditional expected spend for customers 1–10', () => {
    const expected = [24.66, 18.92, 35.22, 35.22, 35.22, 71.47, 18.92, 35.22, 27.29, 35.22];
    expected.forEach((value, i) => {
      expect(
        Math.abs(gammaGammaExpectedValue(PUBLISHED, summary.frequency[i]!, summary.monetaryValue[i]!) - value),
      ).toBeLessThanOrEqual(0.01);
      expect(
        Math.abs(gammaGammaExpectedValue(fit.params, summary.frequency[i]!, summary.monetaryValue[i]!) - value),
      ).toBeLessThan(0.05);
    });
  });

  it('shrinks a customer’s own mean towards the population mean p·v/(q−1), less so with more purchases', () => {
    const population = (fit.params.p * fit.params.v) / (fit.params.q - 1);
    expect(gammaGammaExpectedValue(fit.params, 0, 0)).toBeCloseTo(population, 12);
    const one = gammaGammaExpectedValue(fit.params, 1, 100),
      many = gammaGammaExpectedValue(fit.params, 50, 100);
    expect(one).toBeGreaterThan(population);
    expect(one).toBeLessThan(many);
    expect(many).toBeLessThan(100);
  });
});

describe('fitGammaGamma on degenerate data', () => {
  it('needs repeat buyers with spend', () => {
    expect(codeOf(() => fitGammaGamma({ frequency: [0, 0, 0], monetaryValue: [0, 0, 0] }))).toBe('no-repeat-spend');
    expect(codeOf(() => fitGammaGamma({ frequency: [2, 1], monetaryValue: [0, 0] }))).toBe('no-repeat-spend');
    expect(codeOf(() => fitGammaGamma({ frequency: [], monetaryValue: [] }))).toBe('no-repeat-spend');
  });

  it('rejects identical customers, bad columns, and fits whose mean spend is infinite', () => {
    expect(codeOf(() => fitGammaGamma({ frequency: [2, 2, 2], monetaryValue: [10, 10, 10] }))).toBe(
      'identical-customers',
    );
    expect(codeOf(() => fitGammaGamma({ frequency: [2, 2], monetaryValue: [10] }))).toBe('invalid-summary');
    expect(codeOf(() => fitGammaGamma({ frequency: [2, 2], monetaryValue: [10, Number.NaN] }))).toBe('invalid-summary');
    // Means spread over eight orders of magnitude: the fitted q is below 1.
    const frequency = Array.from({ length: 200 }, (_, i) => 1 + (i % 3));
    const monetaryValue = Array.from({ length: 200 }, (_, i) => 10 ** ((i % 17) / 2));
    expect(codeOf(() => fitGammaGamma({ frequency, monetaryValue }))).toBe('undefined-expectation');
  });

  it('leaves out repeat buyers without spend and counts them', () => {
    const partial = fitGammaGamma({
      frequency: [...summary.frequency, 3],
      monetaryValue: [...summary.monetaryValue, 0],
    });
    expect(partial.customers).toBe(946);
    expect(partial.excluded).toBe(2358 - 946);
  });
});
