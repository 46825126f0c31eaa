import { z } from 'zod';
import type { Dialect } from './dialect.js';
import { quoteIdentifier } from './quote-identifier.js';

/** Which source column feeds each field (names as the source spells them; quoted here). */
export interface ColumnMap {
  readonly customerId: string;
  readonly orderDate: string;
  readonly orderAmount?: string;
  readonly quantity?: string;
  readonly unitPrice?: string;
  readonly orderId?: string;
  /** Attribute fields (owner, region …) and their columns: the first non-empty value per customer is kept. */
  readonly attributes: readonly (readonly [string, string])[];
}

export interface FeatureQuerySpec {
  /** A relation: a quoted table name, a temp table, or `(query) AS q`. */
  readonly source: string;
  /** Every column of the source, in order (exact duplicates compare all of them; a row with all empty is blank). */
  readonly columns: readonly string[];
  readonly map: ColumnMap;
  /** Sheet row of the header: data row k (1-based) is row `headerRow + k`. */
  readonly headerRow: number;
  readonly decimal: '.' | ',';
  readonly refunds: 'net' | 'exclude';
  /**
   * How the source types a column (Parquet schema, database table): `date`,
   * `timestamp` and `number` columns are judged with typed comparisons, no
   * text or regular expressions; absent or `text`: the cell's text is read
   * as the Node path reads it.
   */
  readonly types?: Readonly<Record<string, ColumnKind>>;
  /**
   * `window` (default): rows numbered by row_number() over the source;
   * `position`: `lines` keeps every row in source order with a `blank` mark
   * and no number, and `linesRead` numbers the stored rows by position.
   */
  readonly rowNumbers?: 'window' | 'position';
}

/** How the feature SQL reads a source column. */
export type ColumnKind = 'text' | 'date' | 'timestamp' | 'number';

/**
 * The statements of one run. Parameters are named placeholders `{{name}}`
 * (bindParameters numbers them per engine): floor (the date floor), today
 * (or NULL), asOf (the analysis day), start3 (start of the 3-month fill
 * window) — all day numbers — and source (the file a table function reads).
 * `lines` is the per-line table the other three read as `lines`.
 */
export interface FeatureQueries {
  /** One narrow row per non-blank source row: its cells read and judged. {{floor}}, {{today}}, {{source}}. */
  readonly lines: string;
  /**
   * How later statements read the stored `lines` table, `{{table}}` its name:
   * all of it, or (rowNumbers `position`) its non-blank rows numbered by position.
   */
  readonly linesRead: string;
  /** Lines written more than once: the line hash and the first copy's row; reads `lines`. */
  readonly copies: string;
  /** Line totals (data rows, valid dates/amounts, newest accepted day, first bad rows). */
  readonly totals: string;
  /** Per rule code: the count and the first five example rows; date formats as `date-normalized`. {{asOf}}, {{start3}}. */
  readonly issues: string;
  /** One row per customer (id, first row, refund lines, attributes) in order of first row; reads `lines`, `copies`. {{asOf}}, {{start3}}. */
  readonly customers: string;
  /**
   * One row per counted line (accepted, before asOf, not a repeat; refunds
   * too unless excluded), sorted by customer (their first row, as
   * `customers`) then (day, row): cust, day, row_no, value, order_ref (the
   * order id's hash, or 0), all numbers. Reads `customerLines`.
   */
  readonly lineRows: string;
  /** The counted lines with their customer's first row (`cust`), unsorted: what lineRows sorts. {{asOf}}, {{start3}}. */
  readonly customerLines: string;
}

/**
 * Numbers the `{{name}}` placeholders of `sql` as `$1`, `$2`, … in order of
 * first appearance and returns the values in that order.
 * @example bindParameters('a = {{x}} AND b = {{y}} OR c = {{x}}', { x: 1, y: 2 }) → { sql: 'a = $1 AND b = $2 OR c = $1', values: [1, 2] }
 */
