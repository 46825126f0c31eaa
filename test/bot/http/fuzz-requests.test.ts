import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../../../bot/app.js';
import type { SqliteStore } from '../../../bot/store/sqlite-store.js';
import { postSigned, startFakeSlack } from '../fake-slack.js';
import { fixtureDeps, fixtureStore } from '../fixtures.js';

const SECRET = 'fuzz-secret';
// Fewer than the in-process fuzz (listeners/fuzz-payloads.test.ts): each run is a real signed HTTP request.
const RUNS = 60;

let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let built: BuiltApp;
let store: SqliteStore;
let deps: ReturnType<typeof fixtureDeps>;
let url: string;

beforeAll(async () => {
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
afterAll(async () => {
  await built.stop();
  await slack.close();
  store.close();
});

const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 30 }),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);
const maybe = <T>(plausible: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: plausible, weight: 3 }, { arbitrary: junk, weight: 1 });
const userId = maybe(fc.constantFrom('UMARIA', 'UDAVID', 'UMONA', 'UEVE'));
const user = maybe(fc.record({ id: userId, team_id: maybe(fc.constant('T1')) }, { requiredKeys: [] }));
const value = maybe(
  fc.oneof(
    fc.constantFrom(
      '{"c":"C005"}',
      '{"c":"C004","l":"zh-CN"}',
      '{"kind":"churn","offset":5,"pageSize":5}',
      'null',
      '{',
    ),
    fc.string({ maxLength: 100 }),
  ),
);
const actionId = fc.constantFrom(
  'tierline_log_contact',
  'tierline_snooze',
  'tierline_details',
  'tierline_page_next',
  'tierline_page_previous',
  'unknown_action',
);
const where = fc.constantFrom(
  { container: { type: 'view' }, view: { id: 'V', type: 'home' } },
  { container: { type: 'message' }, channel: { id: 'D0MARIA' } },
  {},
);

const blockActions = fc
  .record(
    {
      type: fc.constant('block_actions'),
      user,
      team: maybe(fc.constant({ id: 'T1' })),
      trigger_id: maybe(fc.string()),
      where,
      actions: maybe(
        fc.array(
          maybe(
            fc.record(
              {
                type: maybe(fc.constant('button')),
                action_id: maybe(actionId),
                block_id: maybe(fc.string()),
                value,
                action_ts: maybe(fc.constant('1')),
              },
              { requiredKeys: [] },
            ),
          ),
          { maxLength: 2 },
        ),
      ),
    },
    { requiredKeys: ['type'] },
  )
  .map(({ where: w, ...rest }) => ({ ...rest, ...w }));
const viewSubmission = fc.record(
  {
    type: fc.constantFrom('view_submission', 'view_closed'),
    user,
    team: maybe(fc.constant({ id: 'T1' })),
    view: maybe(
      fc.record(
        {
          id: maybe(fc.string()),
          callback_id: maybe(fc.constantFrom('tierline_log_contact_submit', 'forged')),
          private_metadata: maybe(fc.oneof(fc.constant('{"customerId":"C005","locale":"en"}'), fc.string())),
          state: maybe(fc.record({ values: maybe(fc.object({ maxDepth: 3 })) })),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: ['type'] },
);
const interaction = fc
  .oneof(
    blockActions,
    viewSubmission,
    fc.record({
      type: fc.constantFrom('shortcut', 'message_action', 'block_suggestion', 'teleport'),
      callback_id: maybe(fc.string()),
    }),
  )
  .map((p) => ({
    body: `payload=${encodeURIComponent(JSON.stringify(p))}`,
    type: 'application/x-www-form-urlencoded',
  }));
const event = fc.record(
  {
    type: maybe(fc.constantFrom('app_mention', 'app_home_opened', 'message', 'reaction_added')),
    user: userId,
    text: maybe(fc.string({ maxLength: 80 })),
    channel: maybe(fc.constantFrom('D0MARIA', 'CSALES')),
    channel_type: maybe(fc.constantFrom('im', 'channel')),
    tab: maybe(fc.constantFrom('home', 'messages')),
    ts: maybe(fc.constant('1.0')),
    subtype: maybe(fc.constantFrom('file_share', 'bot_message')),
  },
  { requiredKeys: [] },
);
const callback = fc
  .record(
    {
      type: fc.constant('event_callback'),
      team_id: maybe(fc.constant('T1')),
      api_app_id: maybe(fc.constant('A1')),
      event_id: fc.uuid(),
      event_time: maybe(fc.integer()),
      event: maybe(event),
    },
    { requiredKeys: ['type', 'event_id'] },
  )
  .map((p) => ({ body: JSON.stringify(p), type: 'application/json' }));
const command = fc
  .record(
    {
      command: maybe(fc.constantFrom('/crm', '/other')),
      text: maybe(fc.string({ maxLength: 80 })),
      user_id: userId,
      channel_id: maybe(fc.constantFrom('D1', 'CSALES')),
      team_id: maybe(fc.constant('T1')),
    },
    { requiredKeys: [] },
  )
  .map((p) => ({
    body: new URLSearchParams(
      Object.entries(p).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')]),
    ).toString(),
    type: 'application/x-www-form-urlencoded',
  }));
const raw = fc
  .oneof(fc.string({ maxLength: 200 }), fc.constantFrom('payload=null', 'payload=%5B%5D', 'null', '[]', '{}'))
  .map((body) => ({ body, type: 'application/x-www-form-urlencoded' }));

const sent = new Set<string>();

describe('fuzzed signed requests through the real HTTP receiver', () => {
  it('every one gets a quick 200 or 400 and the bot keeps serving; logs carry codes only', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(interaction, callback, command, raw), async ({ body, type }) => {
        const started = Date.now();
        // A (timestamp, body) pair not sent before: the same body twice in one second is (rightly) refused as a replay.
        let timestamp = Math.floor(started / 1000);
        while (sent.has(`${timestamp}:${body}`)) timestamp--;
        sent.add(`${timestamp}:${body}`);
        const { status } = await postSigned(url, SECRET, body, type, { timestamp });
        expect([200, 400]).toContain(status);
        expect(Date.now() - started).toBeLessThan(2_500);
      }),
      { numRuns: RUNS },
    );
    // Still serving: a plain /crm answered by response_url.
    const ok = new URLSearchParams({
      command: '/crm',
      text: 'churn',
      user_id: 'UMARIA',
      channel_id: 'D1',
      channel_name: 'directmessage',
      team_id: 'T1',
      response_url: slack.responseUrl('final'),
    }).toString();
    expect((await postSigned(url, SECRET, ok, 'application/x-www-form-urlencoded')).status).toBe(200);
    for (let i = 0; i < 200 && slack.callsTo('response/final').length === 0; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(slack.callsTo('response/final')).toHaveLength(1);
    for (const line of deps.logs) expect(line).toMatch(/^[\w .-]+: [\w.:-]+$/);
    expect(deps.logs.filter((l) => /TypeError|RangeError|SyntaxError|internal/.test(l))).toEqual([]);
  }, 120_000);
});
