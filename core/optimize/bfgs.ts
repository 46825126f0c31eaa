import { z } from 'zod';
import type { ObjectiveWithGradient, OptimizeResult } from './objective.js';
import { parseOptions } from '../util/parse-options.js';

/** Options of `bfgs`; every default lives here. */
export const bfgsOptionsSchema = z
  .object({
    /** Converged when ‖∇f‖∞ ≤ gradientTolerance. */
    gradientTolerance: z.number().nonnegative().default(1e-9),
    /**
     * …or when f stalls at the rounding limit: a step lowers f by at most
     * fTolerance·max(1, |f|), or no step lowers it at all, while ‖∇f‖∞ ≤
     * stallGradientTolerance. (A gradient summed over a million rows carries
     * rounding noise of ~1e-8, so gradientTolerance alone may be out of reach.)
     */
    fTolerance: z.number().nonnegative().default(1e-14),
    stallGradientTolerance: z.number().nonnegative().default(1e-6),
    maxIterations: z.number().int().positive().default(500),
    /** Longest trial step (max norm): on log-parameters 5 is a factor e⁵ ≈ 150. */
    maxStep: z.number().positive().default(5),
  })
  .strict();

export type BfgsOptions = z.input<typeof bfgsOptionsSchema>;

const ARMIJO = 1e-4;
const CURVATURE = 0.9;
const MAX_LINE_STEPS = 30;
const MAX_EXPANSIONS = 8;

/**
 * Minimizes f by BFGS (Nocedal & Wright, Numerical Optimization, Alg. 6.1)
 * with an inverse-Hessian update, a backtracking/expanding line search that
 * seeks the Armijo and curvature (weak Wolfe) conditions, a reset to
 * steepest descent when the direction stops descending, and a stall test for
 * objectives whose rounding noise hides the last digits of the gradient. `objective` returns
 * f and writes ∇f; wrap a value-only f with `withNumericalGradient`.
 * Deterministic; buffers are allocated once.
 * @throws OptionsError for invalid options.
 * @example bfgs((x, g) => { g[0] = 2 * (x[0]! - 3); return (x[0]! - 3) ** 2; }, [0]).x // ≈ [3]
 */
export function bfgs(
  objective: ObjectiveWithGradient,
  x0: ArrayLike<number>,
  optionsInput: BfgsOptions = {},
): OptimizeResult {
  const options = parseOptions(bfgsOptionsSchema, optionsInput);
  const n = x0.length;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  const p = new Float64Array(n);
  const xTrial = new Float64Array(n),
    gTrial = new Float64Array(n);
  const xAccepted = new Float64Array(n),
    gAccepted = new Float64Array(n);
  const s = new Float64Array(n),
    y = new Float64Array(n),
    hy = new Float64Array(n);
  const h = new Float64Array(n * n);
  const resetH = (): void => {
    h.fill(0);
    for (let i = 0; i < n; i++) h[i * n + i] = 1;
  };
  resetH();
  let freshH = true;

  let evaluations = 1;
  let f = objective(x, g);
  const result = (reason: OptimizeResult['reason'], iterations: number): OptimizeResult => ({
    x: x.slice(),
    value: f,
    iterations,
    evaluations,
    converged: reason === 'converged',
    reason,
    gradientNorm: maxAbs(g),
  });
  if (!Number.isFinite(f) || !allFinite(g)) return result('non-finite-start', 0);

  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    if (maxAbs(g) <= options.gradientTolerance) return result('converged', iteration);
    // p = −H g
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum -= h[i * n + j]! * g[j]!;
      p[i] = sum;
      slope += sum * g[i]!;
    }
    if (!(slope < 0)) {
      resetH();
      freshH = true;
      slope = 0;
      for (let i = 0; i < n; i++) {
        p[i] = -g[i]!;
        slope -= g[i]! * g[i]!;
      }
    }
    const longest = maxAbs(p);
    if (longest > options.maxStep) {
      const scale = options.maxStep / longest;
      for (let i = 0; i < n; i++) p[i]! *= scale;
      slope *= scale;
    }

    // Line search: shrink until Armijo holds, then expand while the slope
    // is still steep (curvature condition unmet) and f keeps falling.
    let step = 1;
    let accepted = Number.NaN;
    let acceptedStep = 0;
    let shrunk = false;
    let expansions = 0;
    for (let k = 0; k < MAX_LINE_STEPS; k++) {
      for (let i = 0; i < n; i++) xTrial[i] = x[i]! + step * p[i]!;
      const fTrial = objective(xTrial, gTrial);
      evaluations++;
      const armijo = Number.isFinite(fTrial) && allFinite(gTrial) && fTrial <= f + ARMIJO * step * slope;
      if (armijo && !(fTrial >= accepted)) {
        accepted = fTrial;
        acceptedStep = step;
        xAccepted.set(xTrial);
        gAccepted.set(gTrial);
        let trialSlope = 0;
        for (let i = 0; i < n; i++) trialSlope += gTrial[i]! * p[i]!;
        if (!shrunk && trialSlope < CURVATURE * slope && expansions < MAX_EXPANSIONS) {
          expansions++;
          step *= 2;
          continue;
        }
        break;
      }
      if (!Number.isNaN(accepted)) break; // an expansion overshot: keep the last good step
      shrunk = true;
      // Quadratic interpolation of f along p, kept within [0.1, 0.5] of the step.
      const curvature = Number.isFinite(fTrial) ? fTrial - f - step * slope : Infinity;
      const guess = curvature > 0 ? (-slope * step * step) / (2 * curvature) : 0.5 * step;
      step = Math.min(0.5 * step, Math.max(0.1 * step, guess));
    }
    if (Number.isNaN(accepted)) {
      if (maxAbs(g) <= options.stallGradientTolerance) return result('converged', iteration);
      if (!freshH) {
        // A stale curvature model can point nowhere useful: restart once from steepest descent.
        resetH();
        freshH = true;
        continue;
      }
      return result('line-search-failed', iteration);
    }

    let sy = 0,
      yy = 0,
      ss = 0;
    for (let i = 0; i < n; i++) {
      s[i] = acceptedStep * p[i]!;
      y[i] = gAccepted[i]! - g[i]!;
      sy += s[i]! * y[i]!;
      yy += y[i]! * y[i]!;
      ss += s[i]! * s[i]!;
    }
    const fallen = f - accepted;
    x.set(xAccepted);
    g.set(gAccepted);
    f = accepted;
    if (fallen <= options.fTolerance * Math.max(1, Math.abs(f)) && maxAbs(g) <= options.stallGradientTolerance)
      return result('converged', iteration + 1);

    if (sy > 1e-12 * Math.sqrt(ss * yy)) {
      if (freshH) {
        // Nocedal & Wright (6.20): scale the initial inverse Hessian before the first update.
        const scale = sy / yy;
        for (let i = 0; i < n; i++) h[i * n + i] = scale;
        freshH = false;
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, expanded with Hy.
      const rho = 1 / sy;
      let yhy = 0;
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += h[i * n + j]! * y[j]!;
        hy[i] = sum;
        yhy += y[i]! * sum;
      }
      const factor = rho * rho * yhy + rho;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          h[i * n + j] = h[i * n + j]! - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) + factor * s[i]! * s[j]!;
        }
      }
    }
  }
  return result(maxAbs(g) <= options.gradientTolerance ? 'converged' : 'max-iterations', options.maxIterations);
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]!);
    if (!(a <= m)) m = a; // NaN propagates as the max
  }
  return m;
}

function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i]!)) return false;
  return true;
}
