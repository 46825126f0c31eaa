import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDetails } from '../../../bot/listeners/actions/details.js';
import { createLogContact } from '../../../bot/listeners/actions/log-contact.js';
import { createPage } from '../../../bot/listeners/actions/page.js';
import { createSnooze } from '../../../bot/listeners/actions/snooze.js';
import { createCrmCommand } from '../../../bot/listeners/commands/crm.js';
import { createAppHomeOpened } from '../../../bot/listeners/events/app-home-opened.js';
import { createAppMention } from '../../../bot/listeners/events/app-mention.js';
import { createDirectMessage } from '../../../bot/listeners/messages/direct-message.js';
import { createLogContactSubmit } from '../../../bot/listeners/views/log-contact-submit.js';
import type { BotDeps } from '../../../bot/bot-deps.js';
import type { SqliteStore } from '../../../bot/store/sqlite-store.js';
import { fixtureDeps, fixtureStore } from '../fixtures.js';

// Fast-check runs per listener; the HTTP receiver gets a smaller run in app-fuzz.test.ts.
const RUNS = 200;

let store: SqliteStore;
beforeAll(async () => {
  store = fixtureStore();
});
afterAll(() => {
  store.close();
  // Not vacuous: a good share of the fuzzed payloads got past the entry checks and were answered.
  expect(answered.replies).toBeGreaterThan(answered.runs / 8);
});

