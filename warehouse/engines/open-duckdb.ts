import { mkdtempSync, rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBDataChunk } from '@duckdb/node-api';
import { bindParameters } from '../sql/build-feature-query.js';
import { DUCKDB } from '../sql/dialect.js';
import { quoteIdentifier, quoteTableName } from '../sql/quote-identifier.js';
import { firstLine, WarehouseError } from '../warehouse-error.js';
import type { ColumnBatch, SourceColumn, SqlEngine, SqlValue } from './sql-engine.js';

/** What DuckDB reads: a csv (optionally gzipped) or Parquet file, or a table/query of a .duckdb database. */
export interface DuckDbSource {
  readonly path: string;
  readonly table?: string;
  readonly query?: string;
  /** Cancel a statement after this many milliseconds. */
  readonly timeoutMs?: number;
}

/** DuckDB's own memory ceiling; Node's share (one row per customer) comes on top. */
export const DUCKDB_MEMORY_LIMIT = '512MB';

/** Lines whose steps' tables stay in memory (TEMP); above, a scratch database file (see openDuckDb). */
export const IN_MEMORY_STEP_ROWS = 3_000_000;

/** Rows of the source, estimated cheaply: a csv's size at ~36 bytes a line, Parquet's metadata; a database: Infinity. */
async function estimateRows(connection: DuckDBConnection, format: string, path: string): Promise<number> {
  if (format === 'csv') return (await stat(path)).size / (path.toLowerCase().endsWith('.gz') ? 12 : 36);
  if (format !== 'parquet') return Number.POSITIVE_INFINITY;
  const reader = await connection.runAndReadAll('SELECT sum(num_rows) FROM parquet_file_metadata($1)', [path]);
  return Number(reader.getRowsJS()[0]?.[0] ?? 0);
}

/** The file kind DuckDB reads, from the name. */
export function duckDbFormat(path: string): 'csv' | 'parquet' | 'database' {
  const name = path.toLowerCase();
  if (name.endsWith('.parquet')) return 'parquet';
  if (name.endsWith('.duckdb') || name.endsWith('.db')) return 'database';
  return 'csv';
}

/**
 * Opens embedded DuckDB (in memory, or the .duckdb file read-only) on a
 * source. A csv is read as text in every column (`all_varchar`), so the SQL
 * applies the same cleaning rules to the same strings as the Node path.
 * @throws WarehouseError `bad-file` (not a csv/Parquet/DuckDB file, truncated), `no-table`, `invalid-identifier`; fs errors for a missing file.
 */
