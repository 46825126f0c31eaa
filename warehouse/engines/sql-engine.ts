import type { Dialect } from '../sql/dialect.js';

/** A value bound to a `$n` parameter. */
export type SqlValue = string | number | null;

/** One column of the source as the engine types it. */
export interface SourceColumn {
  readonly name: string;
  /** The engine's type name, upper case (VARCHAR, TEXT, DATE, DOUBLE, INTEGER, BOOLEAN …). */
  readonly type: string;
}

/**
 * What the feature SQL needs from an engine: the source relation, its
 * columns, a sample, and statements run with bound parameters — results read
 * at once (small: counts) or in batches (one row per customer).
 */
export interface SqlEngine {
  readonly dialect: Dialect;
  /** The source as messages name it (a path, or a database URL without its password). */
  readonly label: string;
  /** The relation the SQL reads; a table function's file is the parameter `{{source}}`. */
  readonly relation: string;
  columns(): Promise<readonly SourceColumn[]>;
  /** The first `limit` rows, every cell as text (NULL as null). */
  sample(limit: number): Promise<(string | null)[][]>;
  /**
   * Makes a step (`lines`, `kept`, `orders`, `customers`) readable by that
   * name in the next statements: computed once into a temporary table (the
   * per-line cleaning runs once, not once per statement). `read` is how the
   * next statements read it, `{{table}}` the table (default: all of it).
   */
  prepare(name: string, sql: string, values: Readonly<Record<string, SqlValue>>, read?: string): Promise<void>;
  /** Runs a statement with `{{name}}` parameters (bound, never spliced). */
  all(sql: string, values: Readonly<Record<string, SqlValue>>): Promise<Record<string, unknown>[]>;
  /** Runs `sql`, handing over its rows in batches, never holding the whole result. */
  each(
    sql: string,
    values: Readonly<Record<string, SqlValue>>,
    onBatch: (rows: Record<string, unknown>[]) => void,
  ): Promise<void>;
  /**
   * Runs `sql`, handing over its result in column batches (the per-order
   * stream: millions of rows, so no row objects). Numeric columns must be
   * INTEGER or DOUBLE PRECISION without NULLs.
   */
  eachColumns(
    sql: string,
    values: Readonly<Record<string, SqlValue>>,
    onBatch: (batch: ColumnBatch) => void,
  ): Promise<void>;
  close(): Promise<void>;
}

/** One batch of a result, by column position. Valid only during the callback (it may view the engine's memory). */
export interface ColumnBatch {
  readonly rowCount: number;
  numbers(column: number): ArrayLike<number>;
  texts(column: number): readonly (string | null)[];
}

/** Text types: every value reads as the Node path reads a csv cell. */
export const TEXT_TYPES = /^(VARCHAR|TEXT|CHARACTER VARYING|CHAR|CHARACTER|BPCHAR|NAME|STRING)/;
export const DATE_TYPES = /^(DATE|TIMESTAMP)/;
export const NUMBER_TYPES =
  /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC|DOUBLE PRECISION)/;
