import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../../bot/app.js';
import { DigestScheduler } from '../../bot/digests/digest-scheduler.js';
import { createSlackPoster } from '../../bot/digests/slack-poster.js';
import type { SqliteStore } from '../../bot/store/sqlite-store.js';
import { postSigned, startFakeSlack } from './fake-slack.js';
import { fixtureDeps, fixtureStore, importModelSnapshot, importRows, ROWS, USERS } from './fixtures.js';

const SECRET = 'test-signing-secret';
const FORM = 'application/x-www-form-urlencoded';

let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let built: BuiltApp;
let store: SqliteStore;
let url: string;
let deps: ReturnType<typeof fixtureDeps>;

beforeEach(async () => {
  slack = await startFakeSlack();
  store = fixtureStore();
  deps = fixtureDeps(store);
  built = buildApp(
    {
      token: 'xoxb-test',
      signingSecret: SECRET,
      clientOptions: {
        slackApiUrl: slack.apiUrl,
        retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 },
      },
    },
    deps,
  );
  const { port } = await built.start(0, '127.0.0.1');
  url = `http://127.0.0.1:${port}/slack/events`;
});

afterEach(async () => {
  await built.stop();
  await slack.close();
  store.close();
});

/** Waits until the fake Slack has seen `count` calls of `method` (listeners run after the ack). */
async function waitFor(method: string, count = 1): Promise<void> {
  for (let i = 0; i < 200 && slack.callsTo(method).length < count; i++) await new Promise((r) => setTimeout(r, 10));
  expect(slack.callsTo(method).length).toBeGreaterThanOrEqual(count);
}

function slashCommand(text: string, user: string = USERS.maria, channel = 'D0MARIA'): string {
  return new URLSearchParams({
    token: 'x',
    team_id: 'T1',
    api_app_id: 'A1',
    command: '/crm',
    text,
    user_id: user,
    user_name: 'u',
    channel_id: channel,
    channel_name: channel.startsWith('D') ? 'directmessage' : 'sales',
    response_url: slack.responseUrl('cmd'),
    trigger_id: 'trig',
  }).toString();
}

function interaction(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

function blockAction(user: string, actionId: string, value: string): string {
  return interaction({
    type: 'block_actions',
    user: { id: user, team_id: 'T1' },
    team: { id: 'T1' },
    api_app_id: 'A1',
    trigger_id: 'trig-1',
    response_url: slack.responseUrl('act'),
    container: { type: 'message', channel_id: 'D0MARIA', message_ts: '1.0' },
    channel: { id: 'D0MARIA' },
    actions: [{ type: 'button', action_id: actionId, block_id: 'customer:x', value, action_ts: '1.1' }],
  });
}

const textOf = (body: Record<string, unknown>): string => JSON.stringify(body.blocks ?? body.text);

/** A click in the App Home tab: Slack sends the view, and no response_url (so Bolt gives no respond()). */
function homeAction(user: string, actionId: string, value: string): string {
  return interaction({
    type: 'block_actions',
    user: { id: user, team_id: 'T1' },
    team: { id: 'T1' },
    api_app_id: 'A1',
    trigger_id: 'trig-home',
    container: { type: 'view', view_id: 'VHOME' },
    view: { id: 'VHOME', type: 'home', callback_id: '', private_metadata: '', blocks: [], state: { values: {} } },
    actions: [{ type: 'button', action_id: actionId, block_id: 'customer:x', value, action_ts: '1.1' }],
  });
}

function homeOpened(user: string, eventId = 'EvHome'): string {
  return JSON.stringify({
    token: 'x',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1,
    event: { type: 'app_home_opened', user, channel: 'D0X', tab: 'home' },
  });
}

type ButtonBlock = { type: string; elements?: { action_id?: string; value?: string }[] };
const buttonValue = (view: unknown, actionId: string): string | undefined =>
  (view as { blocks: ButtonBlock[] }).blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId)
    ?.value;

