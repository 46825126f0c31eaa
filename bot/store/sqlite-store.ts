import Database from 'better-sqlite3';
import { applyMigrations } from './migrations.js';
import { createSqliteDigestStore } from './sqlite-digest-store.js';
import { createSqliteExecutionLogStore } from './sqlite-execution-log-store.js';
import { createSqlitePeopleStore } from './sqlite-people-store.js';
import { createSqliteSnapshotStore } from './sqlite-snapshot-store.js';
import type { Store } from './store.js';

/** Default store file, relative to the working directory. */
export const DEFAULT_STORE_PATH = 'tierline.db';

/**
 * Opens (or creates) the SQLite file at `path` and migrates it; `:memory:`
 * for tests. WAL mode so readers never wait for the importer; a busy timeout
 * so two bot processes on one file queue for the write lock instead of failing.
 */
export function openSqliteDatabase(path: string = DEFAULT_STORE_PATH): Database.Database {
  const db = new Database(path, { timeout: 5000 });
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  applyMigrations(db);
  return db;
}

/** Every concern of the Store on one connection. */
export function createSqliteStore(db: Database.Database): Store {
  return {
    ...createSqliteSnapshotStore(db),
    ...createSqlitePeopleStore(db),
    ...createSqliteDigestStore(db),
    ...createSqliteExecutionLogStore(db),
    close: async () => {
      db.close();
    },
  };
}

// The class merges with the interface so `new SqliteStore(path)` is typed as
// a Store; its members are the concerns' own, assigned (and type-checked as a
// Store) in the constructor.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface SqliteStore extends Store {}

/** The Store on one SQLite file (better-sqlite3). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class SqliteStore {
  /** Opens (or creates) the store at `path` and migrates it; `:memory:` for tests. */
  constructor(path: string = DEFAULT_STORE_PATH) {
    Object.assign(this, createSqliteStore(openSqliteDatabase(path)));
  }
}
