import type Database from 'better-sqlite3';
import { promiseMethods } from './promise-methods.js';
import type { PeopleStore, Role } from './people-store.js';

/** The owner ↔ Slack user map and roles on a migrated better-sqlite3 connection. */
export function createSqlitePeopleStore(db: Database.Database): PeopleStore {
  return promiseMethods<PeopleStore>({
    mapOwner(owner: string, slackUserId: string, source: 'manual' | 'email'): void {
      db.prepare(
        'INSERT INTO owners (owner, slack_user_id, source) VALUES (?, ?, ?) ON CONFLICT (owner) DO UPDATE SET slack_user_id = excluded.slack_user_id, source = excluded.source',
      ).run(owner, slackUserId, source);
    },

    ownerOfSlackUser(slackUserId: string): string | undefined {
      // One Slack user maps to one owner; the newest mapping wins if edited by hand.
      return (
        db.prepare('SELECT owner FROM owners WHERE slack_user_id = ? ORDER BY rowid DESC LIMIT 1').get(slackUserId) as
          { owner: string } | undefined
      )?.owner;
    },

    slackUserOfOwner(owner: string): string | undefined {
      return (
        db.prepare('SELECT slack_user_id FROM owners WHERE owner = ?').get(owner) as
          { slack_user_id: string } | undefined
      )?.slack_user_id;
    },

    ownerMappings(): { owner: string; slackUserId: string; source: string }[] {
      return (
        db.prepare('SELECT owner, slack_user_id, source FROM owners ORDER BY owner').all() as {
          owner: string;
          slack_user_id: string;
          source: string;
        }[]
      ).map((r) => ({ owner: r.owner, slackUserId: r.slack_user_id, source: r.source }));
    },

    setRole(slackUserId: string, role: Role | undefined): void {
      if (role === undefined) db.prepare('DELETE FROM roles WHERE slack_user_id = ?').run(slackUserId);
      else
        db.prepare(
          'INSERT INTO roles (slack_user_id, role) VALUES (?, ?) ON CONFLICT (slack_user_id) DO UPDATE SET role = excluded.role',
        ).run(slackUserId, role);
    },

    roleOf(slackUserId: string): Role | undefined {
      return (
        db.prepare('SELECT role FROM roles WHERE slack_user_id = ?').get(slackUserId) as { role: Role } | undefined
      )?.role;
    },
  });
}
