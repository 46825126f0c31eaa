import { CodedError } from '../i18n/coded-error.js';
import type { Message } from '../i18n/labels.js';

/** Stable kebab-case codes of the churn back-test's fatal input problems. */
export const CHURN_ERROR_CODES = [
  /** The event columns have different lengths, or `customers` / `asOfDay` is not a whole number. */
  'invalid-events',
  /** An event names a customer outside 0 … customers − 1. */
  'invalid-customer',
  /** An event's value is NaN or infinite. */
  'invalid-value',
  /** A per-customer attribute column does not have one entry per customer. */
  'invalid-attribute',
] as const;

export type ChurnErrorCode = (typeof CHURN_ERROR_CODES)[number];

/**
 * Thrown when the event list cannot be read at all: a stable `code` and a
 * one-line catalogue sentence naming the column, the first offending event (0-based
 * index) and its value; `events` holds the first offending indices.
 */
export class ChurnInputError extends CodedError<ChurnErrorCode> {
  readonly events: readonly number[];
  constructor(code: ChurnErrorCode, text: Message, events: readonly number[] = []) {
    super(code, text);
    this.name = 'ChurnInputError';
    this.events = events;
  }
}
