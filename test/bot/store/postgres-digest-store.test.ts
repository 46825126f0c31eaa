import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openPostgresStore } from '../../../bot/store/postgres-store.js';
import type { Store } from '../../../bot/store/store.js';
import { startPostgres, type TestPostgres } from '../../support/postgres.js';
import { describeSubscriptionWorkspace } from './subscription-workspace-contract.js';

let server: TestPostgres;
const open: Store[] = [];

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  for (const store of open) await store.close().catch(() => undefined);
  await server?.stop();
});

describe('PostgreSQL digest store', () => {
  describeSubscriptionWorkspace(async () => {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE subscriptions_1');
    await admin.end();
    const store = await openPostgresStore(server.url.replace(/\/[^/]+$/, '/subscriptions_1'));
    open.push(store);
    return store;
  });
});
