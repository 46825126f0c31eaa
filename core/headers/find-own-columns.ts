import { label, LOCALES, type LabelKey } from '../i18n/labels.js';
import type { FieldId } from '../schema/fields.js';
import { RESULT_COLUMNS } from '../segment/describe-customer.js';
import { normalizeHeader } from './normalize-header.js';

/** Columns the schemes append after RESULT_COLUMNS (run-scheme, value tiers, scorecard, k-means). */
const SCHEME_COLUMNS = [
  'explanation',
  'tierStrategy',
  'strategyOwner',
  'cadence',
  'clusterNo',
  'valueTier',
  'subTier',
  'responseSla',
  'gradeScore',
  'grade',
] as const;

/**
 * What each computed column means when read back as a field. The 6-month
 * columns stay 6-month ones: reading them as lifetime totals is the bug this
 * module exists for (A001: 3 purchases became 2).
 */
const AS_FIELD: Readonly<Partial<Record<(typeof RESULT_COLUMNS)[number], FieldId>>> = {
  recencyDays: 'recencyDays',
  frequency: 'historicalFrequency',
  monetary: 'cumulativeSpend',
  frequency6m: 'frequency6m',
  amount6m: 'amount6m',
  averageOrderValue: 'averageOrderValue',
};

// A table is Tierline's output when it carries the segment column and at
// least this many other result columns of one locale; a source file that
// happens to name one column 近6个月消费频次 is read as usual.
const SIGNATURE_COLUMNS = 6;

const keysByLocale = LOCALES.map((locale) => {
  const keys = new Map<string, string>();
  for (const column of [...RESULT_COLUMNS, ...SCHEME_COLUMNS])
    keys.set(normalizeHeader(label(`column.${column}` as LabelKey, locale)).full, column);
  return { keys, segment: normalizeHeader(label('column.segment', locale)).full };
});

export interface OwnColumns {
  /** Column index → the result column it holds, for every column Tierline itself wrote. */
  readonly columns: ReadonlyMap<number, string>;
  /** The field a computed column means, to read it back when the source columns are gone. */
  readonly fields: ReadonlyMap<number, FieldId>;
}

/**
 * Finds the columns a previous Tierline run appended (either locale), so
 * segmenting its own output never takes them for source fields.
 * @example findOwnColumns(['客户ID', '购买次数', ...resultHeadersZh]).columns.has(1) === false
 */
export function findOwnColumns(headers: readonly string[]): OwnColumns {
  const keys = headers.map((h) => normalizeHeader(h).full);
  for (const { keys: own, segment } of keysByLocale) {
    if (!keys.includes(segment)) continue;
    const columns = new Map<number, string>();
    keys.forEach((key, index) => {
      const column = own.get(key);
      if (column !== undefined) columns.set(index, column);
    });
    if (columns.size <= SIGNATURE_COLUMNS) continue;
    const fields = new Map<number, FieldId>();
    for (const [index, column] of columns) {
      const field = AS_FIELD[column as keyof typeof AS_FIELD];
      if (field) fields.set(index, field);
    }
    return { columns, fields };
  }
  return { columns: new Map(), fields: new Map() };
}
