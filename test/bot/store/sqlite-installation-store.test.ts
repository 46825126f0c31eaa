import { afterAll, describe, expect, it } from 'vitest';
import { installationKeyOf } from '../../../bot/store/installation-store.js';
import { createSqliteInstallationStore } from '../../../bot/store/sqlite-installation-store.js';
import { openSqliteDatabase } from '../../../bot/store/sqlite-store.js';
import { describeInstallationStore } from './installation-store-contract.js';

const open: { close(): void }[] = [];
afterAll(() => {
  for (const db of open) db.close();
});

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

  describeInstallationStore(async () => {
    const db = openSqliteDatabase(':memory:');
    open.push(db);
    return createSqliteInstallationStore(db);
  });
});
