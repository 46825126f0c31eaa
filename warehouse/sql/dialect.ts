/** The SQL engines the feature query is generated for. */
export type DialectName = 'duckdb' | 'postgres';

/**
 * What differs between the engines. Everything else in the generated SQL is
 * ANSI (CTEs, window functions, FILTER, CASE, make_date, ordered aggregates);
 * each method's comment says what a data team changes for their warehouse.
 */
export interface Dialect {
  readonly name: DialectName;
  /** Text of any value. ANSI `CAST(x AS VARCHAR)`; PostgreSQL spells it TEXT. */
  text(expr: string): string;
  /** Partial regular-expression match (patterns are anchored). Snowflake/BigQuery: REGEXP_LIKE / REGEXP_CONTAINS. */
  matches(expr: string, pattern: string): string;
  /** Capture group `n` of a regular expression (only used where the pattern matched). */
  group(expr: string, pattern: string, n: number): string;
  /** Remove every match of a pattern. */
  strip(expr: string, pattern: string): string;
  /** An array of `expr` in `order` (DuckDB LIST, PostgreSQL ARRAY; BigQuery ARRAY_AGG, Snowflake ARRAY_AGG … WITHIN GROUP). */
  arrayAgg(expr: string, order: string): string;
  /** Integer division of non-negative integers (DuckDB `//`, PostgreSQL `/` on integers; ANSI has none: FLOOR(a / b)). */
  intDiv(a: string, b: string): string;
  /**
   * Appended to each step of the per-line chain. PostgreSQL inlines a CTE
   * and substitutes its expressions into the next step, so a column used
   * five times is computed five times (nested: exponentially); OFFSET 0 keeps
   * each step a subquery whose columns are computed once per row.
   */
  readonly fence: string;
  /** A 64-bit hash of one text (order ids: grouped by it, not by the text). ANSI has none: HASH / FARM_FINGERPRINT. */
  keyHash(value: string): string;
  /** A day number (days since 1970-01-01) written YYYY-MM-DD. Snowflake/BigQuery: TO_CHAR / FORMAT_DATE. */
  dayText(day: string): string;
  /** A typed, possibly NULL named parameter (`{{name}}`, numbered by bindParameters). */
  param(name: string, type: 'INTEGER' | 'DOUBLE'): string;
  /** A 64-bit-or-wider hash of several text values (exact-duplicate lines). ANSI has none: md5 / HASH / FARM_FINGERPRINT. */
  rowHash(values: readonly string[]): string;
}

const quoteLiteral = (text: string): string => `'${text.replaceAll("'", "''")}'`;

export const DUCKDB: Dialect = {
  name: 'duckdb',
  text: (e) => `CAST(${e} AS VARCHAR)`,
  matches: (e, p) => `regexp_matches(${e}, ${quoteLiteral(p)})`,
  group: (e, p, n) => `regexp_extract(${e}, ${quoteLiteral(p)}, ${n})`,
  strip: (e, p) => `regexp_replace(${e}, ${quoteLiteral(p)}, '', 'g')`,
  arrayAgg: (e, order) => `list(${e} ORDER BY ${order})`,
  intDiv: (a, b) => `(${a} // ${b})`,
  param: (name, type) => `CAST({{${name}}} AS ${type})`,
  rowHash: (values) => `hash(${values.join(', ')})`,
  fence: '',
  keyHash: (value) => `hash(${value})`,
  dayText: (day) => `strftime(DATE '1970-01-01' + CAST(${day} AS INTEGER), '%Y-%m-%d')`,
};

export const POSTGRES: Dialect = {
  name: 'postgres',
  text: (e) => `CAST(${e} AS TEXT)`,
  matches: (e, p) => `(${e} ~ ${quoteLiteral(p)})`,
  group: (e, p, n) => `(regexp_match(${e}, ${quoteLiteral(p)}))[${n}]`,
  strip: (e, p) => `regexp_replace(${e}, ${quoteLiteral(p)}, '', 'g')`,
  arrayAgg: (e, order) => `array_agg(${e} ORDER BY ${order})`,
  intDiv: (a, b) => `(${a} / ${b})`,
  param: (name, type) => `CAST({{${name}}} AS ${type === 'DOUBLE' ? 'DOUBLE PRECISION' : type})`,
  // md5 of the cells joined by a unit separator, NULL kept apart from ''.
  fence: '\n  OFFSET 0',
  keyHash: (value) => `hashtextextended(${value}, 0)`,
  dayText: (day) => `to_char(DATE '1970-01-01' + CAST(${day} AS INTEGER), 'YYYY-MM-DD')`,
  rowHash: (values) => `md5(concat_ws(chr(31), ${values.map((v) => `coalesce(${v}, chr(30))`).join(', ')}))`,
};

/** The dialect of an engine name. */
export function dialectOf(name: DialectName): Dialect {
  return name === 'duckdb' ? DUCKDB : POSTGRES;
}
