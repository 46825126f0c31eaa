import pg from 'pg';
import { applyPostgresMigrations } from './postgres-migrations.js';

/**
 * Runs `work` in one transaction on one pooled connection: COMMIT when it
 * returns, ROLLBACK when it throws (the error goes on), the connection back
 * to the pool either way.
 */
export async function runInTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    client.release();
  }
}

/**
 * A pool on the PostgreSQL database at `url`, migrated before it is handed
 * out. An idle connection that breaks (server restart) goes to `onIdleError`
 * instead of crashing the process: the next query reconnects. A failed
 * connection or migration ends the pool and rejects with pg's error (its
 * `code` says which), never with the URL's password.
 */
export async function openMigratedPool(
  url: string,
  options: {
    readonly max: number;
    readonly connectTimeoutMs: number;
    readonly onIdleError?: ((error: Error) => void) | undefined;
  },
): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max,
    connectionTimeoutMillis: options.connectTimeoutMs,
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  try {
    const client = await pool.connect();
    try {
      await applyPostgresMigrations(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return pool;
}
