import { label, type LabelKey, type Locale } from '../../core/index.js';

/**
 * What the add-in tells the analyst when it stops before writing anything:
 * each code's message in the one catalogue (core/i18n/pane-messages.ts), which
 * says what was found and what to do next.
 */
const MESSAGES = {
  'empty-selection': 'pane.error.empty-selection',
  'header-only': 'pane.error.header-only',
  'missing-columns': 'pane.error.missing-columns',
  'merged-cells': 'pane.error.merged-cells',
  'too-many-rows': 'pane.error.too-many-rows',
  'sheet-protected': 'pane.error.sheet-protected',
  'workbook-protected': 'pane.error.workbook-protected',
  'sheet-name-taken': 'pane.error.sheet-name-taken',
  'target-occupied': 'pane.error.target-occupied',
  'no-room': 'pane.error.no-room',
  'summary-sheet-selected': 'pane.error.summary-sheet-selected',
  'invalid-options': 'pane.error.invalid-options',
  'table-overlap': 'pane.errorTableOverlap',
  'excel-failed': 'pane.error.excel-failed',
} as const satisfies Record<string, LabelKey>;

export type AddinErrorCode = keyof typeof MESSAGES;

/** The message of `code` in `locale`, `{name}` placeholders filled. */
export function formatAddinMessage(
  code: AddinErrorCode,
  locale: Locale,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const filled = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'number' ? value.toLocaleString('en-US') : value,
    ]),
  );
  return label(MESSAGES[code], locale, filled);
}

/**
 * A reason the add-in stopped before changing the workbook (or, for
 * `excel-failed`, after undoing its own partial write). `fields` names the
 * unmapped fields for `missing-columns`, so the pane can ask for them.
 */
export class AddinError extends Error {
  constructor(
    readonly code: AddinErrorCode,
    message: string,
    readonly fields: readonly string[] = [],
  ) {
    super(message);
    this.name = 'AddinError';
  }
}

/** Builds the AddinError of `code` in `locale`. */
export function createAddinError(
  code: AddinErrorCode,
  locale: Locale,
  params: Readonly<Record<string, string | number>> = {},
  fields: readonly string[] = [],
): AddinError {
  return new AddinError(code, formatAddinMessage(code, locale, params), fields);
}
