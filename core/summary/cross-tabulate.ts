import { z } from 'zod';
import { ATTRIBUTE_FIELDS, type AttributeField, type CustomerFeatures } from '../features/customer-features.js';
import type { SchemeResult } from '../segment/apply-scheme.js';
import { StringIndex } from '../util/string-index.js';
import { parseOptions } from '../util/parse-options.js';

/** The attributes SPEC §9 cross-tabulates by default: region, industry, size, channel, owner. */
export const CROSS_TAB_ATTRIBUTES = [
  'region',
  'industry',
  'companySize',
  'channel',
  'accountManager',
] as const satisfies readonly AttributeField[];

/** The bucket of customers with no value (empty cell or no attribute row). */
export const BLANK_VALUE = '(blank)';
/** The bucket merging the least frequent values beyond `maxValues`. */
export const OTHER_VALUE = '(other)';

/**
 * Segment × attribute value table (SPEC §9 distributions and cross analysis,
 * e.g. "80% of high-value customers prefer offline channels" is a row share).
 * Matrices are indexed `[segment][value]`; revenue is net whole-history spend.
 */
export interface CrossTab {
  readonly attribute: AttributeField;
  /** Rows: the scheme's segments in display order (empty ones included). */
  readonly segments: readonly string[];
  /** Columns: by customers descending, ties in code-point order; then '(other)', then '(blank)' (each only when non-empty). */
  readonly values: readonly string[];
  readonly counts: readonly (readonly number[])[];
  /** Count ÷ the segment's customers (0 for an empty segment). */
  readonly rowShares: readonly (readonly number[])[];
  readonly revenue: readonly (readonly number[])[];
  /** Column totals, and each column's share of all customers (SPEC §9 "华东 40%"). */
  readonly valueCounts: readonly number[];
  readonly valueShares: readonly number[];
  readonly valueRevenue: readonly number[];
  /** Row totals. */
  readonly segmentCounts: readonly number[];
  readonly segmentRevenue: readonly number[];
  readonly total: { readonly count: number; readonly revenue: number };
}

export const crossTabOptionsSchema = z
  .object({
    /** Attributes to tabulate (absent ones are skipped). */
    attributes: z.array(z.enum(ATTRIBUTE_FIELDS)).default([...CROSS_TAB_ATTRIBUTES]),
    /** Keep this many most frequent values per attribute; merge the rest into '(other)'. Default: keep all. */
    maxValues: z.number().int().min(1).optional(),
  })
  .strict();
export type CrossTabOptions = z.input<typeof crossTabOptionsSchema>;

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.length === 0 || (value.charCodeAt(0) <= 32 && value.trim().length === 0);
}

/** Rows of `width` numbers from a flat row-major array. */
function rowsOf(flat: Float64Array, width: number): number[][] {
  const rows: number[][] = [];
  for (let at = 0; at < flat.length; at += width) rows.push(Array.from(flat.subarray(at, at + width)));
  return rows;
}

function tabulate(
  features: CustomerFeatures,
  scheme: SchemeResult,
  attribute: AttributeField,
  values: readonly (string | undefined)[],
  maxValues: number,
): CrossTab {
  const n = features.count,
    k = scheme.segments.length;
  // Pass 1: intern the values (blank = -1) so pass 2 works on integers only.
  const index = new StringIndex(1024);
  const code = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    const value = values[c];
    code[c] = isBlank(value) ? -1 : index.intern(value!);
  }
  const distinct = index.size;
  const rawCounts = new Float64Array(distinct + 1);
  for (let c = 0; c < n; c++) rawCounts[code[c]! < 0 ? distinct : code[c]!]!++;
  const order = Array.from({ length: distinct }, (_, v) => v).sort(
    (a, b) =>
      rawCounts[b]! - rawCounts[a]! || (index.keys[a]! < index.keys[b]! ? -1 : index.keys[a]! > index.keys[b]! ? 1 : 0),
  );
  const kept = Math.min(distinct, maxValues);
  const hasOther = distinct > kept,
    hasBlank = rawCounts[distinct]! > 0;
  const columns = [
    ...order.slice(0, kept).map((v) => index.keys[v]!),
    ...(hasOther ? [OTHER_VALUE] : []),
    ...(hasBlank ? [BLANK_VALUE] : []),
  ];
  const width = columns.length;
  const columnOf = new Int32Array(distinct + 1);
  order.forEach((v, rank) => (columnOf[v] = rank < kept ? rank : kept));
  columnOf[distinct] = hasOther ? kept + 1 : kept;

  // Pass 2: accumulate counts and revenue per (segment, column).
  const counts = new Float64Array(k * width),
    revenue = new Float64Array(k * width);
  for (let c = 0; c < n; c++) {
    const cell = scheme.segment[c]! * width + columnOf[code[c]! < 0 ? distinct : code[c]!]!;
    counts[cell]!++;
    const money = features.monetary[c]!;
    if (!Number.isNaN(money)) revenue[cell]! += money;
  }
  const valueCounts = new Array<number>(width).fill(0),
    valueRevenue = new Array<number>(width).fill(0);
  const segmentCounts = new Array<number>(k).fill(0),
    segmentRevenue = new Array<number>(k).fill(0);
  for (let s = 0; s < k; s++) {
    for (let v = 0; v < width; v++) {
      valueCounts[v]! += counts[s * width + v]!;
      valueRevenue[v]! += revenue[s * width + v]!;
      segmentCounts[s]! += counts[s * width + v]!;
      segmentRevenue[s]! += revenue[s * width + v]!;
    }
  }
  const countRows = rowsOf(counts, width);
  return {
    attribute,
    segments: [...scheme.segments],
    values: columns,
    counts: countRows,
    rowShares: countRows.map((row, s) => row.map((x) => (segmentCounts[s]! > 0 ? x / segmentCounts[s]! : 0))),
    revenue: rowsOf(revenue, width),
    valueCounts,
    valueShares: valueCounts.map((x) => (n > 0 ? x / n : 0)),
    valueRevenue,
    segmentCounts,
    segmentRevenue,
    total: { count: n, revenue: segmentRevenue.reduce((a, b) => a + b, 0) },
  };
}

/**
 * Cross-tabs of segment × attribute for each requested attribute the data
 * carries (default region, industry, companySize, channel, accountManager; an
 * attribute the table lacks is skipped, not reported as all blank). Missing
 * values form their own '(blank)' column. Two columnar passes per attribute.
 * @throws OptionsError for invalid options.
 * @example crossTabulate(result.features, result.scheme, { maxValues: 10 }).map((t) => t.attribute)
 */
export function crossTabulate(
  features: CustomerFeatures,
  scheme: SchemeResult,
  optionsInput: CrossTabOptions = {},
): CrossTab[] {
  const options = parseOptions(crossTabOptionsSchema, optionsInput);
  const tabs: CrossTab[] = [];
  for (const attribute of options.attributes) {
    const values = features.attributes[attribute];
    if (values) tabs.push(tabulate(features, scheme, attribute, values, options.maxValues ?? Infinity));
  }
  return tabs;
}
