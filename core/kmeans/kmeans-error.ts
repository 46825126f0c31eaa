import { CodedError } from '../i18n/coded-error.js';
import type { Message } from '../i18n/labels.js';

/** Stable kebab-case codes of the fatal problems of `clusterCustomers`. */
export const KMEANS_ERROR_CODES = [
  /** A recency, frequency or money column is shorter than `count`. */
  'invalid-features',
  /** No customer at all. */
  'no-customers',
  /** Fewer than 2 customers with finite recency, frequency and spend: nothing to cluster. */
  'too-few-customers',
] as const;

export type KMeansErrorCode = (typeof KMEANS_ERROR_CODES)[number];

/** Thrown when customers cannot be clustered at all: a stable `code` for exit codes and bot replies, a catalogue sentence for people. */
export class KMeansError extends CodedError<KMeansErrorCode> {
  constructor(code: KMeansErrorCode, text: Message) {
    super(code, text);
    this.name = 'KMeansError';
  }
}
