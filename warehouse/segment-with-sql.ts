import {
  addMonths,
  createOrderListSegmenter,
  planOrderLines,
  type AttributeTable,
  type CellIssue,
  type CellReason,
  type CountedIssue,
  type CustomerOrders,
  type DateFormat,
  type LabelKey,
  type SegmentationResult,
  type SegmentOptionsInput,
} from '../core/index.js';
import { DATE_TYPES, NUMBER_TYPES, TEXT_TYPES, type SourceColumn, type SqlEngine } from './engines/sql-engine.js';
import {
  buildFeatureQueries,
  withLines,
  type ColumnKind,
  type ColumnMap,
  type FeatureQueries,
} from './sql/build-feature-query.js';
import { findUnsupportedCells } from './sql/check-sample.js';
import type { DialectName } from './sql/dialect.js';
import { WarehouseError } from './warehouse-error.js';

/** Rows read from the source to check what the SQL can read like the Node path. */
const SAMPLE_ROWS = 2000;
const ATTRIBUTE_FIELDS = [
  'customerName',
  'company',
  'contact',
  'industry',
  'region',
  'companySize',
  'accountManager',
  'channel',
] as const;

export interface SqlRunRequest {
  readonly segmentOptions: SegmentOptionsInput;
  readonly onIssue?: (issue: CellIssue) => void;
  readonly keepPurchaseDays?: boolean;
  /** A customer table (read by io) joined onto the customers. */
  readonly join?: AttributeTable;
  /**
   * 'fail' (forced engine, a database): a sample cell the SQL would read
   * differently is an error naming it; 'fallback': return undefined instead,
   * so the caller keeps the Node path.
   */
  readonly unsupported: 'fail' | 'fallback';
}

/** How the source's columns map, and the SQL for them. */
export interface SqlPlan {
  readonly header: readonly string[];
  readonly map: ColumnMap;
  readonly queries: FeatureQueries;
}

/**
 * Plans the feature SQL for a source: reads its column names (the header),
 * detects the columns as the Node path does (`--map` included), checks the
 * column types, and generates the statements.
 * @throws DataValidationError `missing-columns` (no customer id …); WarehouseError `wrong-type`.
 */
export async function planSql(
  engine: SqlEngine,
  options: SegmentOptionsInput,
  rowNumbers: 'window' | 'position' = 'window',
): Promise<SqlPlan & { columns: readonly SourceColumn[] }> {
  const columns = await engine.columns();
  const header = columns.map((c) => c.name);
  const plan = planOrderLines(header, options, 1);
  const col = plan.columns;
  const name = (i: number | undefined) => (i === undefined ? undefined : header[i]);
  const checkType = (i: number | undefined, field: LabelKey, allowed: RegExp[]) => {
    if (i === undefined) return;
    const type = columns[i]!.type;
    if (!allowed.some((re) => re.test(type)))
      throw new WarehouseError(
        'wrong-type',
        { source: engine.label, column: header[i]!, type, field: { key: field } },
        'data',
      );
  };
  checkType(col.customerId, 'clean.need.customerId', [TEXT_TYPES, NUMBER_TYPES, /^UUID/]);
  checkType(col.orderDate, 'clean.need.orderDate', [TEXT_TYPES, DATE_TYPES]);
  for (const i of [col.orderAmount, col.quantity, col.unitPrice])
    checkType(i, 'clean.need.orderAmount', [TEXT_TYPES, NUMBER_TYPES]);
  const map: ColumnMap = {
    customerId: name(col.customerId)!,
    orderDate: name(col.orderDate)!,
    ...(col.orderAmount !== undefined ? { orderAmount: name(col.orderAmount)! } : {}),
    ...(col.quantity !== undefined ? { quantity: name(col.quantity)! } : {}),
    ...(col.unitPrice !== undefined ? { unitPrice: name(col.unitPrice)! } : {}),
    ...(col.orderId !== undefined ? { orderId: name(col.orderId)! } : {}),
    attributes: ATTRIBUTE_FIELDS.filter((f) => col[f] !== undefined).map((f) => [f, name(col[f])!] as const),
  };
  // Typed date and amount columns (Parquet, a database table) are judged by typed comparisons, no text.
  const types: Record<string, ColumnKind> = {};
  const typeOf = (i: number | undefined, kind: 'date' | 'number') => {
    if (i === undefined) return;
    const type = columns[i]!.type;
    if (kind === 'date' && /^DATE\b/.test(type)) types[header[i]!] = 'date';
    else if (kind === 'date' && /^TIMESTAMP/.test(type)) types[header[i]!] = 'timestamp';
    else if (kind === 'number' && NUMBER_TYPES.test(type)) types[header[i]!] = 'number';
  };
  typeOf(col.orderDate, 'date');
  for (const i of [col.orderAmount, col.quantity, col.unitPrice]) typeOf(i, 'number');
  const queries = buildFeatureQueries(
    {
      types,
      rowNumbers,
      source: engine.relation,
      columns: header,
      map,
      headerRow: 1,
      decimal: options.decimal === ',' ? ',' : '.',
      refunds: options.refunds === 'exclude' ? 'exclude' : 'net',
    },
    engine.dialect,
  );
  return { header, map, queries, columns };
}