export function bindParameters<T>(sql: string, values: Readonly<Record<string, T>>): { sql: string; values: T[] } {
  const order: string[] = [];
  const text = sql.replaceAll(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for parameter {{${name}}}`);
    let k = order.indexOf(name);
    if (k < 0) k = order.push(name) - 1;
    return `$${k + 1}`;
  });
  return { sql: text, values: order.map((name) => values[name]!) };
}

/** The name later statements read a step by (`customerLines` → customer_lines). */
export const stepTable = (step: string): string => step.replaceAll(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The steps every later statement reads, in order: computed once (DuckDB temp tables) or as CTEs. */
export const PREPARED_STEPS = ['lines', 'copies', 'customers', 'customerLines'] as const;

/** A statement with the steps it reads as CTEs, for engines that do not materialize them (and for --explain). */
export function withLines(
  queries: FeatureQueries,
  statement: 'totals' | 'issues' | 'lineRows',
  materialized = '',
): string {
  const body = queries[statement];
  const needs = statement === 'totals' ? 1 : statement === 'issues' ? 2 : 4;
  const steps = PREPARED_STEPS.slice(0, needs).map((name) =>
    name === 'lines'
      ? `stored_lines AS ${materialized}(\n${queries.lines}\n),\nlines AS (\n${queries.linesRead.replaceAll('{{table}}', 'stored_lines')}\n)`
      : `${stepTable(name)} AS ${materialized}(\n${queries[name]}\n)`,
  );
  return body.startsWith('WITH') ? `WITH ${steps.join(',\n')},${body.slice(4)}` : `WITH ${steps.join(',\n')}\n${body}`;
}

const specSchema = z.object({
  source: z.string().min(1),
  columns: z.array(z.string()).min(1),
  headerRow: z.number().int().min(0),
  decimal: z.enum(['.', ',']),
  refunds: z.enum(['net', 'exclude']),
  rowNumbers: z.enum(['window', 'position']).optional(),
  types: z.record(z.string(), z.enum(['text', 'date', 'timestamp', 'number'])).optional(),
});

// The Node path's readers (core/parse/parse-date.ts, parse-number.ts), as
// regular expressions both engines run. What they do not cover (Excel
// serials, D/M/YYYY, full-width digits, 12万) is found on the sample first
// (warehouse/sql/check-sample.ts) and keeps such a file on the Node path.
export const DATE_YMD =
  '^([0-9]{4})[/.年-]([0-9]{1,2})[/.月-]([0-9]{1,2})日?([ T]+[0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?[ ]*(Z|[+-][0-9]{2}:?[0-9]{2}|[AaPp][Mm])?)?$';
export const DATE_COMPACT = '^([0-9]{4})([0-9]{2})([0-9]{2})$';
/** The plain YYYY-MM-DD most exports write: read by position, without capture groups. */
export const DATE_PLAIN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
/** `0000-00-00`, `0`: only zeros and date punctuation (check-date.ts ZERO_DATE). */
export const DATE_ZERO = '^0+([-/.年月日:T ]+0+)*日?$';
export const FORMULA_ERROR =
  '^#(N/A|VALUE!|REF!|DIV/0!|NAME[?]|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$';
const DOT_BODY = '[¥￥$€£]?([0-9]+[.]?[0-9]*|[.][0-9]+|[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?)([eE][+-]?[0-9]+)?';
const COMMA_BODY = '[¥￥$€£]?([0-9]+(,[0-9]+)?|[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?)';
/** A number with '.' decimals: sign or accounting parentheses, a currency symbol, thousands commas. */
export const NUMBER_DOT = `^([+-]?${DOT_BODY}|[(]${DOT_BODY}[)])$`;
export const NUMBER_COMMA = `^([+-]?${COMMA_BODY}|[(]${COMMA_BODY}[)])$`;
/** Plain numbers (a subset of NUMBER_DOT / NUMBER_COMMA) that a cast reads as parseNumber does. */
export const PLAIN_DOT = '^-?[0-9]+([.][0-9]+)?$';
export const PLAIN_COMMA = '^-?[0-9]+(,[0-9]+)?$';
/**
 * `e = a OR e = b …`: DuckDB plans a constant IN list as a join, which loses
 * the source order the per-line table is numbered by (rowNumbers `position`).
 */
const anyOf = (e: string, values: readonly number[]): string => `(${values.map((v) => `${e} = ${v}`).join(' OR ')})`;
/** check-date.ts PLACEHOLDER_DAYS and FAR_FUTURE_DAY, as day numbers. */
const PLACEHOLDER_DAYS = [-25569, -25568, -25567, 0, 47481];
const FAR_FUTURE_DAY = 47482;

/**
 * Generates the SQL that computes, from order lines, what core's transaction
 * accumulator computes in Node (SPEC §2–3), so either engine can feed the
 * same scoring: the cleaning rules counted per code with example rows, and
 * one row per customer and its lines in order. Identifiers are quoted, every value
 * is a parameter; nothing from the user's data or flags is spliced in.
 * @example buildFeatureQueries({ source: '"orders"', columns: ['id', 'day', 'amt'], map: { customerId: 'id', orderDate: 'day', orderAmount: 'amt', attributes: [] }, headerRow: 1, decimal: '.', refunds: 'net' }, DUCKDB).lineRows
 */
export function buildFeatureQueries(spec: FeatureQuerySpec, d: Dialect): FeatureQueries {
  specSchema.parse(spec);
  const q = quoteIdentifier;
  const m = spec.map;
  const kind = (name: string): ColumnKind => spec.types?.[name] ?? 'text';
  const T = (name: string) => (kind(name) === 'text' ? `trim(${d.text(q(name))})` : d.text(q(name)));
  const floor = d.param('floor', 'INTEGER'),
    today = d.param('today', 'INTEGER'),
    asOf = d.param('asOf', 'INTEGER'),
    start3 = d.param('start3', 'INTEGER');
  const number = spec.decimal === '.' ? NUMBER_DOT : NUMBER_COMMA;
  const plain = spec.decimal === '.' ? PLAIN_DOT : PLAIN_COMMA;
  // (12.50) is -12.50, as core's parseNumber reads accounting negatives.
  const toNumber = (e: string): string =>
    `CASE WHEN ${e} LIKE '(%' THEN -1 ELSE 1 END * ` +
    (spec.decimal === '.'
      ? `CAST(${d.strip(e, '[()¥￥$€£,]')} AS DOUBLE PRECISION)`
      : `CAST(replace(${d.strip(e, '[()¥￥$€£.]')}, ',', '.') AS DOUBLE PRECISION)`);
  // A plain number (digits, one decimal separator, a minus) is cast directly: one simple match, no rewriting.
  const plainNumber = (e: string): string =>
    spec.decimal === '.' ? `CAST(${e} AS DOUBLE PRECISION)` : `CAST(replace(${e}, ',', '.') AS DOUBLE PRECISION)`;
  const finite = (e: string): string => `abs(CAST(${e} AS DOUBLE PRECISION)) < CAST('Infinity' AS DOUBLE PRECISION)`;
  /** A number cell: its text and plain-ness (in `cells`/`dated`), its reason (NULL when usable or empty) and value. */
  const numberCell = (column: string, name: string) => {
    if (kind(column) === 'number')
      return {
        select: `${q(column)} AS ${name}_typed`,
        plain: `TRUE AS ${name}_plain`,
        raw: d.text(`${name}_typed`),
        reason: `CASE WHEN ${name}_typed IS NULL THEN NULL WHEN ${finite(`${name}_typed`)} THEN NULL ELSE 'not-a-number' END`,
        empty: `${name}_typed IS NULL`,
        value: `CAST(${name}_typed AS DOUBLE PRECISION)`,
      };
    const e = `${name}_text`;
    return {
      select: `${T(column)} AS ${e}, ${d.text(q(column))} AS ${name}_raw`,
      raw: `${name}_raw`,
      plain: `${d.matches(e, plain)} AS ${name}_plain`,
      reason: `CASE WHEN ${e} IS NULL OR ${e} = '' OR ${name}_plain THEN NULL WHEN ${e} LIKE '#%' AND ${d.matches(e, FORMULA_ERROR)} THEN 'formula-error' WHEN ${d.matches(e, number)} THEN NULL ELSE 'not-a-number' END`,
      empty: `${e} IS NULL OR ${e} = ''`,
      value: `CASE WHEN ${name}_plain THEN ${plainNumber(e)} WHEN ${d.matches(e, number)} THEN ${toNumber(e)} END`,
    };
  };
  const blank = spec.columns.map((c) => `coalesce(${T(c)}, '') = ''`).join(' AND ');
  const computed = m.orderAmount === undefined;
  const qty = numberCell(computed ? m.quantity! : m.orderAmount!, 'qty');
  const price = computed ? numberCell(m.unitPrice!, 'price') : undefined;
  const attributes = m.attributes.map(([, column], k) => `${T(column)} AS attr_${k}`);
  const days = (y: string, mo: string, day: string) => `(make_date(${y}, ${mo}, ${day}) - DATE '1970-01-01')`;
  const dim = (y: string, mo: string) =>
    `CASE WHEN ${anyOf(mo, [4, 6, 9, 11])} THEN 30 WHEN ${mo} = 2 THEN CASE WHEN (${y} % 4 = 0 AND ${y} % 100 <> 0) OR ${y} % 400 = 0 THEN 29 ELSE 28 END ELSE 31 END`;
  const dateKind = kind(m.orderDate);
  const typedDate = dateKind === 'date' || dateKind === 'timestamp';
  const dateValue = `CAST(${q(m.orderDate)} AS DATE)`;

  // The date cell. Text: date_kind 3 is the plain YYYY-MM-DD (read by position, no capture groups),
  // 1 the other Y-M-D forms, 2 YYYYMMDD, 0 not a date. A typed column: 3 when present.
  const dateCells = typedDate
    ? `${q(m.orderDate)} AS date_typed, ${dateValue} AS date_value`
    : `${T(m.orderDate)} AS date_text, ${d.text(q(m.orderDate))} AS date_raw`;
  const dateRaw = typedDate ? d.text('date_typed') : 'date_raw';
  const dateKindExpr = typedDate
    ? `CASE WHEN date_value IS NULL THEN 0 ELSE 3 END`
    : `CASE WHEN ${d.matches('date_text', DATE_PLAIN)} THEN 3 WHEN ${d.matches('date_text', DATE_YMD)} THEN 1 WHEN ${d.matches('date_text', DATE_COMPACT)} THEN 2 ELSE 0 END`;
  const part = (n: 1 | 2 | 3) => {
    const plainPart = typedDate
      ? `EXTRACT(${['YEAR', 'MONTH', 'DAY'][n - 1]} FROM date_value)`
      : `substr(date_text, ${[1, 6, 9][n - 1]}, ${n === 1 ? 4 : 2})`;
    if (typedDate) return `CAST(${plainPart} AS INTEGER)`;
    return `CASE date_kind WHEN 3 THEN CAST(${plainPart} AS INTEGER) WHEN 1 THEN CAST(${d.group('date_text', DATE_YMD, n)} AS INTEGER) WHEN 2 THEN CAST(${d.group('date_text', DATE_COMPACT, n)} AS INTEGER) END`;
  };
  // core/clean/read-cell.ts readDateCell, in its order of checks (a plain YYYY-MM-DD is no formula
  // error and a placeholder only as 0000-00-00; a typed date has no text to misread).
  const dateReasonText = typedDate
    ? `WHEN date_value IS NULL THEN 'empty'
      WHEN NOT isfinite(date_value) OR y > 9999 THEN 'not-a-date'`
    : `WHEN date_text IS NULL OR date_text = '' THEN 'empty'
      WHEN date_kind = 3 AND date_text = '0000-00-00' THEN 'placeholder-date'
      WHEN date_kind <> 3 AND date_text LIKE '#%' AND ${d.matches('date_text', FORMULA_ERROR)} THEN 'formula-error'
      WHEN date_kind <> 3 AND ${d.matches('date_text', DATE_ZERO)} THEN 'placeholder-date'
      WHEN date_kind = 0 THEN 'not-a-date'`;
  const dateFormat =
    dateKind === 'timestamp'
      ? `'iso-time'`
      : dateKind === 'date'
        ? `'iso'`
        : `CASE
      WHEN date_kind = 3 THEN 'iso'
      WHEN date_kind = 2 THEN 'compact'
      WHEN date_text LIKE '%年%' THEN 'chinese'
      WHEN date_text LIKE '%:%' AND date_text LIKE '%-%' THEN 'iso-time'
      WHEN date_text LIKE '%-%' THEN 'iso'
      ELSE 'slash-ymd'
    END`;
  // The date's text as the issues show it, kept only where it is not the day itself written YYYY-MM-DD.
  const keptDateText =
    dateKind === 'timestamp'
      ? dateRaw
      : typedDate
        ? 'CAST(NULL AS VARCHAR)'
        : 'CASE WHEN date_kind <> 3 THEN date_text END';

  // Every CTE below is plain ANSI apart from the Dialect calls.
  // By position: every source row is kept in source order (blank ones marked), and the reader numbers
  // the stored rows (DuckDB's rowid); no window over the source, so the cleaning runs on every core.
  const byPosition = spec.rowNumbers === 'position';
  const linesBody = `src AS (
  -- Sheet rows: data row k is row headerRow + k (engines without row numbers number the result as returned).
  SELECT *, ${byPosition ? 'NULL' : `row_number() OVER () + ${spec.headerRow}`} AS tierline_row FROM ${spec.source}
),
cells AS (
  SELECT CAST(tierline_row AS INTEGER) AS row_no,
    ${T(m.customerId)} AS id,
    ${d.text(q(m.customerId))} AS id_raw,
    ${dateCells},
    ${qty.select},
    ${price ? price.select : 'CAST(NULL AS VARCHAR) AS price_text'},
    ${m.orderId === undefined ? '0' : d.keyHash(`coalesce(${d.text(q(m.orderId))}, '')`)} AS order_key,
    ${attributes.length > 0 ? `${attributes.join(',\n    ')},` : ''}
    -- Exact duplicates: the same text in every column (core hashes the whole line; so does this).
    ${d.rowHash(spec.columns.map((c) => d.text(q(c))))} AS line_hash
    ${byPosition ? `, ${blank} AS blank` : ''}
  FROM src
  ${byPosition ? '' : `WHERE NOT (${blank})`}${d.fence}
),
dated AS (
  SELECT *,
    ${dateKindExpr} AS date_kind,
    ${qty.plain}${price ? `,\n    ${price.plain}` : ''}
  FROM cells${d.fence}
),
ymd AS (
  SELECT *,
    ${part(1)} AS y,
    ${part(2)} AS mo,
    ${part(3)} AS dd
  FROM dated${d.fence}
),
parsed AS (
  SELECT *,
    CASE WHEN date_kind > 0 AND y BETWEEN 1000 AND 9999 AND mo BETWEEN 1 AND 12 AND dd BETWEEN 1 AND ${dim('y', 'mo')}
      THEN ${typedDate ? `(date_value - DATE '1970-01-01')` : days('y', 'mo', 'dd')} END AS civil_day,
    ${qty.reason} AS qty_reason,
    ${price ? price.reason : 'CAST(NULL AS VARCHAR)'} AS price_reason
  FROM ymd${d.fence}
),
judged AS (
  SELECT *,
    CASE
      ${dateReasonText}
      WHEN civil_day IS NULL THEN 'impossible-date'
      WHEN ${anyOf('civil_day', PLACEHOLDER_DAYS)} OR civil_day >= ${FAR_FUTURE_DAY} THEN 'placeholder-date'
      WHEN civil_day < ${floor} THEN 'before-floor'
      WHEN ${today} IS NOT NULL AND civil_day > ${today} THEN 'future-date'
    END AS date_reason,
    CASE
      WHEN qty_reason IS NOT NULL OR price_reason IS NOT NULL THEN NULL
      WHEN ${qty.empty} ${price ? `OR ${price.empty}` : ''} THEN NULL
      ELSE ${price ? `${qty.value} * ${price.value}` : qty.value}
    END AS amount
  FROM parsed${d.fence}
),
classified AS (
  SELECT *,
    id IS NOT NULL AND id <> '' AND NOT (id LIKE '#%' AND ${d.matches('id', FORMULA_ERROR)}) AS has_id,
    date_reason IS NULL AS date_ok,
    amount IS NOT NULL AS amount_ok,
    qty_reason IS NULL AND price_reason IS NULL AS amount_usable,
    CASE WHEN date_reason IS NULL THEN civil_day END AS day,
    ${dateFormat} AS date_format
  FROM judged${d.fence}
),
`;
  // The narrow per-line table every statement reads (stored once): the cell texts an issue shows and
  // the reasons travel in one `notes` text, NULL on a clean line, unpacked by linesRead — a stored
  // table with nine mostly-empty text columns cost as much to write as the cleaning itself.
  const notes: [string, string][] = [
    ['id_raw', 'CASE WHEN NOT has_id THEN id_raw END'],
    ['date_raw', `CASE WHEN date_reason IS NOT NULL OR date_format <> 'iso' THEN ${dateRaw} END`],
    ['date_text', keptDateText],
    ['amount_raw', `CASE WHEN qty_reason IS NOT NULL THEN ${qty.raw} END`],
    [
      'price_text',
      `CASE WHEN price_reason IS NOT NULL THEN ${price ? (kind(m.unitPrice!) === 'number' ? price.raw : 'price_text') : 'NULL'} END`,
    ],
    ['date_reason', 'date_reason'],
    ['qty_reason', 'qty_reason'],
    ['price_reason', 'price_reason'],
    ['date_format', `CASE WHEN date_format <> 'iso' THEN date_format END`],
  ];
  const noted = `NOT has_id OR date_reason IS NOT NULL OR qty_reason IS NOT NULL OR price_reason IS NOT NULL OR date_format <> 'iso' OR (${keptDateText}) IS NOT NULL`;
  const linesSelect = `WITH ${linesBody.trimEnd().replace(/,$/, '')}
SELECT ${byPosition ? 'blank' : 'row_no'}, id, order_key, ${m.attributes.map((_, k) => `attr_${k}, `).join('')}line_hash,
  has_id, date_ok, amount_ok, amount_usable, day, amount,
  CASE WHEN ${noted} THEN concat_ws(chr(31), ${notes.map(([, e]) => `coalesce(${e}, '')`).join(', ')}) END AS notes
FROM classified`;
  const unpacked = notes
    .map(
      ([name], k) =>
        `${name === 'date_format' ? `coalesce(nullif(split_part(notes, chr(31), ${k + 1}), ''), 'iso')` : `nullif(split_part(notes, chr(31), ${k + 1}), '')`} AS ${name}`,
    )
    .join(', ');
  const accepted = `accepted AS (
  -- Rows core keeps: a customer id, a usable date, an amount that is usable or empty (filled later).
  SELECT * FROM lines WHERE has_id AND date_ok AND amount_usable
)`;

  const copiesSelect = `SELECT line_hash, min(row_no) AS first_copy
FROM lines
WHERE has_id AND date_ok AND amount_usable
GROUP BY line_hash
HAVING count(*) > 1`;
  const kept = `${accepted},
fill AS (
  -- SPEC §3 amount-filled: the customer's mean non-negative line over the 3 months before asOf (only customers with an empty amount).
  SELECT id, avg(CASE WHEN day >= ${start3} AND day < ${asOf} AND amount >= 0 THEN amount END) AS fill
  FROM accepted WHERE id IN (SELECT id FROM accepted WHERE amount IS NULL) GROUP BY id
),
kept AS (
  -- Accepted lines with their value (an empty amount filled) and, for a repeated line, the row it repeats.
  SELECT a.row_no, a.id, a.date_text, a.amount, a.day, a.order_key,
  coalesce(a.amount, f.fill, 0) AS value,
  CASE WHEN a.row_no > c.first_copy THEN c.first_copy END AS copy_of
FROM accepted a
LEFT JOIN fill f ON f.id = a.id
LEFT JOIN copies c ON c.line_hash = a.line_hash
)`;
  const live = `live AS (
  SELECT * FROM kept WHERE day < ${asOf} AND copy_of IS NULL
),
counted AS (
  SELECT * FROM live WHERE ${spec.refunds === 'exclude' ? 'value >= 0' : 'TRUE'}
)`;
  const asOfPart = `,
${kept},
${live}`;

  const totals = `SELECT
  count(*) AS data_rows,
  count(*) FILTER (WHERE has_id AND date_ok) AS valid_dates,
  count(*) FILTER (WHERE has_id AND amount_ok) AS valid_amounts,
  max(day) FILTER (WHERE has_id AND date_ok AND amount_usable) AS max_day,
  -- Only read when no cell of the column is usable: then this is the first data row with an id.
  min(row_no) FILTER (WHERE has_id AND NOT date_ok) AS bad_date_row,
  min(row_no) FILTER (WHERE has_id AND NOT amount_ok) AS bad_amount_row
FROM lines`;

  // Which cell an issue names, as a field tag: Node turns it into the user's header.
  const dateColumn = `'date'`;
  const amountName = `'amount'`;
  const priceName = `'price'`;
  const idName = `'id'`;
  const issueRows = [
    `SELECT 'missing-id' AS code, CAST(NULL AS VARCHAR) AS reason, row_no, ${idName} AS column_name, coalesce(id_raw, '') AS value, CAST(NULL AS BIGINT) AS of_row, id FROM lines WHERE NOT has_id`,
    `SELECT 'missing-value', NULL, row_no, ${dateColumn}, '', NULL, id FROM lines WHERE has_id AND date_reason = 'empty'`,
    `SELECT CASE date_reason WHEN 'formula-error' THEN 'formula-error' WHEN 'future-date' THEN 'future-date' ELSE 'invalid-date' END, date_reason, row_no, ${dateColumn}, date_raw, NULL, id FROM lines WHERE has_id AND date_reason <> 'empty'`,
    `SELECT CASE qty_reason WHEN 'formula-error' THEN 'formula-error' ELSE 'invalid-number' END, qty_reason, row_no, ${amountName}, amount_raw, NULL, id FROM lines WHERE has_id AND qty_reason IS NOT NULL`,
    ...(computed
      ? [
          `SELECT CASE price_reason WHEN 'formula-error' THEN 'formula-error' ELSE 'invalid-number' END, price_reason, row_no, ${priceName}, price_text, NULL, id FROM lines WHERE has_id AND price_reason IS NOT NULL`,
        ]
      : []),
    `SELECT 'date-normalized', date_format, row_no, ${dateColumn}, date_raw, NULL, id FROM lines WHERE has_id AND date_ok AND date_format <> 'iso'`,
    `SELECT 'after-as-of', NULL, row_no, ${dateColumn}, coalesce(date_text, ${d.dayText('day')}), NULL, id FROM kept WHERE day >= ${asOf}`,
    `SELECT 'duplicate-transaction', NULL, row_no, '', id, copy_of, id FROM kept WHERE day < ${asOf} AND copy_of IS NOT NULL`,
    `SELECT 'amount-filled', NULL, row_no, ${amountName}, '', NULL, id FROM live WHERE amount IS NULL`,
    // A refund line: excluded, or netted inside its order when that order stays a purchase (net > 0).
    // Without an order id every refund line is an order of its own; with one, only the orders that
    // hold a refund line are summed (a semi-join, not every order).
    spec.refunds === 'exclude' || m.orderId === undefined
      ? `SELECT 'refund-excluded', NULL, row_no, ${amountName}, CAST(value AS VARCHAR), NULL, id FROM live WHERE value < 0`
      : `SELECT CASE WHEN o.net > 0 THEN 'refund-in-order' ELSE 'refund-excluded' END, NULL, c.row_no, ${amountName}, CAST(c.value AS VARCHAR), NULL, c.id
    FROM counted c
    JOIN (
      SELECT l.id, l.order_key, sum(l.value) AS net FROM counted l
      WHERE EXISTS (SELECT 1 FROM counted r WHERE r.value < 0 AND r.id = l.id AND r.order_key = l.order_key)
      GROUP BY l.id, l.order_key
    ) o ON o.id = c.id AND o.order_key = c.order_key
    WHERE c.value < 0`,
  ];
  const issues = `WITH${asOfPart.slice(1)},
issues AS (
  ${issueRows.join('\n  UNION ALL\n  ')}
),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY code, reason ORDER BY row_no) AS k, count(*) OVER (PARTITION BY code, reason) AS total
  FROM issues
)
SELECT code, reason, row_no, column_name, value, of_row, id, total FROM ranked WHERE k <= 5 ORDER BY code, reason, row_no`;

  const attributeAggs = m.attributes.map(
    (_, k) =>
      `(${d.arrayAgg(`attr_${k}`, 'row_no')} FILTER (WHERE attr_${k} <> '' AND NOT ${d.matches(`attr_${k}`, FORMULA_ERROR)}))[1] AS attr_${k}`,
  );
  const customers = `WITH${asOfPart.slice(1)},