describe('the bot over HTTP (real Bolt receiver, fake Slack Web API)', () => {
  it("answers /crm churn with the owner's churn list by response_url", async () => {
    const response = await postSigned(url, SECRET, slashCommand('churn'), FORM);
    expect(response.status).toBe(200);
    await waitFor('response/cmd');
    const [reply] = slack.callsTo('response/cmd');
    expect(reply!.body.response_type).toBe('ephemeral');
    expect(textOf(reply!.body)).toContain('C005 · Bob Smith');
    expect(textOf(reply!.body)).toContain('C002');
    expect(textOf(reply!.body)).not.toMatch(/C003|C004/);
  });

  it('answers a malformed /crm command with its usage', async () => {
    await postSigned(url, SECRET, slashCommand('churn lots'), FORM);
    await waitFor('response/cmd');
    expect(slack.callsTo('response/cmd')[0]!.body.text).toMatch(
      /"lots" is neither a count.*\nUsage: \/crm churn \[n\] \[@owner\]/s,
    );
  });

  it('answers a DM question in Chinese with chat.postMessage in that DM', async () => {
    const event = {
      token: 'x',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: 'Ev1',
      event_time: 1,
      event: {
        type: 'message',
        channel_type: 'im',
        channel: 'D0MARIA',
        user: USERS.maria,
        text: '哪些客户有流失风险',
        ts: '1.000001',
      },
    };
    const response = await postSigned(url, SECRET, JSON.stringify(event), 'application/json');
    expect(response.status).toBe(200);
    await waitFor('chat.postMessage');
    const post = slack.callsTo('chat.postMessage')[0]!;
    expect(post.body.channel).toBe('D0MARIA');
    expect(textOf(post.body)).toContain('流失风险客户 — Maria');
    expect(textOf(post.body)).toContain('上海华东科技有限公司');
  });

  it('opens the Log contact modal on a button click and stores the execution log row on submission', async () => {
    expect(
      (await postSigned(url, SECRET, blockAction(USERS.maria, 'tierline_log_contact', '{"c":"C005"}'), FORM)).status,
    ).toBe(200);
    await waitFor('views.open');
    const open = slack.callsTo('views.open')[0]!;
    expect(open.body.trigger_id).toBe('trig-1');
    const view = open.body.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('tierline_log_contact_submit');

    const submission = interaction({
      type: 'view_submission',
      user: { id: USERS.maria, team_id: 'T1' },
      team: { id: 'T1' },
      api_app_id: 'A1',
      view: {
        id: 'V1',
        type: 'modal',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: {
            date: { date: { type: 'datepicker', selected_date: '2026-11-24' } },
            action: { action: { type: 'plain_text_input', value: 'called about why no purchase' } },
            feedback: { feedback: { type: 'plain_text_input', value: '竞品价格更低' } },
            result: { result: { type: 'radio_buttons', selected_option: { value: 'follow-up' } } },
          },
        },
      },
    });
    const response = await postSigned(url, SECRET, submission, FORM);
    expect(response.status).toBe(200);
    await waitFor('chat.postMessage');
    expect(await store.executionLog({ customerId: 'C005' })).toEqual([
      expect.objectContaining({
        date: '2026-11-24',
        customerId: 'C005',
        owner: 'Maria',
        executor: USERS.maria,
        action: 'called about why no purchase',
        feedback: '竞品价格更低',
        result: 'follow-up',
      }),
    ]);
    expect(slack.callsTo('chat.postMessage')[0]!.body).toMatchObject({
      channel: USERS.maria,
      text: 'Logged contact with C005 on 2026-11-24: Follow-up.',
    });
  });

  it('keeps the modal open with field errors for a submission without a result', async () => {
    const submission = interaction({
      type: 'view_submission',
      user: { id: USERS.maria },
      team: { id: 'T1' },
      api_app_id: 'A1',
      view: {
        id: 'V1',
        type: 'modal',
        callback_id: 'tierline_log_contact_submit',
        private_metadata: '{"customerId":"C005","locale":"en"}',
        state: {
          values: {
            date: { date: { selected_date: '2026-11-24' } },
            action: { action: { value: '' } },
            feedback: { feedback: { value: '' } },
            result: { result: { selected_option: null } },
          },
        },
      },
    });
    const response = await postSigned(url, SECRET, submission, FORM);
    expect(JSON.parse(response.text)).toEqual({
      response_action: 'errors',
      errors: { action: 'Required.', result: 'Required.' },
    });
    expect(await store.executionLog({})).toEqual([]);
  });

  it("refuses a forged button for another owner's customer: no modal, no snooze, no details", async () => {
    for (const action of ['tierline_log_contact', 'tierline_snooze', 'tierline_details'])
      await postSigned(url, SECRET, blockAction(USERS.david, action, '{"c":"C005"}'), FORM);
    await waitFor('response/act', 3);
    expect(slack.callsTo('views.open')).toEqual([]);
    expect(await store.snoozedUntil('C005')).toBeUndefined();
    for (const call of slack.callsTo('response/act')) expect(JSON.stringify(call.body)).not.toContain('Bob Smith');
    expect(slack.callsTo('response/act').map((c) => c.body.text)).toEqual([
      'No customer C005 among the customers you can see.',
      'No customer C005 among the customers you can see.',
      'No customer C005 among the customers you can see.',
    ]);
  });

  it('answers Details in the language of the list it was clicked in', async () => {
    await postSigned(url, SECRET, blockAction(USERS.maria, 'tierline_details', '{"c":"C005","l":"zh-CN"}'), FORM);
    await waitFor('response/act');
    expect(textOf(slack.callsTo('response/act')[0]!.body)).toContain('客户经理: Maria');
  });

  it('snoozes for 30 days from the bot clock', async () => {
    await postSigned(url, SECRET, blockAction(USERS.maria, 'tierline_snooze', '{"c":"C005"}'), FORM);
    await waitFor('response/act');
    expect(await store.snoozedUntil('C005')).toBe('2026-12-25');
  });

  it('rejects a bad signature, a stale timestamp and a replayed request with 401', async () => {
    const body = slashCommand('churn');
    expect((await postSigned(url, SECRET, body, FORM, { signature: 'v0=deadbeef' })).status).toBe(401);
    expect((await postSigned(url, 'wrong-secret', body, FORM)).status).toBe(401);
    expect(
      (await postSigned(url, SECRET, body, FORM, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status,
    ).toBe(401);
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await postSigned(url, SECRET, body, FORM, { timestamp })).status).toBe(200);
    expect((await postSigned(url, SECRET, body, FORM, { timestamp })).status).toBe(401);
    await waitFor('response/cmd');
    expect(slack.callsTo('response/cmd')).toHaveLength(1);
  });

  it("publishes the App Home with only the user's customers", async () => {
    const event = {
      token: 'x',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: 'Ev2',
      event_time: 1,
      event: { type: 'app_home_opened', user: USERS.david, channel: 'D0DAVID', tab: 'home' },
    };
    await postSigned(url, SECRET, JSON.stringify(event), 'application/json');
    await waitFor('views.publish');
    const view = JSON.stringify(slack.callsTo('views.publish')[0]!.body.view);
    expect(view).toContain('C004');
    expect(view).not.toMatch(/C005|C002|Bob Smith/);
    expect(view).toContain('Contacts logged this week: 0');
  });

  it('answers an @mention in a thread with names masked', async () => {
    const event = {
      token: 'x',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: 'Ev3',
      event_time: 1,
      event: {
        type: 'app_mention',
        channel: 'CSALES',
        user: USERS.maria,
        text: '<@UBOT> who is at churn risk',
        ts: '2.000001',
      },
    };
    await postSigned(url, SECRET, JSON.stringify(event), 'application/json');
    await waitFor('chat.postMessage');
    const post = slack.callsTo('chat.postMessage')[0]!;
    expect(post.body).toMatchObject({ channel: 'CSALES', thread_ts: '2.000001' });
    expect(textOf(post.body)).not.toMatch(/Bob Smith|上海华东科技有限公司/);
    expect(textOf(post.body)).toContain('B公司');
  });

  it('maps owners by email through users.lookupByEmail and reports the ones Slack does not know', async () => {
    const { mapOwnersByEmail } = await import('../../bot/access/map-owners-by-email.js');
    const client = new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl });
    const results = await mapOwnersByEmail(store, client, [
      { owner: 'Maria Garcia', email: 'maria@example.com' },
      { owner: '张伟', email: 'nobody@example.com' },
    ]);
    expect(results).toEqual([
      { owner: 'Maria Garcia', email: 'maria@example.com', slackUserId: 'UMARIA' },
      { owner: '张伟', email: 'nobody@example.com', error: 'users_not_found' },
    ]);
    expect(await store.slackUserOfOwner('Maria Garcia')).toBe('UMARIA');
    expect(await store.slackUserOfOwner('张伟')).toBeUndefined();
  });

  it('posts the tier chart as a PNG in the digest thread; a chart that fails leaves the digest posted', async () => {
    const { renderPng } = await import('../../io/charts/index.js');
    const client = new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl });
    const subscription = await store.addSubscription({
      channel: 'CSALES',
      cron: '0 9 * * 1',
      timeZone: 'UTC',
      scope: { kind: 'all' },
      locale: 'en',
      createdBy: USERS.mona,
      createdAt: 'x',
    });
    let bytes: Buffer | undefined;
    const poster = createSlackPoster(store, client, {
      renderChart: async (spec) => (bytes = (await renderPng(spec)).png),
    });
    const ts = await poster.post(subscription, '2026-11-30T09:00:00.000Z');
    expect(bytes!.subarray(1, 4).toString()).toBe('PNG');
    // auth.test comes from the app's own start-up; the poster's calls follow in order.
    expect(slack.calls.map((c) => c.method).filter((m) => m !== 'auth.test')).toEqual([
      'chat.postMessage',
      'files.getUploadURLExternal',
      'upload',
      'files.completeUploadExternal',
    ]);
    expect(slack.callsTo('files.completeUploadExternal')[0]!.body).toMatchObject({
      channel_id: 'CSALES',
      thread_ts: ts,
    });
    const logs: string[] = [];
    const failing = createSlackPoster(store, client, {
      renderChart: async () => Promise.reject(Object.assign(new Error('no fonts'), { code: 'chart-render-failed' })),
      log: (l) => logs.push(l),
    });
    expect(await failing.post(subscription, '2026-12-07T09:00:00.000Z')).toMatch(/\.000100$/);
    expect(logs).toEqual([`digest chart skipped: subscription ${subscription.id}, chart-render-failed`]);
  }, 30_000);

  it("sends an owner's digest by DM with full names; the same digest in a channel is masked", async () => {
    const client = new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl });
    const poster = createSlackPoster(store, client);
    const dm = await store.addSubscription({
      channel: USERS.maria,
      cron: '0 9 * * 1',
      timeZone: 'UTC',
      scope: { kind: 'owner', owner: 'Maria' },
      locale: 'en',
      createdBy: USERS.mona,
      createdAt: 'x',
    });
    const channel = await store.addSubscription({
      channel: 'CSALES',
      cron: '0 9 * * 1',
      timeZone: 'UTC',
      scope: { kind: 'owner', owner: 'Maria' },
      locale: 'en',
      createdBy: USERS.mona,
      createdAt: 'x',
    });
    const notHers = await store.addSubscription({
      channel: USERS.david,
      cron: '0 9 * * 1',
      timeZone: 'UTC',
      scope: { kind: 'owner', owner: 'Maria' },
      locale: 'en',
      createdBy: USERS.mona,
      createdAt: 'x',
    });
    for (const s of [dm, channel, notHers]) await poster.post(s, '2026-11-30T09:00:00.000Z');
    const [toMaria, toChannel, toDavid] = slack.callsTo('chat.postMessage').map((c) => textOf(c.body));
    expect(toMaria).toContain('上海华东科技有限公司');
    expect(toChannel).not.toContain('上海华东科技有限公司');
    expect(toDavid).not.toContain('上海华东科技有限公司');
    expect(await poster.alreadyPosted(dm, '2026-11-30T09:00:00.000Z', new Date(0))).toBe(false);
    expect(slack.callsTo('conversations.open')[0]!.body).toMatchObject({ users: USERS.maria });
  });

  it('records a Slack API error (channel_not_found) as a failed run and posts on the next tick', async () => {
    slack.failNext('chat.postMessage', 200, {}, { ok: false, error: 'channel_not_found' });
    const client = new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl });
    await store.addSubscription({
      channel: 'CGONE',
      cron: '0 9 * * 1',
      timeZone: 'UTC',
      scope: { kind: 'all' },
      locale: 'en',
      createdBy: USERS.mona,
      createdAt: 'x',
    });
    const logs: string[] = [];
    const scheduler = new DigestScheduler({
      store,
      poster: createSlackPoster(store, client),
      worker: 'w',
      now: () => new Date('2026-11-30T09:01:00Z'),
      log: (l) => logs.push(l),
    });
    expect(await scheduler.tick()).toEqual([
      { subscriptionId: 1, period: '2026-11-30T09:00:00.000Z', result: 'failed', error: 'channel_not_found' },
    ]);
    expect(await store.digestRuns(1)).toEqual([
      expect.objectContaining({ status: 'failed', error: 'channel_not_found' }),
    ]);
    expect((await scheduler.tick())[0]!.result).toBe('posted');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(logs[0]).toBe('digest failed: subscription 1, period 2026-11-30T09:00:00.000Z, channel_not_found');
  });

  it('retries a digest post after a 429 per its Retry-After header', async () => {
    slack.failNext('chat.postMessage', 429, { 'retry-after': '1' }, { ok: false, error: 'ratelimited' });
    const client = new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl });
    const subscription = await store.addSubscription({
      channel: 'CSALES',
      cron: '0 9 * * 1',
      timeZone: 'UTC',
      scope: { kind: 'all' },
      locale: 'en',
      createdBy: USERS.mona,
      createdAt: 'x',
    });
    const started = Date.now();
    const ts = await createSlackPoster(store, client).post(subscription, '2026-11-30T09:00:00.000Z');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(ts).toMatch(/^\d+\.000100$/);
    expect(slack.calls.map((c) => c.method).filter((m) => m.startsWith('chat.postMessage'))).toEqual([
      'chat.postMessage!429',
      'chat.postMessage',
    ]);
    const post = slack.callsTo('chat.postMessage')[0]!;
    expect(post.body.metadata).toEqual({
      event_type: 'tierline_digest',
      event_payload: { subscription: subscription.id, period: '2026-11-30T09:00:00.000Z' },
    });
    expect(textOf(post.body)).not.toMatch(/Bob Smith|张伟先生/);
  });

  it('Sort button under a list: by value replaces the message in the other order, and offers by risk back', async () => {
    await importModelSnapshot(store);
    await postSigned(url, SECRET, slashCommand('churn'), FORM);
    await waitFor('response/cmd');
    const first = slack.callsTo('response/cmd')[0]!.body;
    const ids = (body: Record<string, unknown>): string[] =>
      [...textOf(body).matchAll(/\*(M\d|D\d) · /g)].map((m) => m[1]!);
    expect(ids(first)).toEqual(['M1', 'M3', 'M2', 'M4']);
    const sort = buttonValue(first, 'tierline_page_sort')!;
    expect(JSON.parse(sort)).toEqual({ kind: 'churn', sort: 'value', offset: 0, pageSize: 5 });
    expect((await postSigned(url, SECRET, blockAction(USERS.maria, 'tierline_page_sort', sort), FORM)).status).toBe(
      200,
    );
    await waitFor('response/act');
    const sorted = slack.callsTo('response/act')[0]!.body;
    expect(sorted.replace_original).toBe(true);
    expect(ids(sorted)).toEqual(['M2', 'M3', 'M1', 'M4']);
    expect(textOf(sorted)).toContain('Expected loss: £5,000');
    expect(textOf(sorted)).toContain('back-test AUC 0.81, precision in top 20 0.70, base rate 0.35');
    expect(JSON.parse(buttonValue(sorted, 'tierline_page_sort')!)).toEqual({ kind: 'churn', offset: 0, pageSize: 5 });
    expect(deps.logs.filter((l) => l.startsWith('listener failed'))).toEqual([]);
  });

  describe('App Home tab clicks (no response_url)', () => {
    it('"Next page" re-publishes the Home with the next page of the churn list', async () => {
      // Seven more churn risks for Maria (inactive since March, F 2): 9 in all, two pages of 5.
      await importRows(store, [
        ...ROWS,
        ...[1, 2, 3, 4, 5, 6, 7].map((i) => [`C1${i}`, `Extra ${i}`, 'Maria', '2026-03-01', 2, 1000 * i, 0]),
      ]);
      await postSigned(url, SECRET, homeOpened(USERS.maria), 'application/json');
      await waitFor('views.publish');
      const first = slack.callsTo('views.publish')[0]!.body.view;
      expect(JSON.stringify(first)).toContain('1–5 of 9');
      const next = buttonValue(first, 'tierline_page_next')!;
      expect((await postSigned(url, SECRET, homeAction(USERS.maria, 'tierline_page_next', next), FORM)).status).toBe(
        200,
      );
      await waitFor('views.publish', 2);
      const second = slack.callsTo('views.publish')[1]!.body;
      expect(second.user_id).toBe(USERS.maria);
      expect(JSON.stringify(second.view)).toContain('6–9 of 9');
      // Ranked by spend: the 1,000 customer is last, so only on page 2.
      expect(JSON.stringify(first)).not.toContain('C11 ');
      expect(JSON.stringify(second.view)).toContain('C11 · Extra 1');
      expect(buttonValue(second.view, 'tierline_page_previous')).toBeDefined();
      expect(deps.logs.filter((l) => l.startsWith('listener failed'))).toEqual([]);
    });

    it('"Sort by value" re-publishes the Home with the list by expected loss', async () => {
      await importModelSnapshot(store);
      await postSigned(url, SECRET, homeOpened(USERS.maria), 'application/json');
      await waitFor('views.publish');
      const first = slack.callsTo('views.publish')[0]!.body.view;
      const sort = buttonValue(first, 'tierline_page_sort')!;
      expect((await postSigned(url, SECRET, homeAction(USERS.maria, 'tierline_page_sort', sort), FORM)).status).toBe(
        200,
      );
      await waitFor('views.publish', 2);
      const second = slack.callsTo('views.publish')[1]!.body;
      expect(second.user_id).toBe(USERS.maria);
      const order = (view: unknown): string[] => [...JSON.stringify(view).matchAll(/\*(M\d) · /g)].map((m) => m[1]!);
      expect(order(first)).toEqual(['M1', 'M3', 'M2', 'M4']);
      expect(order(second.view)).toEqual(['M2', 'M3', 'M1', 'M4']);
      expect(buttonValue(second.view, 'tierline_page_sort')).toBe('{"kind":"churn","offset":0,"pageSize":5}');
      expect(deps.logs.filter((l) => l.startsWith('listener failed'))).toEqual([]);
    });

    it('"Snooze 30 days" saves the snooze and re-publishes the Home without the customer, with a confirmation line', async () => {
      expect(
        (await postSigned(url, SECRET, homeAction(USERS.maria, 'tierline_snooze', '{"c":"C005"}'), FORM)).status,
      ).toBe(200);
      await waitFor('views.publish');
      expect(await store.snoozedUntil('C005')).toBe('2026-12-25');
      const view = slack.callsTo('views.publish')[0]!.body.view as {
        blocks: { type: string; elements?: { text: string }[] }[];
      };
      expect(view.blocks[1]).toEqual({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: expect.stringContaining('C005') }],
      });
      expect(view.blocks[1]!.elements![0]!.text).toContain('2026-12-25');
      const rest = JSON.stringify(view.blocks.slice(2));
      expect(rest).not.toContain('C005');
      expect(rest).toContain('C002');
      expect(slack.callsTo('response/act')).toEqual([]);
      expect(deps.logs.filter((l) => l.startsWith('listener failed'))).toEqual([]);
    });

    it('"Details" sends the customer card by DM to the clicker', async () => {
      await postSigned(url, SECRET, homeAction(USERS.maria, 'tierline_details', '{"c":"C005"}'), FORM);
      await waitFor('chat.postMessage');
      const post = slack.callsTo('chat.postMessage')[0]!.body;
      expect(post.channel).toBe(USERS.maria);
      expect(textOf(post)).toContain('C005 · Bob Smith');
      expect(deps.logs.filter((l) => l.startsWith('listener failed'))).toEqual([]);
    });

    it("a forged Home click for another owner's customer re-publishes the Home with the refusal and saves nothing", async () => {
      await postSigned(url, SECRET, homeAction(USERS.david, 'tierline_snooze', '{"c":"C005"}'), FORM);
      await waitFor('views.publish');
      expect(await store.snoozedUntil('C005')).toBeUndefined();
      const view = JSON.stringify(slack.callsTo('views.publish')[0]!.body.view);
      expect(view).toContain('No customer C005 among the customers you can see.');
      expect(view).not.toContain('Bob Smith');
    });

    it('"Log contact" opens the modal from the Home tab', async () => {
      await postSigned(url, SECRET, homeAction(USERS.maria, 'tierline_log_contact', '{"c":"C005"}'), FORM);
      await waitFor('views.open');
      expect(slack.callsTo('views.open')[0]!.body.trigger_id).toBe('trig-home');
    });
  });
});
