import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { postSigned, startFakeSlack } from './fake-slack.js';
import { importRows } from './fixtures.js';
import { SqliteStore } from '../../bot/store/sqlite-store.js';

let slack: Awaited<ReturnType<typeof startFakeSlack>> | undefined;
let child: ChildProcessWithoutNullStreams | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
  await slack?.close();
  slack = undefined;
});

const FORM = 'application/x-www-form-urlencoded';

/** A store file with the fixture and Maria mapped; optionally a digest that fell due 5 minutes ago (start-up posts it). */
async function storeFile(dueDigest: boolean): Promise<string> {
  const db = join(mkdtempSync(join(tmpdir(), 'tl-bot-')), 'tierline.db');
  const store = new SqliteStore(db);
  await importRows(store);
  await store.mapOwner('Maria', 'UMARIA', 'manual');
  if (dueDigest) {
    const due = new Date(Date.now() - 5 * 60_000);
    await store.addSubscription({
      channel: 'CSALES',
      cron: `${due.getUTCMinutes()} ${due.getUTCHours()} * * *`,
      timeZone: 'UTC',
      scope: { kind: 'all' },
      locale: 'en',
      createdBy: 'UMONA',
      createdAt: due.toISOString(),
    });
  }
  store.close();
  return db;
}

/** A port nothing listens on: Slack "unreachable" (connection refused at once, every retry). */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function startBot(db: string, env: Record<string, string>) {
  const tmp = mkdtempSync(join(tmpdir(), 'tl-bot-tmp-'));
  const proc = spawn(process.execPath, ['bin/tierline.js', 'bot', '--port', '0', '--host', '127.0.0.1', '--db', db], {
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'shh',
      SLACK_APP_TOKEN: '',
      TMPDIR: tmp,
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child = proc;
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    proc.on('exit', (code) => resolve({ code, at: Date.now() })),
  );
  return {
    proc,
    tmp,
    exited,
    stderr: () => stderr,
    /** Resolves with the first match of `pattern` in stderr. */
    async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<RegExpExecArray> {
      for (let waited = 0; waited < timeoutMs; waited += 20) {
        const m = pattern.exec(stderr);
        if (m) return m;
        if (proc.exitCode !== null) throw new Error(`bot exited ${proc.exitCode}: ${stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no ${pattern} in: ${stderr}`);
    },
  };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
}

describe('tierline bot (the binary, HTTP mode)', () => {
  it('starts, answers, posts a missed digest at start-up, survives payload=null, imports an upload leaving no temp files, and stops on SIGTERM', async () => {
    slack = await startFakeSlack();
    const bot = startBot(await storeFile(true), { SLACK_API_URL: slack.apiUrl, TIERLINE_ADMINS: 'UADA' });
    const url = `http://127.0.0.1:${(await bot.waitFor(/listening on port (\d+)/))[1]}/slack/events`;
    const command = new URLSearchParams({
      command: '/crm',
      text: 'churn',
      user_id: 'UMARIA',
      channel_id: 'D1',
      channel_name: 'directmessage',
      team_id: 'T1',
      api_app_id: 'A1',
      response_url: slack.responseUrl('cmd'),
      trigger_id: 't',
    }).toString();

    // The audit's crash: a correctly signed payload=null used to end the process (exit 1).
    expect((await postSigned(url, 'shh', 'payload=null', FORM)).status).toBe(400);
    expect((await postSigned(url, 'shh', command, FORM)).status).toBe(200);
    await until(() => slack!.callsTo('response/cmd').length > 0 && slack!.callsTo('chat.postMessage').length > 0);
    expect(JSON.stringify(slack.callsTo('response/cmd')[0]!.body)).toContain('C005');
    expect(slack.callsTo('chat.postMessage')).toEqual([
      expect.objectContaining({ body: expect.objectContaining({ channel: 'CSALES' }) }),
    ]);

    const csv =
      'Customer ID,Customer name,Account manager,Last purchase date,Frequency,Cumulative spend\nC9,Bob Smith,Maria,2026-11-20,4,900\n';
    const upload = {
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'EvUp',
      event_time: 1,
      event: {
        type: 'message',
        subtype: 'file_share',
        channel_type: 'im',
        channel: 'D0ADA',
        user: 'UADA',
        text: '',
        ts: '5.000001',
        files: [
          { name: 'book.csv', size: csv.length, url_private_download: slack.fileUrl('book.csv', Buffer.from(csv)) },
        ],
      },
    };
    expect((await postSigned(url, 'shh', JSON.stringify(upload), 'application/json')).status).toBe(200);
    await until(
      () => slack!.callsTo('files.completeUploadExternal').length > 0 && slack!.callsTo('chat.postMessage').length > 1,
    );
    expect(slack.callsTo('upload').some((c) => String(c.body.text).includes('Bob Smith'))).toBe(true);
    await until(() => readdirSync(bot.tmp).length === 0);
    expect(readdirSync(bot.tmp)).toEqual([]);

    bot.proc.kill('SIGTERM');
    expect((await bot.exited).code).toBe(0);
    expect(readdirSync(bot.tmp)).toEqual([]);
    expect(bot.stderr()).not.toMatch(/Bob Smith|上海华东|TypeError: |at .*\.js:\d+/);
    expect(bot.stderr()).toContain('request refused: malformed-body');
  }, 40_000);
});

describe('tierline bot stops within 5 s of SIGTERM/SIGINT while Slack is unreachable', () => {
  it('in HTTP mode, during the start-up digest catch-up that keeps retrying (SIGTERM)', async () => {
    const bot = startBot(await storeFile(true), { SLACK_API_URL: `http://127.0.0.1:${await deadPort()}/api/` });
    await bot.waitFor(/listening on port \d+/);
    // Let the catch-up post start failing and retrying.
    await new Promise((r) => setTimeout(r, 500));
    const sent = Date.now();
    bot.proc.kill('SIGTERM');
    const { code, at } = await bot.exited;
    expect(at - sent).toBeLessThan(5_000);
    expect(code).toBe(0);
    // The catch-up was still retrying: only the deadline could end it.
    expect(bot.stderr()).toContain('stop deadline reached');
    expect(readdirSync(bot.tmp)).toEqual([]);
  }, 20_000);

  it('in Socket Mode, while the connection keeps failing (SIGINT)', async () => {
    const bot = startBot(await storeFile(false), {
      SLACK_API_URL: `http://127.0.0.1:${await deadPort()}/api/`,
      SLACK_APP_TOKEN: 'xapp-test',
    });
    await bot.waitFor(/bot starting in Socket Mode/);
    // Connecting fails and is retried meanwhile.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(bot.proc.exitCode).toBeNull();
    expect(bot.stderr()).not.toContain('bot running');
    const sent = Date.now();
    bot.proc.kill('SIGINT');
    const { code, at } = await bot.exited;
    expect(bot.stderr()).toContain('stop deadline reached');
    expect(at - sent).toBeLessThan(5_000);
    expect(code).toBe(0);
    expect(bot.stderr()).not.toMatch(/at .*\.js:\d+/);
  }, 20_000);
});
