import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { parquetCopySql, parquetPath } from '../../../bench/warehouse/generate-parquet.js';

const dir = mkdtempSync(join(tmpdir(), 'tierline-parquet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function generate(rows: number, name: string, seed?: number): Promise<string> {
  const path = join(dir, name);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(parquetCopySql({ rows, ...(seed !== undefined ? { seed } : {}) }, path));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return path;
}

async function summarize(path: string): Promise<unknown[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      `SELECT count(*)::INTEGER, count(DISTINCT "Order ID")::INTEGER, min("Customer ID"), max("Customer ID") <= 'C0000200',
         min("Order date") >= DATE '2024-11-01', max("Order date") <= DATE '2026-10-31', min(abs("Amount")) >= 1, max(abs("Amount")) <= 50000
       FROM read_parquet('${path}')`,
    );
    return reader.getRowsJS()[0]!;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('generate-parquet', () => {
  it('names the file by size and seed', () => {
    expect(parquetPath({ rows: 100_000_000 }, '/d')).toBe('/d/order-lines-100000000-seed20261207.parquet');
    expect(parquetPath({ rows: 10, seed: 3 }, '/d')).toBe('/d/order-lines-10-seed3.parquet');
  });

  it('writes rows/10 customers, unique orders, dates in the 730-day window, amounts 1 to 50,000', async () => {
    const path = await generate(2000, 'a.parquet');
    // 2,000 lines of 200 customers: C0000001 (index 0 is the busiest) up to C0000200.
    expect(await summarize(path)).toEqual([2000, 2000, 'C0000001', true, true, true, true, true]);
  }, 30_000);

  it('gives the same bytes for the same arguments and different rows for another seed', async () => {
    const a = readFileSync(await generate(2000, 'b.parquet'));
    const b = readFileSync(await generate(2000, 'c.parquet'));
    const c = readFileSync(await generate(2000, 'd.parquet', 7));
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  }, 30_000);

  it('rejects a size that is not a positive integer', () => {
    expect(() => parquetCopySql({ rows: 0 }, '/x')).toThrow('rows must be a positive integer, got 0');
    expect(() => parquetCopySql({ rows: 1.5 }, '/x')).toThrow('rows must be a positive integer, got 1.5');
  });
});
