import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BOT_SCOPES, buildApp, type BuiltApp } from '../../bot/app.js';
import type { InstallationStore } from '../../bot/store/installation-store.js';
import { createSqliteInstallationStore } from '../../bot/store/sqlite-installation-store.js';
import { openSqliteDatabase } from '../../bot/store/sqlite-store.js';
import { postSigned, startFakeSlack, type FakeWorkspace } from './fake-slack.js';
import { fixtureDeps, fixtureStore, USERS } from './fixtures.js';

const SECRET = 'test-signing-secret';
const CLIENT_SECRET = 'client-secret-never-logged';
const ACME: FakeWorkspace = {
  teamId: 'T0ACME',
  teamName: 'Acme',
  botToken: 'xoxb-acme-secret-token',
  botUserId: 'UBOTACME',
  botId: 'BACME',
};
const GLOBEX: FakeWorkspace = {
  teamId: 'T0GLOBEX',
  teamName: 'Globex',
  botToken: 'xoxb-globex-secret-token',
  botUserId: 'UBOTGLOBEX',
  botId: 'BGLOBEX',
};

let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let built: BuiltApp;
let base: string;
let installations: InstallationStore;
let closeDb: () => void;
let store: Awaited<ReturnType<typeof fixtureStore>>;
let deps: ReturnType<typeof fixtureDeps>;
let clock: number;