/**
 * The SQL a data team runs in its own warehouse (`--explain`): the three
 * statements for the dialect, each with the per-line CTE, the source
 * relation shown as `source`, and the dialect notes.
 */
export function explainSql(plan: SqlPlan, dialect: DialectName, relation: string, source: string): string {
  const show = (statement: 'totals' | 'issues' | 'lineRows') =>
    withLines(plan.queries, statement).replaceAll(relation, source);
  const duck = dialect === 'duckdb';
  return [
    `-- Tierline feature SQL, ${dialect} dialect. Parameters are named {{floor}} (date floor), {{today}} (or NULL),`,
    '-- {{asOf}} (analysis date) and {{start3}} (start of the 3-month amount-fill window), all day numbers',
    '-- (days since 1970-01-01); Tierline binds them ($1, $2, …), never splices values into the text.',
    '-- Run 1 first: {{asOf}} is the given --as-of, else max_day + 1.',
    `-- Source columns: ${plan.header.join(', ')}.`,
    '-- Dialect differences (all else is ANSI: CTEs, window functions, FILTER, CASE, make_date, ordered aggregates):',
    `--   text casts: ${duck ? 'CAST(x AS VARCHAR)' : 'CAST(x AS TEXT)'}; regular expressions: ${duck ? 'regexp_matches / regexp_extract' : '~ / regexp_match(...)[n]'};`,
    `--   arrays: ${duck ? 'list(x ORDER BY k)' : 'array_agg(x ORDER BY k)'}; order ids hashed: ${duck ? 'hash(x)' : 'hashtextextended(x, 0)'}; a day as text: ${duck ? 'strftime' : 'to_char'};`,
    `--   line hash for exact duplicates: ${duck ? 'hash(...)' : 'md5(concat_ws(...))'}.`,
    '--   Snowflake: REGEXP_LIKE, ARRAY_AGG(...) WITHIN GROUP (ORDER BY ...), HASH(...); BigQuery: REGEXP_CONTAINS,',
    '--   ARRAY_AGG(x ORDER BY k), FARM_FINGERPRINT, DIV(a, b); Spark SQL: rlike, collect_list over a sorted window, xxhash64.',
    '',
    '-- 1. Line totals',
    `${show('totals')};`,
    '',
    '-- 2. Cleaning counts per rule, with the first five rows of each',
    `${show('issues')};`,
    '',
    '-- 3. One row per counted line, sorted by customer (first row) then (day, row); the steps before it include',
    '--    `customers` (one row per customer: id, first row, refund lines, attributes), read on its own first.',
    "--    Tierline groups each customer's lines into orders (by order id; else a purchase per day, each refund",
    '--    line its own) and folds them into recency, frequency, spend, 6-month and window figures.',
    `${show('lineRows')};`,
    '',
  ].join('\n');
}

const toNumber = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : Number(v));
/**
 * Segments a source through SQL: the engine cleans and aggregates the lines
 * (one row per customer reaches Node), core scores exactly as for a file.
 * Returns undefined when `unsupported` is 'fallback' and the sample holds a
 * cell the SQL reads differently from the Node path.
 * @throws DataValidationError, WarehouseError
 */
