import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  DEFAULT_STORE_PATH,
  importSnapshot,
  isPostgresUrl,
  openPostgresStore,
  runScheduledImport as runImportQuietly,
  SqliteStore,
  type ImportedSnapshot,
  type SnapshotInfo,
  type Store,
} from '../../bot/index.js';
import { EXIT, type ConsoleIo } from '../console-io.js';
import { StoreError } from '../report-error.js';
import { readSegmented } from '../read-segmented.js';
import { segmentOptionsFromFlags, SEGMENT_FLAGS } from '../segment-flags.js';

/** The `--db` flag every bot command takes. */
export const DB_FLAG = { db: { type: 'string' } } as const;

/**
 * The PostgreSQL store named by $TIERLINE_DATABASE_URL, unless --db names a
 * SQLite file (an explicit flag wins over the environment).
 * @throws StoreError when the variable is set but is not a postgres:// URL.
 */
export function databaseUrl(db: string | undefined): string | undefined {
  const url = process.env.TIERLINE_DATABASE_URL?.trim();
  if (db !== undefined || !url) return undefined;
  if (!isPostgresUrl(url)) throw new StoreError({ key: 'cli.store.pg-bad-url', params: {} }, EXIT.usage);
  return url;
}

/** host:port of a connection string, for messages: never the user's password. */
function serverOf(url: string): { host: string; user: string; database: string } {
  try {
    const u = new URL(url);
    return {
      host: `${u.hostname || 'localhost'}:${u.port || '5432'}`,
      user: decodeURIComponent(u.username) || '?',
      database: decodeURIComponent(u.pathname.replace(/^\//, '')) || '?',
    };
  } catch {
    throw new StoreError({ key: 'cli.store.pg-bad-url', params: {} }, EXIT.usage);
  }
}

/** The StoreError for a PostgreSQL failure (pg's error codes: Node's socket errors, SQLSTATE), naming the server. */
function postgresFailure(error: unknown, url: string): StoreError | undefined {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const { host, user, database } = serverOf(url);
  if (
    ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'].includes(
      String(code),
    ) ||
    /timeout exceeded when trying to connect|Connection terminated/i.test(message)
  )
    return new StoreError(
      { key: 'cli.store.pg-unreachable', params: { host, code: typeof code === 'string' ? code : 'timeout' } },
      EXIT.data,
    );
  // SQLSTATE 28P01 invalid_password, 28000 invalid_authorization_specification.
  if (code === '28P01' || code === '28000')
    return new StoreError({ key: 'cli.store.pg-auth', params: { host, user } }, EXIT.usage);
  if (code === '3D000')
    return new StoreError({ key: 'cli.store.pg-no-database', params: { host, database } }, EXIT.usage);
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code))
    // A server error's message is the server's sentence (no connection string in it).
    return new StoreError({ key: 'cli.store.pg-other', params: { host, detail: message, code } }, EXIT.data);
  return undefined;
}

/** The store path named by --db, $TIERLINE_DB or the default file. */
export function storePath(db: string | undefined): string {
  return db ?? process.env.TIERLINE_DB ?? DEFAULT_STORE_PATH;
}

// A table every Tierline store has since its first migration (bot/store/migrations.ts).
const STORE_TABLE = 'snapshots';

/** The StoreError for a SQLite failure on `path` (SqliteError codes from better-sqlite3). */
function storeFailure(error: unknown, path: string): StoreError | undefined {
  const code = (error as { code?: unknown }).code;
  if (
    !(error instanceof Database.SqliteError) &&
    !(error instanceof TypeError && /directory does not exist/.test(error.message))
  )
    return undefined;
  if (error instanceof TypeError)
    return new StoreError({ key: 'cli.store.no-folder', params: { path, folder: dirname(path) } }, EXIT.usage);
  switch (code) {
    case 'SQLITE_NOTADB':
      return new StoreError({ key: 'cli.store.not-sqlite', params: { path } }, EXIT.usage);
    case 'SQLITE_CANTOPEN':
      return new StoreError({ key: 'cli.store.cannot-open', params: { path } }, EXIT.usage);
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return new StoreError({ key: 'cli.store.read-only', params: { path } }, EXIT.usage);
    case 'SQLITE_CORRUPT':
      return new StoreError({ key: 'cli.store.corrupt', params: { path } }, EXIT.data);
    case 'SQLITE_FULL':
      return new StoreError({ key: 'cli.store.disk-full', params: { path } }, EXIT.data);
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new StoreError({ key: 'cli.store.locked', params: { path } }, EXIT.data);
    default:
      return new StoreError(
        { key: 'cli.store.other', params: { path, detail: (error as Error).message, code: String(code) } },
        EXIT.data,
      );
  }
}

