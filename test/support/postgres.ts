/**
 * The throw-away PostgreSQL of the tests, shared with the benchmarks (which
 * load 10,000,000 rows into one): it lives in bench/support/start-postgres.ts.
 */
export { POSTGRES_BIN, startPostgres, type TestPostgres } from '../../bench/support/start-postgres.js';
