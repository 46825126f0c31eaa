import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBotImports, SqliteStore } from '../../bot/index.js';

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
