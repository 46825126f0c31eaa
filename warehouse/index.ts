/**
 * The warehouse engine (issue 12): the per-customer features of an order-line
 * table computed in SQL — embedded DuckDB for big csv, csv.gz and Parquet
 * files and .duckdb databases, PostgreSQL through a cursor — and handed to
 * core one row per customer. The faces import this file only.
 */
export { openDuckDb, duckDbFormat, type DuckDbSource } from './engines/open-duckdb.js';
export { openPostgres, redactUrl, type PostgresSource } from './engines/open-postgres.js';
export type { SqlEngine, SourceColumn, SqlValue } from './engines/sql-engine.js';
export { segmentWithSql, planSql, explainSql, type SqlRunRequest, type SqlPlan } from './segment-with-sql.js';
export {
  buildFeatureQueries,
  type ColumnMap,
  type FeatureQuerySpec,
  type FeatureQueries,
} from './sql/build-feature-query.js';
export { DUCKDB, POSTGRES, dialectOf, type Dialect, type DialectName } from './sql/dialect.js';
export { quoteIdentifier, quoteTableName, IdentifierError } from './sql/quote-identifier.js';
export { WarehouseError, type WarehouseErrorCode } from './warehouse-error.js';
export { readSourceRows, describeSource, type SourceRowsRequest } from './read-source-rows.js';
