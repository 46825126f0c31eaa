import { label, type LabelKey, type Message, type MessageParams } from '../i18n/labels.js';

/**
 * One change or problem in the user's data (SPEC §3). `row` is the 1-based row
 * the user sees in the file or sheet (the header is usually row 1); `column` is
 * the header text as written by the user, or '' for a whole-row or file issue.
 */
export interface CellIssue {
  readonly code: IssueCode;
  readonly row: number;
  readonly column: string;
  readonly value: string;
  /** English, for logs and back-compat; faces render `formatIssue(issue, locale)`. */
  readonly message: string;
  /** The catalogue sentence of `message` and its parameters, so every face can render the issue in its locale. */
  readonly key?: LabelKey;
  readonly params?: MessageParams;
}

/**
 * An issue whose text comes from the catalogue: `message` is its English
 * rendering, `key` + `params` let a face render it in the user's locale.
 */
export function createIssue(code: IssueCode, row: number, column: string, value: string, text: Message): CellIssue {
  return {
    code,
    row,
    column,
    value,
    message: label(text.key, 'en', text.params),
    key: text.key,
    ...(text.params ? { params: text.params } : {}),
  };
}

/** Stable kebab-case codes: the SPEC §3 rule codes plus the engine's own. */
export const ISSUE_CODES = [
  // SPEC §3 cleaning rules
  'duplicate-id',
  'id-unified',
  'amount-filled',
  'contact-missing',
  'registration-date-filled',
  'logins-zero',
  'refund-excluded',
  'frequency-over-limit',
  'complaint-merged',
  'contact-invalid',
  'date-normalized',
  'industry-unrecognized',
  'text-normalized',
  'amount-outlier',
  'spend-mismatch',
  // reading and parsing
  'missing-id',
  'duplicate-transaction',
  'invalid-date',
  'ambiguous-date',
  'future-date',
  'invalid-number',
  'ambiguous-number',
  'negative-value',
  'formula-error',
  'mixed-types',
  'negative-spend',
  'missing-value',
  'invalid-column',
  'after-as-of',
  'no-purchases',
  // a customer id with refunds and no purchase: reported once, left out of every result
  'refund-only',
  // a negative line inside an order that stays a purchase (netted in the order)
  'refund-in-order',
  // amount cells or headers in more than one currency
  'mixed-currency',
  'no-variation',
  'empty-file',
  'header-only',
  'missing-columns',
  'ambiguous-column',
  'unsupported-file',
  'too-many-columns',
  'no-customers',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

/**
 * Thrown when the data cannot be processed at all. Carries every fatal issue at
 * once (like ZodError), never only the first.
 */
export class DataValidationError extends Error {
  readonly issues: readonly CellIssue[];
  constructor(issues: readonly CellIssue[]) {
    super(issues.map((i) => i.message).join('\n'));
    this.name = 'DataValidationError';
    this.issues = issues;
  }
  /** The stable code of the first issue, for exit codes and bot replies. */
  get code(): IssueCode {
    return this.issues[0]?.code ?? 'empty-file';
  }
}
