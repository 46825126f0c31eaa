import type pg from 'pg';
import type { InstallationKey, InstallationStore, StoredInstallation } from './installation-store.js';
import {
  installationValues,
  toStoredInstallation,
  upsertInstallationSql,
  type InstallationRow,
} from './installation-rows.js';
import { openMigratedPool } from './postgres-client.js';

/**
 * Slack installations on a migrated PostgreSQL database (table
 * `installations`, migration 4, the same as SQLite's). Every bot instance on
 * the database sees an installation as soon as one of them stored it.
 */
export function createPostgresInstallationStore(pool: pg.Pool): InstallationStore {
  return {
    async saveInstallation(stored: StoredInstallation): Promise<void> {
      await pool.query(upsertInstallationSql(['$1', '$2', '$3', '$4', '$5']), installationValues(stored));
    },

    async findInstallation(key: string): Promise<StoredInstallation | undefined> {
      const { rows } = await pool.query<InstallationRow>('SELECT * FROM installations WHERE key = $1', [key]);
      const row = rows[0];
      if (!row) return undefined;
      return toStoredInstallation(row);
    },

    async deleteInstallation(key: string): Promise<boolean> {
      return ((await pool.query('DELETE FROM installations WHERE key = $1', [key])).rowCount ?? 0) > 0;
    },

    async listInstallations(): Promise<InstallationKey[]> {
      const { rows } = await pool.query<InstallationRow>(
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
