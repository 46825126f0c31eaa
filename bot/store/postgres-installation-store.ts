import type { Installation } from '@slack/bolt';
import type pg from 'pg';
import type { InstallationKey, InstallationStore, StoredInstallation } from './installation-store.js';
import { openMigratedPool } from './postgres-client.js';

interface Row {
  key: string;
  team_id: string | null;
  enterprise_id: string | null;
  installation: string;
  installed_at: string;
}

/**
 * Slack installations on a migrated PostgreSQL database (table
 * `installations`, migration 4, the same as SQLite's). Every bot instance on
 * the database sees an installation as soon as one of them stored it.
 */
export function createPostgresInstallationStore(pool: pg.Pool): InstallationStore {
  return {
    async saveInstallation(stored: StoredInstallation): Promise<void> {
      await pool.query(
        'INSERT INTO installations (key, team_id, enterprise_id, installation, installed_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id, installation = excluded.installation, installed_at = excluded.installed_at',
        [stored.key, stored.teamId, stored.enterpriseId, JSON.stringify(stored.installation), stored.installedAt],
      );
    },

    async findInstallation(key: string): Promise<StoredInstallation | undefined> {
      const { rows } = await pool.query<Row>('SELECT * FROM installations WHERE key = $1', [key]);
      const row = rows[0];
      if (!row) return undefined;
      return {
        key: row.key,
        teamId: row.team_id,
        enterpriseId: row.enterprise_id,
        installation: JSON.parse(row.installation) as Installation,
        installedAt: row.installed_at,
      };
    },

    async deleteInstallation(key: string): Promise<boolean> {
      return ((await pool.query('DELETE FROM installations WHERE key = $1', [key])).rowCount ?? 0) > 0;
    },

    async listInstallations(): Promise<InstallationKey[]> {
      const { rows } = await pool.query<Row>(
        'SELECT key, team_id, enterprise_id FROM installations ORDER BY key COLLATE "C"',
      );
      return rows.map((r) => ({ key: r.key, teamId: r.team_id, enterpriseId: r.enterprise_id }));
    },
  };
}

/**
 * The installations in the PostgreSQL database at `url`, on a small pool of
 * their own (the SQLite store likewise opens its own connection), migrated
 * first; `close` with the bot. Connection errors reject with pg's error (its
 * `code` says which), never with the URL's password.
 */
export async function openPostgresInstallationStore(
  url: string,
  options: { readonly onIdleError?: (error: Error) => void } = {},
): Promise<InstallationStore & { close(): Promise<void> }> {
  const pool = await openMigratedPool(url, { max: 2, connectTimeoutMs: 10_000, onIdleError: options.onIdleError });
  return { ...createPostgresInstallationStore(pool), close: () => pool.end() };
}
