import { createPostgresDigestStore } from './postgres-digest-store.js';
import { createPostgresExecutionLogStore } from './postgres-execution-log-store.js';
import { openMigratedPool } from './postgres-client.js';
import { createPostgresPeopleStore } from './postgres-people-store.js';
import { createPostgresSnapshotStore } from './postgres-snapshot-store.js';
import type { Store } from './store.js';

/** Whether a store location is a PostgreSQL connection string (else it names a SQLite file). */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Options of openPostgresStore. */
export interface PostgresStoreOptions {
  /** Connections per process (default 10). */
  readonly maxConnections?: number;
  /** How long to wait for a connection before failing (default 10 s). */
  readonly connectTimeoutMs?: number;
  /** Told about a pooled connection that broke while idle (codes only, no data). */
  readonly onIdleError?: (error: Error) => void;
}

/**
 * Connects to the PostgreSQL database at `url`, migrates it (the SQLite
 * schema's history, postgres-migrations.ts) and returns the Store on a
 * connection pool. Several bot processes may share the database. Connection
 * errors (unreachable host, wrong credentials) reject with pg's error, whose
 * `code` says which; the caller words it (cli/commands/bot-store.ts).
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const pool = await openMigratedPool(url, {
    max: options.maxConnections ?? 10,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    onIdleError: options.onIdleError,
  });
  return {
    ...createPostgresSnapshotStore(pool),
    ...createPostgresPeopleStore(pool),
    ...createPostgresDigestStore(pool),
    ...createPostgresExecutionLogStore(pool),
    close: () => pool.end(),
  };
}
