import pg from 'pg';
import Cursor from 'pg-cursor';
import { bindParameters } from '../sql/build-feature-query.js';
import { POSTGRES } from '../sql/dialect.js';
import { quoteIdentifier, quoteTableName } from '../sql/quote-identifier.js';
import { firstLine, WarehouseError } from '../warehouse-error.js';
import type { ColumnBatch, SourceColumn, SqlEngine } from './sql-engine.js';

/** A table or query of a PostgreSQL database. */
export interface PostgresSource {
  readonly url: string;
  readonly table?: string;
  readonly query?: string;
  /** PostgreSQL's statement_timeout for every statement, in milliseconds. */
  readonly timeoutMs?: number;
}

/** Rows fetched per cursor read: one row per customer, so a batch is a few MB at most. */
const CURSOR_BATCH = 5000;

/** The URL as messages show it: the password replaced by `***`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/**
 * Connects to PostgreSQL and reads a table (`--table`, quoted) or a query
 * (`--query`). Per-customer rows come through a server-side cursor, never
 * the whole result at once.
 * @throws WarehouseError `unreachable`, `auth-failed`, `no-table`, `timeout`, `query-failed`, `invalid-identifier`.
 */
export async function openPostgres(source: PostgresSource): Promise<SqlEngine> {
  const label = redactUrl(source.url);
  const relationText =
    source.query !== undefined
      ? `(${source.query}) AS tierline_query`
      : source.table !== undefined
        ? quoteTableName(source.table)
        : undefined;
  if (relationText === undefined)
    throw new WarehouseError(
      'invalid-identifier',
      { value: label, detail: 'a postgres:// source needs --table or --query' },
      'usage',
    );
  const client = new pg.Client({ connectionString: source.url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {
    // A dropped connection surfaces on the running query; an idle one has nothing to report.
  });
  try {
    await client.connect();
    // Dates and timestamps cast to text must read YYYY-MM-DD like a csv export, whatever the server's default.
    await client.query("SET DateStyle = 'ISO, YMD'");
    if (source.timeoutMs !== undefined)
      await client.query(`SET statement_timeout = ${Math.max(1, Math.trunc(source.timeoutMs))}`);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw describePostgresError(error, label, source);
  }

  async function guarded<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw describePostgresError(error, label, source);
    }
  }

  const prepared: { name: string; read: string }[] = [];
  // Each step is computed once into a temporary table (dropped with the session), analysed so the
  // planner knows its size; later statements read it by name. NOT MATERIALIZED: never copied again.
  const withSteps = (sql: string) => {
    if (prepared.length === 0) return sql;
    const steps = prepared
      .map(
        ({ name, read }) => `${name} AS NOT MATERIALIZED (${read.replaceAll('{{table}}', `pg_temp.tierline_${name}`)})`,
      )
      .join(',\n');
    return sql.startsWith('WITH') ? `WITH ${steps},${sql.slice(4)}` : `WITH ${steps}\n${sql}`;
  };
  return {
    dialect: POSTGRES,
    label,
    relation: relationText,
    columns: () =>
      guarded(async () => {
        const result = await client.query(`SELECT * FROM ${relationText} LIMIT 0`);
        const names = await typeNames(
          client,
          result.fields.map((f) => f.dataTypeID),
        );
        return result.fields.map((f): SourceColumn => ({ name: f.name, type: names.get(f.dataTypeID) ?? 'UNKNOWN' }));
      }),
    sample: (limit) =>
      guarded(async () => {
        const head = await client.query(`SELECT * FROM ${relationText} LIMIT 0`);
        const cols = head.fields.map((f) => `CAST(${quoteIdentifier(f.name)} AS TEXT)`);
        const result = await client.query({
          text: `SELECT ${cols.join(', ')} FROM ${relationText} LIMIT ${Math.trunc(limit)}`,
          rowMode: 'array',
        });
        return (result.rows as (string | null)[][]).map((row) => row.map((v) => (v === null ? null : String(v))));
      }),
    prepare: (name, text, values, read = 'SELECT * FROM {{table}}') =>
      guarded(async () => {
        const { sql, values: list } = bindParameters(withSteps(text), values);
        await client.query(`DROP TABLE IF EXISTS pg_temp.tierline_${name}`);
        await client.query(`CREATE TEMPORARY TABLE tierline_${name} AS ${sql}`, list);
        await client.query(`ANALYZE pg_temp.tierline_${name}`);
        if (!prepared.some((p) => p.name === name)) prepared.push({ name, read });
      }),
    all: (text, values) =>
      guarded(async () => {
        const { sql, values: list } = bindParameters(withSteps(text), values);
        return (await client.query(sql, list)).rows;
      }),
    eachColumns: (text, values, onBatch) =>
      guarded(async () => {
        const { sql, values: list } = bindParameters(withSteps(text), values);
        const cursor = client.query(new Cursor(sql, list, { rowMode: 'array' }));
        try {
          for (;;) {
            const rows = (await cursor.read(CURSOR_BATCH * 10)) as unknown[][];
            if (rows.length === 0) break;
            onBatch(rowBatch(rows));
          }
        } finally {
          await cursor.close();
        }
      }),
    each: (text, values, onBatch) =>
      guarded(async () => {
        const { sql, values: list } = bindParameters(withSteps(text), values);
        const cursor = client.query(new Cursor(sql, list));
        try {
          for (;;) {
            const rows = (await cursor.read(CURSOR_BATCH)) as Record<string, unknown>[];
            if (rows.length === 0) break;
            onBatch(rows);
          }
        } finally {
          await cursor.close();
        }
      }),
    async close() {
      await client.end().catch(() => undefined);
    },
  };
}

/** Cursor rows (arrays) by column. */
function rowBatch(rows: readonly unknown[][]): ColumnBatch {
  return {
    rowCount: rows.length,
    numbers: (column) => Float64Array.from(rows, (row) => Number(row[column])),
    texts: (column) => rows.map((row) => (row[column] === null ? null : String(row[column]))),
  };
}

async function typeNames(client: pg.Client, oids: readonly number[]): Promise<Map<number, string>> {
  if (oids.length === 0) return new Map();
  const result = await client.query<{ oid: number; name: string }>(
    'SELECT oid::int AS oid, upper(format_type(oid, NULL)) AS name FROM pg_type WHERE oid = ANY($1::oid[])',
    [oids],
  );
  return new Map(result.rows.map((r) => [r.oid, r.name]));
}

function describePostgresError(error: unknown, label: string, source: PostgresSource): Error {
  if (error instanceof WarehouseError) return error;
  const e = error as { code?: string; message?: string };
  const detail = firstLine(error);
  switch (e.code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
    case 'ECONNRESET':
    case 'EAI_AGAIN':
    case '57P03':
    case '3D000':
      return new WarehouseError('unreachable', { source: label, detail }, 'usage');
    case '28P01':
    case '28000':
      return new WarehouseError('auth-failed', { source: label, detail }, 'usage');
    case '42P01':
      return source.table !== undefined
        ? new WarehouseError('no-table', { source: label, table: source.table }, 'usage')
        : new WarehouseError('query-failed', { source: label, detail }, 'usage');
    case '57014':
      return new WarehouseError('timeout', { source: label, timeout: `${source.timeoutMs ?? 0} ms` }, 'data');
    default:
      if (/timeout/i.test(detail) && /connect/i.test(detail))
        return new WarehouseError('unreachable', { source: label, detail }, 'usage');
      return new WarehouseError('query-failed', { source: label, detail }, 'data');
  }
}
