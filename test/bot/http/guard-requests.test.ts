import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../../../bot/app.js';
import type { SqliteStore } from '../../../bot/store/sqlite-store.js';
import { postSigned, startFakeSlack } from '../fake-slack.js';
import { fixtureDeps, fixtureStore, USERS } from '../fixtures.js';

const SECRET = 'test-signing-secret';
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let built: BuiltApp;
let store: SqliteStore;
let deps: ReturnType<typeof fixtureDeps>;
let url: string;

beforeEach(async () => {
  slack = await startFakeSlack();
  store = fixtureStore();
  deps = fixtureDeps(store);
  built = buildApp(
    {
      token: 'xoxb-test',
      signingSecret: SECRET,
      clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
    },
    deps,
  );
  url = `http://127.0.0.1:${(await built.start(0, '127.0.0.1')).port}/slack/events`;
});

afterEach(async () => {
  await built.stop();
  await slack.close();
  store.close();
});

const form = (payload: string) => `payload=${encodeURIComponent(payload)}`;
const action = (actionId: string, extra: Record<string, unknown> = {}) =>
  form(
    JSON.stringify({
      type: 'block_actions',
      user: { id: USERS.maria },
      team: { id: 'T1' },
      api_app_id: 'A1',
      trigger_id: 't',
      actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: '{"c":"C005"}', action_ts: '1' }],
      ...extra,
    }),
  );

/** A signed request that still gets an answer proves the server outlived the previous one. */
async function stillServing(): Promise<void> {
  const event = {
    token: 'x',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: 'Ev9',
    event_time: 1,
    event: { type: 'app_home_opened', user: USERS.maria, channel: 'D0MARIA', tab: 'home' },
  };
  expect((await postSigned(url, SECRET, JSON.stringify(event), JSON_TYPE)).status).toBe(200);
}

describe('guardRequests in front of the Bolt receiver', () => {
  it.each([
    ['payload=null', form('null'), FORM, 400],
    ['payload not JSON', form('{not json'), FORM, 400],
    ['payload a number', form('3'), FORM, 400],
    ['payload an array', form('[1,2]'), FORM, 400],
    ['JSON body null', 'null', JSON_TYPE, 400],
    ['JSON body a string', '"x"', JSON_TYPE, 400],
    ['empty JSON body', '', JSON_TYPE, 400],
  ])('answers a signed %s with %i and keeps serving', async (_name, body, type, status) => {
    expect((await postSigned(url, SECRET, body, type)).status).toBe(status);
    expect(deps.logs).toEqual(['request refused: malformed-body']);
    await stillServing();
  });

  it('acks an unknown action id, a forged view callback and an unknown command with a quick 200', async () => {
    const started = Date.now();
    expect((await postSigned(url, SECRET, action('tierline_self_destruct'), FORM)).status).toBe(200);
    expect((await postSigned(url, SECRET, action('tierline_page_sideways'), FORM)).status).toBe(200);
    expect(
      (
        await postSigned(
          url,
          SECRET,
          form(
            JSON.stringify({
              type: 'view_submission',
              user: { id: USERS.maria },
              team: { id: 'T1' },
              view: { id: 'V', callback_id: 'forged', private_metadata: '{', state: { values: {} } },
            }),
          ),
          FORM,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await postSigned(
          url,
          SECRET,
          new URLSearchParams({
            command: '/nuke',
            text: '',
            user_id: USERS.maria,
            channel_id: 'D1',
            team_id: 'T1',
          }).toString(),
          FORM,
        )
      ).status,
    ).toBe(200);
    // Bolt's own fallback would answer 404 after 3 s.
    expect(Date.now() - started).toBeLessThan(2500);
    expect(slack.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('answers envelopes Slack never sends (no actions, no user, no view, no event, unknown type) with a quick 400', async () => {
    const started = Date.now();
    const bodies = [
      '{"type":"block_actions"}',
      '{"type":"block_actions","actions":null,"user":null}',
      '{"type":"block_actions","user":{"id":"U"},"actions":[]}',
      '{"type":"view_submission","view":null}',
      '{"type":"event_callback","event":null}',
      '{"type":"teleport"}',
      '{}',
    ];
    for (const body of bodies) expect((await postSigned(url, SECRET, form(body), FORM)).status).toBe(400);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(deps.logs).toEqual(bodies.map(() => 'request refused: malformed-body'));
    await stillServing();
  });

  it('refuses timestamps more than 5 minutes in the future like stale ones, and accepts 4 minutes either way', async () => {
    const body = new URLSearchParams({
      command: '/crm',
      text: 'help',
      user_id: USERS.maria,
      channel_id: 'D1',
      channel_name: 'directmessage',
      team_id: 'T1',
      response_url: slack.responseUrl('cmd'),
    }).toString();
    const now = Math.floor(Date.now() / 1000);
    expect((await postSigned(url, SECRET, body, FORM, { timestamp: now + 10 * 60 })).status).toBe(401);
    expect((await postSigned(url, SECRET, body, FORM, { timestamp: now + 5 * 60 + 5 })).status).toBe(401);
    expect((await postSigned(url, SECRET, body, FORM, { timestamp: now - 5 * 60 - 5 })).status).toBe(401);
    expect((await postSigned(url, SECRET, body, FORM, { timestamp: now + 4 * 60 })).status).toBe(200);
    expect((await postSigned(url, SECRET, body, FORM, { timestamp: now - 4 * 60 })).status).toBe(200);
    expect(deps.logs.slice(0, 3)).toEqual([
      'request refused: timestamp-out-of-window',
      'request refused: timestamp-out-of-window',
      'request refused: timestamp-out-of-window',
    ]);
  });

  it('refuses an unsigned or missigned garbage body with 401, not 400, and a huge body with 413', async () => {
    expect((await postSigned(url, 'wrong', form('null'), FORM)).status).toBe(401);
    expect((await postSigned(url, SECRET, form('null'), FORM, { signature: 'garbage' })).status).toBe(401);
    const huge = form(JSON.stringify({ type: 'block_actions', pad: 'x'.repeat(5 * 1024 * 1024) }));
    expect((await postSigned(url, SECRET, huge, FORM)).status).toBe(413);
    await stillServing();
  });
});
