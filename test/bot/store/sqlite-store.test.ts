import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { MIGRATIONS } from '../../../bot/store/migrations.js';
import { createSqlitePeopleStore } from '../../../bot/store/sqlite-people-store.js';
import { createSqliteSnapshotStore } from '../../../bot/store/sqlite-snapshot-store.js';
import { createSqliteStore, openSqliteDatabase, SqliteStore } from '../../../bot/store/sqlite-store.js';
import type { DigestStore, ExecutionLogStore, PeopleStore, SnapshotStore, Store } from '../../../bot/store/store.js';
import { importRows } from '../fixtures.js';
import { trackStores } from './track-stores.js';

const track = trackStores();

describe('SqliteStore', () => {
  it('migrates a new file to the newest schema and reopens it without re-running migrations', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tl-store-')), 'tierline.db');
    const first = new SqliteStore(path);
    await importRows(first);
    first.close();
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    const again = track(new SqliteStore(path));
    expect((await again.latestSnapshot())?.customerCount).toBe(6);
  });

  it('refuses a store written by a newer schema with code store-too-new', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tl-store-')), 'tierline.db');
    const db = new Database(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => new SqliteStore(path)).toThrow(expect.objectContaining({ code: 'store-too-new' }));
  });

  it('is every concern on one connection: a Store is each narrow store, and a concern alone sees what the others wrote', async () => {
    expectTypeOf<Store>().toExtend<SnapshotStore>();
    expectTypeOf<Store>().toExtend<PeopleStore>();
    expectTypeOf<Store>().toExtend<DigestStore>();
    expectTypeOf<Store>().toExtend<ExecutionLogStore>();
    expectTypeOf<SnapshotStore>().not.toExtend<PeopleStore>();
    const db = openSqliteDatabase(':memory:');
    const store = createSqliteStore(db);
    try {
      const snapshot = await importRows(store);
      await store.mapOwner('Maria', 'UMARIA', 'manual');
      expect(await createSqlitePeopleStore(db).ownerOfSlackUser('UMARIA')).toBe('Maria');
      expect(await createSqliteSnapshotStore(db).latestSnapshot()).toEqual(snapshot);
      expect(Object.keys(store)).toHaveLength(28);
    } finally {
      store.close();
    }
    expect(db.open).toBe(false);
  });

  it('keeps the members of a Store on `new SqliteStore`, so they can be passed on alone', async () => {
    const store = track(new SqliteStore(':memory:'));
    const { mapOwner, ownerOfSlackUser } = store;
    await mapOwner('David', 'UDAVID', 'manual');
    expect(await ownerOfSlackUser('UDAVID')).toBe('David');
  });
});
