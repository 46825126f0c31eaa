import { describe, expect, it } from 'vitest';
import { createSqlitePeopleStore } from '../../../bot/store/sqlite-people-store.js';
import { openSqliteDatabase } from '../../../bot/store/sqlite-store.js';

function peopleStore() {
  const db = openSqliteDatabase(':memory:');
  return { people: createSqlitePeopleStore(db), db };
}

describe('SQLite people store', () => {
  it('maps an owner to one Slack user; a new mapping of the owner replaces the old one', () => {
    const { people, db } = peopleStore();
    people.mapOwner('Maria', 'UMARIA', 'manual');
    people.mapOwner('David', 'UDAVID', 'email');
    expect(people.ownerOfSlackUser('UMARIA')).toBe('Maria');
    expect(people.slackUserOfOwner('David')).toBe('UDAVID');
    people.mapOwner('Maria', 'UMARIA2', 'email');
    expect(people.ownerOfSlackUser('UMARIA')).toBeUndefined();
    expect(people.ownerOfSlackUser('UMARIA2')).toBe('Maria');
    expect(people.slackUserOfOwner('Nobody')).toBeUndefined();
    expect(people.ownerMappings()).toEqual([
      { owner: 'David', slackUserId: 'UDAVID', source: 'email' },
      { owner: 'Maria', slackUserId: 'UMARIA2', source: 'email' },
    ]);
    db.close();
  });

  it('sets, changes and removes a role', () => {
    const { people, db } = peopleStore();
    expect(people.roleOf('UMONA')).toBeUndefined();
    people.setRole('UMONA', 'manager');
    expect(people.roleOf('UMONA')).toBe('manager');
    people.setRole('UMONA', 'admin');
    expect(people.roleOf('UMONA')).toBe('admin');
    people.setRole('UMONA', undefined);
    expect(people.roleOf('UMONA')).toBeUndefined();
    db.close();
  });
});
