import { z } from 'zod';
import { parseOptions } from '../util/parse-options.js';
import { finiteOrInfinity, type Objective, type OptimizeResult } from './objective.js';

/** Options of `nelderMead`; every default lives here. */
export const nelderMeadOptionsSchema = z
  .object({
    /** Initial simplex: x0 and x0 + initialStep·eᵢ (absolute, so it suits log-parameters). */
    initialStep: z.number().positive().default(0.1),
    /** Stop when every vertex is within xTolerance of the best (max norm)… */
    xTolerance: z.number().nonnegative().default(1e-8),
    /** …and every vertex value is within fTolerance of the best (scipy's rule). */
    fTolerance: z.number().nonnegative().default(1e-12),
    /** Default 1000 × dimension. */
    maxIterations: z.number().int().positive().optional(),
    /** Default 2000 × dimension. */
    maxEvaluations: z.number().int().positive().optional(),
    /** Gao & Han (2012) dimension-dependent coefficients; better beyond ~4 dimensions. */
    adaptive: z.boolean().default(false),
  })
  .strict();

export type NelderMeadOptions = z.input<typeof nelderMeadOptionsSchema>;

/**
 * Minimizes f by the Nelder–Mead simplex method (Lagarias et al. 1998
 * conventions: reflection, expansion, inside/outside contraction, shrink).
 * Derivative-free and deterministic: same f, x0 and options give the same
 * path. Buffers are allocated once; the loop allocates nothing.
 * @throws OptionsError for invalid options.
 * @example nelderMead((x) => (x[0]! - 1) ** 2 + (x[1]! + 2) ** 2, [0, 0]).x // ≈ [1, -2]
 */
export function nelderMead(f: Objective, x0: ArrayLike<number>, optionsInput: NelderMeadOptions = {}): OptimizeResult {
  const options = parseOptions(nelderMeadOptionsSchema, optionsInput);
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 1000 * n;
  const maxEvaluations = options.maxEvaluations ?? 2000 * n;
  const alpha = 1;
  const beta = options.adaptive ? 1 + 2 / n : 2; // expansion
  const gamma = options.adaptive ? 0.75 - 1 / (2 * n) : 0.5; // contraction
  const delta = options.adaptive ? 1 - 1 / n : 0.5; // shrink

  const simplex = new Float64Array((n + 1) * n);
  const values = new Float64Array(n + 1);
  const order = new Int32Array(n + 1);
  const centroid = new Float64Array(n);
  const reflected = new Float64Array(n);
  const trial = new Float64Array(n);
  let evaluations = 0;
  const evaluate = (point: Float64Array): number => {
    evaluations++;
    return finiteOrInfinity(f(point));
  };
  const vertex = (i: number): Float64Array => simplex.subarray(i * n, (i + 1) * n);

  for (let i = 0; i <= n; i++) {
    const v = vertex(i);
    for (let j = 0; j < n; j++) v[j] = x0[j]!;
    if (i > 0) v[i - 1]! += options.initialStep;
    values[i] = evaluate(v);
    order[i] = i;
  }

  let iterations = 0;
  let reason: OptimizeResult['reason'] = 'max-iterations';
  while (true) {
    sortOrder(order, values);
    const best = order[0]!,
      worst = order[n]!,
      secondWorst = order[n - 1]!;
    if (hasConverged(simplex, values, order, n, options.xTolerance, options.fTolerance)) {
      reason = 'converged';
      break;
    }
    if (iterations >= maxIterations) break;
    if (evaluations >= maxEvaluations) {
      reason = 'max-evaluations';
      break;
    }
    iterations++;

    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const v = vertex(order[k]!);
      for (let j = 0; j < n; j++) centroid[j]! += v[j]! / n;
    }
    const worstVertex = vertex(worst);
    for (let j = 0; j < n; j++) reflected[j] = centroid[j]! + alpha * (centroid[j]! - worstVertex[j]!);
    const fr = evaluate(reflected);

    if (fr < values[best]!) {
      for (let j = 0; j < n; j++) trial[j] = centroid[j]! + beta * (reflected[j]! - centroid[j]!);
      const fe = evaluate(trial);
      if (fe < fr) replace(worstVertex, trial, worst, fe);
      else replace(worstVertex, reflected, worst, fr);
      continue;
    }
    if (fr < values[secondWorst]!) {
      replace(worstVertex, reflected, worst, fr);
      continue;
    }
    const outside = fr < values[worst]!;
    for (let j = 0; j < n; j++)
      trial[j] = outside
        ? centroid[j]! + gamma * (reflected[j]! - centroid[j]!)
        : centroid[j]! - gamma * (centroid[j]! - worstVertex[j]!);
    const fc = evaluate(trial);
    if (outside ? fc <= fr : fc < values[worst]!) {
      replace(worstVertex, trial, worst, fc);
      continue;
    }
    // Shrink every vertex towards the best one.
    const bestVertex = vertex(best);
    for (let k = 0; k <= n; k++) {
      if (k === best) continue;
      const v = vertex(k);
      for (let j = 0; j < n; j++) v[j] = bestVertex[j]! + delta * (v[j]! - bestVertex[j]!);
      values[k] = evaluate(v);
    }
  }

  const best = order[0]!;
  return {
    x: vertex(best).slice(),
    value: values[best]!,
    iterations,
    evaluations,
    converged: reason === 'converged',
    reason,
  };

  function replace(target: Float64Array, source: Float64Array, index: number, value: number): void {
    target.set(source);
    values[index] = value;
  }
}

/** Insertion sort of vertex indices by value (n + 1 is small); ties keep index order. */
function sortOrder(order: Int32Array, values: Float64Array): void {
  for (let i = 1; i < order.length; i++) {
    const o = order[i]!;
    const v = values[o]!;
    let j = i - 1;
    while (j >= 0 && (values[order[j]!]! > v || (values[order[j]!]! === v && order[j]! > o))) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = o;
  }
}

function hasConverged(
  simplex: Float64Array,
  values: Float64Array,
  order: Int32Array,
  n: number,
  xTolerance: number,
  fTolerance: number,
): boolean {
  const best = order[0]!;
  const fBest = values[best]!;
  if (!Number.isFinite(fBest)) return false;
  for (let k = 1; k <= n; k++) {
    const i = order[k]!;
    if (!(Math.abs(values[i]! - fBest) <= fTolerance)) return false;
    for (let j = 0; j < n; j++) if (Math.abs(simplex[i * n + j]! - simplex[best * n + j]!) > xTolerance) return false;
  }
  return true;
}
