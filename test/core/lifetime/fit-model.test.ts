import { describe, expect, it } from 'vitest';
import { fitOptionsSchema, maximizeLikelihood } from '../../../core/lifetime/fit-model.js';
import { fitBgNbd } from '../../../core/lifetime/index.js';
import type { ObjectiveWithGradient } from '../../../core/optimize/objective.js';
import { referenceSummary } from './cdnow.js';

describe('maximizeLikelihood', () => {
  it('finds a closed-form MLE and its delta-method standard error (Poisson rate)', () => {
    // n = 400 counts with mean 2.5: λ̂ = 2.5, se(λ̂) = √(λ̂/n) = 0.0790569.
    // Mean −LL per observation in θ = log λ: e^θ − x̄ θ (constants dropped).
    const n = 400,
      mean = 2.5;
    const objective: ObjectiveWithGradient = (theta, gradient) => {
      const lambda = Math.exp(theta[0]!);
      gradient[0] = lambda - mean;
      return lambda - mean * theta[0]!;
    };
    const fit = maximizeLikelihood(objective, ['lambda'], { lambda: 1 }, n, n, fitOptionsSchema.parse({}));
    expect(fit.params.lambda).toBeCloseTo(2.5, 8);
    expect(fit.standardErrors.lambda).toBeCloseTo(Math.sqrt(2.5 / 400), 6);
    expect(fit.logCovariance![0]).toBeCloseTo(1 / (400 * 2.5), 8); // Var(log λ̂) = 1/(n λ)
    expect(fit.method).toBe('bfgs');
    expect(fit.logLikelihood).toBeCloseTo(-n * (2.5 - 2.5 * Math.log(2.5)), 6);
  });

  it('falls back to Nelder–Mead + BFGS when BFGS alone runs out of iterations, to the same optimum', () => {
    const summary = referenceSummary();
    const direct = fitBgNbd(summary);
    const fallback = fitBgNbd(summary, { maxIterations: 2 });
    expect(fallback.method).toBe('nelder-mead+bfgs');
    expect(fallback.converged).toBe(true);
    expect(fallback.logLikelihood).toBeCloseTo(direct.logLikelihood, 6);
    for (const name of ['r', 'alpha', 'a', 'b'] as const)
      expect(fallback.params[name] / direct.params[name]).toBeCloseTo(1, 4);
  });

  it('starts where asked and reports flat likelihoods as missing standard errors', () => {
    const flat: ObjectiveWithGradient = (theta, gradient) => {
      gradient[0] = 0;
      gradient[1] = 2 * (theta[1]! - 1);
      return (theta[1]! - 1) ** 2;
    };
    const fit = maximizeLikelihood(
      flat,
      ['u', 'v'],
      { u: 1, v: 1 },
      10,
      10,
      fitOptionsSchema.parse({ initial: { u: 5 } }),
    );
    expect(fit.params.u).toBeCloseTo(5, 12);
    expect(fit.params.v).toBeCloseTo(Math.E, 6);
    expect(fit.logCovariance).toBeUndefined();
    expect(fit.standardErrors.u).toBeNaN();
  });
});
