import {
  DataValidationError,
  detectColumns,
  isFieldId,
  isRequiredField,
  matchField,
  normalizeHeader,
  type Cell,
  type FieldId,
  type Locale,
  type TableShape,
} from '../../core/index.js';
import { formatBox, qualifyAddress } from './cell-address.js';
import { probeSource } from './read-source.js';
import { readSettingsItem, queueSettingsLoad, type TierlineSettings } from './run-settings.js';
import { formatSummaryLabel } from './write-summary.js';

/** One field of the mapping preview. */
export interface FieldPreview {
  readonly field: FieldId;
  /** The header detected or mapped for it; undefined when missing. */
  readonly header?: string;
  readonly matchedBy?: 'alias' | 'mapping';
  /** True when core cannot run without it. */
  readonly required: boolean;
}

/** The pane's view of the table around the selection. */
export interface ColumnPreview {
  readonly source: string;
  readonly headers: readonly string[];
  /** undefined when required columns are missing (the shape cannot be told). */
  readonly shape?: TableShape;
  readonly fields: readonly FieldPreview[];
  readonly missing: readonly FieldId[];
}

/**
 * Previews which header core will read for each field, with `mapping`
 * applied, so the analyst can fix detection before segmenting. Reads only
 * the header row (two or three small syncs).
 * @throws AddinError from locating the table (`empty-selection` …).
 */
export async function previewColumns(
  context: Excel.RequestContext,
  locale: Locale,
  mapping: Readonly<Record<string, string>> = {},
): Promise<ColumnPreview> {
  const probe = await probeSource(context, locale, [formatSummaryLabel('summarySheet', locale)]);
  const sheet = context.workbook.worksheets.getItem(probe.sheetName);
  const headerRange = sheet.getRangeByIndexes(probe.box.row, probe.box.column, 1, probe.box.columnCount);
  headerRange.load('values');
  await context.sync();
  const headers = (headerRange.values[0] ?? []).map((cell) => String(cell ?? '').trim());
  return {
    source: qualifyAddress(probe.sheetName, formatBox(probe.box)),
    ...describeHeaders(headers, mapping, probe.box.row + 1),
  };
}

/**
 * The part of a stored mapping that applies to this header row. The mapping
 * is remembered per workbook, not per table: a header that is not in the
 * table the analyst selected now is dropped, not reported as an error.
 * @example filterMapping({ customerId: 'Kunde' }, ['ID']) // {}
 */
export function filterMapping(
  mapping: Readonly<Record<string, string>>,
  header: readonly Cell[],
): Record<string, string> {
  const present = new Set(header.map((cell) => normalizeHeader(String(cell ?? '')).full));
  return Object.fromEntries(Object.entries(mapping).filter(([, target]) => present.has(normalizeHeader(target).full)));
}

/**
 * The preview of a header row (pure; the pane and the tests call it).
 * @example describeHeaders(['Customer ID', 'Order date', 'Amount']).shape === 'transactions'
 */
export function describeHeaders(
  headers: readonly string[],
  mapping: Readonly<Record<string, string>> = {},
  headerRow = 1,
): Omit<ColumnPreview, 'source'> {
  try {
    const plan = detectColumns(headers, { mapping: filterMapping(mapping, headers), headerRow });
    const fields = (Object.entries(plan.columns) as [FieldId, number][]).map(([field, index]) => ({
      field,
      header: plan.headers[index]!,
      matchedBy: plan.matchedBy[field] ?? 'alias',
      required: isRequiredField(field, plan.shape),
    }));
    return { headers, shape: plan.shape, fields, missing: [] };
  } catch (error) {
    if (!(error instanceof DataValidationError) || error.code !== 'missing-columns') throw error;
    // core lists the missing field ids in the issue value; detection of the
    // others is repeated per header, as detectColumns does it.
    // A mapping to a header that is not there is reported the same way: keep field ids only.
    const missing = error.issues.flatMap((issue) => issue.value.split(',')).filter(isFieldId);
    const fields: FieldPreview[] = [];
    const seen = new Set<FieldId>();
    headers.forEach((header) => {
      const field = matchField(header);
      if (field && !seen.has(field)) {
        seen.add(field);
        fields.push({ field, header, matchedBy: 'alias', required: false });
      }
    });
    const offered = new Set<FieldId>([...missing, ...seen]);
    // Detection guessed one shape; the analyst may mean the other, so the key
    // fields of both shapes can be mapped.
    const others = KEY_FIELDS.filter((field) => !offered.has(field)).map((field) => ({ field, required: false }));
    return { headers, fields: [...missing.map((field) => ({ field, required: true })), ...fields, ...others], missing };
  }
}

/** The fields that decide the shape: an order list's and a customer table's. */
const KEY_FIELDS: readonly FieldId[] = [
  'customerId',
  'orderDate',
  'orderAmount',
  'lastPurchaseDate',
  'historicalFrequency',
  'cumulativeSpend',
];

/**
 * Selects a cell the cleaning report points at (and activates its sheet).
 * One Excel.run per click, one sync.
 */
export async function selectAddress(context: Excel.RequestContext, address: string): Promise<void> {
  const bang = address.lastIndexOf('!');
  const sheetName = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, '$1')
    .replaceAll("''", "'");
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(address.slice(bang + 1)).select();
  await context.sync();
}

/** The stored settings (for the pane's initial state and the ribbon button). */
export async function loadSettings(context: Excel.RequestContext): Promise<TierlineSettings> {
  const item = queueSettingsLoad(context);
  await context.sync();
  return readSettingsItem(item);
}
