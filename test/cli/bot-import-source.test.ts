// Issue 12: `tierline bot --import-source` re-imports a database on the
// schedule through the real binary (HTTP mode against the local fake Slack):
// a PostgreSQL table becomes a snapshot named without its password; an
// unreachable database is one log line with its code and the bot keeps
// answering; the flags' usage errors are the one-shot import's, with the
// bot's flag names.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../bot/index.js';
import { postSigned, startFakeSlack } from '../bot/fake-slack.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/tierline.js');
const SECRET = 'shh';

let server: TestPostgres;
let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let dir: string;
const children: ChildProcessWithoutNullStreams[] = [];

const env = () => ({
  ...process.env,
  TIERLINE_DATABASE_URL: '',
  TIERLINE_DB: '',
  TIERLINE_TIME_ZONE: 'UTC',
  SLACK_API_URL: slack.apiUrl,
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_APP_TOKEN: '',
  SLACK_CLIENT_ID: '',
  SLACK_CLIENT_SECRET: '',
  SLACK_STATE_SECRET: '',
  LANG: 'C',
  LC_ALL: '',
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-bot-import-source-'));
  [server, slack] = await Promise.all([startPostgres(), startFakeSlack()]);
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query('CREATE TABLE orders (order_id text, customer_id text, order_date date, amount numeric)');
  await client.query(
    `INSERT INTO orders VALUES ('O1', 'A', '2026-11-05', 100), ('O2', 'A', '2026-11-19', 50), ('O3', 'B', '2026-11-20', 70)`,
  );
  await client.end();
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await slack?.close();
  await server?.stop();
});

function startBot(args: string[]) {
  const proc = spawn(process.execPath, [BIN, 'bot', '--port', '0', '--host', '127.0.0.1', ...args], {
    env: { ...env(), TMPDIR: mkdtempSync(join(tmpdir(), 'tl-bot-import-source-tmp-')) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(proc);
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    proc,
    stderr: () => stderr,
    async waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
      for (let waited = 0; waited < timeoutMs; waited += 50) {
        const m = pattern.exec(stderr);
        if (m) return m;
        if (proc.exitCode !== null) throw new Error(`bot exited ${proc.exitCode}: ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no ${pattern} in: ${stderr}`);
    },
  };
}

/** "daily HH:MM UTC" at the first whole minute at least 40 s away: after the bots' start-up, within 100 s. */
function soonSchedule(): string {
  const at = new Date(Math.ceil((Date.now() + 40_000) / 60_000) * 60_000);
  const hhmm = at.toISOString().slice(11, 16);
  return `daily ${hhmm} UTC`;
}

async function tierline(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run(process.execPath, [BIN, ...args], { env: env() });
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe('tierline bot --import-source', () => {
  it('re-imports a PostgreSQL table on the schedule; an unreachable database is logged by its code and the bot answers', async () => {
    const schedule = soonSchedule();
    const db = join(dir, 'store.db');
    const ok = startBot([
      '--db',
      db,
      '--import-source',
      server.url,
      '--import-table',
      'orders',
      '--import-schedule',
      schedule,
    ]);
    const down = startBot([
      '--db',
      join(dir, 'down.db'),
      '--import-source',
      'postgres://shop:s3cret-pw@127.0.0.1:1/sales',
      '--import-query',
      'SELECT * FROM orders',
      '--import-schedule',
      schedule,
    ]);
    const url = `http://127.0.0.1:${(await down.waitFor(/listening on port (\d+)/, 60_000))[1]}/slack/events`;
    await ok.waitFor(/scheduled import: snapshot 1 of \d{4}-\d{2}-\d{2}, 2 customers/, 150_000);
    const failed = await down.waitFor(/scheduled import failed: (.*)\n/, 150_000);
    expect(failed[1]).toBe('unreachable');
    expect(down.stderr()).not.toContain('s3cret-pw');
    expect(ok.stderr()).not.toContain(server.password);
    // Still serving: Slack's URL check is answered.
    const answer = await postSigned(
      url,
      SECRET,
      JSON.stringify({ type: 'url_verification', challenge: 'still-here' }),
      'application/json',
    );
    expect(answer).toMatchObject({ status: 200 });
    expect(answer.text).toContain('still-here');
    expect(down.proc.exitCode).toBeNull();
    for (const bot of [ok, down]) bot.proc.kill('SIGTERM');

    const store = new SqliteStore(db);
    try {
      const snapshot = await store.latestSnapshot();
      expect(snapshot).toMatchObject({ id: 1, customerCount: 2 });
      expect(snapshot!.source).toContain('orders');
      expect(snapshot!.source).not.toContain(server.password);
      expect(await store.customer(1, 'A')).toMatchObject({
        frequency: 2,
        monetary: 150,
        lastPurchaseDate: '2026-11-19',
      });
    } finally {
      store.close();
    }
    const empty = new SqliteStore(join(dir, 'down.db'));
    try {
      expect(await empty.latestSnapshot()).toBeUndefined();
    } finally {
      empty.close();
    }
  }, 240_000);

  it.each([
    [
      ['--import-file', 'orders.csv', '--import-source', 'duckdb:shop.duckdb', '--import-table', 'orders'],
      'bot: give --import-file or --import-source, not both (got orders.csv and --import-source).',
    ],
    [
      ['--import-table', 'orders'],
      'bot: --import-table reads from a database: give --import-source duckdb:<file.duckdb> or postgres://….',
    ],
    [
      ['--import-source', 'duckdb:shop.duckdb', '--import-table', 'orders', '--import-query', 'SELECT 1'],
      'bot: --import-table and --import-query both name what to read; give one.',
    ],
    [['--import-source', 'mysql://x', '--import-table', 'orders'], '--import-source must be duckdb:'],
    [
      ['--import-source', 'duckdb:shop.duckdb', '--import-table', 'orders', '--import-statement-timeout', 'soon'],
      '--import-statement-timeout must be a whole number of milliseconds ≥ 1; got "soon".',
    ],
  ])('usage error: %j', async (args, message) => {
    const { code, stderr } = await tierline('bot', '--db', join(dir, 'unused.db'), ...args);
    expect(code).toBe(1);
    // One line naming the flags, then the pointer to --help.
    expect(stderr.split('\n')[0]).toContain(message);
    expect(stderr.trim().split('\n').slice(1)).toEqual(['tierline: Run "tierline bot --help" to see the options.']);
  });
});
