import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresInstallationStore,
  openPostgresInstallationStore,
} from '../../../bot/store/postgres-installation-store.js';
import { openPostgresStore } from '../../../bot/store/postgres-store.js';
import { startPostgres, type TestPostgres } from '../../support/postgres.js';
import { describeInstallationStore, teamInstall } from './installation-store-contract.js';

let server: TestPostgres;
const closers: (() => Promise<void>)[] = [];
let databases = 0;

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  for (const close of closers) await close().catch(() => undefined);
  await server?.stop();
});

/** A new empty database on the test server, and its URL. */
async function freshDatabase(): Promise<string> {
  const name = `installations_${++databases}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return server.url.replace(/\/[^/]+$/, `/${name}`);
}

describe('PostgreSQL installation store', () => {
  describeInstallationStore(async () => {
    const store = await openPostgresInstallationStore(await freshDatabase());
    closers.push(store.close);
    return store;
  });

  it("shares installations between bot instances on one database, beside the bot's own store", async () => {
    const url = await freshDatabase();
    // The bot's store migrates first, as `tierline bot` opens it; the installations' own pool finds the schema current.
    const botStore = await openPostgresStore(url);
    closers.push(() => botStore.close());
    const a = await openPostgresInstallationStore(url),
      b = await openPostgresInstallationStore(url);
    closers.push(a.close, b.close);
    await a.saveInstallation({
      key: 'team:T1',
      teamId: 'T1',
      enterpriseId: null,
      installation: teamInstall('T1', 'xoxb-one'),
      installedAt: '2026-11-25T09:00:00.000Z',
    });
    expect((await b.findInstallation('team:T1'))?.installation.bot?.token).toBe('xoxb-one');
    expect(await b.deleteInstallation('team:T1')).toBe(true);
    expect(await a.findInstallation('team:T1')).toBeUndefined();
  });

  it('is the same table on a pool the caller owns', async () => {
    const url = await freshDatabase();
    const opened = await openPostgresInstallationStore(url);
    closers.push(opened.close);
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    closers.push(() => pool.end());
    await createPostgresInstallationStore(pool).saveInstallation({
      key: 'team:T2',
      teamId: 'T2',
      enterpriseId: null,
      installation: teamInstall('T2', 'xoxb-two'),
      installedAt: '2026-11-25T09:00:00.000Z',
    });
    expect(await opened.listInstallations()).toEqual([{ key: 'team:T2', teamId: 'T2', enterpriseId: null }]);
  });
});
