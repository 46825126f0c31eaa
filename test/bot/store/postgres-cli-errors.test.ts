import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../support/postgres.js';
import { run } from '../../cli/run-cli.js';
import { HEADER, ROWS } from '../fixtures.js';

// `tierline import|ask|digest|users` on TIERLINE_DATABASE_URL: the same
// answers as on a SQLite file, and one clear line (naming the server, never
// the password) when the database cannot be used.

let server: TestPostgres;
const saved = process.env.TIERLINE_DATABASE_URL;

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});
afterEach(() => {
  if (saved === undefined) delete process.env.TIERLINE_DATABASE_URL;
  else process.env.TIERLINE_DATABASE_URL = saved;
});

async function withDatabaseUrl(url: string, ...argv: string[]) {
  process.env.TIERLINE_DATABASE_URL = url;
  try {
    return await run(...argv);
  } finally {
    delete process.env.TIERLINE_DATABASE_URL;
  }
}

async function deadPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('tierline bot commands on PostgreSQL', () => {
  it('import, users and ask answer exactly as they do on a SQLite file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-pg-cli-'));
    const csv = join(dir, 'customers.csv');
    writeFileSync(csv, [HEADER, ...ROWS].map((r) => r.join(',')).join('\n') + '\n');
    const db = join(dir, 'tierline.db');
    const steps = [
      ['import', csv, '--as-of', '2026-11-01'],
      ['users', 'map', 'Maria=UMARIA'],
      ['ask', 'who is at churn risk', '--as', 'Maria'],
      ['ask', 'who is at churn risk', '--manager', '--format', 'json'],
      ['digest', '--preview'],
    ];
    for (const step of steps) {
      const sqlite = await run(...step, '--db', db);
      const postgres = await withDatabaseUrl(server.url, ...step);
      expect(postgres.err).toBe(sqlite.err);
      expect(postgres).toEqual(sqlite);
      expect(postgres.code).toBe(0);
    }
  }, 60_000);

  it('says in one line that the server cannot be reached, naming host and port', async () => {
    const port = await deadPort();
    const r = await withDatabaseUrl(`postgres://tierline:s3cret-pw@127.0.0.1:${port}/tierline`, 'digest', '--preview');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `tierline: TIERLINE_DATABASE_URL: cannot reach PostgreSQL at 127.0.0.1:${port} (ECONNREFUSED); check the host and port, and that the server is running.\n`,
    );
  });

  it('says the credentials were refused, naming the server and user but never the password', async () => {
    const url = new URL(server.url);
    url.password = 'wrong-secret-pw';
    const r = await withDatabaseUrl(url.toString(), 'users', 'list');
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `tierline: TIERLINE_DATABASE_URL: PostgreSQL at 127.0.0.1:${server.port} refused user tierline (wrong password or no access); check the credentials.\n`,
    );
    expect(r.err).not.toContain('wrong-secret-pw');
    expect(r.err).not.toContain(server.password);
  });

  it('names a missing database, and refuses a URL that is not postgres://', async () => {
    const missing = await withDatabaseUrl(server.url.replace(/\/[^/]+$/, '/nowhere'), 'users', 'list');
    expect(missing.err).toBe(
      `tierline: TIERLINE_DATABASE_URL: PostgreSQL at 127.0.0.1:${server.port} has no database nowhere; create it (createdb nowhere) or fix the URL.\n`,
    );
    const bad = await withDatabaseUrl('mysql://root:pw@db/crm', 'users', 'list');
    expect(bad.code).toBe(1);
    expect(bad.err).toBe(
      'tierline: TIERLINE_DATABASE_URL is not a PostgreSQL connection string; write it as postgres://user:password@host:5432/database.\n',
    );
  });
});
