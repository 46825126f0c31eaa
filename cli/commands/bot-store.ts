import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DEFAULT_STORE_PATH, importSnapshot, runScheduledImport as runImportQuietly, SqliteStore, type ImportedSnapshot, type SnapshotInfo, type Store } from '../../bot/index.js';
import { EXIT, type ConsoleIo } from '../console-io.js';
import { StoreError } from '../report-error.js';
import { readSegmented } from '../read-segmented.js';
import { segmentOptionsFromFlags, SEGMENT_FLAGS } from '../segment-flags.js';

/** The `--db` flag every bot command takes. */
export const DB_FLAG = { db: { type: 'string' } } as const;
export const DB_FLAG_HELP = `  --db <file>                the bot's store (default $TIERLINE_DB or ${DEFAULT_STORE_PATH})`;

/** The store path named by --db, $TIERLINE_DB or the default file. */
export function storePath(db: string | undefined): string {
  return db ?? process.env.TIERLINE_DB ?? DEFAULT_STORE_PATH;
}

// A table every Tierline store has since its first migration (bot/store/migrations.ts).
const STORE_TABLE = 'snapshots';

/** The StoreError for a SQLite failure on `path` (SqliteError codes from better-sqlite3). */
function storeFailure(error: unknown, path: string): StoreError | undefined {
  const code = (error as { code?: unknown }).code;
  if (!(error instanceof Database.SqliteError) && !(error instanceof TypeError && /directory does not exist/.test(error.message))) return undefined;
  if (error instanceof TypeError) return new StoreError(`--db ${path}: the folder ${dirname(path)} does not exist; create it or choose another path.`, EXIT.usage);
  switch (code) {
    case 'SQLITE_NOTADB':
      return new StoreError(`--db ${path} is not a Tierline store (not an SQLite database); point --db at the file "tierline import" created.`, EXIT.usage);
    case 'SQLITE_CANTOPEN':
      return new StoreError(`--db ${path}: cannot open the store file (missing folder, a folder, or no permission); check the path.`, EXIT.usage);
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return new StoreError(`--db ${path}: the store is read-only or not permitted; check the file's and folder's permissions.`, EXIT.usage);
    case 'SQLITE_CORRUPT':
      return new StoreError(`--db ${path}: the store file is corrupt; restore it from a backup or import again into a new file.`, EXIT.data);
    case 'SQLITE_FULL':
      return new StoreError(`--db ${path}: no space left on the device (disk full); free some space and run again. The store is unchanged.`, EXIT.data);
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new StoreError(`--db ${path}: the store stayed locked by another tierline process; run again when it has finished.`, EXIT.data);
    default:
      return new StoreError(`--db ${path}: ${(error as Error).message} (${String(code)}).`, EXIT.data);
  }
}

/**
 * Opens the store named by --db, $TIERLINE_DB or the default file. Only
 * `create` (import and the bot, the default) makes a new store; the other
 * commands pass `existing` and refuse a
 * missing file instead of silently answering from an empty one. A folder,
 * a missing folder and a file that is not a Tierline store are one-line
 * errors naming the path (StoreError), never a stack trace.
 * @throws StoreError
 */
export function openStore(db: string | undefined, mode: 'create' | 'existing' = 'create'): Store {
  const path = storePath(db);
  if (path !== ':memory:') {
    const stats = existsSync(path) ? statSync(path) : undefined;
    if (stats?.isDirectory()) throw new StoreError(`--db ${path} is a folder, not a store file; name a file, e.g. ${path.replace(/\/+$/, '')}/tierline.db.`, EXIT.usage);
    if (!stats && mode === 'existing') throw new StoreError(`no store at ${path}: run tierline import <file> --db ${path} first.`, EXIT.usage);
    if (!stats && !existsSync(dirname(path))) throw new StoreError(`--db ${path}: the folder ${dirname(path)} does not exist; create it or choose another path.`, EXIT.usage);
    if (stats && stats.size > 0) probeStore(path);
  }
  try {
    return new SqliteStore(path);
  } catch (error) {
    throw storeFailure(error, path) ?? error;
  }
}

/** Checks, without changing it, that an existing file is a Tierline store before it is opened and migrated. */
function probeStore(path: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true, timeout: 5000 });
    const found = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(STORE_TABLE);
    if (!found) throw new StoreError(`--db ${path} is an SQLite database but not a Tierline store; point --db at the file "tierline import" created.`, EXIT.usage);
  } catch (error) {
    throw storeFailure(error, path) ?? error;
  } finally {
    db?.close();
  }
}

/**
 * Runs `work` on the opened store and closes it; SQLite failures on the way
 * (disk full, locked, corrupt) become StoreErrors naming the path.
 */
export async function withStore<T>(db: string | undefined, mode: 'create' | 'existing', work: (store: Store) => Promise<T> | T): Promise<T> {
  const store = openStore(db, mode);
  try {
    return await work(store);
  } catch (error) {
    throw storeFailure(error, storePath(db)) ?? error;
  } finally {
    store.close();
  }
}

type SegmentFlagValues = { readonly [K in keyof typeof SEGMENT_FLAGS]?: string };

/**
 * Reads and segments a file the way `tierline segment` does and hands the run
 * to the bot's import (bot/import/), which stores it as a snapshot and, with
 * `segmentedOut`, writes the segmented table as csv.
 */
export async function importFile(store: Store, file: string, flags: SegmentFlagValues, io: ConsoleIo, importedAt: string, segmentedOut?: string): Promise<ImportedSnapshot> {
  const { options, locale } = await segmentOptionsFromFlags(flags, io);
  // Purchase days let the snapshot rank churn by the lifetime models' value at risk.
  const { result } = await readSegmented({ file, segmentOptions: options, customers: flags.customers, sheet: flags.sheet, keepPurchaseDays: true }, io);
  return importSnapshot(store, { result, source: file, importedAt, locale, ...(segmentedOut ? { segmentedOut } : {}) });
}

/**
 * One run of the bot's scheduled re-import (`tierline bot --import-file`):
 * never throws (bot/import/), so a bad file on one night leaves the store and
 * the bot as they were.
 */
export async function runScheduledImport(store: Store, file: string, io: ConsoleIo, log: (line: string) => void, now: () => Date = () => new Date()): Promise<SnapshotInfo | undefined> {
  return runImportQuietly(() => importFile(store, file, {}, io, now().toISOString()), log);
}
