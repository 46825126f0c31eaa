import type Database from 'better-sqlite3';
import type { InstallationKey, InstallationStore, StoredInstallation } from './installation-store.js';
import {
  installationValues,
  toStoredInstallation,
  upsertInstallationSql,
  type InstallationRow,
} from './installation-rows.js';
import { openSqliteDatabase } from './sqlite-store.js';

/** Slack installations on a migrated better-sqlite3 connection (table `installations`, migration 4). */
export function createSqliteInstallationStore(db: Database.Database): InstallationStore {
  return {
    async saveInstallation(stored: StoredInstallation): Promise<void> {
      db.prepare(upsertInstallationSql(['?', '?', '?', '?', '?'])).run(...installationValues(stored));
    },

    async findInstallation(key: string): Promise<StoredInstallation | undefined> {
      const row = db.prepare('SELECT * FROM installations WHERE key = ?').get(key) as InstallationRow | undefined;
      if (!row) return undefined;
      return toStoredInstallation(row);
    },

    async deleteInstallation(key: string): Promise<boolean> {
      return db.prepare('DELETE FROM installations WHERE key = ?').run(key).changes > 0;
    },

    async listInstallations(): Promise<InstallationKey[]> {
      return (
        db.prepare('SELECT key, team_id, enterprise_id FROM installations ORDER BY key').all() as InstallationRow[]
      ).map((r) => ({ key: r.key, teamId: r.team_id, enterpriseId: r.enterprise_id }));
    },
  };
}

/**
 * The installations in the store file at `path`, on their own connection (WAL:
 * it shares the file with the bot's Store); `close` with the bot.
 */
export function openSqliteInstallationStore(path: string): InstallationStore & { close(): Promise<void> } {
  const db = openSqliteDatabase(path);
  return {
    ...createSqliteInstallationStore(db),
    close: async () => {
      db.close();
    },
  };
}