export async function segmentWithSql(
  engine: SqlEngine,
  request: SqlRunRequest,
): Promise<SegmentationResult | undefined> {
  // DuckDB keeps its temporary table in source order: rows numbered by position, the cleaning in parallel.
  const planned = await planSql(
    engine,
    request.segmentOptions,
    engine.dialect.name === 'duckdb' ? 'position' : 'window',
  );
  const { header, map, queries } = planned;
  const run = createOrderListSegmenter(header, request.segmentOptions, {
    headerRow: 1,
    ...(request.onIssue ? { onIssue: request.onIssue } : {}),
    keepPurchaseDays: request.keepPurchaseDays ?? false,
  });
  const options = run.options;
  if (Object.keys(options.idMap).length > 0 && request.unsupported === 'fallback') return undefined;

  const sample = await engine.sample(SAMPLE_ROWS);
  const index = (field: string | undefined) => (field === undefined ? -1 : header.indexOf(field));
  const numbers = [map.orderAmount, map.quantity, map.unitPrice].map(index).filter((i) => i >= 0);
  const unsupported = findUnsupportedCells(
    sample,
    { date: index(map.orderDate), numbers },
    header,
    options.decimal === ',' ? ',' : '.',
  );
  if (unsupported.length > 0) {
    if (request.unsupported === 'fallback') return undefined;
    const first = unsupported[0]!;
    throw new WarehouseError(
      'unsupported-cells',
      { source: engine.label, row: first.index + 1, column: first.column, value: first.value },
      'data',
    );
  }
  const moneyIndex = index(map.orderAmount ?? map.unitPrice);
  sample.forEach((row, k) => {
    const cell = moneyIndex >= 0 ? row[moneyIndex] : null;
    if (cell) run.noteCurrency(cell, k + 2);
  });

  const floor = options.dateFloorDay;
  const today = options.todayDay ?? null;
  await engine.prepare('lines', queries.lines, { floor, today }, queries.linesRead);
  const [t] = await engine.all(queries.totals, {});
  // The first unusable cell is named only when a whole column is unusable: then it is on the first data row with an id, in the sample.
  const sampleCell = (row: unknown, field: string | undefined): string => {
    const k = field === undefined ? -1 : header.indexOf(field);
    const r = row === null ? -1 : toNumber(row) - 2;
    return k >= 0 && r >= 0 && r < sample.length ? (sample[r]![k] ?? '') : '';
  };
  const totals = {
    dataRows: toNumber(t!.data_rows),
    validDates: toNumber(t!.valid_dates),
    validAmounts: toNumber(t!.valid_amounts),
    maxDay: t!.max_day === null ? Number.NaN : toNumber(t!.max_day),
    ...(t!.bad_date_row !== null
      ? { firstBadDate: { row: toNumber(t!.bad_date_row), value: sampleCell(t!.bad_date_row, map.orderDate) } }
      : {}),
    ...(t!.bad_amount_row !== null
      ? {
          firstBadAmount: {
            row: toNumber(t!.bad_amount_row),
            value: sampleCell(t!.bad_amount_row, map.orderAmount ?? map.quantity),
          },
        }
      : {}),
  };
  const asOfDay = run.start(totals);
  const params = {
    asOf: Number.isFinite(asOfDay) ? asOfDay : 0,
    start3: Number.isFinite(asOfDay) ? addMonths(asOfDay, -3) : 0,
  };
  await engine.prepare('copies', queries.copies, {});

  const fieldName: Record<string, string> = {
    id: map.customerId,
    date: map.orderDate,
    amount: map.orderAmount ?? map.quantity ?? '',
    price: map.unitPrice ?? '',
    '': '',
  };
  const amountColumn = map.orderAmount ?? `${map.quantity} × ${map.unitPrice}`;
  const issueRows = await engine.all(queries.issues, params);
  const counted = new Map<string, { code: string; count: number; examples: CountedIssue['examples'][number][] }>();
  const formats: { format: DateFormat; count: number; row: number; value: string }[] = [];
  for (const r of issueRows) {
    const code = String(r.code);
    const reason = r.reason === null ? undefined : String(r.reason);
    const row = toNumber(r.row_no);
    const value = r.value === null ? '' : String(r.value);
    if (code === 'date-normalized') {
      if (!formats.some((f) => f.format === reason))
        formats.push({ format: reason as DateFormat, count: toNumber(r.total), row, value });
      continue;
    }
    const key = `${code}|${reason ?? ''}`;
    let entry = counted.get(key);
    if (!entry) counted.set(key, (entry = { code, count: toNumber(r.total), examples: [] }));
    const refund = code === 'refund-excluded' || code === 'refund-in-order' || code === 'amount-filled';
    entry.examples.push({
      row,
      column: refund ? amountColumn : (fieldName[String(r.column_name)] ?? ''),
      value,
      ...(reason ? { reason: reason as CellReason } : {}),
      ...(r.of_row !== null ? { of: toNumber(r.of_row) } : {}),
      ...(r.id !== null ? { id: String(r.id) } : {}),
    });
  }
  // Dates first, as the Node path's report lists them.
  run.addDateFormats(formats);
  run.addCounted([...counted.values()] as CountedIssue[]);

  await engine.prepare('customers', queries.customers, params);
  await engine.prepare('customer_lines', queries.customerLines, params);
  await streamCustomers(engine, queries, params, map, run);
  return run.finish(request.join);
}

