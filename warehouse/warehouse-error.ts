import { label, type LabelKey, type Locale, type MessageParams } from '../core/index.js';

/** Stable codes of the SQL engine's problems. */
export type WarehouseErrorCode =
  | 'unreachable'
  | 'auth-failed'
  | 'no-table'
  | 'query-failed'
  | 'timeout'
  | 'bad-file'
  | 'wrong-type'
  | 'invalid-identifier'
  | 'unsupported-cells';

/**
 * A problem reading from a database or a file through SQL, as data: a stable
 * code, a catalogue sentence (`warehouse.*`) with its parameters, and whether
 * it is the user's setup (usage, exit 1) or their data (exit 2).
 */
export class WarehouseError extends Error {
  constructor(
    readonly code: WarehouseErrorCode,
    readonly params: MessageParams,
    readonly kind: 'usage' | 'data',
  ) {
    super(label(`warehouse.${code}` as LabelKey, 'en', params));
    this.name = 'WarehouseError';
  }

  /** The one line in the user's language. */
  render(locale: Locale): string {
    return label(`warehouse.${this.code}` as LabelKey, locale, this.params);
  }
}

/** The first line of an engine's message, without its "Error:" prefixes (never a stack). */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .split('\n')[0]!
    .replace(/^(\w+ )?Error: /, '')
    .trim();
}