beforeEach(async () => {
  slack = await startFakeSlack();
  store = await fixtureStore();
  deps = fixtureDeps(store);
  const db = openSqliteDatabase(':memory:');
  installations = createSqliteInstallationStore(db);
  closeDb = () => db.close();
  clock = Date.now();
  built = buildApp(
    {
      signingSecret: SECRET,
      oauth: { clientId: '111.222', clientSecret: CLIENT_SECRET, stateSecret: 'state-secret', installations },
      clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
      requestClock: () => clock,
    },
    deps,
  );
  const { port } = await built.start(0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
});

afterEach(async () => {
  await built.stop();
  await slack.close();
  closeDb();
  await store.close();
});

/** GET /slack/install: the redirect to Slack's consent screen, its state and the browser cookie. */
async function startInstall(): Promise<{ location: URL; state: string; cookie: string }> {
  const res = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location')!);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { location, state: location.searchParams.get('state')!, cookie };
}

async function finishInstall(query: string, cookie: string, language = 'en') {
  const res = await fetch(`${base}/slack/oauth_redirect?${query}`, {
    headers: { cookie, 'accept-language': language },
    redirect: 'manual',
  });
  return { status: res.status, text: await res.text() };
}

function mention(teamId: string, text: string): string {
  return JSON.stringify({
    token: 'x',
    team_id: teamId,
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `Ev-${teamId}`,
    event_time: 1,
    event: { type: 'app_mention', channel: 'CSALES', user: USERS.maria, text, ts: '2.000001' },
  });
}

async function waitFor(method: string, count = 1): Promise<void> {
  for (let i = 0; i < 200 && slack.callsTo(method).length < count; i++) await new Promise((r) => setTimeout(r, 10));
  expect(slack.callsTo(method).length).toBeGreaterThanOrEqual(count);
}

describe('"Add to Slack" (OAuth mode)', () => {
  it('installs two workspaces and answers each event with its own workspace token', async () => {
    const install = await startInstall();
    expect(install.location.origin + install.location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(install.location.searchParams.get('client_id')).toBe('111.222');
    expect(install.location.searchParams.get('scope')).toBe(BOT_SCOPES.join(','));
    expect(install.state).toMatch(/^[\w-]+\.[\w-]+$/);

    slack.addInstallCode('code-acme', ACME);
    const done = await finishInstall(`code=code-acme&state=${install.state}`, install.cookie);
    expect(done.status).toBe(200);
    expect(done.text).toContain('Tierline is installed in Acme.');
    expect(slack.callsTo('oauth.v2.access')[0]!.body).toMatchObject({ code: 'code-acme', client_id: '111.222' });

    const second = await startInstall();
    slack.addInstallCode('code-globex', GLOBEX);
    const zh = await finishInstall(`code=code-globex&state=${second.state}`, second.cookie, 'zh-CN,zh;q=0.9');
    expect(zh.text).toContain('Tierline 已安装到 Globex。');

    expect(await installations.listInstallations()).toEqual([
      { key: 'team:T0ACME', teamId: 'T0ACME', enterpriseId: null },
      { key: 'team:T0GLOBEX', teamId: 'T0GLOBEX', enterpriseId: null },
    ]);
    const acme = await installations.findInstallation('team:T0ACME');
    expect(acme?.installation.bot).toMatchObject({ token: ACME.botToken, userId: 'UBOTACME', id: 'BACME' });

    const asked = await postSigned(
      `${base}/slack/events`,
      SECRET,
      mention('T0GLOBEX', '<@UBOTGLOBEX> help'),
      'application/json',
    );
    expect(asked.status).toBe(200);
    await waitFor('chat.postMessage');
    expect(slack.callsTo('chat.postMessage')[0]!.token).toBe(GLOBEX.botToken);
    await postSigned(`${base}/slack/events`, SECRET, mention('T0ACME', '<@UBOTACME> help'), 'application/json');
    await waitFor('chat.postMessage', 2);
    expect(slack.callsTo('chat.postMessage')[1]!.token).toBe(ACME.botToken);

    // Secrets never reach the log: the tokens, the client secret.
    const log = deps.logs.join('\n');
    expect(log).toContain('installed for team T0ACME');
    expect(log).not.toMatch(/xoxb-|client-secret/);
  });

  it('refuses a forged, a tampered and an expired state with a clear page and stores nothing', async () => {
    slack.addInstallCode('code-acme', ACME);
    const forged = await finishInstall('code=code-acme&state=abc.def', 'slack-app-oauth-state=abc.def');
    expect(forged.status).toBe(400);
    expect(forged.text).toContain('This install link is not valid.');

    const install = await startInstall();
    const other = await startInstall();
    // A state from another browser session (its cookie does not match).
    const swapped = await finishInstall(`code=code-acme&state=${other.state}`, install.cookie);
    expect(swapped.status).toBe(400);
    expect(swapped.text).toContain('This install link is not valid.');

    clock += 11 * 60_000;
    const expired = await finishInstall(`code=code-acme&state=${install.state}`, install.cookie, 'zh-CN');
    expect(expired.status).toBe(400);
    expect(expired.text).toContain('该安装链接已过期');

    const missing = await finishInstall(`state=${install.state}`, install.cookie);
    expect(missing.status).toBe(400);
    expect(slack.callsTo('oauth.v2.access')).toHaveLength(0);
    expect(await installations.listInstallations()).toEqual([]);
    expect(deps.logs).toEqual(
      expect.arrayContaining(['install failed: state-invalid', 'install failed: state-expired']),
    );
  });

  it('tells the installer when Slack refuses the code or the install was cancelled', async () => {
    const install = await startInstall();
    const refused = await finishInstall(`code=not-a-code&state=${install.state}`, install.cookie);
    expect(refused.status).toBe(502);
    expect(refused.text).toContain('Slack did not complete the installation (invalid_code).');
    const cancelled = await finishInstall(`error=access_denied&state=${install.state}`, install.cookie);
    expect(cancelled.text).toContain('The installation was cancelled; nothing was installed.');
    expect(await installations.listInstallations()).toEqual([]);
    expect(deps.logs).toContain('install failed: invalid_code');
  });

  it('acks an event from a workspace that never installed without answering it, and keeps serving', async () => {
    const unknown = await postSigned(`${base}/slack/events`, SECRET, mention('T0NOBODY', 'help'), 'application/json');
    expect(unknown.status).toBe(200);
    expect(deps.logs).toContain('event ignored: no installation for this workspace');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    // Still serving: an install works afterwards.
    const install = await startInstall();
    slack.addInstallCode('code-acme', ACME);
    expect((await finishInstall(`code=code-acme&state=${install.state}`, install.cookie)).status).toBe(200);
  });

  it('forgets a workspace that uninstalls the app: its token leaves the store, its next event is not answered', async () => {
    const install = await startInstall();
    slack.addInstallCode('code-acme', ACME);
    await finishInstall(`code=code-acme&state=${install.state}`, install.cookie);
    expect(await installations.findInstallation('team:T0ACME')).toBeDefined();
    const uninstalled = JSON.stringify({
      token: 'x',
      team_id: 'T0ACME',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: 'Ev-uninstall',
      event_time: 1,
      event: { type: 'app_uninstalled' },
    });
    expect((await postSigned(`${base}/slack/events`, SECRET, uninstalled, 'application/json')).status).toBe(200);
    for (let i = 0; i < 100 && (await installations.findInstallation('team:T0ACME')); i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(await installations.findInstallation('team:T0ACME')).toBeUndefined();
    expect(deps.logs).toContain('uninstalled: team:T0ACME');
    await postSigned(`${base}/slack/events`, SECRET, mention('T0ACME', 'help'), 'application/json');
    expect(deps.logs).toContain('event ignored: no installation for this workspace');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('asks for exactly the scopes of the app manifest', () => {
    const manifest = parse(readFileSync(new URL('../../bot/slack-app-manifest.yaml', import.meta.url), 'utf8')) as {
      oauth_config: { scopes: { bot: string[] } };
    };
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it('refuses a bot token together with OAuth settings, and neither', () => {
    const oauth = { clientId: 'a', clientSecret: 'b', stateSecret: 'c', installations };
    expect(() => buildApp({ signingSecret: SECRET, token: 'xoxb-1', oauth }, deps)).toThrow(
      expect.objectContaining({ code: 'oauth-with-token' }),
    );
    expect(() => buildApp({ signingSecret: SECRET }, deps)).toThrow(expect.objectContaining({ code: 'no-token' }));
  });
});