/**
 * Hands core every customer with its orders: the customers (one row each,
 * in order of first row) are read first, then the counted lines stream
 * sorted by customer and (day, row), read by column. Each customer's lines
 * are grouped into orders as the Node path groups them (by order id; without
 * one, a purchase per day and each refund line on its own), summed in
 * (day, row) order, taken in order of their first line, and folded by core's
 * aggregateOrderList.
 */
async function streamCustomers(
  engine: SqlEngine,
  queries: FeatureQueries,
  params: Readonly<Record<string, number>>,
  map: ColumnMap,
  run: { addCustomers(batch: readonly CustomerOrders[]): void },
): Promise<void> {
  const attributeFields = map.attributes.map(([field]) => field);
  const byOrderId = map.orderId !== undefined;
  const ids: string[] = [];
  const firstRows: number[] = [];
  const refundLines: number[] = [];
  const attributeValues: (string | null)[][] = attributeFields.map(() => []);
  const columns = ['id', 'first_row', 'refund_lines', ...attributeFields.map((_, k) => `attr_${k}`)].join(', ');
  await engine.eachColumns(`SELECT ${columns} FROM customers ORDER BY first_row`, params, (batch) => {
    for (const id of batch.texts(0)) ids.push(id ?? '');
    const first = batch.numbers(1),
      refunds = batch.numbers(2);
    for (let r = 0; r < batch.rowCount; r++) {
      firstRows.push(first[r]!);
      refundLines.push(refunds[r]!);
    }
    attributeFields.forEach((_, k) => attributeValues[k]!.push(...batch.texts(3 + k)));
  });

  // The current customer's lines (reused arrays), then its orders (one reused object and one-element batch).
  const lineDay: number[] = [],
    lineRow: number[] = [],
    lineValue: number[] = [],
    lineRef: number[] = [];
  const days: number[] = [],
    nets: number[] = [],
    negative: number[] = [],
    rows: number[] = [];
  const orderOf = new Map<number, number>();
  const customer = {
    id: '',
    firstRow: 0,
    refundLines: 0,
    orderDays: days,
    orderNets: nets,
    orderNegative: negative,
    orderRows: rows,
    attributes: {} as Record<string, string | null>,
  };
  const one = [customer];
  let next = 0; // the next customer to hand over
  const emit = () => {
    const id = ids[next]!;
    // Lines into orders, in (day, row) order: an order is placed at its first line.
    orderOf.clear();
    let dayOrder = -1;
    for (let j = 0; j < lineDay.length; j++) {
      const value = lineValue[j]!;
      let q: number | undefined;
      if (byOrderId) q = orderOf.get(lineRef[j]!);
      else if (value >= 0 && dayOrder >= 0 && days[dayOrder] === lineDay[j]) q = dayOrder;
      if (q === undefined) {
        q = days.length;
        days.push(lineDay[j]!);
        rows.push(lineRow[j]!);
        nets.push(0);
        negative.push(0);
        if (byOrderId) orderOf.set(lineRef[j]!, q);
        else if (value >= 0) dayOrder = q;
      }
      nets[q] = nets[q]! + value;
      if (value < 0) negative[q] = 1;
    }
    customer.id = id;
    customer.firstRow = firstRows[next]!;
    customer.refundLines = refundLines[next]!;
    if (attributeFields.length > 0) {
      const values: Record<string, string | null> = {};
      attributeFields.forEach((field, k) => (values[field] = attributeValues[k]![next] ?? null));
      customer.attributes = values;
    }
    run.addCustomers(one);
    lineDay.length = lineRow.length = lineValue.length = lineRef.length = 0;
    days.length = nets.length = negative.length = rows.length = 0;
    next++;
  };
  let current = -1; // first row of the customer whose lines are being gathered
  await engine.eachColumns(queries.lineRows, params, (batch) => {
    const cust = batch.numbers(0),
      day = batch.numbers(1),
      row = batch.numbers(2),
      value = batch.numbers(3),
      ref = batch.numbers(4);
    for (let k = 0; k < batch.rowCount; k++) {
      const c = cust[k]!;
      if (c !== current) {
        if (current !== -1) emit();
        // Customers without a counted line come in their place, with no orders.
        while (next < ids.length && firstRows[next] !== c) emit();
        if (next >= ids.length) throw new Error(`a line of an unknown customer (first row ${c})`);
        current = c;
      }
      lineDay.push(day[k]!);
      lineRow.push(row[k]!);
      lineValue.push(value[k]!);
      lineRef.push(ref[k]!);
    }
  });
  if (current !== -1) emit();
  while (next < ids.length) emit();
}
