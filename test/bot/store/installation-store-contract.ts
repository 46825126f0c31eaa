import type { Installation } from '@slack/bolt';
import { expect, it } from 'vitest';
import { boltInstallationStore, findBotToken, type InstallationStore } from '../../../bot/store/installation-store.js';

/** Bolt's record of a workspace install with bot token `token`. */
export const teamInstall = (teamId: string, token: string): Installation =>
  ({
    team: { id: teamId, name: teamId },
    enterprise: undefined,
    user: { id: 'U1', token: undefined, scopes: undefined },
    bot: { id: 'B1', userId: 'UB1', token, scopes: ['chat:write'] },
    isEnterpriseInstall: false,
    authVersion: 'v2',
  }) as Installation;

/** Bolt's record of an org-wide (Enterprise Grid) install. */
const orgInstall = (enterpriseId: string, token: string): Installation =>
  ({
    team: undefined,
    enterprise: { id: enterpriseId, name: enterpriseId },
    user: { id: 'U1', token: undefined, scopes: undefined },
    bot: { id: 'B2', userId: 'UB2', token, scopes: ['chat:write'] },
    isEnterpriseInstall: true,
    authVersion: 'v2',
  }) as Installation;

/**
 * The behaviour every InstallationStore must have (SQLite and PostgreSQL run
 * the same cases): `open` gives a new, empty, migrated store.
 */
export function describeInstallationStore(open: () => Promise<InstallationStore>): void {
  it("stores, replaces on re-install, finds and deletes a workspace's installation through Bolt's interface", async () => {
    const store = await open();
    const bolt = boltInstallationStore(store, () => new Date('2026-11-25T09:00:00Z'));
    await bolt.storeInstallation(teamInstall('T1', 'xoxb-old'));
    await bolt.storeInstallation(teamInstall('T2', 'xoxb-two'));
    await bolt.storeInstallation(teamInstall('T1', 'xoxb-new'));
    const found = await bolt.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
    expect(found.bot?.token).toBe('xoxb-new');
    expect((await store.findInstallation('team:T1'))?.installedAt).toBe('2026-11-25T09:00:00.000Z');
    expect(await store.listInstallations()).toEqual([
      { key: 'team:T1', teamId: 'T1', enterpriseId: null },
      { key: 'team:T2', teamId: 'T2', enterpriseId: null },
    ]);
    await bolt.deleteInstallation!({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
    await expect(
      bolt.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toMatchObject({ code: 'installation-not-found', message: 'No Slack installation for team:T1.' });
    expect(await store.deleteInstallation('team:T1')).toBe(false);
    expect(await store.listInstallations()).toEqual([{ key: 'team:T2', teamId: 'T2', enterpriseId: null }]);
  });

  it('keeps an org-wide install under its enterprise and answers a workspace of the org from it', async () => {
    const store = await open();
    const bolt = boltInstallationStore(store, () => new Date('2026-11-25T09:00:00Z'));
    await bolt.storeInstallation(orgInstall('E1', 'xoxb-org'));
    await bolt.storeInstallation(teamInstall('T9', 'xoxb-nine'));
    expect(await store.listInstallations()).toEqual([
      { key: 'enterprise:E1', teamId: null, enterpriseId: 'E1' },
      { key: 'team:T9', teamId: 'T9', enterpriseId: null },
    ]);
    expect(
      (await bolt.fetchInstallation({ teamId: 'T5', enterpriseId: 'E1', isEnterpriseInstall: true })).bot?.token,
    ).toBe('xoxb-org');
    // A digest's workspace: its team's installation first, else its org's; none when neither is installed.
    expect(await findBotToken(store, { teamId: 'T9', enterpriseId: null })).toBe('xoxb-nine');
    expect(await findBotToken(store, { teamId: 'T5', enterpriseId: 'E1' })).toBe('xoxb-org');
    expect(await findBotToken(store, { teamId: 'T5', enterpriseId: null })).toBeUndefined();
    expect(await findBotToken(store, {})).toBeUndefined();
  });

  it('keeps the installation record exactly as Bolt gave it (a JSON round trip, the token included)', async () => {
    const store = await open();
    const installation = teamInstall('T3', 'xoxb-three');
    await store.saveInstallation({
      key: 'team:T3',
      teamId: 'T3',
      enterpriseId: null,
      installation,
      installedAt: '2026-11-25T09:00:00.000Z',
    });
    expect(await store.findInstallation('team:T3')).toEqual({
      key: 'team:T3',
      teamId: 'T3',
      enterpriseId: null,
      installation: JSON.parse(JSON.stringify(installation)) as Installation,
      installedAt: '2026-11-25T09:00:00.000Z',
    });
    expect(await store.findInstallation('team:T4')).toBeUndefined();
  });
}
