import {
  customerCells,
  customerColumns,
  parseDay,
  excelMoneyFormat,
  label,
  RESULT_COLUMNS,
  resultCells,
  resultHeaders,
  type Cell,
  type LabelKey,
  type Locale,
  type SegmentationResult,
} from '../../core/index.js';

/** Days from 1899-12-30 (Excel serial 0) to 1970-01-01 (core's day 0). */
const EXCEL_EPOCH_OFFSET = 25_569;

/** What a written column looks like in Excel. */
export interface ColumnStyle {
  readonly numberFormat: string;
  /** Column width in points. */
  readonly width: number;
  /** 'YYYY-MM-DD' texts become Excel date serials (locale-proof, sortable). */
  readonly isDate: boolean;
}

const NUMBER: ColumnStyle = { numberFormat: '0', width: 64, isDate: false };
// The money columns' format is the data's currency (excelMoneyFormat); this is its shape.
const MONEY: ColumnStyle = { numberFormat: '#,##0.00', width: 84, isDate: false };
const PERCENT: ColumnStyle = { numberFormat: '0.0%', width: 72, isDate: false };
const DATE: ColumnStyle = { numberFormat: 'yyyy-mm-dd', width: 76, isDate: true };
// `@` keeps codes such as RFM 555 or customer id 00123 as text.
const CODE: ColumnStyle = { numberFormat: '@', width: 64, isDate: false };
const TEXT: ColumnStyle = { numberFormat: 'General', width: 110, isDate: false };
const LONG_TEXT: ColumnStyle = { numberFormat: 'General', width: 220, isDate: false };

const RESULT_STYLE: Readonly<Record<(typeof RESULT_COLUMNS)[number], ColumnStyle>> = {
  recencyDays: NUMBER,
  frequency: NUMBER,
  monetary: MONEY,
  frequency6m: NUMBER,
  amount6m: MONEY,
  averageOrderValue: MONEY,
  // rfm8 writes High/Low here; General shows both numbers and words.
  rScore: { ...NUMBER, numberFormat: 'General' },
  fScore: { ...NUMBER, numberFormat: 'General' },
  mScore: { ...NUMBER, numberFormat: 'General' },
  rfmCode: CODE,
  segment: TEXT,
  tags: LONG_TEXT,
  lifecycle: TEXT,
  churnRisk: { ...TEXT, width: 64 },
  churnReason: LONG_TEXT,
  churnProbability: PERCENT,
  churnModel: TEXT,
  strategyGroup: TEXT,
  strategyGoal: LONG_TEXT,
  measures: LONG_TEXT,
  strategyChannel: TEXT,
  department: TEXT,
  strategyOwner: TEXT,
  cadence: TEXT,
  dueDate: DATE,
  kpi: LONG_TEXT,
};

const CUSTOMER_STYLE: Readonly<Record<string, ColumnStyle>> = {
  customerId: CODE,
  firstPurchaseDate: DATE,
  lastPurchaseDate: DATE,
};

/**
 * The columns to write: headers, styles, and the data rows made on demand.
 * Rows are built while writing, one block at a time, so a 100,000-row run
 * never holds all 2.4 million result cells at once (and they die young,
 * which keeps garbage collection cheap).
 */
export interface ColumnBlock {
  readonly headers: readonly string[];
  readonly styles: readonly ColumnStyle[];
  /** Data rows (the header is `headers`). */
  readonly rowCount: number;
  /** Data row `i` (0-based), a fresh array. */
  row(i: number): Cell[];
}

/** All rows of a block (tests and small tables). */
export function listBlockRows(block: ColumnBlock): Cell[][] {
  return Array.from({ length: block.rowCount }, (_, i) => block.row(i));
}

/**
 * Makes a core cell safe and exact for `Range.values`: empty as '' (null
 * would leave an old value in place), NaN as empty, dates as serials, and
 * text that Excel would run as a formula (= + - @) kept as text with the
 * apostrophe prefix, as typing it would.
 */
export function convertToExcelCell(cell: Cell, style: ColumnStyle): Cell {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : '';
  if (typeof cell !== 'string') return cell;
  if (style.isDate) {
    const day = parseDay(cell);
    if (day !== undefined) return day + EXCEL_EPOCH_OFFSET;
  }
  return /^[=+\-@]/.test(cell) ? `'${cell}` : cell;
}

/** RESULT_COLUMNS styles with money in the run's currency (`"£"#,##0.00`). */
function resultStyles(result: SegmentationResult): ColumnStyle[] {
  const money = excelMoneyFormat(result.currency);
  return RESULT_COLUMNS.map((id) =>
    RESULT_STYLE[id] === MONEY ? { ...MONEY, numberFormat: money } : RESULT_STYLE[id],
  );
}

const scheme = (result: SegmentationResult, locale: Locale) =>
  resultHeaders(result, locale).slice(RESULT_COLUMNS.length);

/**
 * The appended columns of a customer-row sheet, one output row per sheet
 * row: an excluded row (no id, duplicate, bad date …) gets empty cells, so
 * every result stays on its own customer's row, hidden rows included.
 */
export function buildRowColumns(result: SegmentationResult, dataRows: number, locale: Locale): ColumnBlock {
  const headers = resultHeaders(result, locale);
  const styles = [...resultStyles(result), ...scheme(result, locale).map(() => TEXT)];
  const rowCustomer = result.rowCustomer;
  const row = (i: number): Cell[] => {
    const c = rowCustomer?.[i] ?? -1;
    if (c < 0) return headers.map(() => '');
    // resultCells returns a fresh array: convert it in place (no second array per row).
    const cells = resultCells(result, c, locale);
    for (let j = 0; j < headers.length; j++) cells[j] = convertToExcelCell(cells[j], styles[j]!);
    return cells;
  };
  return { headers, styles, rowCount: dataRows, row };
}

/** One row per customer (SPEC §8: order-level sheets get results on a new sheet). */
export function buildCustomerColumns(result: SegmentationResult, locale: Locale): ColumnBlock {
  const identity = customerColumns(result);
  const headers = [
    ...identity.map((id) => label(`column.${id}` as LabelKey, locale)),
    ...resultHeaders(result, locale),
  ];
  const styles = [
    ...identity.map((id) => CUSTOMER_STYLE[id] ?? TEXT),
    ...resultStyles(result),
    ...scheme(result, locale).map(() => TEXT),
  ];
  const row = (c: number): Cell[] => {
    const cells = [...customerCells(result, c), ...resultCells(result, c, locale)];
    for (let j = 0; j < cells.length; j++) cells[j] = convertToExcelCell(cells[j], styles[j]!);
    return cells;
  };
  return { headers, styles, rowCount: result.features.count, row };
}
