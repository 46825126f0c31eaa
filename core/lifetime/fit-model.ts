import { z } from 'zod';
import { bfgs } from '../optimize/bfgs.js';
import { numericalHessian } from '../optimize/derivatives.js';
import { invertSymmetric } from '../optimize/linear-algebra.js';
import { nelderMead } from '../optimize/nelder-mead.js';
import type { ObjectiveWithGradient, OptimizeResult } from '../optimize/objective.js';

/** Options shared by every model fit; every default lives here. */
export const fitOptionsSchema = z
  .object({
    /** BFGS stops when ‖∇‖∞ of the mean negative log-likelihood (in log-parameters) is below this. */
    gradientTolerance: z.number().positive().default(1e-9),
    maxIterations: z.number().int().positive().default(500),
    /** Starting values (natural scale); defaults are model-specific and scale with the data. */
    initial: z.record(z.string(), z.number().positive()).optional(),
  })
  .strict();

export type FitOptions = z.input<typeof fitOptionsSchema>;

/** A maximum-likelihood fit of a model with positive parameters `N`. */
export interface ParameterFit<N extends string> {
  readonly params: Readonly<Record<N, number>>;
  /**
   * Asymptotic standard errors: from the numerical Hessian H of −LL in the
   * log-parameters at the optimum, Cov(log θ) = H⁻¹ and, by the delta
   * method, se(θᵢ) = θᵢ·√Cov(log θ)ᵢᵢ. NaN when H is not positive definite.
   */
  readonly standardErrors: Readonly<Record<N, number>>;
  /** Cov(log θ), row-major in `parameterNames` order; undefined when H is not positive definite. */
  readonly logCovariance: Float64Array | undefined;
  readonly parameterNames: readonly N[];
  /** Total log-likelihood over all customers. */
  readonly logLikelihood: number;
  /** Customers fitted (summed weights) and the unique rows they collapse to. */
  readonly customers: number;
  readonly uniqueRows: number;
  readonly converged: boolean;
  readonly iterations: number;
  readonly evaluations: number;
  /** 'bfgs', or 'nelder-mead+bfgs' when BFGS alone did not converge. */
  readonly method: 'bfgs' | 'nelder-mead+bfgs';
}

/**
 * Maximizes a likelihood given as the mean negative log-likelihood in
 * log-parameters (with analytic gradient): BFGS from the start; if that does
 * not converge, Nelder–Mead from the best point so far, then a BFGS polish.
 * Standard errors come from the Hessian of the total −LL at the optimum.
 * @example maximizeLikelihood(objective, ['p', 'q', 'v'], { p: 1, q: 2, v: 30 }, 946, 900, fitOptionsSchema.parse({})).params
 */
export function maximizeLikelihood<N extends string>(
  objective: ObjectiveWithGradient,
  names: readonly N[],
  start: Readonly<Record<N, number>>,
  totalWeight: number,
  uniqueRows: number,
  options: z.output<typeof fitOptionsSchema>,
): ParameterFit<N> {
  const k = names.length;
  const theta0 = Float64Array.from(names, (name) => Math.log(options.initial?.[name] ?? start[name]));
  const bfgsOptions = { gradientTolerance: options.gradientTolerance, maxIterations: options.maxIterations };
  let result: OptimizeResult = bfgs(objective, theta0, bfgsOptions);
  let method: ParameterFit<N>['method'] = 'bfgs';
  let iterations = result.iterations,
    evaluations = result.evaluations;
  if (!result.converged) {
    method = 'nelder-mead+bfgs';
    const scratch = new Float64Array(k);
    const from = Number.isFinite(result.value) ? result.x : theta0;
    // Loose simplex (its job is to get into the basin), bounded so a million-row objective stays affordable.
    const simplex = nelderMead((theta) => objective(theta, scratch), from, {
      initialStep: 0.5,
      xTolerance: 1e-6,
      fTolerance: 1e-12,
      maxIterations: 250 * k,
      maxEvaluations: 500 * k,
    });
    const polish = bfgs(objective, simplex.x, bfgsOptions);
    iterations += simplex.iterations + polish.iterations;
    evaluations += simplex.evaluations + polish.evaluations;
    // The polish starts at the simplex's best point and only accepts decreases.
    result = polish.reason === 'non-finite-start' ? simplex : polish;
  }
  const theta = result.x;
  const params = Object.fromEntries(names.map((name, i) => [name, Math.exp(theta[i]!)])) as Record<N, number>;
  const hessian = numericalHessian(objective, theta, { gradient: true });
  for (let i = 0; i < hessian.length; i++) hessian[i]! *= totalWeight;
  const logCovariance = allFinite(hessian) ? invertSymmetric(hessian, k) : undefined;
  const standardErrors = Object.fromEntries(
    names.map((name, i) => [name, logCovariance ? params[name] * Math.sqrt(logCovariance[i * k + i]!) : Number.NaN]),
  ) as Record<N, number>;
  return {
    params,
    standardErrors,
    logCovariance,
    parameterNames: names,
    logLikelihood: -result.value * totalWeight,
    customers: totalWeight,
    uniqueRows,
    converged: result.converged,
    iterations,
    evaluations,
    method,
  };
}

function allFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return false;
  return true;
}
