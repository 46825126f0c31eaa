import type Database from 'better-sqlite3';
import type { Installation } from '@slack/bolt';
import type { InstallationKey, InstallationStore, StoredInstallation } from './installation-store.js';
import { openSqliteDatabase } from './sqlite-store.js';

interface Row {
  key: string;
  team_id: string | null;
  enterprise_id: string | null;
  installation: string;
  installed_at: string;
}

/** Slack installations on a migrated better-sqlite3 connection (table `installations`, migration 4). */
export function createSqliteInstallationStore(db: Database.Database): InstallationStore {
  return {
    async saveInstallation(stored: StoredInstallation): Promise<void> {
      db.prepare(
        'INSERT INTO installations (key, team_id, enterprise_id, installation, installed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id, installation = excluded.installation, installed_at = excluded.installed_at',
      ).run(stored.key, stored.teamId, stored.enterpriseId, JSON.stringify(stored.installation), stored.installedAt);
    },

    async findInstallation(key: string): Promise<StoredInstallation | undefined> {
      const row = db.prepare('SELECT * FROM installations WHERE key = ?').get(key) as Row | undefined;
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
      return db.prepare('DELETE FROM installations WHERE key = ?').run(key).changes > 0;
    },

    async listInstallations(): Promise<InstallationKey[]> {
      return (db.prepare('SELECT key, team_id, enterprise_id FROM installations ORDER BY key').all() as Row[]).map(
        (r) => ({ key: r.key, teamId: r.team_id, enterpriseId: r.enterprise_id }),
      );
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
