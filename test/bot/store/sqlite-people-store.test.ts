import { describe, expect, it } from 'vitest';
import { createSqlitePeopleStore } from '../../../bot/store/sqlite-people-store.js';
import { openSqliteDatabase } from '../../../bot/store/sqlite-store.js';

function peopleStore() {
  const db = openSqliteDatabase(':memory:');
  return { people: createSqlitePeopleStore(db), db };
}

describe('SQLite people store', () => {
  it('maps an owner to one Slack user; a new mapping of the owner replaces the old one', async () => {
    const { people, db } = peopleStore();
    await people.mapOwner('Maria', 'UMARIA', 'manual');
    await people.mapOwner('David', 'UDAVID', 'email');
    expect(await people.ownerOfSlackUser('UMARIA')).toBe('Maria');
    expect(await people.slackUserOfOwner('David')).toBe('UDAVID');
    await people.mapOwner('Maria', 'UMARIA2', 'email');
    expect(await people.ownerOfSlackUser('UMARIA')).toBeUndefined();
    expect(await people.ownerOfSlackUser('UMARIA2')).toBe('Maria');
    expect(await people.slackUserOfOwner('Nobody')).toBeUndefined();
    expect(await people.ownerMappings()).toEqual([
      { owner: 'David', slackUserId: 'UDAVID', source: 'email' },
      { owner: 'Maria', slackUserId: 'UMARIA2', source: 'email' },
    ]);
    db.close();
  });

  it('sets, changes and removes a role', async () => {
    const { people, db } = peopleStore();
    expect(await people.roleOf('UMONA')).toBeUndefined();
    await people.setRole('UMONA', 'manager');
    expect(await people.roleOf('UMONA')).toBe('manager');
    await people.setRole('UMONA', 'admin');
    expect(await people.roleOf('UMONA')).toBe('admin');
    await people.setRole('UMONA', undefined);
    expect(await people.roleOf('UMONA')).toBeUndefined();
    db.close();
  });
});
