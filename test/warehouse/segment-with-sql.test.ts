// Issue 12: the same order lines through the Node path, embedded DuckDB (csv
// and Parquet) and PostgreSQL give the same customers, features, segments,
// churn scores and cleaning counts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SegmentOptionsInput } from '../../core/index.js';
import { formatCsvRow } from '../../io/format-csv-row.js';
import { readSegmented } from '../../io/read-segmented.js';
import { openDuckDb, openPostgres, segmentWithSql, type SqlEngine } from '../../warehouse/index.js';
import { generateRetailHistory, RETAIL_HEADER } from '../acceptance/retail-order-lines.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { DIRTY_ORDER_LINES } from './dirty-order-lines.js';
import { expectSameResult } from './same-result.js';

const history = generateRetailHistory(600, 12);

const DIRTY = DIRTY_ORDER_LINES;

const OPTIONS: SegmentOptionsInput = { asOf: history.asOf, today: '2027-01-01' };

let dir: string;
let csv: string;
let parquet: string;
let database: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tierline-warehouse-'));
  csv = join(dir, 'order-lines.csv');
  parquet = join(dir, 'order-lines.parquet');
  database = join(dir, 'shop.duckdb');
  writeFileSync(csv, [RETAIL_HEADER, ...DIRTY, ...history.rows].map((r) => formatCsvRow(r)).join(''));
  const instance = await DuckDBInstance.create(database);
  const connection = await instance.connect();
  await connection.run(
    'CREATE TABLE order_lines AS SELECT * FROM read_csv($1, all_varchar = true, header = true, null_padding = true)',
    [csv],
  );
  await connection.run(`COPY order_lines TO '${parquet.replaceAll("'", "''")}' (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function viaNode(file: string, options = OPTIONS) {
  return (await readSegmented({ file, segmentOptions: options })).result;
}

async function viaSql(open: () => Promise<SqlEngine>, options = OPTIONS) {
  const engine = await open();
  try {
    const result = await segmentWithSql(engine, { segmentOptions: options, unsupported: 'fail' });
    if (!result) throw new Error('the SQL engine gave up');
    return result;
  } finally {
    await engine.close();
  }
}

describe('one feature definition, several executions (issue 12)', () => {
  it('the Node path sees the planted problems (the comparison below is not vacuous)', async () => {
    const node = await viaNode(csv);
    expect(node.report.counts).toMatchObject({
      'duplicate-transaction': expect.any(Number),
      'missing-id': expect.any(Number),
      'invalid-date': expect.any(Number),
      'future-date': 1,
      'formula-error': 1,
      'invalid-number': 1,
      'missing-value': 1,
      'amount-filled': 1,
      'refund-only': expect.any(Number),
      'date-normalized': expect.any(Number),
    });
    expect(node.currency.code).toBe('GBP');
    expect(node.features.count).toBeGreaterThan(500);
  }, 120_000);

  it('DuckDB on the csv gives the Node path’s result', async () => {
    expectSameResult(await viaNode(csv), await viaSql(() => openDuckDb({ path: csv })));
  }, 120_000);

  it('DuckDB on the same lines as Parquet and in a .duckdb table gives it too', async () => {
    const node = await viaNode(csv);
    expectSameResult(node, await viaSql(() => openDuckDb({ path: parquet })));
    expectSameResult(node, await viaSql(() => openDuckDb({ path: database, table: 'order_lines' })));
  }, 120_000);

  it('the options reach both: refunds excluded, frequency by order, a 12-month window', async () => {
    const options: SegmentOptionsInput = { ...OPTIONS, refunds: 'exclude', frequencyBy: 'order', window: 12 };
    expectSameResult(await viaNode(csv, options), await viaSql(() => openDuckDb({ path: csv }), options));
  }, 120_000);

  it('the hand-checked 20-line fixture agrees (cancellations, a placeholder date, a duplicate)', async () => {
    const file = join(import.meta.dirname, '../fixtures/order-lines/hand-20.csv');
    const options: SegmentOptionsInput = { churn: { enabled: false } };
    const node = await viaNode(file, options);
    expect(node.report.counts['refund-only']).toBe(1);
    expectSameResult(node, await viaSql(() => openDuckDb({ path: file }), options));
  }, 60_000);
});

// A clean export of 300,000 lines (several DuckDB row groups, so the per-line table is written by
// more than one thread and numbered by position): plain YYYY-MM-DD dates and plain amounts, with a
// few problems planted late in the file, where only exact row numbers find them.
const TYPED_HEADER = ['Order ID', 'Customer ID', 'Order date', 'Amount'];
const TYPED_ROWS = 300_000;

function typedLines(): string[][] {
  const rows: string[][] = [];
  for (let k = 1; k <= TYPED_ROWS; k++) {
    const day = new Date(Date.UTC(2024, 0, 1) + ((k * 7919) % 700) * 86_400_000).toISOString().slice(0, 10);
    const amount = (((k * 104_729) % 50_000) / 100 - (k % 97 === 0 ? 600 : 0)).toFixed(2);
    rows.push([`O${k}`, `C${(k * 31) % 20_000}`, day, amount]);
  }
  const at = (k: number, row: string[]) => (rows[k - 1] = row);
  at(250_001, ['O250001', 'C77', '1900-01-01', '5.00']); // placeholder date
  at(250_002, ['O250002', 'C77', '2031-01-01', '5.00']); // after today
  at(250_003, ['O250003', '', '2025-03-01', '5.00']); // no customer id
  at(250_004, ['O250004', 'C78', '2025-03-01', '']); // empty amount: filled
  at(260_000, [...rows[10]!]); // an exact duplicate of row 11, far from it
  at(299_999, ['O299999', 'C20001', '2025-12-31', '-4.00']); // refund-only customer
  return rows;
}

describe('clean exports: plain text and typed columns (issue 12)', () => {
  let clean: string;
  let typed: string;

  beforeAll(async () => {
    clean = join(dir, 'clean.csv');
    typed = join(dir, 'typed.parquet');
    writeFileSync(clean, [TYPED_HEADER, ...typedLines()].map((r) => formatCsvRow(r)).join(''));
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    // Parquet as a warehouse exports it: a DATE and a DECIMAL column (empty as NULL).
    await connection.run(
      `COPY (SELECT "Order ID", "Customer ID", CAST("Order date" AS DATE) AS "Order date", CAST("Amount" AS DECIMAL(12, 2)) AS "Amount"
        FROM read_csv($1, all_varchar = true, header = true)) TO '${typed.replaceAll("'", "''")}' (FORMAT parquet, ROW_GROUP_SIZE 100000)`,
      [clean],
    );
    connection.closeSync();
    instance.closeSync();
  }, 120_000);

  const CLEAN_OPTIONS: SegmentOptionsInput = { today: '2026-06-01' };

  it('the Node path sees the planted problems at their rows', async () => {
    const node = await viaNode(clean, CLEAN_OPTIONS);
    expect(node.report.counts).toMatchObject({
      'duplicate-transaction': 1,
      'missing-id': 1,
      'invalid-date': 1,
      'future-date': 1,
      'amount-filled': 1,
      'refund-only': 1,
    });
    expect(node.report.issues.find((i) => i.code === 'duplicate-transaction')).toMatchObject({ row: 260_001 });
  }, 120_000);

  it('DuckDB on the csv gives the Node path’s result, row numbers included', async () => {
    const node = await viaNode(clean, CLEAN_OPTIONS);
    const sql = await viaSql(() => openDuckDb({ path: clean }), CLEAN_OPTIONS);
    expectSameResult(node, sql);
    // The first five rows of each rule (the SQL path reports five examples per rule).
    const rows = (r: typeof node) => {
      const byCode = new Map<string, number[]>();
      for (const i of r.report.issues) byCode.set(i.code, [...(byCode.get(i.code) ?? []), i.row]);
      return [...byCode].map(([code, list]) => `${code} ${list.sort((a, b) => a - b).slice(0, 5)}`).sort();
    };
    expect(rows(sql)).toEqual(rows(node));
    expect(rows(sql)).toContain('duplicate-transaction 260001');
  }, 120_000);

  it('DuckDB on the same lines as typed Parquet (DATE, DECIMAL) gives it too', async () => {
    expectSameResult(
      await viaNode(clean, CLEAN_OPTIONS),
      await viaSql(() => openDuckDb({ path: typed }), CLEAN_OPTIONS),
    );
  }, 120_000);
});

