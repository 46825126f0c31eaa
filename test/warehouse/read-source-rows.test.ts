// Issue 12: `--source` rows for `tierline import` and `tierline model`. The
// raw rows of a DuckDB table, a Parquet file or a PostgreSQL table reach the
// Node pipeline as the cells a csv of the same data gives, so the run is
// identical to reading that csv.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataValidationError, type Cell, type SegmentOptionsInput } from '../../core/index.js';
import { formatCsvRow } from '../../io/format-csv-row.js';
import type { TableSink } from '../../io/index.js';
import { readSegmented } from '../../io/read-segmented.js';
import { describeSource, readSourceRows, type SourceRowsRequest } from '../../warehouse/index.js';
import { generateRetailHistory, RETAIL_HEADER } from '../acceptance/retail-order-lines.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { DIRTY_ORDER_LINES } from './dirty-order-lines.js';
import { expectSameResult } from './same-result.js';

const history = generateRetailHistory(300, 21);

// The dirty lines the SQL path's equality test plants (pounds, accounting negatives, formula errors, other date
// forms, placeholders, future dates, missing ids, duplicates, an empty amount, a cancellation).
const DIRTY = DIRTY_ORDER_LINES;

// The typed copy: ids as BIGINT, dates as TIMESTAMP, quantities as INTEGER, prices as DECIMAL.
const TYPED_SELECT = `SELECT InvoiceNo, StockCode, Description, CAST(Quantity AS INTEGER) AS Quantity,
  CAST(InvoiceDate AS TIMESTAMP) AS InvoiceDate, CAST(UnitPrice AS DECIMAL(10, 2)) AS UnitPrice,
  CAST(CustomerID AS BIGINT) AS CustomerID, Country, "Account manager"`;

const OPTIONS: SegmentOptionsInput = { asOf: history.asOf, today: '2027-01-01' };

let dir: string;
let dirtyCsv: string;
let typedCsv: string;
let parquet: string;
let typedParquet: string;
let database: string;

const sql = (text: string) => text.replaceAll("'", "''");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tierline-source-rows-'));
  dirtyCsv = join(dir, 'dirty.csv');
  typedCsv = join(dir, 'typed.csv');
  parquet = join(dir, 'dirty.parquet');
  typedParquet = join(dir, 'typed.parquet');
  database = join(dir, 'shop.duckdb');
  writeFileSync(dirtyCsv, [RETAIL_HEADER, ...DIRTY, ...history.rows].map((r) => formatCsvRow(r)).join(''));
  const clean = join(dir, 'clean.csv');
  writeFileSync(clean, [RETAIL_HEADER, ...history.rows].map((r) => formatCsvRow(r)).join(''));
  const instance = await DuckDBInstance.create(database);
  const c = await instance.connect();
  const text = (file: string) => `read_csv('${sql(file)}', all_varchar = true, header = true, null_padding = true)`;
  await c.run(`CREATE TABLE order_lines AS SELECT * FROM ${text(dirtyCsv)}`);
  await c.run(`COPY order_lines TO '${sql(parquet)}' (FORMAT parquet)`);
  await c.run(`CREATE TABLE typed_lines AS ${TYPED_SELECT} FROM ${text(clean)}`);
  await c.run(`COPY typed_lines TO '${sql(typedParquet)}' (FORMAT parquet)`);
  // The csv a database export of the typed table gives: what the typed sources must read like.
  await c.run(`COPY typed_lines TO '${sql(typedCsv)}' (FORMAT csv, HEADER)`);
  await c.run(`CREATE TABLE kinds (
    id VARCHAR, n INTEGER, big BIGINT, x DOUBLE, d DECIMAL(10, 2), day DATE, paid_at TIMESTAMP, ok BOOLEAN)`);
  await c.run(`INSERT INTO kinds VALUES
    ('C1', 42, 12345678901234567, 12.5, 3.10, '2024-01-05', '2024-01-05 10:30:00', true),
    (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    ('C2', -1, 0, 0.1, -2.00, '2023-12-31', '2023-12-31 00:00:00', false)`);
  c.closeSync();
  instance.closeSync();
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything a sink receives, rows with their row numbers. */
async function collect(request: SourceRowsRequest) {
  let header: { cells: readonly string[]; row: number } | undefined;
  const rows: { row: number; cells: readonly Cell[] }[] = [];
  const sink: TableSink = {
    header: (cells, row) => (header = { cells, row }),
    rows: (batch, first) => batch.forEach((cells, i) => cells.length > 0 && rows.push({ row: first + i, cells })),
  };
  const result = await readSourceRows(request, sink);
  return { header, rows, result };
}

const KIND_HEADER = ['id', 'n', 'big', 'x', 'd', 'day', 'paid_at', 'ok'];
const KIND_ROWS = [
  { row: 2, cells: ['C1', '42', '12345678901234567', 12.5, 3.1, '2024-01-05', '2024-01-05 10:30:00', 'true'] },
  { row: 4, cells: ['C2', '-1', '0', 0.1, -2, '2023-12-31', '2023-12-31 00:00:00', 'false'] },
];

