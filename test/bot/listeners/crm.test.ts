import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCrmCommand } from '../../../bot/listeners/commands/crm.js';
import type { SqliteStore } from '../../../bot/store/sqlite-store.js';
import { fixtureDeps, fixtureStore, USERS } from '../fixtures.js';

let store: SqliteStore;
afterEach(() => store?.close());

/** Calls the /crm callback with fake ack/respond and returns the reply text. */
async function crm(text: string, user: string = USERS.mona, channel = 'CSALES'): Promise<string> {
  const ack = vi.fn(async () => {});
  const respond = vi.fn(async (_: unknown) => {});
  const deps = fixtureDeps(store);
  await createCrmCommand(deps)({
    ack,
    respond,
    command: {
      text,
      user_id: user,
      channel_id: channel,
      channel_name: channel.startsWith('D') ? 'directmessage' : 'sales',
    },
  } as never);
  expect(ack).toHaveBeenCalledOnce();
  const reply = respond.mock.calls[0]![0] as { text: string; response_type: string };
  expect(reply.response_type).toBe('ephemeral');
  return reply.text;
}

describe('/crm', () => {
  it('subscribes, lists and unsubscribes a weekly digest (managers)', async () => {
    store = fixtureStore();
    expect(await crm('digest subscribe <#C0SALES|sales> weekly mon 09:00 Asia/Shanghai all')).toBe(
      'Subscribed <#C0SALES>: `0 9 * * 1` (Asia/Shanghai), scope all. Next digest 2026-11-30T01:00:00.000Z.',
    );
    expect(await store.subscriptions()).toEqual([
      expect.objectContaining({
        channel: 'C0SALES',
        cron: '0 9 * * 1',
        timeZone: 'Asia/Shanghai',
        scope: { kind: 'all' },
        createdBy: USERS.mona,
      }),
    ]);
    expect(await crm('digest subscribe <#C0MARIA> weekly fri 17:30 Europe/Berlin owner <@UMARIA|maria>')).toContain(
      'scope Maria',
    );
    expect(await crm('digest list')).toMatch(
      /^1\. <#C0SALES> · `0 9 \* \* 1` Asia\/Shanghai · all · next 2026-11-30T01:00:00.000Z\n2\. <#C0MARIA> .* Maria/,
    );
    expect(await crm('digest unsubscribe 1')).toBe('Subscription 1 removed.');
    expect(await crm('digest unsubscribe 1')).toBe('There is no subscription 1.');
    expect((await store.subscriptions()).map((s) => s.id)).toEqual([2]);
  });

  it.each([
    ['digest subscribe <#C0SALES> weekly mon 09:00 Mars/Olympus', /"Mars\/Olympus" is not a time zone/],
    ['digest subscribe <#C0SALES> cron "0 0 30 2 *" UTC', /never fires/],
    ['digest subscribe sales weekly mon 09:00', /"sales" is not a channel/],
    ['digest subscribe <#C0SALES> weekly someday 09:00', /not a weekday/],
    ['digest subscribe <#C0SALES> weekly mon 09:00 UTC owner <@UEVE>', /<@UEVE> is not linked to an owner/],
    ['digest frobnicate', /unknown digest action/],
    ['churn -3', /neither a count/],
    ['customer', /one customer id expected/],
    ['users map nonsense', /Only admins can do that/],
  ])('answers the malformed "%s" clearly and stores nothing', async (text, expected) => {
    store = fixtureStore();
    expect(await crm(text)).toMatch(expected);
    expect(await store.subscriptions()).toEqual([]);
  });

  it('refuses digest management to a salesperson', async () => {
    store = fixtureStore();
    expect(await crm('digest subscribe <#C0SALES> weekly mon 09:00 UTC all', USERS.maria)).toBe(
      'Only managers can do that.',
    );
    expect(await store.subscriptions()).toEqual([]);
  });

  it('maps owners and roles (admins only)', async () => {
    store = fixtureStore();
    expect(await crm('users map "张伟=<@U0ZHANG|zhang>"', USERS.ada)).toBe('张伟 已关联 <@U0ZHANG>。');
    expect(await store.ownerOfSlackUser('U0ZHANG')).toBe('张伟');
    expect(await crm('users role <@UEVE> manager', USERS.ada)).toBe('<@UEVE>: manager');
    expect(await store.roleOf(USERS.eve)).toBe('manager');
    expect(await crm('users map "X=<@U0X>"', USERS.mona)).toBe('Only admins can do that.');
    expect(await store.ownerOfSlackUser('U0X')).toBeUndefined();
    expect(await crm('users map "X=nobody"', USERS.ada)).toMatch(/is not Name=@user/);
  });

  it("gives a manager one owner's churn list and a salesperson only their own", async () => {
    store = fixtureStore();
    expect(await crm('churn <@UDAVID|david>')).toMatch(/Customers at churn risk — David[\s\S]*C004[\s\S]*C003/);
    const maria = await crm('churn 10', USERS.maria);
    expect(maria).toMatch(/C005/);
    expect(maria).not.toMatch(/C004|C003/);
    expect(await crm('churn <@UDAVID>', USERS.maria)).toBe('Only managers can do that.');
  });

  it('answers free text and help, and an owner with no Slack user is told how to fix it', async () => {
    store = fixtureStore();
    expect(await crm('哪些客户有流失风险', USERS.maria)).toContain('流失风险客户');
    expect(await crm('')).toContain('What I can answer');
    expect(await crm('who is at churn risk', USERS.eve)).toMatch(/not linked to an owner/);
  });

  it('answers in the DM with full names, in a channel with masked names', async () => {
    store = fixtureStore();
    expect(await crm('churn', USERS.maria, 'D0MARIA')).toContain('上海华东科技有限公司');
    expect(await crm('churn', USERS.maria, 'CSALES')).not.toContain('上海华东科技有限公司');
  });

  it('replies with a stable error code when the store fails, and logs no personal data', async () => {
    store = fixtureStore();
    const deps = fixtureDeps(store);
    const broken = {
      ...deps,
      store: Object.assign(Object.create(store), {
        latestSnapshot: () => {
          throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
        },
      }),
    };
    const respond = vi.fn(async (_: unknown) => {});
    await createCrmCommand(broken)({
      ack: async () => {},
      respond,
      command: { text: 'churn', user_id: USERS.maria, channel_id: 'D1', channel_name: 'directmessage' },
    } as never);
    expect((respond.mock.calls[0]![0] as { text: string }).text).toContain('SQLITE_IOERR');
    expect(deps.logs).toEqual(['crm command failed: SQLITE_IOERR']);
  });
});
