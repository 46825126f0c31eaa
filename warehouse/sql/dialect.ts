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
  /** A typed, possibly NULL parameter `$n`. */
  param(n: number, type: 'INTEGER' | 'DOUBLE'): string;
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
  param: (n, type) => `CAST($${n} AS ${type})`,
};

export const POSTGRES: Dialect = {
  name: 'postgres',
  text: (e) => `CAST(${e} AS TEXT)`,
  matches: (e, p) => `(${e} ~ ${quoteLiteral(p)})`,
  group: (e, p, n) => `(regexp_match(${e}, ${quoteLiteral(p)}))[${n}]`,
  strip: (e, p) => `regexp_replace(${e}, ${quoteLiteral(p)}, '', 'g')`,
  arrayAgg: (e, order) => `array_agg(${e} ORDER BY ${order})`,
  intDiv: (a, b) => `(${a} / ${b})`,
  param: (n, type) => `CAST($${n} AS ${type === 'DOUBLE' ? 'DOUBLE PRECISION' : type})`,
};

/** The dialect of an engine name. */
export function dialectOf(name: DialectName): Dialect {
  return name === 'duckdb' ? DUCKDB : POSTGRES;
}