async function viaCsv(file: string, options = OPTIONS) {
  return (await readSegmented({ file, segmentOptions: options, keepPurchaseDays: true })).result;
}

async function viaSource(request: SourceRowsRequest, options = OPTIONS) {
  const readRows = (sink: TableSink) => readSourceRows(request, sink);
  return (
    await readSegmented({
      file: describeSource(request),
      readRows,
      segmentOptions: options,
      keepPurchaseDays: true,
    })
  ).result;
}

describe('readSourceRows: the cells of each type (DuckDB)', () => {
  it('text and integers as text (all digits), floating and decimal numbers as numbers, dates as YYYY-MM-DD, NULL as empty', async () => {
    const { header, rows, result } = await collect({ source: { kind: 'duckdb', path: database }, table: 'kinds' });
    expect(header).toEqual({ cells: KIND_HEADER, row: 1 });
    // The all-NULL row is row 3 of the table, numbered but not data, as a blank csv line is.
    expect(rows).toEqual(KIND_ROWS);
    expect(result).toEqual({ format: 'csv', dataRows: 2, label: `${database}#kinds` });
  });

  it('a --query reads its own columns and rows', async () => {
    const { header, rows } = await collect({
      source: { kind: 'duckdb', path: database },
      query: 'SELECT id AS "Customer", x * 2 AS twice FROM kinds WHERE id IS NOT NULL ORDER BY id DESC',
    });
    expect(header?.cells).toEqual(['Customer', 'twice']);
    expect(rows).toEqual([
      { row: 2, cells: ['C2', 0.2] },
      { row: 3, cells: ['C1', 25] },
    ]);
  });

  it('a problem the sink raises is passed on as it is, not as a query failure', async () => {
    const problem = new DataValidationError([{ code: 'empty-file', row: 2, column: '', value: '', message: 'x' }]);
    const sink: TableSink = {
      header: () => {},
      rows: () => {
        throw problem;
      },
    };
    await expect(readSourceRows({ source: { kind: 'duckdb', path: database }, table: 'kinds' }, sink)).rejects.toBe(
      problem,
    );
  });

  it('cancels a statement that runs longer than the timeout (WarehouseError timeout)', async () => {
    const sink: TableSink = { header: () => {}, rows: () => {} };
    const slow = 'SELECT sum(hash(i)) AS s FROM range(1000000000000) AS t(i)';
    await expect(
      readSourceRows({ source: { kind: 'duckdb', path: database }, query: slow, timeoutMs: 100 }, sink),
    ).rejects.toMatchObject({ code: 'timeout', kind: 'data' });
  }, 60_000);

  it('names a source without its password', () => {
    expect(describeSource({ source: { kind: 'postgres', url: 'postgres://u:secret@h:5432/db' }, query: 'x' })).toBe(
      'postgres://u:***@h:5432/db#query',
    );
  });
});

describe('the same order lines from a csv file and from DuckDB (issue 12)', () => {
  it('the csv run sees the planted problems (the comparisons are not vacuous)', async () => {
    const csv = await viaCsv(dirtyCsv);
    expect(csv.report.counts).toMatchObject({
      'duplicate-transaction': expect.any(Number),
      'missing-id': expect.any(Number),
      'invalid-date': expect.any(Number),
      'future-date': 1,
      'formula-error': 1,
      'date-normalized': expect.any(Number),
    });
    expect(csv.features.count).toBeGreaterThan(200);
    expect(csv.features.purchaseDays).toBeDefined();
  }, 60_000);

  it('a .duckdb table and a Parquet file of the dirty text lines give the csv run', async () => {
    const csv = await viaCsv(dirtyCsv);
    expectSameResult(csv, await viaSource({ source: { kind: 'duckdb', path: database }, table: 'order_lines' }));
    expectSameResult(csv, await viaSource({ source: { kind: 'duckdb', path: parquet } }));
    // The cleaning report's rows are the csv's rows.
    const source = await viaSource({ source: { kind: 'duckdb', path: parquet } });
    expect(source.report.issues.map((i) => [i.code, i.row])).toEqual(csv.report.issues.map((i) => [i.code, i.row]));
  }, 120_000);

  it('a customer table joins onto the source rows as onto the csv (--customers)', async () => {
    const customers = join(dir, 'customers.csv');
    const ids = [...history.buyers].slice(0, 50);
    const rows = [['客户ID', '所在地区'], ...ids.map((id, i) => [id, i % 2 === 0 ? '华东' : '华南'])];
    writeFileSync(customers, rows.map((r) => formatCsvRow(r)).join(''));
    const csv = (await readSegmented({ file: dirtyCsv, customers, segmentOptions: OPTIONS })).result;
    expect(csv.features.attributes.region?.filter((r) => r === '华东')).toHaveLength(25);
    const request: SourceRowsRequest = { source: { kind: 'duckdb', path: parquet } };
    const source = await readSegmented({
      file: describeSource(request),
      readRows: (sink) => readSourceRows(request, sink),
      customers,
      segmentOptions: OPTIONS,
    });
    expectSameResult(csv, source.result);
  }, 60_000);

  it('typed columns (BIGINT ids, TIMESTAMP dates, INTEGER quantities, DECIMAL prices) give the run of their csv export', async () => {
    const csv = await viaCsv(typedCsv);
    expect(csv.features.count).toBeGreaterThan(200);
    expectSameResult(csv, await viaSource({ source: { kind: 'duckdb', path: database }, table: 'typed_lines' }));
    expectSameResult(csv, await viaSource({ source: { kind: 'duckdb', path: typedParquet } }));
  }, 120_000);
});

