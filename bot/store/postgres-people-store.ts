import type pg from 'pg';
import type { PeopleStore, Role } from './people-store.js';

/** The owner ↔ Slack user map and roles on a migrated PostgreSQL database (postgres-store.ts). */
export function createPostgresPeopleStore(pool: pg.Pool): PeopleStore {
  const one = async <T>(sql: string, args: unknown[]): Promise<T | undefined> =>
    (await pool.query(sql, args)).rows[0] as T | undefined;
  return {
    async mapOwner(owner: string, slackUserId: string, source: 'manual' | 'email'): Promise<void> {
      await pool.query(
        'INSERT INTO owners (owner, slack_user_id, source) VALUES ($1, $2, $3) ON CONFLICT (owner) DO UPDATE SET slack_user_id = excluded.slack_user_id, source = excluded.source',
        [owner, slackUserId, source],
      );
    },

    async ownerOfSlackUser(slackUserId: string): Promise<string | undefined> {
      // One Slack user maps to one owner; PostgreSQL has no insertion order, so a hand-edited double mapping resolves by name.
      return (
        await one<{ owner: string }>(
          'SELECT owner FROM owners WHERE slack_user_id = $1 ORDER BY owner COLLATE "C" LIMIT 1',
          [slackUserId],
        )
      )?.owner;
    },

    async slackUserOfOwner(owner: string): Promise<string | undefined> {
      return (await one<{ slack_user_id: string }>('SELECT slack_user_id FROM owners WHERE owner = $1', [owner]))
        ?.slack_user_id;
    },

    async ownerMappings(): Promise<{ owner: string; slackUserId: string; source: string }[]> {
      const { rows } = await pool.query<{ owner: string; slack_user_id: string; source: string }>(
        'SELECT owner, slack_user_id, source FROM owners ORDER BY owner COLLATE "C"',
      );
      return rows.map((r) => ({ owner: r.owner, slackUserId: r.slack_user_id, source: r.source }));
    },

    async setRole(slackUserId: string, role: Role | undefined): Promise<void> {
      if (role === undefined) await pool.query('DELETE FROM roles WHERE slack_user_id = $1', [slackUserId]);
      else
        await pool.query(
          'INSERT INTO roles (slack_user_id, role) VALUES ($1, $2) ON CONFLICT (slack_user_id) DO UPDATE SET role = excluded.role',
          [slackUserId, role],
        );
    },

    async roleOf(slackUserId: string): Promise<Role | undefined> {
      return (await one<{ role: Role }>('SELECT role FROM roles WHERE slack_user_id = $1', [slackUserId]))?.role;
    },
  };
}
