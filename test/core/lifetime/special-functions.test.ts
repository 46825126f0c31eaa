import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digamma, hyp2f1, logAddExp, logBeta, logGamma, logHyp2f1 } from '../../../core/lifetime/special-functions.js';

/** |actual − expected| ≤ tolerance · |expected| (relative; values below 1e-290 count as 1e-290). */
function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(Math.abs(expected), 1e-290));
}

// Reference values from mpmath at 40 digits (mp.loggamma, mp.digamma, mp.beta, mp.hyp2f1).
const LOG_GAMMA: [number, number][] = [
  [1e-8, 18.42068073818021],
  [0.001, 6.907178885383853],
  [0.1, 2.252712651734206],
  [0.5, 0.5723649429247001],
  [0.75, 0.20328095143129538],
  [0.9, 0.06637623973474295],
  [0.99, 0.005854806764709781],
  [1.01, -0.005690307946069651],
  [1.25, -0.09827183642181316],
  [1.5, -0.12078223763524522],
  [1.9, -0.03898427592308336],
  [2.1, 0.04543773854448518],
  [2.5, 0.2846828704729192],
  [3.7, 1.428072326665388],
  [7.25, 7.0521854507385395],
  [9.99, 12.779315214350193],
  [10, 12.801827480081469],
  [15.5, 26.536914491115613],
  [100.3, 360.5147057290581],
  [1234.5, 7550.550901077895],
  [1e6, 12815504.569147611],
];

describe('logGamma', () => {
  it.each(LOG_GAMMA)('log Γ(%d) to 1e-12 relative', (x, expected) => {
    expectRelative(logGamma(x), expected, 1e-12);
  });

  it('is exact at the roots and at integers', () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    expectRelative(logGamma(10), Math.log(362880), 1e-14);
    expectRelative(logGamma(171), 706.5730622457874, 1e-14); // log(170!)
  });

  it('satisfies the recurrence log Γ(x+1) = log Γ(x) + log x', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e4, noNaN: true }), (x) => {
        expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThanOrEqual(
          2e-13 * Math.max(1, Math.abs(logGamma(x + 1))),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('is NaN outside its domain and +∞ at 0', () => {
    expect(logGamma(-1)).toBeNaN();
    expect(logGamma(Number.NaN)).toBeNaN();
    expect(logGamma(0)).toBe(Infinity);
  });
});

describe('digamma', () => {
  it.each([
    [0.001, -1000.5755719318103],
    [0.5, -1.9635100260214235],
    [1, -0.5772156649015329],
    [2.5, 0.7031566406452432],
    [9.99, 2.250700372831201],
    [10, 2.251752589066721],
    [123.4, 4.8113737751162775],
  ])('ψ(%d)', (x, expected) => {
    expect(Math.abs(digamma(x) - expected)).toBeLessThan(1e-13 * Math.max(1, Math.abs(expected)));
  });

  it('is the derivative of logGamma', () => {
    for (const x of [0.3, 1.7, 4.2, 55]) {
      const h = 1e-5;
      expect(digamma(x)).toBeCloseTo((logGamma(x + h) - logGamma(x - h)) / (2 * h), 7);
    }
  });
});

describe('logBeta / logAddExp', () => {
  it.each([
    [0.793, 2.426, -0.5115692885937033],
    [2, 3, -2.4849066497880004],
    [500.5, 1000.25, -957.4076446423534],
    [0.001, 5, 6.905672657062075],
  ])('log B(%d, %d)', (a, b, expected) => {
    expectRelative(logBeta(a, b), expected, 1e-12);
  });

  it('adds in log space without overflow', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logAddExp(-Infinity, 3)).toBe(3);
    expect(logAddExp(3, -Infinity)).toBe(3);
    expect(logAddExp(0, -800)).toBe(0);
  });
});

describe('logHyp2f1', () => {
  it.each([
    [0.243, 2.426, 2.219, 0.5, 0.18821830926204305],
    [2.243, 4.426, 4.219, 0.9, 5.51692626065268],
    [0.5, 0.5, 1.5, 0.999, 0.4317424410586886],
    [10.5, 20.5, 3.5, 0.3, 14.65598286872275],
    [200.243, 202.426, 202.219, 0.47, 127.2603959689516],
    [1.5, 2.5, 0.1, 0.8, 9.778583282794616],
  ])('log ₂F₁(%d, %d; %d; %d) against mpmath', (a, b, c, z, expected) => {
    expectRelative(logHyp2f1(a, b, c, z), expected, 1e-12);
  });

  it('matches closed forms: ₂F₁(1,1;2;z) = −log(1−z)/z and ₂F₁(a,b;b;z) = (1−z)^−a', () => {
    for (const z of [0.01, 0.3, 0.9, 0.99]) expectRelative(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z, 1e-13);
    expect(hyp2f1(1, 1, 2, 0)).toBe(1);
  });

  it('stays finite in logs where ₂F₁ itself overflows (thousands of purchases)', () => {
    // ₂F₁(a, b; b; z) = (1 − z)^−a: with a = 5000, z = 0.5 that is 2^5000 ≈ 10^1505.
    expectRelative(logHyp2f1(5000, 3000, 3000, 0.5), 5000 * Math.LN2, 1e-12);
    expect(hyp2f1(5000, 3000, 3000, 0.5)).toBe(Infinity);
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 2000, noNaN: true }),
        fc.double({ min: 0.01, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        (a, b, z) => {
          expectRelative(logHyp2f1(a, b, b, z), -a * Math.log1p(-z), 1e-11);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('does not stop early when the first term is tiny but the terms then grow', () => {
    // a ≈ 0: the first term is ~1e-20 · b z / c, far below 1e-17 of the sum, but the ratio then climbs above 1 (mpmath values;
    // the log of a sum within 3e-7 of 1 keeps ~9 significant digits).
    expectRelative(logHyp2f1(1e-20, 50, 1, 0.5), 2.3478077731149107e-7, 1e-8);
    expectRelative(logHyp2f1(1e-12, 1000, 1, 0.5), 658.6104081818096, 1e-12);
  });

  it('is NaN outside its domain', () => {
    expect(logHyp2f1(1, 1, 2, 1)).toBeNaN();
    expect(logHyp2f1(1, 1, 0, 0.5)).toBeNaN();
    expect(logHyp2f1(-1, 1, 2, 0.5)).toBeNaN();
  });
});