describe('the same order lines from PostgreSQL (issue 12)', () => {
  let server: TestPostgres;

  async function load(client: pg.Client, table: string, types: readonly string[], rows: readonly (string | null)[][]) {
    const columns = RETAIL_HEADER.map((h, i) => `"${h}" ${types[i]}`).join(', ');
    await client.query(`CREATE TABLE ${table} (${columns})`);
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      const width = RETAIL_HEADER.length;
      const tuples = chunk.map(
        (_, k) => `(${Array.from({ length: width }, (_, j) => `$${k * width + j + 1}::${types[j]}`).join(', ')})`,
      );
      await client.query(`INSERT INTO ${table} VALUES ${tuples.join(', ')}`, chunk.flat());
    }
  }

  async function typedRows(): Promise<(string | null)[][]> {
    const instance = await DuckDBInstance.create(database, { access_mode: 'READ_ONLY' });
    const c: DuckDBConnection = await instance.connect();
    const reader = await c.runAndReadAll(
      `SELECT ${RETAIL_HEADER.map((h) => `CAST("${h}" AS VARCHAR)`).join(', ')} FROM typed_lines`,
    );
    const rows = reader.getRowsJS() as (string | null)[][];
    c.closeSync();
    instance.closeSync();
    return rows;
  }

  beforeAll(async () => {
    server = await startPostgres();
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const text = RETAIL_HEADER.map(() => 'text');
    await load(
      client,
      'order_lines',
      text,
      [...DIRTY, ...history.rows].map((r) => r.map((c) => (c === '' ? null : c))),
    );
    const typed = ['text', 'text', 'text', 'integer', 'timestamp', 'numeric(10,2)', 'bigint', 'text', 'text'];
    await load(client, 'typed_lines', typed, await typedRows());
    await client.query(`CREATE TABLE kinds (
      id text, n integer, big bigint, x double precision, d numeric(10,2), day date, paid_at timestamp, ok boolean)`);
    await client.query(`INSERT INTO kinds VALUES
      ('C1', 42, 12345678901234567, 12.5, 3.10, '2024-01-05', '2024-01-05 10:30:00', true),
      (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
      ('C2', -1, 0, 0.1, -2.00, '2023-12-31', '2023-12-31 00:00:00', false)`);
    await client.end();
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('gives the same cells of each type as DuckDB', async () => {
    const { header, rows, result } = await collect({ source: { kind: 'postgres', url: server.url }, table: 'kinds' });
    expect(header).toEqual({ cells: KIND_HEADER, row: 1 });
    expect(rows).toEqual(KIND_ROWS);
    expect(result.label).not.toContain(server.password);
  });

  it("reads dates as YYYY-MM-DD when the server's DateStyle is another (SQL, DMY: 05/01/2024)", async () => {
    const url = `${server.url}${server.url.includes('?') ? '&' : '?'}options=${encodeURIComponent('-c DateStyle=SQL,DMY')}`;
    const probe = new pg.Client({ connectionString: url });
    await probe.connect();
    const shown = await probe.query<{ d: string }>(`SELECT CAST(DATE '2024-01-05' AS text) AS d`);
    await probe.end();
    expect(shown.rows[0]!.d).toBe('05/01/2024'); // the connection really has the other style
    const { rows } = await collect({ source: { kind: 'postgres', url }, table: 'kinds' });
    expect(rows).toEqual(KIND_ROWS);
  });

  it('a text table of the dirty lines and a typed table give the csv runs', async () => {
    expectSameResult(
      await viaCsv(dirtyCsv),
      await viaSource({ source: { kind: 'postgres', url: server.url }, table: 'order_lines' }),
    );
    expectSameResult(
      await viaCsv(typedCsv),
      await viaSource({ source: { kind: 'postgres', url: server.url }, table: 'typed_lines' }),
    );
  }, 120_000);

  it('reads through the cursor in several batches and delivers every row in order', async () => {
    // 12,000 rows: more than two of the engine's cursor reads (5,000 rows each).
    const { rows } = await collect({
      source: { kind: 'postgres', url: server.url },
      query: 'SELECT g AS n FROM generate_series(1, 12000) AS g',
    });
    expect(rows).toHaveLength(12000);
    expect(rows[11999]).toEqual({ row: 12001, cells: ['12000'] });
  }, 60_000);
});
