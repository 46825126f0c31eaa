import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBotImports, SqliteStore } from '../../bot/index.js';
import type { ReadTableResult, TableSink } from '../../io/index.js';

// Two customers; A bought on the 5th and the 19th, B only on the 20th.
const ORDERS = 'Order ID,Customer ID,Order date,Amount\nO1,A,2026-11-05,100\nO2,A,2026-11-19,50\nO3,B,2026-11-20,70\n';

let store: SqliteStore | undefined;
afterEach(() => store?.close());

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'tl-bot-imports-'));
  const file = join(dir, 'orders.csv');
  writeFileSync(file, ORDERS);
  store = new SqliteStore(':memory:');
  // Started on the 10th; the clock moves on while the bot runs.
  const clock = { now: () => new Date('2026-11-10T06:00:00Z'), timeZone: 'UTC' };
  const logs: string[] = [];
  return { dir, file, clock, logs, imports: createBotImports(store, clock, (l) => logs.push(l)) };
}

describe('the bot\'s imports read "today" from the clock when they run', () => {
  it('a scheduled import on the 21st by a bot started on the 10th keeps the orders of the 19th and 20th', async () => {
    const { file, clock, logs, imports } = setUp();
    clock.now = () => new Date('2026-11-21T06:00:00Z');
    const snapshot = await imports.scheduledImport(file);
    expect(logs).toEqual(['scheduled import: snapshot 1 of 2026-11-21, 2 customers']);
    expect(snapshot).toMatchObject({ asOf: '2026-11-21', customerCount: 2, importedAt: '2026-11-21T06:00:00.000Z' });
    expect(await store!.customer(snapshot!.id, 'A')).toMatchObject({
      frequency: 2,
      monetary: 150,
      lastPurchaseDate: '2026-11-19',
    });
    expect(await store!.customer(snapshot!.id, 'B')).toMatchObject({ frequency: 1, lastPurchaseDate: '2026-11-20' });
  });

  it('the same file imported with the clock still on the 10th drops them as future dates (what a cached today did)', async () => {
    const { file, imports } = setUp();
    const snapshot = await imports.scheduledImport(file);
    // B is lost, A keeps one order, and the snapshot is dated wrongly: the audit's reproduction.
    expect(snapshot).toMatchObject({ asOf: '2026-11-06', customerCount: 1 });
    expect(await store!.customer(snapshot!.id, 'A')).toMatchObject({ frequency: 1, monetary: 100 });
    expect(await store!.customer(snapshot!.id, 'B')).toBeUndefined();
  });

  it("an admin's upload uses the bot's zone: 18:00 UTC on the 20th is already the 21st in Shanghai", async () => {
    const { dir, clock, imports } = setUp();
    const file = join(dir, 'late.csv');
    writeFileSync(file, `${ORDERS}O4,C,2026-11-21,10\n`);
    clock.now = () => new Date('2026-11-20T18:00:00Z');
    clock.timeZone = 'Asia/Shanghai';
    expect(await imports.importUpload(file, 'late.csv', join(dir, 'out-shanghai.csv'))).toMatchObject({ customers: 3 });
    clock.timeZone = 'UTC';
    expect(await imports.importUpload(file, 'late.csv', join(dir, 'out-utc.csv'))).toMatchObject({ customers: 2 });
  });
});

// Issue 12: `tierline bot --import-source` re-imports a database's rows; the CLI injects the reader.
describe('a scheduled import from a row reader (a database source read by the CLI)', () => {
  const header = ['Order ID', 'Customer ID', 'Order date', 'Amount'];
  const rows = [
    ['O1', 'A', '2026-11-05', '100'],
    ['O2', 'A', '2026-11-19', '50'],
    ['O3', 'B', '2026-11-20', '70'],
  ];
  const readRows = async (sink: TableSink): Promise<ReadTableResult> => {
    sink.header(header, 1);
    sink.rows(rows, 2);
    return { format: 'csv', dataRows: rows.length };
  };

  it('gives the same snapshot as the same rows in a csv file, named by the source', async () => {
    const { file, clock, logs, imports } = setUp();
    clock.now = () => new Date('2026-11-21T06:00:00Z');
    const fromFile = await imports.scheduledImport(file);
    const fromRows = await imports.scheduledImport({ name: 'postgres://shop@db:5432/sales (table orders)', readRows });
    expect(logs[1]).toBe('scheduled import: snapshot 2 of 2026-11-21, 2 customers');
    const { id: _a, source: fileSource, ...fileInfo } = fromFile!;
    const { id: _b, source: rowsSource, ...rowsInfo } = fromRows!;
    expect(fileSource).toBe(file);
    expect(rowsSource).toBe('postgres://shop@db:5432/sales (table orders)');
    expect(rowsInfo).toEqual(fileInfo);
    for (const id of ['A', 'B'])
      expect(await store!.customer(fromRows!.id, id)).toEqual(await store!.customer(fromFile!.id, id));
    expect(await store!.customer(fromRows!.id, 'A')).toMatchObject({ frequency: 2, monetary: 150 });
  });

  it('a reader that fails (database down) is logged by its code only and the store keeps its snapshots', async () => {
    const { clock, logs, imports } = setUp();
    clock.now = () => new Date('2026-11-21T06:00:00Z');
    const down = Object.assign(new Error('connect ECONNREFUSED 10.0.0.9:5432 postgres://shop:secret@db'), {
      code: 'source-unreachable',
    });
    const failed = await imports.scheduledImport({ name: 'postgres://shop@db', readRows: () => Promise.reject(down) });
    expect(failed).toBeUndefined();
    expect(logs).toEqual(['scheduled import failed: source-unreachable']);
    expect(await store!.latestSnapshot()).toBeUndefined();
  });
});
