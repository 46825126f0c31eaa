// Issue 12: `tierline import` and `tierline model fit|evaluate` read a
// --source (a .duckdb table, a Parquet file, a PostgreSQL table) through the
// real binary with results identical to the same lines in a csv file; bad
// sources are one line each and leave --db unwritten (not even created).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/index.js';
import { formatCsvRow } from '../../io/format-csv-row.js';
import { generateRetailHistory, RETAIL_HEADER } from '../acceptance/retail-order-lines.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/tierline.js');

async function tierline(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      maxBuffer: 1 << 26,
      env: { ...process.env, TIERLINE_DATABASE_URL: '', LANG: 'C', LC_ALL: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const history = generateRetailHistory(400, 33);
// A few dirty lines: a duplicate, pounds in the cell, a Chinese date, an impossible date, a missing id.
const DIRTY: string[][] = [
  ['700001', 'A1', 'MUG', '2', '2023/5/6 10:00', '£2.50', '12346', 'United Kingdom', 'Alice Moore'],
  ['700001', 'A1', 'MUG', '2', '2023/5/6 10:00', '£2.50', '12346', 'United Kingdom', 'Alice Moore'],
  ['700002', 'A2', 'JUG', '1', '2023年6月7日', '(3.00)', '12347', 'United Kingdom', ''],
  ['700004', 'A4', 'PAN', '3', '2023-02-30', '1.25', '12349', 'United Kingdom', 'Ben Carter'],
  ['700008', 'A8', 'BOX', '1', '2023-07-01 09:00', '4.00', '', 'United Kingdom', ''],
];
const TODAY = '2027-01-01';
const CALIBRATION_END = addDays(history.asOf, -181)!;
const HOLDOUT_END = addDays(history.asOf, -1)!;

let dir: string;
let csv: string;
let database: string;
let parquet: string;
let server: TestPostgres;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tierline-cli-source-'));
  csv = join(dir, 'order-lines.csv');
  database = join(dir, 'shop.duckdb');
  parquet = join(dir, 'order-lines.parquet');
  const rows = [...DIRTY, ...history.rows];
  writeFileSync(csv, [RETAIL_HEADER, ...rows].map((r) => formatCsvRow(r)).join(''));
  const instance = await DuckDBInstance.create(database);
  const c = await instance.connect();
  await c.run(
    'CREATE TABLE order_lines AS SELECT * FROM read_csv($1, all_varchar = true, header = true, null_padding = true)',
    [csv],
  );
  await c.run(`COPY order_lines TO '${parquet.replaceAll("'", "''")}' (FORMAT parquet)`);
  c.closeSync();
  instance.closeSync();

  server = await startPostgres();
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(`CREATE TABLE order_lines (${RETAIL_HEADER.map((h) => `"${h}" text`).join(', ')})`);
  const width = RETAIL_HEADER.length;
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    const tuples = chunk.map(
      (_, k) => `(${Array.from({ length: width }, (_, j) => `$${k * width + j + 1}`).join(', ')})`,
    );
    await client.query(
      `INSERT INTO order_lines VALUES ${tuples.join(', ')}`,
      chunk.flat().map((cell) => (cell === '' ? null : cell)),
    );
  }
  await client.end();
}, 180_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** What a snapshot stored: the snapshot row (less id, time and source), every customer, the stored columns. */
function storedSnapshot(db: string) {
  const sqlite = new Database(db, { readonly: true });
  try {
    const snapshots = sqlite.prepare('SELECT * FROM snapshots').all() as Record<string, unknown>[];
    const customers = sqlite.prepare('SELECT * FROM customers ORDER BY customer_id').all();
    const columns = sqlite.prepare('SELECT * FROM snapshot_columns').all() as Record<string, unknown>[];
    const { id: _id, imported_at: _at, source: _source, ...snapshot } = snapshots[0]!;
    expect(snapshots).toHaveLength(1);
    return { snapshot, customers, columns: columns.map(({ snapshot_id: _s, ...rest }) => rest) };
  } finally {
    sqlite.close();
  }
}