describe('PostgreSQL (issue 12)', () => {
  let server: TestPostgres;

  beforeAll(async () => {
    server = await startPostgres();
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const columns = RETAIL_HEADER.map((h) => `"${h}" text`).join(', ');
    await client.query(`CREATE TABLE order_lines (line_no integer PRIMARY KEY, ${columns})`);
    const rows = [...DIRTY, ...history.rows];
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      const values: (string | number | null)[] = [];
      const tuples = chunk.map((row, k) => {
        values.push(start + k + 1, ...row.map((cell) => (cell === '' ? null : cell)));
        const base = k * (RETAIL_HEADER.length + 1);
        return `(${Array.from({ length: RETAIL_HEADER.length + 1 }, (_, j) => `$${base + j + 1}`).join(', ')})`;
      });
      await client.query(`INSERT INTO order_lines VALUES ${tuples.join(', ')}`, values);
    }
    await client.end();
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('a query over the table (in line order) gives the Node path’s result', async () => {
    const columns = RETAIL_HEADER.map((h) => `"${h}"`).join(', ');
    const result = await viaSql(() =>
      openPostgres({ url: server.url, query: `SELECT ${columns} FROM order_lines ORDER BY line_no` }),
    );
    expectSameResult(await viaNode(csv), result);
  }, 120_000);
});
