import { describe, expect, it } from 'vitest';
import { fitBgNbd, fitMbgNbd, LifetimeModelError, type RepeatPurchaseData } from '../../../core/lifetime/index.js';
import { OptionsError } from '../../../core/segment/segment-options.js';

/** The stable code a fit throws, or undefined. */
function codeOf(data: RepeatPurchaseData, fit = fitBgNbd): string | undefined {
  try {
    fit(data);
  } catch (error) {
    return error instanceof LifetimeModelError ? error.code : `not a LifetimeModelError: ${String(error)}`;
  }
  return undefined;
}

describe('transaction-model fits on degenerate data: clear errors with stable codes', () => {
  it.each([fitBgNbd, fitMbgNbd])('all one-time buyers → no-repeat-buyers (%o)', (fit) => {
    const data = { frequency: [0, 0, 0, 0], recency: [0, 0, 0, 0], age: [10, 20, 30, 40] };
    expect(codeOf(data, fit)).toBe('no-repeat-buyers');
  });

  it('no customers, one customer', () => {
    expect(codeOf({ frequency: [], recency: [], age: [] })).toBe('no-customers');
    expect(codeOf({ frequency: [3], recency: [20], age: [30] })).toBe('too-few-customers');
  });

  it('zero recency with repeat purchases → invalid-summary naming the rows', () => {
    const data = { frequency: [2, 0, 1], recency: [0, 0, 4], age: [10, 12, 14] };
    expect(codeOf(data)).toBe('invalid-summary');
    expect(() => fitBgNbd(data)).toThrow(/zero recency with repeat purchases/);
  });

  it('identical customers → identical-customers', () => {
    const data = { frequency: [2, 2, 2], recency: [5, 5, 5], age: [9, 9, 9] };
    expect(codeOf(data)).toBe('identical-customers');
  });

  it('recency beyond age, negative or fractional frequency → invalid-summary', () => {
    expect(codeOf({ frequency: [1, 2], recency: [12, 3], age: [10, 10] })).toBe('invalid-summary');
    expect(codeOf({ frequency: [-1, 2], recency: [0, 3], age: [10, 10] })).toBe('invalid-summary');
    expect(codeOf({ frequency: [0.5, 2], recency: [1, 3], age: [10, 10] })).toBe('invalid-summary');
  });

  it('validates fit options', () => {
    const data = { frequency: [0, 1, 2], recency: [0, 3, 5], age: [10, 10, 12] };
    expect(() => fitBgNbd(data, { gradientTolerance: -1 })).toThrow(OptionsError);
    expect(() => fitBgNbd(data, { initial: { r: -1 } })).toThrow(OptionsError);
  });

  it('still fits tiny but varied data (the guard, not the fit, judges reliability)', () => {
    const data = { frequency: [0, 1, 2, 0, 5], recency: [0, 3, 5, 0, 9], age: [10, 10, 12, 4, 10] };
    const fit = fitBgNbd(data);
    expect(fit.customers).toBe(5);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
  });
});
