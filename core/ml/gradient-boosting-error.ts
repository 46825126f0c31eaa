import { CodedError } from '../i18n/coded-error.js';
import type { Message } from '../i18n/labels.js';

/** Stable kebab-case codes of the gradient-boosting classifier's fatal problems. */
export const GRADIENT_BOOSTING_ERROR_CODES = [
  /** `rows` or `cols` is not a whole number ≥ 1 (nothing to fit or score). */
  'no-rows',
  /** `features.length` is not `rows × cols`, or the data's `cols` differs from the model's. */
  'shape-mismatch',
  /** Fitting needs `labels`, one per row. */
  'missing-labels',
  /** A label is neither 0 nor 1. */
  'invalid-label',
  /** Every label is the same: there is nothing to separate. */
  'one-class',
  /** A model that is not one this version of `fitGradientBoosting` wrote. */
  'invalid-model',
] as const;

export type GradientBoostingErrorCode = (typeof GRADIENT_BOOSTING_ERROR_CODES)[number];

/**
 * Thrown when data cannot be fitted or scored at all: a stable `code` for
 * exit codes and bot replies, a one-line catalogue sentence naming the value, and (for
 * row problems) the 0-based indices of the first offending rows.
 */
export class GradientBoostingError extends CodedError<GradientBoostingErrorCode> {
  readonly rows: readonly number[];
  constructor(code: GradientBoostingErrorCode, text: Message, rows: readonly number[] = []) {
    super(code, text);
    this.name = 'GradientBoostingError';
    this.rows = rows;
  }
}