export async function openDuckDb(source: DuckDbSource): Promise<SqlEngine> {
  const format = duckDbFormat(source.path);
  await stat(source.path); // ENOENT / EISDIR name the path (cli/report-error.ts)
  const label = basename(source.path);
  let instance: DuckDBInstance;
  // DuckDB names its spill files the same in every process (duckdb_temp_storage_DEFAULT-0.tmp …):
  // each run spills into its own folder, or two runs at once corrupt each other's.
  const spill = mkdtempSync(join(tmpdir(), 'tierline-duckdb-'));
  try {
    // Issue 12 memory target (< 1 GB for the whole run): DuckDB spills its temporary tables and
    // sorts to disk beyond this instead of taking 80% of the machine's memory.
    const limits = { memory_limit: DUCKDB_MEMORY_LIMIT, temp_directory: spill };
    instance =
      format === 'database'
        ? await DuckDBInstance.create(source.path, { access_mode: 'READ_ONLY', ...limits })
        : await DuckDBInstance.create(':memory:', limits);
  } catch (error) {
    rmSync(spill, { recursive: true, force: true });
    throw new WarehouseError('bad-file', { source: label, format: 'DuckDB', detail: firstLine(error) }, 'data');
  }
  const connection = await instance.connect();
  let relation: string;
  let sourceValues: Record<string, SqlValue> = {};
  // A usage error below leaves no instance or spill folder behind.
  try {
    if (format === 'database') {
      const query = source.query,
        table = source.table;
      if (query !== undefined) relation = `(${query}) AS tierline_query`;
      else if (table !== undefined) relation = quoteTableName(table);
      else
        throw new WarehouseError(
          'invalid-identifier',
          { value: label, detail: 'a .duckdb source needs --table or --query' },
          'usage',
        );
    } else {
      if (source.query !== undefined || source.table !== undefined)
        throw new WarehouseError(
          'invalid-identifier',
          {
            value: label,
            detail: '--table and --query read a database (.duckdb or postgres://), not a csv or Parquet file',
          },
          'usage',
        );
      relation =
        format === 'parquet'
          ? 'read_parquet({{source}})'
          : 'read_csv({{source}}, all_varchar = true, header = true, null_padding = true)';
      sourceValues = { source: source.path };
    }
  } catch (error) {
    closeQuietly(connection);
    instance.closeSync();
    rmSync(spill, { recursive: true, force: true });
    throw error;
  }
  const what = format === 'parquet' ? 'Parquet' : format === 'csv' ? 'csv' : 'DuckDB';
  // Where the steps' tables live. DuckDB keeps TEMP tables in memory uncompressed (~100 bytes a
  // line): fastest while they fit under the cap; a bigger source (10M lines: ~1 GB) writes them to a
  // scratch database file in the private folder instead, stored compressed and evicted by the buffer
  // pool, which costs CPU but keeps the run inside its memory.
  let stepSchema = 'temp.main';
  try {
    if ((await estimateRows(connection, format, source.path)) > IN_MEMORY_STEP_ROWS) {
      await connection.run(
        `ATTACH '${join(spill, 'steps.duckdb').replaceAll("'", "''")}' AS tierline_steps (READ_WRITE)`,
      );
      stepSchema = 'tierline_steps.main';
    }
  } catch (error) {
    closeQuietly(connection);
    instance.closeSync();
    rmSync(spill, { recursive: true, force: true });
    throw describeDuckDbError(error, label, what, source);
  }

  async function guarded<T>(run: () => Promise<T>): Promise<T> {
    const timer =
      source.timeoutMs !== undefined ? setTimeout(() => connection.interrupt(), source.timeoutMs) : undefined;
    try {
      return await run();
    } catch (error) {
      throw describeDuckDbError(error, label, what, source);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
  const bound = (sql: string, values: Readonly<Record<string, SqlValue>>) =>
    bindParameters(sql, { ...values, ...sourceValues });
  const prepared: { name: string; read: string }[] = [];
  const withSteps = (sql: string) => {
    if (prepared.length === 0) return sql;
    // NOT MATERIALIZED: a step read twice is still read from its table, never copied.
    const steps = prepared
      .map(
        ({ name, read }) =>
          `${name} AS NOT MATERIALIZED (${read.replaceAll('{{table}}', `${stepSchema}.tierline_${name}`)})`,
      )
      .join(',\n');
    return sql.startsWith('WITH') ? `WITH ${steps},${sql.slice(4)}` : `WITH ${steps}\n${sql}`;
  };
  return {
    dialect: DUCKDB,
    label,
    relation,
    columns: () =>
      guarded(async () => {
        const { sql, values } = bound(`SELECT * FROM ${relation} LIMIT 0`, {});
        const reader = await connection.runAndReadAll(sql, values as never);
        const names = reader.columnNames();
        const types = reader.columnTypes();
        return names.map((name, i): SourceColumn => ({ name, type: String(types[i]).toUpperCase() }));
      }),
    sample: (limit) =>
      guarded(async () => {
        const head = bound(`SELECT * FROM ${relation} LIMIT 0`, {});
        const reader = await connection.runAndReadAll(head.sql, head.values as never);
        const cols = reader.columnNames().map((n) => `CAST(${quoteIdentifier(n)} AS VARCHAR)`);
        const { sql, values } = bound(`SELECT ${cols.join(', ')} FROM ${relation} LIMIT ${Math.trunc(limit)}`, {});
        const rows = await connection.runAndReadAll(sql, values as never);
        return rows.getRowsJS().map((row) => row.map((v) => (v === null ? null : String(v))));
      }),
    prepare: (name, text, values, read = 'SELECT * FROM {{table}}') =>
      guarded(async () => {
        const { sql, values: list } = bound(withSteps(text), values);
        const table =
          stepSchema === 'temp.main' ? `TEMP TABLE tierline_${name}` : `TABLE ${stepSchema}.tierline_${name}`;
        await connection.run(`CREATE OR REPLACE ${table} AS ${sql}`, list as never);
        if (!prepared.some((p) => p.name === name)) prepared.push({ name, read });
      }),
    all: (text, values) =>
      guarded(async () => {
        const { sql, values: list } = bound(withSteps(text), values);
        return (await connection.runAndReadAll(sql, list as never)).getRowObjectsJS();
      }),
    each: (text, values, onBatch) =>
      guarded(async () => {
        const { sql, values: list } = bound(withSteps(text), values);
        const result = await connection.stream(sql, list as never);
        const names = result.columnNames();
        // Column vectors read directly: the row-object conversion cost 3× the query itself.
        for (;;) {
          const chunk = await result.fetchChunk();
          if (!chunk || chunk.rowCount === 0) break;
          const columns = names.map((_, i) => chunk.getColumnVector(i));
          const rows: Record<string, unknown>[] = new Array(chunk.rowCount);
          for (let r = 0; r < chunk.rowCount; r++) {
            const row: Record<string, unknown> = {};
            for (let i = 0; i < names.length; i++) row[names[i]!] = plain(columns[i]!.getItem(r));
            rows[r] = row;
          }
          onBatch(rows);
        }
      }),
    eachColumns: (text, values, onBatch) =>
      guarded(async () => {
        const { sql, values: list } = bound(withSteps(text), values);
        // The streamed statements give their own ORDER BY: keeping the scan order on top costs memory.
        await connection.run('SET preserve_insertion_order = false');
        try {
          const result = await connection.stream(sql, list as never);
          for (;;) {
            const chunk = await result.fetchChunk();
            if (!chunk || chunk.rowCount === 0) break;
            onBatch(chunkBatch(chunk));
          }
        } finally {
          await connection.run('RESET preserve_insertion_order');
        }
      }),
    async close() {
      closeQuietly(connection);
      instance.closeSync();
      rmSync(spill, { recursive: true, force: true });
    },
  };
}

/**
 * A result chunk by column: INTEGER and DOUBLE columns as views of DuckDB's
 * own vectors (no copy, no per-value call), text as strings.
 */
function chunkBatch(chunk: DuckDBDataChunk): ColumnBatch {
  const rowCount = chunk.rowCount;
  return {
    rowCount,
    numbers(column) {
      const vector = chunk.getColumnVector(column);
      // The fixed-width vectors keep their values in a typed array (`items`); fall back to getItem.
      const items = (vector as unknown as { items?: unknown }).items;
      if (items instanceof Int32Array || items instanceof Float64Array) return items.subarray(0, rowCount);
      const out = new Float64Array(rowCount);
      for (let r = 0; r < rowCount; r++) out[r] = Number(vector.getItem(r));
      return out;
    },
    texts(column) {
      const vector = chunk.getColumnVector(column);
      const out = new Array<string | null>(rowCount);
      for (let r = 0; r < rowCount; r++) {
        const v = vector.getItem(r);
        out[r] = v === null ? null : String(v);
      }
      return out;
    },
  };
}

/** A DuckDB value as the reader expects it: numbers, bigints and strings as they are, anything else as text. */
function plain(value: unknown): unknown {
  return value === null || typeof value !== 'object' ? value : String(value);
}

function closeQuietly(connection: DuckDBConnection): void {
  try {
    connection.closeSync();
  } catch {
    // already closed
  }
}

function describeDuckDbError(error: unknown, label: string, what: string, source: DuckDbSource): Error {
  if (error instanceof WarehouseError) return error;
  const detail = firstLine(error);
  if (/interrupt/i.test(detail))
    return new WarehouseError('timeout', { source: label, timeout: `${source.timeoutMs ?? 0} ms` }, 'data');
  if (/Table with name .* does not exist|Catalog Error: Table/i.test(detail) && source.table !== undefined)
    return new WarehouseError('no-table', { source: label, table: source.table }, 'usage');
  if (
    /parquet|magic bytes|too small|CSV|IO Error/i.test(detail) &&
    !/bind|parameter/i.test(detail) &&
    source.query === undefined
  )
    return new WarehouseError('bad-file', { source: label, format: what, detail }, 'data');
  return new WarehouseError('query-failed', { source: label, detail }, 'data');
}