/**
 * Opens the store: PostgreSQL when $TIERLINE_DATABASE_URL is set and --db is
 * not given, else the SQLite file named by --db, $TIERLINE_DB or the default. Only
 * `create` (import and the bot, the default) makes a new store; the other
 * commands pass `existing` and refuse a
 * missing file instead of silently answering from an empty one. A folder,
 * a missing folder and a file that is not a Tierline store are one-line
 * errors naming the path (StoreError), never a stack trace.
 * @throws StoreError
 */
export async function openStore(db: string | undefined, mode: 'create' | 'existing' = 'create'): Promise<Store> {
  const url = databaseUrl(db);
  if (url !== undefined) {
    serverOf(url);
    try {
      return await openPostgresStore(url);
    } catch (error) {
      throw postgresFailure(error, url) ?? error;
    }
  }
  const path = storePath(db);
  if (path !== ':memory:') {
    const stats = existsSync(path) ? statSync(path) : undefined;
    if (stats?.isDirectory())
      throw new StoreError(
        { key: 'cli.store.is-folder', params: { path, example: `${path.replace(/\/+$/, '')}/tierline.db` } },
        EXIT.usage,
      );
    if (!stats && mode === 'existing') throw new StoreError({ key: 'cli.store.none', params: { path } }, EXIT.usage);
    if (!stats && !existsSync(dirname(path)))
      throw new StoreError({ key: 'cli.store.no-folder', params: { path, folder: dirname(path) } }, EXIT.usage);
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
    if (!found) throw new StoreError({ key: 'cli.store.not-tierline', params: { path } }, EXIT.usage);
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
export async function withStore<T>(
  db: string | undefined,
  mode: 'create' | 'existing',
  work: (store: Store) => Promise<T> | T,
): Promise<T> {
  const store = await openStore(db, mode);
  const url = databaseUrl(db);
  try {
    return await work(store);
  } catch (error) {
    throw (url !== undefined ? postgresFailure(error, url) : storeFailure(error, storePath(db))) ?? error;
  } finally {
    await store.close();
  }
}

type SegmentFlagValues = { readonly [K in keyof typeof SEGMENT_FLAGS]?: string };

/**
 * Reads and segments a file the way `tierline segment` does and hands the run
 * to the bot's import (bot/import/), which stores it as a snapshot and, with
 * `segmentedOut`, writes the segmented table as csv.
 */
export async function importFile(
  store: Store,
  file: string,
  flags: SegmentFlagValues,
  io: ConsoleIo,
  importedAt: string,
  segmentedOut?: string,
): Promise<ImportedSnapshot> {
  const { options, locale } = await segmentOptionsFromFlags(flags, io);
  // Purchase days let the snapshot rank churn by the lifetime models' value at risk.
  const { result } = await readSegmented(
    { file, segmentOptions: options, customers: flags.customers, sheet: flags.sheet, keepPurchaseDays: true },
    io,
  );
  return importSnapshot(store, { result, source: file, importedAt, locale, ...(segmentedOut ? { segmentedOut } : {}) });
}

/**
 * One run of the bot's scheduled re-import (`tierline bot --import-file`):
 * never throws (bot/import/), so a bad file on one night leaves the store and
 * the bot as they were.
 */
export async function runScheduledImport(
  store: Store,
  file: string,
  io: ConsoleIo,
  log: (line: string) => void,
  now: () => Date = () => new Date(),
): Promise<SnapshotInfo | undefined> {
  return runImportQuietly(() => importFile(store, file, {}, io, now().toISOString()), log);
}
