import { isLabelKey, type LabelKey, type Message } from '../i18n/labels.js';
import { createIssue, DataValidationError, type CellIssue } from '../report/cell-issue.js';
import { FIELDS, isFieldId, type FieldId } from '../schema/fields.js';
import { cellText } from '../table/cell-text.js';
import type { Cell } from '../table/cell.js';
import { findOwnColumns } from './find-own-columns.js';
import { normalizeHeader } from './normalize-header.js';

export type TableShape = 'customers' | 'transactions';
/** `attributes`: a customer table joined to transactions, only the id is required. */
export type TableRole = TableShape | 'attributes';

export interface ColumnPlan {
  readonly shape: TableShape;
  /** Header texts as the user wrote them ('' for an empty header cell). */
  readonly headers: readonly string[];
  /** Column index of each detected field. */
  readonly columns: Readonly<Partial<Record<FieldId, number>>>;
  /** How each field was found, for the mapping preview. */
  readonly matchedBy: Readonly<Partial<Record<FieldId, 'alias' | 'mapping'>>>;
  /** Columns that are not Tierline fields; they pass through untouched. */
  readonly passThrough: readonly number[];
  /** Non-fatal findings, e.g. two columns that both look like the same field. */
  readonly issues: readonly CellIssue[];
}

export interface DetectColumnsOptions {
  /** field (id or alias) → header text; wins over detection. */
  readonly mapping?: Readonly<Record<string, string>>;
  readonly shape?: TableShape | 'auto';
  readonly role?: 'primary' | 'attributes';
  /** 1-based row of the header, for messages. */
  readonly headerRow?: number;
}

const aliasIndex = new Map<string, FieldId>();
for (const field of FIELDS) {
  for (const alias of [field.id, ...field.zh, ...field.en]) {
    const key = normalizeHeader(alias).full;
    if (!aliasIndex.has(key)) aliasIndex.set(key, field.id);
  }
}

/** The field a header (or a user's field name) denotes, if any. */
export function matchField(header: string): FieldId | undefined {
  const { full, stem } = normalizeHeader(header);
  if (full === '') return undefined;
  return aliasIndex.get(full) ?? (stem !== full && stem !== '' ? aliasIndex.get(stem) : undefined);
}

/**
 * What each table shape needs: every requirement is met by any one of its
 * alternatives, an alternative being all of its fields (an amount, or
 * quantity × unit price). The key of a requirement names it in messages.
 */
export const REQUIRED_COLUMNS: Readonly<
  Record<TableShape, readonly { readonly key: FieldId; readonly anyOf: readonly (readonly FieldId[])[] }[]>
> = {
  transactions: [
    { key: 'customerId', anyOf: [['customerId']] },
    { key: 'orderDate', anyOf: [['orderDate']] },
    { key: 'orderAmount', anyOf: [['orderAmount'], ['quantity', 'unitPrice']] },
  ],
  customers: [
    { key: 'customerId', anyOf: [['customerId']] },
    { key: 'lastPurchaseDate', anyOf: [['lastPurchaseDate'], ['recencyDays']] },
    { key: 'historicalFrequency', anyOf: [['frequency6m'], ['historicalFrequency'], ['annualFrequency']] },
    { key: 'cumulativeSpend', anyOf: [['cumulativeSpend'], ['amount6m'], ['orderAmount'], ['averageOrderValue']] },
  ],
};

/**
 * True when `field` can meet one of the shape's requirements (the add-in marks these "required").
 * @example isRequiredField('recencyDays', 'customers') === true
 */
export function isRequiredField(field: FieldId, shape: TableShape): boolean {
  return REQUIRED_COLUMNS[shape].some((requirement) => requirement.anyOf.some((fields) => fields.includes(field)));
}

function hasTransactionColumns(has: (id: FieldId) => boolean): boolean {
  return has('orderDate') && (has('orderAmount') || (has('quantity') && has('unitPrice')));
}

function missingFor(shape: TableRole, has: (id: FieldId) => boolean): FieldId[] {
  // A customer table joined onto transactions needs only its id.
  const requirements = shape === 'attributes' ? REQUIRED_COLUMNS.customers.slice(0, 1) : REQUIRED_COLUMNS[shape];
  return requirements
    .filter((requirement) => !requirement.anyOf.some((fields) => fields.every(has)))
    .map((requirement) => requirement.key);
}

/**
 * Finds which column holds which field (SPEC §2 aliases, en + zh-CN, case,
 * width and spacing insensitive), and whether the table is one row per
 * customer or one row per transaction. An explicit mapping wins.
 * @throws DataValidationError `missing-columns` listing found and missing
 *   columns at once; `empty-file` when the header row is empty.
 * @example detectColumns(['客户编号', '下单时间', '订单金额']).shape === 'transactions'
 */
