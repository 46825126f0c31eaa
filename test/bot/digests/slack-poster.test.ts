import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DigestScheduler } from '../../../bot/digests/digest-scheduler.js';
import { createSlackPoster } from '../../../bot/digests/slack-poster.js';
import { createCrmCommand } from '../../../bot/listeners/commands/crm.js';
import { boltInstallationStore, type InstallationStore } from '../../../bot/store/installation-store.js';
import { createSqliteInstallationStore } from '../../../bot/store/sqlite-installation-store.js';
import { openSqliteDatabase, type SqliteStore } from '../../../bot/store/sqlite-store.js';
import { teamInstall } from '../store/installation-store-contract.js';
import { startFakeSlack } from '../fake-slack.js';
import { fixtureDeps, fixtureStore, USERS } from '../fixtures.js';

const ACME_TOKEN = 'xoxb-acme-secret-token',
  GLOBEX_TOKEN = 'xoxb-globex-secret-token',
  GONE_TOKEN = 'xoxb-gone-secret-token';
// The fixture's clock is Wednesday 2026-11-25 09:00 UTC; the scheduler ticks five minutes after.
const PERIOD = '2026-11-25T09:00:00.000Z';
const TICK_AT = new Date('2026-11-25T09:05:00Z');

let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let store: SqliteStore;
let installations: InstallationStore;
let closeDb: () => void;

beforeEach(async () => {
  slack = await startFakeSlack();
  store = fixtureStore();
  const db = openSqliteDatabase(':memory:');
  installations = createSqliteInstallationStore(db);
  closeDb = () => db.close();
  const bolt = boltInstallationStore(installations, () => new Date('2026-11-20T00:00:00Z'));
  await bolt.storeInstallation(teamInstall('T0ACME', ACME_TOKEN));
  await bolt.storeInstallation(teamInstall('T0GLOBEX', GLOBEX_TOKEN));
  await bolt.storeInstallation(teamInstall('T0GONE', GONE_TOKEN));
});

afterEach(async () => {
  await slack.close();
  closeDb();
  await store.close();
});

/** A manager types `/crm digest subscribe …` in workspace `teamId`; returns the reply. */
async function subscribeIn(teamId: string, channel: string): Promise<string> {
  const respond = vi.fn(async (_: unknown) => {});
  await createCrmCommand(fixtureDeps(store))({
    ack: async () => {},
    respond,
    command: {
      text: `digest subscribe <#${channel}> weekly wed 09:00 UTC all`,
      user_id: USERS.mona,
      channel_id: channel,
      channel_name: 'sales',
      team_id: teamId,
    },
  } as never);
  return (respond.mock.calls[0]![0] as { text: string }).text;
}

/** An OAuth-mode client: no token of its own, like Bolt's app.client with an installation store. */
const oauthClient = () => new WebClient(undefined, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });

describe('Digests in OAuth mode', () => {
  it("posts each workspace's digest with that workspace's own bot token; an uninstalled workspace is skipped with one log line", async () => {
    expect(await subscribeIn('T0ACME', 'C0ACME')).toMatch(/^Subscribed <#C0ACME>/);
    expect(await subscribeIn('T0GLOBEX', 'C0GLOBEX')).toMatch(/^Subscribed <#C0GLOBEX>/);
    expect(await subscribeIn('T0GONE', 'C0GONE')).toMatch(/^Subscribed <#C0GONE>/);
    expect((await store.subscriptions()).map((s) => [s.channel, s.teamId, s.enterpriseId])).toEqual([
      ['C0ACME', 'T0ACME', null],
      ['C0GLOBEX', 'T0GLOBEX', null],
      ['C0GONE', 'T0GONE', null],
    ]);
    // The third workspace uninstalls the app (app_uninstalled takes its installation away).
    expect(await installations.deleteInstallation('team:T0GONE')).toBe(true);

    const logs: string[] = [];
    const log = (line: string) => logs.push(line);
    const scheduler = new DigestScheduler({
      store,
      poster: createSlackPoster(store, oauthClient(), { installations, log }),
      worker: 'test:1',
      now: () => TICK_AT,
      log,
    });
    expect(await scheduler.tick()).toEqual([
      { subscriptionId: 1, period: PERIOD, result: 'posted' },
      { subscriptionId: 2, period: PERIOD, result: 'posted' },
      { subscriptionId: 3, period: PERIOD, result: 'skipped', error: 'workspace-not-installed' },
    ]);
    expect(slack.callsTo('chat.postMessage').map((c) => [c.body.channel, c.token])).toEqual([
      ['C0ACME', ACME_TOKEN],
      ['C0GLOBEX', GLOBEX_TOKEN],
    ]);
    expect(logs).toEqual([
      `digest posted: subscription 1, period ${PERIOD}`,
      `digest posted: subscription 2, period ${PERIOD}`,
      `digest skipped: subscription 3, period ${PERIOD}, no installation for team T0GONE`,
    ]);
    expect(logs.join('\n')).not.toMatch(/xox/);
    expect((await store.digestRuns(3))[0]).toMatchObject({ status: 'failed', error: 'workspace-not-installed' });
    // Installed again: the next tick within the grace window posts it, with its new token.
    await boltInstallationStore(installations, () => TICK_AT).storeInstallation(
      teamInstall('T0GONE', 'xoxb-gone-again'),
    );
    expect(await scheduler.tick()).toEqual([
      { subscriptionId: 1, period: PERIOD, result: 'taken' },
      { subscriptionId: 2, period: PERIOD, result: 'taken' },
      { subscriptionId: 3, period: PERIOD, result: 'posted' },
    ]);
    expect(slack.callsTo('chat.postMessage').at(-1)).toMatchObject({
      body: { channel: 'C0GONE' },
      token: 'xoxb-gone-again',
    });
  });

  it("looks for an unfinished post in the channel with the workspace's token (a stale claim)", async () => {
    await subscribeIn('T0GLOBEX', 'C0GLOBEX');
    // A process died after claiming this period, eleven minutes before.
    await store.claimDigestRun(1, PERIOD, 'dead:1', '2026-11-25T08:54:00.000Z', 600_000);
    const scheduler = new DigestScheduler({
      store,
      poster: createSlackPoster(store, oauthClient(), { installations }),
      worker: 'test:1',
      now: () => TICK_AT,
    });
    expect(await scheduler.tick()).toEqual([{ subscriptionId: 1, period: PERIOD, result: 'posted' }]);
    expect(slack.calls.map((c) => [c.method, c.token])).toEqual([
      ['conversations.history', GLOBEX_TOKEN],
      ['chat.postMessage', GLOBEX_TOKEN],
    ]);
  });

  it("token mode is unchanged: one workspace's token, whatever workspace a subscription records", async () => {
    await subscribeIn('T0ACME', 'C0ACME');
    const client = new WebClient('xoxb-single-workspace', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    const [subscription] = await store.subscriptions();
    await createSlackPoster(store, client).post(subscription!, PERIOD);
    expect(slack.callsTo('chat.postMessage').map((c) => c.token)).toEqual(['xoxb-single-workspace']);
  });
});
