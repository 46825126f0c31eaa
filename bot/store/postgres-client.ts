import type pg from 'pg';

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
