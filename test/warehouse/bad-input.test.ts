// Issue 12 bad input through the real binary: each problem is one line naming
// the thing, the right exit code, no stack trace, and no output written.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../support/postgres.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/tierline.js');

async function tierline(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const LINES = [
  'order_id,customer_id,order_date,amount',
  'O1,C1,2024-01-05,10.00',
  'O2,C1,2024-02-05,20.00',
  'O3,C2,2024-03-05,30.00',
  'O4,C3,2024-03-06,40.00',
];

let dir: string;
let out: string;
let server: TestPostgres;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tierline-warehouse-bad-'));
  out = join(dir, 'out.csv');
  writeFileSync(join(dir, 'lines.csv'), LINES.join('\n') + '\n');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const csv = join(dir, 'lines.csv').replaceAll("'", "''");
  await connection.run(`COPY (SELECT * FROM read_csv('${csv}')) TO '${join(dir, 'good.parquet')}' (FORMAT parquet)`);
  await connection.run(
    `COPY (SELECT order_id, amount FROM read_csv('${csv}')) TO '${join(dir, 'no-customer.parquet')}' (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
  const good = readFileSync(join(dir, 'good.parquet'));
  writeFileSync(join(dir, 'truncated.parquet'), good.subarray(0, Math.floor(good.length / 2)));

  server = await startPostgres();
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(
    'CREATE TABLE orders (order_id text, customer_id text, order_date date, amount numeric, flag boolean)',
  );
  await client.query(`INSERT INTO orders VALUES
    ('O1', 'C1', '2024-01-05', 10, true), ('O2', 'C1', '2024-02-05', 20, false), ('O3', 'C2', '2024-03-05', 30, true)`);
  await client.end();
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** One line on stderr starting "tierline: ", no stack, nothing on stdout, no output file. */
function expectOneLine(result: { code: number; stdout: string; stderr: string }, code: number, pattern: RegExp): void {
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/^tierline: /);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe('');
  expect(existsSync(out)).toBe(false);
  expect(result.code).toBe(code);
}

describe('warehouse bad input: one line each, nothing written (issue 12)', () => {
  it('a good PostgreSQL table works (the positive control)', async () => {
    const result = await tierline('segment', '--source', server.url, '--table', 'orders', '--churn-models', 'off');
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/3 customers|2 customers/);
    expect(result.stdout).not.toContain(server.password);
    expect(result.code).toBe(0);
  }, 60_000);

  it('an unreachable database', async () => {
    const url = `postgres://tierline:secret@127.0.0.1:1/tierline_test`;
    const result = await tierline('segment', '--source', url, '--table', 'orders', '--out', out);
    expectOneLine(result, 1, /127\.0\.0\.1:1.*cannot connect/);
    expect(result.stderr).not.toContain('secret');
  }, 60_000);

  it('wrong credentials', async () => {
    const url = server.url.replace(`:${server.password}@`, ':wrong-password@');
    const result = await tierline('segment', '--source', url, '--table', 'orders', '--out', out);
    expectOneLine(result, 1, /refused the user name or password/);
    expect(result.stderr).not.toContain('wrong-password');
  }, 60_000);

  it('a query without a customer id column', async () => {
    const result = await tierline(
      'segment',
      '--source',
      server.url,
      '--query',
      'SELECT order_date, amount FROM orders',
    );
    expectOneLine(result, 2, /customer/i);
  }, 60_000);

  it('a column of the wrong type', async () => {
    const result = await tierline(
      'segment',
      '--source',
      server.url,
      '--query',
      'SELECT customer_id, flag AS order_date, amount FROM orders',
      '--out',
      out,
    );
    expectOneLine(result, 2, /column order_date holds BOOLEAN values; it cannot be the order date \(购买日期\) column/);
  }, 60_000);

  it('a query that times out', async () => {
    const result = await tierline(
      'segment',
      '--source',
      server.url,
      '--query',
      'SELECT o.* FROM orders o, pg_sleep(5)',
      '--statement-timeout',
      '200',
      '--out',
      out,
    );
    expectOneLine(result, 2, /ran longer than --statement-timeout 200 ms/);
  }, 60_000);

  it.each([
    ['orders"; DROP TABLE orders; --', /no table orders"; DROP TABLE orders; --/],
    ['orders; DROP TABLE orders', /no table orders; DROP TABLE orders/],
  ])(
    'an injection attempt in --table (%s) is a missing table, and the table survives',
    async (table, pattern) => {
      const result = await tierline('segment', '--source', server.url, '--table', table, '--out', out);
      expectOneLine(result, 1, pattern);
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query('SELECT count(*)::int AS n FROM orders');
      await client.end();
      expect(rows[0].n).toBe(3);
    },
    60_000,
  );

  it('an injection attempt in a column name (--map) stays one quoted name', async () => {
    const result = await tierline(
      'segment',
      '--source',
      server.url,
      '--table',
      'orders',
      '--map',
      'customerId=customer_id") FROM orders; DROP TABLE orders; --',
      '--out',
      out,
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM orders');
    await client.end();
    expect(rows[0].n).toBe(3);
  }, 60_000);

  it('a Parquet file with a wrong schema (no customer id)', async () => {
    const result = await tierline('segment', join(dir, 'no-customer.parquet'), '--out', out);
    expectOneLine(result, 2, /customer/i);
  }, 60_000);

  it('a truncated Parquet file', async () => {
    const result = await tierline('segment', join(dir, 'truncated.parquet'), '--out', out);
    expectOneLine(result, 2, /truncated\.parquet cannot be read as Parquet/);
  }, 60_000);

  it('a missing DuckDB table and --table on a csv', async () => {
    const db = join(dir, 'shop.duckdb');
    const instance = await DuckDBInstance.create(db);
    instance.closeSync();
    expectOneLine(
      await tierline('segment', '--source', `duckdb:${db}`, '--table', 'nope', '--out', out),
      1,
      /no table nope/,
    );
    expectOneLine(
      await tierline('segment', '--source', `duckdb:${join(dir, 'lines.csv')}`, '--table', 'x', '--out', out),
      1,
      /--table and --query read a database/,
    );
  }, 60_000);

  it('--explain prints the SQL and exits 0, PostgreSQL dialect for a postgres:// source', async () => {
    const result = await tierline('segment', '--source', server.url, '--table', 'orders', '--explain');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/postgres dialect/);
    expect(result.stdout).toContain('FROM "orders"');
    expect(result.stdout).not.toContain(server.password);
  }, 60_000);
});
