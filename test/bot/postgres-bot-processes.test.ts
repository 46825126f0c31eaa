import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../bot/store/postgres-store.js';
import type { Store } from '../../bot/store/store.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { postSigned, startFakeSlack } from './fake-slack.js';
import { importRows } from './fixtures.js';

// Issue 12: several bot instances on one PostgreSQL database. Two real
// `tierline bot` processes share the database and one fake Slack; every
// digest period is posted once, and contacts logged through both at once
// are all kept.

const SECRET = 'shh';
const FORM = 'application/x-www-form-urlencoded';
const CHANNELS = ['CSALES', 'CEAST', 'CWEST', 'CNORTH', 'CSOUTH'];
const SUBMISSIONS = 40;

let server: TestPostgres;
let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let store: Store;
const children: ChildProcessWithoutNullStreams[] = [];
// Generous waits: two bot processes start on a loaded 2-core machine while the rest of the suite runs.

beforeAll(async () => {
  server = await startPostgres();
  slack = await startFakeSlack();
  store = await openPostgresStore(server.url);
  await importRows(store);
  await store.mapOwner('Maria', 'UMARIA', 'manual');
  // Five digests that fell due 5 minutes ago: both instances find them at start-up.
  const due = new Date(Date.now() - 5 * 60_000);
  for (const channel of CHANNELS)
    await store.addSubscription({
      channel,
      cron: `${due.getUTCMinutes()} ${due.getUTCHours()} * * *`,
      timeZone: 'UTC',
      scope: { kind: 'all' },
      locale: 'en',
      createdBy: 'UMONA',
      createdAt: due.toISOString(),
    });
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await store?.close();
  await slack?.close();
  await server?.stop();
});

function startBot() {
  const proc = spawn(process.execPath, ['bin/tierline.js', 'bot', '--port', '0', '--host', '127.0.0.1'], {
    env: {
      ...process.env,
      TIERLINE_DATABASE_URL: server.url,
      TIERLINE_DB: '',
      SLACK_API_URL: slack.apiUrl,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_APP_TOKEN: '',
      TMPDIR: mkdtempSync(join(tmpdir(), 'tl-pg-bot-')),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(proc);
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc,
    exited,
    stderr: () => stderr,
    async waitFor(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
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

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  for (let waited = 0; waited < timeoutMs && !(await check()); waited += 50)
    await new Promise((r) => setTimeout(r, 50));
}

/** The log-contact modal's submission for C005 (Maria's), as Slack sends it. */
function submission(n: number): string {
  const payload = {
    type: 'view_submission',
    user: { id: 'UMARIA', team_id: 'T1' },
    team: { id: 'T1' },
    api_app_id: 'A1',
    view: {
      id: `V${n}`,
      type: 'modal',
      callback_id: 'tierline_log_contact_submit',
      private_metadata: '{"customerId":"C005","locale":"en"}',
      state: {
        values: {
          date: { date: { type: 'datepicker', selected_date: '2026-11-24' } },
          action: { action: { type: 'plain_text_input', value: `call ${n}` } },
          feedback: { feedback: { type: 'plain_text_input', value: `feedback ${n}` } },
          result: { result: { type: 'radio_buttons', selected_option: { value: 'success' } } },
        },
      },
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

describe('two tierline bot processes on one PostgreSQL database', () => {
  it('post each digest period exactly once and keep every contact logged through either at the same time', async () => {
    const [a, b] = [startBot(), startBot()];
    const urls = await Promise.all(
      [a, b].map(async (bot) => `http://127.0.0.1:${(await bot.waitFor(/listening on port (\d+)/))[1]}/slack/events`),
    );
    // Both ran their start-up catch-up over the same five due digests.
    await Promise.all([a, b].map((bot) => bot.waitFor(/start-up digest check: subscription 5 /)));
    const digests = () => slack.callsTo('chat.postMessage').filter((c) => CHANNELS.includes(String(c.body.channel)));
    expect(
      digests()
        .map((c) => c.body.channel)
        .sort(),
    ).toEqual([...CHANNELS].sort());
    const posted = `${a.stderr()}${b.stderr()}`.match(/digest posted: subscription \d+/g) ?? [];
    expect(posted.sort()).toEqual(CHANNELS.map((_, i) => `digest posted: subscription ${i + 1}`).sort());
    for (let id = 1; id <= CHANNELS.length; id++)
      expect(await store.digestRuns(id)).toEqual([expect.objectContaining({ status: 'posted', attempts: 1 })]);

    // Contacts logged through both instances at once: none lost, each confirmed once.
    const responses = await Promise.all(
      Array.from({ length: SUBMISSIONS }, (_, n) => postSigned(urls[n % 2]!, SECRET, submission(n), FORM)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(SUBMISSIONS).fill(200));
    await until(async () => (await store.executionLog({ customerId: 'C005' })).length >= SUBMISSIONS);
    const log = await store.executionLog({ customerId: 'C005' });
    expect(log.map((e) => e.action).sort()).toEqual(Array.from({ length: SUBMISSIONS }, (_, n) => `call ${n}`).sort());
    expect(new Set(log.map((e) => e.id)).size).toBe(SUBMISSIONS);
    await until(
      () => slack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'UMARIA').length >= SUBMISSIONS,
    );
    expect(slack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'UMARIA')).toHaveLength(SUBMISSIONS);

    a.proc.kill('SIGTERM');
    b.proc.kill('SIGTERM');
    expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
    // Nothing posted twice after all.
    expect(digests()).toHaveLength(CHANNELS.length);
    expect(`${a.stderr()}${b.stderr()}`).not.toMatch(/TypeError|at .*\.js:\d+|password/);
  }, 240_000);
});