export function detectColumns(header: readonly Cell[], options: DetectColumnsOptions = {}): ColumnPlan {
  const headerRow = options.headerRow ?? 1;
  const headers = header.map((h) => cellText(h).trim());
  if (headers.every((h) => h === '')) {
    throw new DataValidationError([
      createIssue('empty-file', headerRow, '', '', { key: 'clean.no-headers', params: { row: headerRow } }),
    ]);
  }
  const columns: Partial<Record<FieldId, number>> = {};
  const matchedBy: Partial<Record<FieldId, 'alias' | 'mapping'>> = {};
  const issues: CellIssue[] = [];
  const fatal: CellIssue[] = [];

  for (const [key, target] of Object.entries(options.mapping ?? {})) {
    const field = isFieldId(key) ? key : matchField(key);
    if (!field) {
      fatal.push({
        code: 'missing-columns',
        row: headerRow,
        column: target,
        value: key,
        message: `Unknown field "${key}" in the column mapping. Known fields: ${FIELDS.map((d) => d.id).join(', ')}.`,
      });
      continue;
    }
    const wanted = normalizeHeader(target).full;
    const index =
      headers.findIndex((h) => h === target) >= 0
        ? headers.findIndex((h) => h === target)
        : headers.findIndex((h) => normalizeHeader(h).full === wanted);
    if (index < 0) {
      fatal.push({
        code: 'missing-columns',
        row: headerRow,
        column: target,
        value: target,
        message: `Column "${target}" (mapped to ${field}) is not in the header. Headers found: ${headers.filter(Boolean).join(', ')}.`,
      });
      continue;
    }
    columns[field] = index;
    matchedBy[field] = 'mapping';
  }
  if (fatal.length > 0) throw new DataValidationError(fatal);

  const mappedColumns = new Set(Object.values(columns));
  // Columns a previous run appended are results, not source data: they pass
  // through, and stand in for a field only when the source column is absent
  // (output of a transaction file: one row per customer, results only).
  const own = findOwnColumns(headers);
  headers.forEach((text, index) => {
    if (mappedColumns.has(index) || own.columns.has(index)) return;
    const field = matchField(text);
    if (!field || matchedBy[field] === 'mapping') return;
    const existing = columns[field];
    if (existing !== undefined) {
      issues.push({
        code: 'ambiguous-column',
        row: headerRow,
        column: text,
        value: text,
        message: `Columns "${headers[existing]}" and "${text}" both look like ${field}; using "${headers[existing]}" (the first). Map the column explicitly to choose the other.`,
      });
      return;
    }
    columns[field] = index;
    matchedBy[field] = 'alias';
  });

  const has = (id: FieldId): boolean => columns[id] !== undefined;
  if (!hasTransactionColumns(has) && missingFor('customers', has).length > 0) {
    for (const [index, field] of own.fields) {
      if (columns[field] !== undefined) continue;
      columns[field] = index;
      matchedBy[field] = 'alias';
    }
  }
  const hasTransactions = hasTransactionColumns(has);
  const hasCustomerAggregates = has('lastPurchaseDate') || has('recencyDays');
  // An order list may carry a "last purchase" column; it is a customer table
  // only when it also has per-customer frequency and spend totals.
  const hasCustomerTotals =
    (has('frequency6m') || has('historicalFrequency') || has('annualFrequency')) &&
    (has('cumulativeSpend') || has('amount6m') || has('averageOrderValue'));
  let shape: TableShape;
  if (options.shape && options.shape !== 'auto') shape = options.shape;
  else if (hasTransactions && !(hasCustomerAggregates && hasCustomerTotals)) shape = 'transactions';
  else if (hasCustomerAggregates) shape = 'customers';
  else shape = has('orderDate') ? 'transactions' : 'customers';

  const missing = missingFor(options.role === 'attributes' ? 'attributes' : shape, has);
  if (missing.length > 0) {
    const found = headers
      .map((h, i) => {
        const field = (Object.keys(columns) as FieldId[]).find((id) => columns[id] === i);
        return h === '' ? undefined : field ? `${h} → ${field}` : h;
      })
      .filter(Boolean)
      .join(', ');
    const kind =
      options.role === 'attributes' ? 'customer attribute' : shape === 'transactions' ? 'transaction' : 'customer';
    const need = missing.map((id): Message =>
      isLabelKey(`clean.need.${id}`)
        ? { key: `clean.need.${id}` as LabelKey }
        : { key: 'clean.verbatim', params: { text: id } },
    );
    const text: Message = {
      key: 'clean.missing-columns',
      params: {
        kind: { key: `clean.table.${kind.replace(' ', '-')}` as LabelKey },
        missing: need,
        found,
        field: missing[0]!,
      },
    };
    throw new DataValidationError([createIssue('missing-columns', headerRow, '', missing.join(','), text)]);
  }

  const fieldColumns = new Set(Object.values(columns));
  const passThrough = headers.map((_, i) => i).filter((i) => !fieldColumns.has(i));
  return { shape, headers, columns, matchedBy, passThrough, issues };
}
