import type { Installation } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { boltInstallationStore, installationKeyOf } from '../../../bot/store/installation-store.js';
import { createSqliteInstallationStore } from '../../../bot/store/sqlite-installation-store.js';
import { openSqliteDatabase } from '../../../bot/store/sqlite-store.js';

const teamInstall = (teamId: string, token: string): Installation =>
  ({
    team: { id: teamId, name: teamId },
    enterprise: undefined,
    user: { id: 'U1', token: undefined, scopes: undefined },
    bot: { id: 'B1', userId: 'UB1', token, scopes: ['chat:write'] },
    isEnterpriseInstall: false,
    authVersion: 'v2',
  }) as Installation;

describe('SQLite installation store', () => {
  it('keys a team install by team and an org-wide install by enterprise', () => {
    expect(installationKeyOf({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: false }).key).toBe('team:T1');
    expect(installationKeyOf({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: true })).toEqual({
      key: 'enterprise:E1',
      teamId: null,
      enterpriseId: 'E1',
    });
    expect(() => installationKeyOf({})).toThrow(expect.objectContaining({ code: 'installation-no-id' }));
  });

  it("stores, replaces on re-install, finds and deletes a workspace's installation through Bolt's interface", async () => {
    const db = openSqliteDatabase(':memory:');
    const store = createSqliteInstallationStore(db);
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
    db.close();
  });
});