// ——— Slack-shaped payloads: real field names, each value either plausible or junk of any type ———
const junk = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 20 }),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);
const maybe = <T>(plausible: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: plausible, weight: 3 }, { arbitrary: junk, weight: 1 });
const userId = maybe(fc.constantFrom('UMARIA', 'UDAVID', 'UMONA', 'UADA', 'UEVE', ''));
const customerId = fc.oneof(fc.constantFrom('C001', 'C005', 'C004', 'C999', ''), fc.string({ maxLength: 300 }));
const text = fc.oneof(
  fc.constantFrom(
    'churn',
    'who is at churn risk',
    '哪些客户有流失风险',
    'C005',
    'help',
    'summary',
    'segment loyal',
    'digest weekly mon 09:00 UTC',
    'users map "Maria=@UMARIA"',
    '<@UBOT> churn',
    'churn 99999999999999999999',
  ),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
);
const buttonValue = maybe(
  fc.oneof(
    fc
      .record({ c: maybe(customerId), l: maybe(fc.constantFrom('zh-CN', 'en')) }, { requiredKeys: [] })
      .map((v) => JSON.stringify(v)),
    fc
      .record(
        {
          kind: maybe(fc.constantFrom('churn', 'segment')),
          offset: maybe(fc.oneof(fc.nat(), fc.integer(), fc.constant(Number.MAX_SAFE_INTEGER))),
          pageSize: maybe(fc.oneof(fc.integer({ min: -5, max: 10_000 }))),
          segment: maybe(fc.string()),
          user: userId,
          locale: maybe(fc.constantFrom('zh-CN')),
        },
        { requiredKeys: [] },
      )
      .map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 2_100 }),
    fc.constantFrom('null', '3', '[]', '{', '"x"'),
  ),
);
const user = maybe(fc.record({ id: userId }, { requiredKeys: [] }));
const channel = maybe(fc.record({ id: maybe(fc.constantFrom('D0MARIA', 'CSALES', '')) }, { requiredKeys: [] }));
const view = maybe(
  fc.record({ type: maybe(fc.constantFrom('home', 'modal')), id: maybe(fc.string()) }, { requiredKeys: [] }),
);
const actionBody = fc.record(
  { user, channel, view, trigger_id: maybe(fc.string()), response_url: maybe(fc.string()) },
  { requiredKeys: [] },
);
const action = maybe(fc.record({ action_id: maybe(fc.string()), value: buttonValue }, { requiredKeys: [] }));
const date = maybe(
  fc.oneof(fc.constantFrom('2026-11-24', '2026-02-30', '0000-00-00', '9999-12-31'), fc.string({ maxLength: 12 })),
);
const stateValues = maybe(
  fc.record(
    {
      date: maybe(
        fc.record({ date: maybe(fc.record({ selected_date: date }, { requiredKeys: [] })) }, { requiredKeys: [] }),
      ),
      action: maybe(
        fc.record(
          {
            action: maybe(
              fc.record({ value: maybe(fc.oneof(text, fc.string({ maxLength: 5_000 }))) }, { requiredKeys: [] }),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
      feedback: maybe(
        fc.record({ feedback: maybe(fc.record({ value: maybe(text) }, { requiredKeys: [] })) }, { requiredKeys: [] }),
      ),
      result: maybe(
        fc.record(
          {
            result: maybe(
              fc.record(
                {
                  selected_option: maybe(
                    fc.record({ value: maybe(fc.constantFrom('success', 'follow-up', 'x')) }, { requiredKeys: [] }),
                  ),
                },
                { requiredKeys: [] },
              ),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
);
const submittedView = maybe(
  fc.record(
    {
      private_metadata: maybe(
        fc.oneof(
          fc
            .record(
              { customerId: maybe(customerId), locale: maybe(fc.constantFrom('zh-CN', 'en')) },
              { requiredKeys: [] },
            )
            .map((v) => JSON.stringify(v)),
          fc.string(),
        ),
      ),
      state: maybe(fc.record({ values: stateValues }, { requiredKeys: [] })),
    },
    { requiredKeys: [] },
  ),
);
const command = maybe(
  fc.record(
    {
      user_id: userId,
      text: maybe(text),
      channel_id: maybe(fc.constantFrom('D1', 'CSALES', '')),
      channel_name: maybe(fc.constantFrom('directmessage', 'sales')),
    },
    { requiredKeys: [] },
  ),
);
const file = maybe(
  fc.record(
    {
      name: maybe(fc.oneof(fc.constantFrom('book.csv', 'a.xlsx', 'x.pdf', '../../etc/passwd.csv'), fc.string())),
      size: maybe(fc.oneof(fc.nat(), fc.constant(1e12), fc.integer())),
      url_private_download: maybe(fc.constantFrom('not a url', '', 'ftp://x')),
    },
    { requiredKeys: [] },
  ),
);
const message = maybe(
  fc.record(
    {
      channel_type: maybe(fc.constantFrom('im', 'channel')),
      subtype: maybe(fc.constantFrom('file_share', 'message_changed')),
      user: userId,
      text: maybe(text),
      channel: maybe(fc.constantFrom('D0ADA', 'D1')),
      files: maybe(fc.array(file, { maxLength: 2 })),
      thread_ts: maybe(fc.string()),
      ts: maybe(fc.string()),
      tab: maybe(fc.constantFrom('home', 'messages')),
    },
    { requiredKeys: [] },
  ),
);

/** Everything a listener may call, recording the calls; every Slack call succeeds, so any failure is the listener's own. */
function fakes() {
  const calls: { method: string; arg: unknown }[] = [];
  const record = (method: string) => async (arg?: unknown) => {
    calls.push({ method, arg });
    return { ok: true, ts: '1.0' };
  };
  const client = {
    views: { open: record('views.open'), publish: record('views.publish') },
    chat: { postMessage: record('chat.postMessage') },
    files: { uploadV2: record('files.uploadV2') },
    conversations: { open: record('conversations.open') },
  };
  return {
    calls,
    ack: record('ack'),
    respond: record('respond'),
    say: record('say'),
    client,
    context: { botUserId: 'UBOT', botToken: 'xoxb-test' },
  };
}

/** The property every listener must keep: resolves, acks at most once, replies are text, logs carry codes not crashes or payload. */
const answered = { runs: 0, replies: 0 };

async function survives(
  create: (deps: BotDeps) => (args: never) => Promise<void>,
  args: Record<string, unknown>,
  mustAck: boolean,
): Promise<void> {
  const deps = fixtureDeps(store);
  const f = fakes();
  await expect(create(deps)({ ...f, ...args } as never)).resolves.toBeUndefined();
  answered.runs++;
  if (f.calls.some((c) => c.method !== 'ack')) answered.replies++;
  const acks = f.calls.filter((c) => c.method === 'ack').length;
  expect(acks).toBeLessThanOrEqual(1);
  if (mustAck) expect(acks).toBe(1);
  for (const call of f.calls.filter((c) => c.method !== 'ack')) {
    const arg = call.arg as { text?: unknown; view?: unknown };
    expect(typeof arg.text === 'string' || arg.view !== undefined).toBe(true);
  }
  for (const line of deps.logs) expect(line).not.toMatch(/TypeError|RangeError|SyntaxError|internal/);
}

const LISTENERS = {
  'log contact': createLogContact,
  snooze: createSnooze,
  details: createDetails,
  page: createPage,
} as const;

describe('fuzzed Slack payloads, every listener called in-process with fakes', () => {
  for (const [name, create] of Object.entries(LISTENERS)) {
    it(`action "${name}": never throws, acks once`, async () => {
      await fc.assert(
        fc.asyncProperty(actionBody, action, fc.boolean(), async (body, act, hasRespond) => {
          await survives(create as never, { body, action: act, ...(hasRespond ? {} : { respond: undefined }) }, true);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('view submission "log contact": never throws, acks once, stores only valid rows of visible customers', async () => {
    const before = (await store.executionLog({})).length;
    await fc.assert(
      fc.asyncProperty(fc.record({ user }, { requiredKeys: [] }), submittedView, async (body, v) => {
        await survives(createLogContactSubmit as never, { body, view: v }, true);
      }),
      { numRuns: RUNS },
    );
    for (const row of (await store.executionLog({})).slice(before)) {
      expect(row.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['success', 'follow-up']).toContain(row.result);
    }
  });

  it('command /crm: never throws, acks once', async () => {
    await fc.assert(
      fc.asyncProperty(command, async (cmd) => {
        await survives(createCrmCommand as never, { command: cmd }, true);
      }),
      { numRuns: RUNS },
    );
  });

  it('events app_mention and app_home_opened: never throw', async () => {
    await fc.assert(
      fc.asyncProperty(message, async (event) => {
        await survives(createAppMention as never, { event }, false);
        await survives(createAppHomeOpened as never, { event }, false);
      }),
      { numRuns: RUNS },
    );
  });

  it('messages (questions and file shares): never throw', async () => {
    await fc.assert(
      fc.asyncProperty(message, async (msg) => {
        await survives(createDirectMessage as never, { message: msg }, false);
      }),
      { numRuns: RUNS },
    );
  });
});