const SOURCES: [string, () => string[]][] = [
  ['a .duckdb table', () => ['--source', `duckdb:${database}`, '--table', 'order_lines']],
  ['a Parquet file', () => ['--source', `duckdb:${parquet}`]],
  ['a PostgreSQL table', () => ['--source', server.url, '--table', 'order_lines']],
];

describe('tierline import --source (issue 12)', () => {
  let fromCsv: ReturnType<typeof storedSnapshot>;

  beforeAll(async () => {
    const db = join(dir, 'csv.db');
    const result = await tierline('import', csv, '--db', db, '--today', TODAY);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    fromCsv = storedSnapshot(db);
  }, 120_000);

  it('the csv import stores customers, segments and churn (the comparisons are not vacuous)', () => {
    expect(fromCsv.customers.length).toBeGreaterThan(300);
    expect(new Set(fromCsv.customers.map((c) => (c as { segment: number }).segment)).size).toBeGreaterThan(3);
    expect(fromCsv.customers.some((c) => (c as { churn_risk: number }).churn_risk === 1)).toBe(true);
  });

  it.each(SOURCES)(
    '%s stores the same snapshot as the csv file',
    async (_name, args) => {
      const db = join(dir, `${_name.replace(/\W+/g, '-')}.db`);
      const result = await tierline('import', ...args(), '--db', db, '--today', TODAY);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Imported .* as snapshot 1 of /);
      expect(result.stdout).not.toContain(server.password);
      expect(storedSnapshot(db)).toEqual(fromCsv);
    },
    120_000,
  );
});

describe('tierline model fit|evaluate --source (issue 12)', () => {
  const fit = ['--calibration-end', CALIBRATION_END, '--today', TODAY];
  const evaluate = [...fit, '--holdout-end', HOLDOUT_END];
  let csvFit: string;
  let csvEvaluate: string;
  let csvTable: string;

  beforeAll(async () => {
    const [a, b, c] = await Promise.all([
      tierline('model', 'fit', csv, ...fit, '--format', 'json'),
      tierline('model', 'evaluate', csv, ...evaluate, '--format', 'json'),
      tierline('model', 'evaluate', csv, ...evaluate),
    ]);
    for (const r of [a, b, c]) expect(r.stderr + r.code).toBe('0');
    [csvFit, csvEvaluate, csvTable] = [a.stdout, b.stdout, c.stdout];
  }, 180_000);

  it('the csv fit and evaluation have numbers (the comparisons are not vacuous)', () => {
    const parsed = JSON.parse(csvFit) as { customers: number; bgnbd: { r: number } };
    expect(parsed.customers).toBeGreaterThan(300);
    expect(Number.isFinite(parsed.bgnbd.r)).toBe(true);
    expect((JSON.parse(csvEvaluate) as { models: unknown[] }).models.length).toBeGreaterThan(2);
  });

  it.each(SOURCES)(
    '%s gives the same fit and evaluation as the csv file',
    async (_name, args) => {
      const [a, b, c] = await Promise.all([
        tierline('model', 'fit', ...args(), ...fit, '--format', 'json'),
        tierline('model', 'evaluate', ...args(), ...evaluate, '--format', 'json'),
        tierline('model', 'evaluate', ...args(), ...evaluate),
      ]);
      expect(a.stdout).toBe(csvFit);
      expect(b.stdout).toBe(csvEvaluate);
      // The table names its input on the first line; the rest is the same.
      const [first, ...rest] = c.stdout.split('\n');
      expect(rest.join('\n')).toBe(csvTable.split('\n').slice(1).join('\n'));
      expect(first!.slice(first!.indexOf(': '))).toBe(csvTable.split('\n')[0]!.slice(csvTable.indexOf(': ')));
      expect(c.stdout).not.toContain(server.password);
    },
    180_000,
  );
});

