/**
 * Shared shapes of the optimizers. Objectives receive a Float64Array the
 * optimizer owns and reuses: read it, never keep it.
 */

/** f(x); NaN is treated as +∞ (a point outside the model's domain). */
export type Objective = (x: Float64Array) => number;

/** Writes ∇f(x) into `gradient` and returns f(x), in one pass over the data. */
export type ObjectiveWithGradient = (x: Float64Array, gradient: Float64Array) => number;

export type StopReason = 'converged' | 'max-iterations' | 'max-evaluations' | 'line-search-failed' | 'non-finite-start';

export interface OptimizeResult {
  /** The best point found (a fresh array). */
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  /** Objective evaluations (a value-and-gradient call counts as one). */
  readonly evaluations: number;
  readonly converged: boolean;
  readonly reason: StopReason;
  /** ‖∇f‖∞ at x, when the method uses gradients. */
  readonly gradientNorm?: number;
}

/**
 * NaN-safe value: NaN counts as +∞ so comparisons push away from it.
 * @example finiteOrInfinity(Number.NaN) === Infinity
 */
export function finiteOrInfinity(value: number): number {
  return Number.isNaN(value) ? Infinity : value;
}
