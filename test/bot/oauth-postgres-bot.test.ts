import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boltInstallationStore } from '../../bot/store/installation-store.js';
import { openPostgresInstallationStore } from '../../bot/store/postgres-installation-store.js';
import { openPostgresStore } from '../../bot/store/postgres-store.js';
import type { Store } from '../../bot/store/store.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { startFakeSlack, type FakeWorkspace } from './fake-slack.js';
import { importRows } from './fixtures.js';
import { teamInstall } from './store/installation-store-contract.js';

// A real `tierline bot` in OAuth mode on TIERLINE_DATABASE_URL: installations
// are read from and written to PostgreSQL (not a SQLite file), and a due
// digest goes out with its own workspace's token.

const ACME_TOKEN = 'xoxb-acme-secret-token';
const GLOBEX: FakeWorkspace = {
  teamId: 'T0GLOBEX',
  teamName: 'Globex',
  botToken: 'xoxb-globex-secret-token',
  botUserId: 'UBOTGLOBEX',
  botId: 'BGLOBEX',
};

let server: TestPostgres;
let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let store: Store;
let child: ChildProcessWithoutNullStreams | undefined;

beforeAll(async () => {
  server = await startPostgres();
  slack = await startFakeSlack();
  store = await openPostgresStore(server.url);
  await importRows(store);
  const installations = await openPostgresInstallationStore(server.url);
  await boltInstallationStore(installations, () => new Date()).storeInstallation(teamInstall('T0ACME', ACME_TOKEN));
  await installations.close();
  // Two digests that fell due 5 minutes ago: one in the installed workspace, one in a workspace that uninstalled.
  const due = new Date(Date.now() - 5 * 60_000);
  for (const [channel, teamId] of [
    ['CACME', 'T0ACME'],
    ['CGONE', 'T0GONE'],
  ] as const)
    await store.addSubscription({
      channel,
      cron: `${due.getUTCMinutes()} ${due.getUTCHours()} * * *`,
      timeZone: 'UTC',
      scope: { kind: 'all' },
      locale: 'en',
      createdBy: 'UMONA',
      createdAt: due.toISOString(),
      teamId,
      enterpriseId: null,
    });
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await store?.close();
  await slack?.close();
  await server?.stop();
});

describe('tierline bot in OAuth mode on PostgreSQL', () => {
  it("keeps installations in the database and posts each due digest with its workspace's token", async () => {
    // No SQLite file may appear: the working folder is empty and stays so.
    const cwd = mkdtempSync(join(tmpdir(), 'tl-oauth-pg-'));
    child = spawn(
      process.execPath,
      [join(process.cwd(), 'bin/tierline.js'), 'bot', '--port', '0', '--host', '127.0.0.1'],
      {
        cwd,
        env: {
          ...process.env,
          TIERLINE_DATABASE_URL: server.url,
          TIERLINE_DB: '',
          SLACK_API_URL: slack.apiUrl,
          SLACK_BOT_TOKEN: '',
          SLACK_APP_TOKEN: '',
          SLACK_SIGNING_SECRET: 'shh',
          SLACK_CLIENT_ID: '111.222',
          SLACK_CLIENT_SECRET: 'client-secret-never-logged',
          SLACK_STATE_SECRET: 'state-secret',
          TMPDIR: cwd,
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const waitFor = async (pattern: RegExp): Promise<RegExpExecArray> => {
      for (let waited = 0; waited < 60_000; waited += 20) {
        const m = pattern.exec(stderr);
        if (m) return m;
        if (child!.exitCode !== null) throw new Error(`bot exited ${child!.exitCode}: ${stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no ${pattern} in: ${stderr}`);
    };
    const port = Number((await waitFor(/listening on port (\d+)/))[1]);
    await waitFor(/start-up digest check: subscription 2 skipped/);
    expect(stderr).toMatch(/digest skipped: subscription 2, period \S+, no installation for team T0GONE\n/);
    expect(slack.callsTo('chat.postMessage').map((c) => [c.body.channel, c.token])).toEqual([['CACME', ACME_TOKEN]]);

    // A new workspace installs through the running bot: the installation lands in PostgreSQL.
    const base = `http://127.0.0.1:${port}`;
    const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
    slack.addInstallCode('code-globex', GLOBEX);
    const done = await fetch(`${base}/slack/oauth_redirect?code=code-globex&state=${state}`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(done.status).toBe(200);
    const installations = await openPostgresInstallationStore(server.url);
    try {
      expect(await installations.listInstallations()).toEqual([
        { key: 'team:T0ACME', teamId: 'T0ACME', enterpriseId: null },
        { key: 'team:T0GLOBEX', teamId: 'T0GLOBEX', enterpriseId: null },
      ]);
    } finally {
      await installations.close();
    }
    child.kill('SIGTERM');
    await new Promise((resolve) => child!.once('exit', resolve));
    expect(stderr).not.toMatch(/xox|client-secret-never-logged/);
    expect(readdirSync(cwd).filter((f) => f.endsWith('.db'))).toEqual([]);
  }, 120_000);
});