/** One line on stderr naming the problem, no stack, nothing on stdout, --db not created. */
function expectOneLine(
  result: { code: number; stdout: string; stderr: string },
  db: string,
  code: number,
  pattern: RegExp,
): void {
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).toMatch(/^tierline: /);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe('');
  expect(existsSync(db)).toBe(false);
  expect(result.code).toBe(code);
}

describe('bad sources: one line each, nothing written to --db (issue 12)', () => {
  let n = 0;
  const freshDb = () => join(dir, `bad-${++n}.db`);

  it('an unreachable database', async () => {
    const db = freshDb();
    const url = 'postgres://tierline:secret@127.0.0.1:1/tierline_test';
    const result = await tierline('import', '--source', url, '--table', 'order_lines', '--db', db);
    expectOneLine(result, db, 1, /127\.0\.0\.1:1.*cannot connect/);
    expect(result.stderr).not.toContain('secret');
  }, 60_000);

  it('wrong credentials', async () => {
    const db = freshDb();
    const url = server.url.replace(`:${server.password}@`, ':wrong-password@');
    const result = await tierline('import', '--source', url, '--table', 'order_lines', '--db', db);
    expectOneLine(result, db, 1, /refused the user name or password/);
    expect(result.stderr).not.toContain('wrong-password');
  }, 60_000);

  it('a missing table, in PostgreSQL and in a .duckdb file', async () => {
    let db = freshDb();
    const pgResult = await tierline('import', '--source', server.url, '--table', 'no_such_table', '--db', db);
    expectOneLine(pgResult, db, 1, /no_such_table/);
    expect(pgResult.stderr).not.toContain(server.password);
    db = freshDb();
    const duck = await tierline('import', '--source', `duckdb:${database}`, '--table', 'no_such_table', '--db', db);
    expectOneLine(duck, db, 1, /no_such_table/);
  }, 60_000);

  it('a query without a customer id column', async () => {
    const db = freshDb();
    const query = 'SELECT "InvoiceNo", "InvoiceDate", "Quantity", "UnitPrice" FROM order_lines';
    const result = await tierline('import', '--source', server.url, '--query', query, '--db', db);
    expectOneLine(result, db, 2, /customer/i);
  }, 60_000);

  it('a statement that runs longer than --statement-timeout', async () => {
    const db = freshDb();
    const query = 'SELECT o.* FROM order_lines o, pg_sleep(5)';
    const args = ['--source', server.url, '--query', query, '--statement-timeout', '200'];
    expectOneLine(await tierline('import', ...args, '--db', db), db, 2, /ran longer than --statement-timeout 200 ms/);
    const model = await tierline('model', 'fit', ...args, '--calibration-end', CALIBRATION_END);
    expect(model.stderr).toMatch(/^tierline: .*ran longer than --statement-timeout 200 ms/);
    expect(model.code).toBe(2);
  }, 60_000);

  it.each([
    ['a file and --source together', [csv, '--source', `duckdb:${parquet}`], /give <file> or --source, not both/],
    [
      '--table and --query together',
      ['--source', `duckdb:${database}`, '--table', 'order_lines', '--query', 'SELECT 1'],
      /--table and --query both name what to read; give one/,
    ],
    ['--table without --source', [csv, '--table', 'order_lines'], /--table reads from a database: give --source/],
  ])(
    'a usage error: %s',
    async (_name, args, pattern) => {
      const db = freshDb();
      const result = await tierline('import', ...(args as string[]), '--db', db);
      expect(result.stderr.split('\n')[0]).toMatch(pattern);
      expect(result.stderr).toMatch(/^tierline: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(db)).toBe(false);
      expect(result.code).toBe(1);
      const model = await tierline('model', 'evaluate', ...(args as string[]), '--calibration-end', CALIBRATION_END);
      expect(model.stderr.split('\n')[0]).toMatch(pattern);
      expect(model.code).toBe(1);
    },
    60_000,
  );
});
