// The optimizers of the engine, implemented once (issue 7): derivative-free
// Nelder–Mead, BFGS with analytic or numerical gradients, numerical Hessians.
export type { Objective, ObjectiveWithGradient, OptimizeResult, StopReason } from './objective.js';
export { nelderMead, nelderMeadOptionsSchema, type NelderMeadOptions } from './nelder-mead.js';
export { bfgs, bfgsOptionsSchema, type BfgsOptions } from './bfgs.js';
export { numericalGradient, numericalHessian, withNumericalGradient } from './derivatives.js';
export { cholesky, invertSymmetric } from './linear-algebra.js';
