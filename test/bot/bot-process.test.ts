import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { postSigned, startFakeSlack } from './fake-slack.js';
import { importRows } from './fixtures.js';
import { SqliteStore } from '../../bot/store/sqlite-store.js';

let slack: Awaited<ReturnType<typeof startFakeSlack>> | undefined;
afterEach(async () => {
  await slack?.close();
});

describe('tierline bot (the binary, HTTP mode)', () => {
  it('starts, answers a signed /crm request, posts a missed digest at start-up, and stops on SIGTERM', async () => {
    slack = await startFakeSlack();
    const db = join(mkdtempSync(join(tmpdir(), 'tl-bot-')), 'tierline.db');
    const store = new SqliteStore(db);
    importRows(store);
    store.mapOwner('Maria', 'UMARIA', 'manual');
    // Due 5 minutes before start: inside the grace window, so start-up posts it once.
    const due = new Date(Date.now() - 5 * 60_000);
    store.addSubscription({ channel: 'CSALES', cron: `${due.getUTCMinutes()} ${due.getUTCHours()} * * *`, timeZone: 'UTC', scope: { kind: 'all' }, locale: 'en', createdBy: 'UMONA', createdAt: due.toISOString() });
    store.close();
    const child = spawn(process.execPath, ['bin/tierline.js', 'bot', '--port', '0', '--host', '127.0.0.1', '--db', db], {
      env: { ...process.env, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'shh', SLACK_API_URL: slack.apiUrl, SLACK_APP_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const port = await new Promise<number>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const m = /listening on port (\d+)/.exec(stderr);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`bot exited ${code}: ${stderr}`)));
    });
    const body = new URLSearchParams({ command: '/crm', text: 'churn', user_id: 'UMARIA', channel_id: 'D1', channel_name: 'directmessage', team_id: 'T1', api_app_id: 'A1', response_url: slack.responseUrl('cmd'), trigger_id: 't' }).toString();
    expect((await postSigned(`http://127.0.0.1:${port}/slack/events`, 'shh', body, 'application/x-www-form-urlencoded')).status).toBe(200);
    for (let i = 0; i < 300 && (slack.callsTo('response/cmd').length === 0 || slack.callsTo('chat.postMessage').length === 0); i++) await new Promise((r) => setTimeout(r, 20));
    expect(JSON.stringify(slack.callsTo('response/cmd')[0]!.body)).toContain('C005');
    expect(slack.callsTo('chat.postMessage')).toEqual([expect.objectContaining({ body: expect.objectContaining({ channel: 'CSALES' }) })]);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/Bob Smith|上海华东/);
  }, 30_000);
});