people AS (
  SELECT id, CAST(min(row_no) AS INTEGER) AS first_row${attributeAggs.length > 0 ? `,\n    ${attributeAggs.join(',\n    ')}` : ''}
  FROM accepted GROUP BY id
),
refund_lines AS (
  SELECT id, count(*) AS refund_lines FROM live WHERE value < 0 GROUP BY id
)
SELECT p.id, p.first_row, CAST(coalesce(r.refund_lines, 0) AS INTEGER) AS refund_lines${m.attributes.map((_, k) => `, p.attr_${k}`).join('')}
FROM people p
LEFT JOIN refund_lines r ON r.id = p.id`;
  // The lines core folds into orders, sorted by customer (in order of first row) then (day, row): Node
  // groups them into orders as the Node path does (by order id, or a customer's day with each refund
  // line on its own) and sums each order's lines in this order.
  const customerLines = `WITH${asOfPart.slice(1)}
SELECT c.first_row AS cust,
  CAST(l.day AS INTEGER) AS day,
  CAST(l.row_no AS INTEGER) AS row_no,
  CAST(l.value AS DOUBLE PRECISION) AS value,
  ${m.orderId === undefined ? '0' : `CAST(l.order_key % 2147483647 AS INTEGER)`} AS order_ref
FROM counted l
JOIN customers c ON c.id = l.id`;
  // Sorted on its own (the join stored first): each statement's memory is one operator's, which spills.
  const lineRows = `SELECT cust, day, row_no, value, order_ref FROM customer_lines ORDER BY cust, day, row_no`;

  const linesRead = byPosition
    ? `SELECT CAST(rowid AS INTEGER) + ${spec.headerRow + 1} AS row_no, * EXCLUDE (blank), ${unpacked} FROM {{table}} WHERE NOT blank`
    : `SELECT *, ${unpacked} FROM {{table}}`;
  return {
    lines: linesSelect,
    linesRead,
    copies: copiesSelect,
    totals,
    issues,
    customers,
    customerLines,
    lineRows,
  };
}
