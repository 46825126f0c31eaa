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
import { buildFeatureQueries, withLines, type ColumnMap, type FeatureQueries } from './sql/build-feature-query.js';
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
  const queries = buildFeatureQueries(
    {
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
  const show = (statement: 'totals' | 'issues' | 'customers') =>
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
    `--   arrays: ${duck ? 'list(x ORDER BY k)' : 'array_agg(x ORDER BY k)'}; integer division: ${duck ? 'a // b' : 'a / b on integers'};`,
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
    '-- 3. One row per customer with its orders',
    `${show('customers')};`,
    '',
  ].join('\n');
}

const toNumber = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : Number(v));
const toArray = (v: unknown): number[] => {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v.map(toNumber);
  // DuckDB's JS conversion gives { items: [...] } for lists in some versions.
  const items = (v as { items?: unknown[] }).items;
  return Array.isArray(items) ? items.map(toNumber) : [];
};

const KEY_ROWS = 2 ** 32;
const KEY_DAY_OFFSET = 2 ** 19;

/** A customer's orders from the SQL row, sorted by key (first line's day, then row), as core takes them. */
function toOrders(
  r: Record<string, unknown>,
): Pick<CustomerOrders, 'orderDays' | 'orderNets' | 'orderNegative' | 'orderRows'> {
  let keys: number[], nets: number[], negative: number[];
  if (r.order_list !== undefined) {
    const list = typeof r.order_list === 'string' && r.order_list !== '' ? r.order_list.split(',') : [];
    keys = new Array<number>(list.length);
    nets = new Array<number>(list.length);
    negative = new Array<number>(list.length);
    list.forEach((item, k) => {
      const a = item.indexOf(':'),
        b = item.lastIndexOf(':');
      keys[k] = Number(item.slice(0, a));
      nets[k] = Number(item.slice(a + 1, b));
      negative[k] = Number(item.slice(b + 1));
    });
  } else {
    keys = toArray(r.order_keys);
    nets = toArray(r.order_nets);
    negative = toArray(r.order_negative);
  }
  const order = keys.map((_, k) => k).sort((a, b) => keys[a]! - keys[b]!);
  return {
    orderDays: order.map((k) => Math.floor(keys[k]! / KEY_ROWS) - KEY_DAY_OFFSET),
    orderNets: order.map((k) => nets[k]!),
    orderNegative: order.map((k) => negative[k]!),
    orderRows: order.map((k) => keys[k]! % KEY_ROWS),
  };
}

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
  const planned = await planSql(engine, request.segmentOptions);
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
  await engine.prepare('lines', queries.lines, { floor, today });
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
  await engine.prepare('kept', queries.kept, params);
  await engine.prepare('orders', queries.orders, params);

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

  const attributeFields = map.attributes.map(([field]) => field);
  await engine.each(queries.customers, params, (rows) => {
    const batch: CustomerOrders[] = rows.map((r) => {
      const attributes: Record<string, string | null> = {};
      attributeFields.forEach((field, k) => {
        const v = r[`attr_${k}`];
        attributes[field] = v === null || v === undefined ? null : String(v);
      });
      return {
        id: String(r.id),
        firstRow: toNumber(r.first_row),
        refundLines: toNumber(r.refund_lines),
        ...toOrders(r),
        attributes,
      };
    });
    run.addCustomers(batch);
  });
  return run.finish(request.join);
}
