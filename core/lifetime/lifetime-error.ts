import { CodedError } from '../i18n/coded-error.js';
import type { Message } from '../i18n/labels.js';

/** Stable kebab-case codes of the lifetime models' fatal problems. */
export const LIFETIME_ERROR_CODES = [
  /** A summary column is missing, of the wrong length, negative, or inconsistent (e.g. t_x > T). */
  'invalid-summary',
  /** Nothing to fit: no customer. */
  'no-customers',
  /** One customer cannot identify a population model. */
  'too-few-customers',
  /** Every customer has the same (x, t_x, T): the parameters are not identifiable. */
  'identical-customers',
  /** Every customer bought once (x = 0 for all): no repeat behaviour to learn from. */
  'no-repeat-buyers',
  /** Gamma-Gamma needs customers with x > 0 and a positive mean repeat spend. */
  'no-repeat-spend',
  /** A Gamma-Gamma fit with q ≤ 1 has no finite population mean spend. */
  'undefined-expectation',
  /** Holdout diagnostics need a summary built with an observation end. */
  'no-holdout',
] as const;

export type LifetimeErrorCode = (typeof LIFETIME_ERROR_CODES)[number];

/**
 * Thrown when data cannot be fitted or scored at all: a stable `code` for
 * exit codes and bot replies, a catalogue sentence for people, and (for row problems)
 * the 0-based indices of the first offending customers.
 */
export class LifetimeModelError extends CodedError<LifetimeErrorCode> {
  readonly customers: readonly number[];
  constructor(code: LifetimeErrorCode, text: Message, customers: readonly number[] = []) {
    super(code, text);
    this.name = 'LifetimeModelError';
    this.customers = customers;
  }
}
