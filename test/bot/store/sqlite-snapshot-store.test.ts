import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../bot/store/sqlite-store.js';
import { fixtureStore, importRows, ROWS } from '../fixtures.js';
import { trackStores } from './track-stores.js';

const track = trackStores();

describe('SQLite snapshot store', () => {
  it('stores a snapshot with owner, segment and SPEC churn reasons in both locales', async () => {
    const store = track(fixtureStore());
    const snapshot = (await store.latestSnapshot())!;
    expect(snapshot).toMatchObject({ asOf: '2026-11-01', scheme: 'rfm', churnSource: 'spec-rule', customerCount: 6 });
    expect(await store.customer(snapshot.id, 'C003')).toMatchObject({
      owner: 'David',
      name: 'Acme Trading Co., Ltd.',
      segment: 'new',
      churnRisk: true,
      // The run's one churn truth words it (result.churn.reason): the rule union on customer rows.
      churnReasonEn:
        'silent 214 days since their only purchase day; 1 order, ¥800; matches the rule "no purchase in 3 months, at most 1 order"; matches the rule "no purchase in 3 months and at most 3 orders, or a complaint"; 1 complaint(s) in 6 months',
      churnProbability: null,
      expectedLoss: 0,
      monetary: 800,
      strategyGroup: 'potential',
    });
    expect((await store.customer(snapshot.id, 'C003'))!.churnReasonZh).toMatch(/投诉/);
    expect(await store.owners(snapshot.id)).toEqual(['David', 'Maria']);
  });

  it('ranks churn risks by spend (no model), scoped to one owner, with the total', async () => {
    const store = track(fixtureStore());
    const id = (await store.latestSnapshot())!.id;
    const maria = await store.churnRisks({ snapshotId: id, owner: 'Maria', limit: 10, offset: 0, today: '2026-11-25' });
    expect(maria.customers.map((c) => c.customerId)).toEqual(['C005', 'C002']);
    expect(maria.total).toBe(2);
    const all = await store.churnRisks({ snapshotId: id, limit: 2, offset: 2, today: '2026-11-25' });
    expect(all.customers.map((c) => c.customerId)).toEqual(['C002', 'C003']);
    expect(all.total).toBe(4);
  });

  it('searches names with LIKE metacharacters taken literally', async () => {
    const store = track(fixtureStore());
    const id = (await store.latestSnapshot())!.id;
    expect((await store.searchCustomers(id, 'acme', undefined, 5)).map((c) => c.customerId)).toEqual(['C003']);
    expect(await store.searchCustomers(id, 'acme', 'Maria', 5)).toEqual([]);
    expect(await store.searchCustomers(id, '%', undefined, 5)).toEqual([]);
  });

  it('writes nothing when an import fails half-way (one transaction)', async () => {
    const store = track(fixtureStore());
    const before = (await store.latestSnapshot())!;
    const c001 = (await store.customer(before.id, 'C001'))!;
    const bad = function* () {
      yield { ...c001, customerId: 'X1' };
      yield { ...c001, customerId: 'X2', segment: 'no-such-segment' };
    };
    await expect(
      store.addSnapshot(
        {
          asOf: '2026-12-01',
          importedAt: 'x',
          source: 'bad.csv',
          scheme: 'rfm',
          segments: before.segments,
          segmentLabels: before.segmentLabels,
          churnSource: 'spec-rule',
        },
        bad(),
      ),
    ).rejects.toThrow(expect.objectContaining({ code: 'unknown-segment' }));
    expect(await store.latestSnapshot()).toEqual(before);
  });

  it('orders snapshots by as-of date and finds the previous one', async () => {
    const store = track(fixtureStore());
    const older = await importRows(store, ROWS, '2026-10-01');
    const latest = (await store.latestSnapshot())!;
    expect(latest.asOf).toBe('2026-11-01');
    expect((await store.previousSnapshot(latest.id))?.id).toBe(older.id);
    expect(await store.previousSnapshot(older.id)).toBeUndefined();
  });

  it('reads the digest columns from the snapshot blob, and the same from the rows of a snapshot stored without one', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tl-store-')), 'tierline.db');
    const store = track(new SqliteStore(path));
    const snapshot = await importRows(store, [...ROWS, ['C007', 'Nobody owns me', '', '2026-10-01', 2, 100, 0]]);
    const fast = await store.digestColumns(snapshot.id, undefined);
    expect(fast.ids).toEqual(['C001', 'C002', 'C003', 'C004', 'C005', 'C006', 'C007']);
    expect([...fast.churn]).toEqual([0, 1, 1, 1, 1, 0, 0]);
    expect([...fast.monetary]).toEqual([90000, 5000, 800, 20000, 30000, 45000, 100]);
    const maria = await store.digestColumns(snapshot.id, 'Maria');
    expect(maria.ids).toEqual(['C001', 'C002', 'C005']);
    const db = new Database(path);
    db.prepare('DELETE FROM snapshot_columns').run();
    db.close();
    expect(await store.digestColumns(snapshot.id, undefined)).toEqual(fast);
    expect(await store.digestColumns(snapshot.id, 'Maria')).toEqual(maria);
    expect((await store.digestColumns(snapshot.id, 'Nobody')).ids).toEqual([]);
  });
});
