import { describe, expect, it } from 'vitest';
import { createSqliteExecutionLogStore } from '../../../bot/store/sqlite-execution-log-store.js';
import { openSqliteDatabase } from '../../../bot/store/sqlite-store.js';
import { fixtureStore } from '../fixtures.js';
import { trackStores } from './track-stores.js';

const track = trackStores();

describe('SQLite execution log store', () => {
  it('leaves a snoozed customer off the churn list until the snooze ends', async () => {
    const store = track(fixtureStore());
    const id = (await store.latestSnapshot())!.id;
    await store.snooze('C005', 'Maria', '2026-12-25', 'UMARIA');
    expect(
      await store.churnRisks({ snapshotId: id, owner: 'Maria', limit: 10, offset: 0, today: '2026-11-25' }),
    ).toMatchObject({ customers: [{ customerId: 'C002' }], total: 1 });
    expect(
      (await store.churnRisks({ snapshotId: id, owner: 'David', limit: 10, offset: 0, today: '2026-11-25' })).total,
    ).toBe(2);
    expect((await store.churnRisks({ snapshotId: id, limit: 10, offset: 0, today: '2026-11-25' })).total).toBe(3);
    // A snoozed customer who is not a churn risk does not lower the count.
    await store.snooze('C001', 'Maria', '2026-12-25', 'UMARIA');
    expect((await store.churnRisks({ snapshotId: id, limit: 10, offset: 0, today: '2026-11-25' })).total).toBe(3);
    expect(
      (
        await store.churnRisks({ snapshotId: id, owner: 'Maria', limit: 10, offset: 0, today: '2026-12-25' })
      ).customers.map((c) => c.customerId),
    ).toEqual(['C005', 'C002']);
  });

  it('logs contacts with their ids and filters them by owner, customer and first date, in date order', async () => {
    const db = openSqliteDatabase(':memory:');
    const log = createSqliteExecutionLogStore(db);
    const entry = (date: string, customerId: string, owner: string | null) => ({
      date,
      customerId,
      owner,
      executor: 'UMARIA',
      action: 'call',
      feedback: 'ok',
      result: 'success' as const,
      createdAt: `${date}T09:00:00.000Z`,
    });
    expect(await log.addExecutionLog(entry('2026-11-03', 'C005', 'Maria'))).toEqual({
      ...entry('2026-11-03', 'C005', 'Maria'),
      id: 1,
    });
    await log.addExecutionLog(entry('2026-11-01', 'C002', 'Maria'));
    await log.addExecutionLog(entry('2026-11-02', 'C003', 'David'));
    await log.addExecutionLog(entry('2026-11-04', 'C009', null));
    expect((await log.executionLog({})).map((e) => e.id)).toEqual([2, 3, 1, 4]);
    expect((await log.executionLog({ owner: 'Maria' })).map((e) => e.customerId)).toEqual(['C002', 'C005']);
    expect((await log.executionLog({ customerId: 'C003' })).map((e) => e.id)).toEqual([3]);
    expect((await log.executionLog({ owner: 'Maria', since: '2026-11-02' })).map((e) => e.id)).toEqual([1]);
    db.close();
  });

  it('keeps one snooze per customer; snoozing again moves its end', async () => {
    const db = openSqliteDatabase(':memory:');
    const log = createSqliteExecutionLogStore(db);
    expect(await log.snoozedUntil('C005')).toBeUndefined();
    await log.snooze('C005', 'Maria', '2026-12-25', 'UMARIA');
    await log.snooze('C005', 'Maria', '2027-01-10', 'UMONA');
    expect(await log.snoozedUntil('C005')).toBe('2027-01-10');
    db.close();
  });
});
