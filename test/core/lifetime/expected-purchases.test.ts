import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aMinusOneOf,
  hypergeometricExpectation,
  hypergeometricExpectations,
} from '../../../core/lifetime/expected-purchases.js';
import {
  bgNbdExpectedPurchases,
  bgNbdExpectedPurchasesIfAlive,
  mbgNbdExpectedPurchasesIfAlive,
  type TransactionParams,
} from '../../../core/lifetime/index.js';
import { logBeta } from '../../../core/lifetime/special-functions.js';

/**
 * E[Y(t) | alive] by direct quadrature of its definition: the posterior of an
 * alive customer is λ ~ Gamma(r+x, α+T), p ~ Beta(a, b'), and E[Y(t) | λ, p] =
 * (1 − e^{−λpt})/p, so E = ∫ (1 − ((α+T)/(α+T+pt))^{r+x}) / p · Beta(p; a, b') dp.
 * Both Beta endpoint singularities are removed by substitution (p = u^{1/a} on
 * (0, ½], 1 − p = v^{1/b'} on [½, 1)), then the midpoint rule.
 */
function ifAliveByQuadrature(p: TransactionParams, t: number, x: number, T: number, bPrime: number): number {
  const s = p.alpha + T,
    shape = p.r + x,
    a = p.a;
  const g = (q: number): number => -Math.expm1(-shape * Math.log1p((q * t) / s)) / q;
  const norm = Math.exp(-logBeta(a, bPrime));
  const steps = 20000;
  let sum = 0;
  const uMax = 0.5 ** a;
  for (let i = 0; i < steps; i++) {
    const q = (((i + 0.5) / steps) * uMax) ** (1 / a);
    sum += (g(q) * (1 - q) ** (bPrime - 1) * uMax) / steps / a;
  }
  const vMax = 0.5 ** bPrime;
  for (let i = 0; i < steps; i++) {
    const q = 1 - (((i + 0.5) / steps) * vMax) ** (1 / bPrime);
    sum += (g(q) * q ** (a - 1) * vMax) / steps / bPrime;
  }
  return sum * norm;
}

describe('expected purchases of an alive customer', () => {
  it('BG/NBD and MBG/NBD closed forms equal the defining integral', () => {
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    for (const [t, x, T] of [
      [39, 2, 38.86],
      [5, 0, 10],
      [52, 7, 30],
    ] as const) {
      expect(bgNbdExpectedPurchasesIfAlive(params, t, x, T)).toBeCloseTo(
        ifAliveByQuadrature(params, t, x, T, params.b + x),
        6,
      );
      expect(mbgNbdExpectedPurchasesIfAlive(params, t, x, T)).toBeCloseTo(
        ifAliveByQuadrature(params, t, x, T, params.b + x + 1),
        6,
      );
    }
  });

  it('stays right when a + b ≤ 1 (BG/NBD x = 0: the ₂F₁ would have c ≤ 0; shifted form)', () => {
    const params = { r: 0.8, alpha: 3, a: 0.3, b: 0.5 };
    for (const [t, T] of [
      [1, 0],
      [10, 5],
      [200, 1],
    ] as const) {
      const value = bgNbdExpectedPurchasesIfAlive(params, t, 0, T);
      expect(value).toBeGreaterThan(0);
      expect(value).toBeCloseTo(ifAliveByQuadrature(params, t, 0, T, params.b), 5);
    }
    expect(bgNbdExpectedPurchases(params, 10)).toBeCloseTo(ifAliveByQuadrature(params, 10, 0, 0, params.b), 5);
  });

  it('is continuous where the formula switches to the shifted form (c = ½) and across a = 1', () => {
    const at = (a: number, b: number) => bgNbdExpectedPurchasesIfAlive({ r: 0.5, alpha: 2, a, b }, 20, 0, 3);
    // c = a + b − 1 = 0.5 ± 1e-9
    expect(at(0.6, 0.9 - 1e-9)).toBeCloseTo(at(0.6, 0.9 + 1e-9), 7);
    expect(at(1 - 1e-7, 2)).toBeCloseTo(at(1 + 1e-7, 2), 6);
    expect(at(1, 2)).toBeCloseTo(at(1 + 1e-6, 2), 5);
    expect(aMinusOneOf(1)).toBe(1e-9);
    expect(aMinusOneOf(0.5)).toBe(-0.5);
  });

  it('evaluates a whole curve with one shared series, equal to one series per time', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 40, noNaN: true }),
        fc.double({ min: 0.2, max: 40, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 0.5, max: 100, noNaN: true }),
        (bigA, bigB, aValue, s) => {
          const am1 = aMinusOneOf(aValue);
          const bigC = bigB + am1;
          if (bigC <= 0.5) return;
          const times = Float64Array.from({ length: 12 }, (_, m) => (m + 1) * 4.345);
          const out = new Float64Array(12);
          hypergeometricExpectations(bigC, bigA, bigB, bigC, am1, times, s, out);
          times.forEach((t, j) => {
            const single = hypergeometricExpectation(bigC, bigA, bigB, bigC, am1, t, s);
            expect(Math.abs(out[j]! - single)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(single)));
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
