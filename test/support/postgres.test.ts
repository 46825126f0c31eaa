import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startPostgres } from './postgres.js';

describe('startPostgres', () => {
  it('starts a server that takes the password, refuses a wrong one, and is gone after stop', async () => {
    const server = await startPostgres();
    const url = new URL(server.url);
    expect(url.hostname).toBe('127.0.0.1');
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const { rows } = await client.query<{ db: string; major: string }>(
      "select current_database() as db, current_setting('server_version_num') as major",
    );
    await client.end();
    expect(rows[0]!.db).toBe('tierline_test');
    expect(rows[0]!.major.slice(0, 2)).toBe('15');

    const wrong = new pg.Client({ connectionString: server.url.replace(`:${server.password}@`, ':wrong@') });
    await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);

    await server.stop();
    const after = new pg.Client({ connectionString: server.url });
    await expect(after.connect()).rejects.toThrow(/ECONNREFUSED/);
    await server.stop();
  });
});
