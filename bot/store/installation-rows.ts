import type { Installation } from '@slack/bolt';
import type { StoredInstallation } from './installation-store.js';

/** An installations row (both stores). */
export interface InstallationRow {
  key: string;
  team_id: string | null;
  enterprise_id: string | null;
  installation: string;
  installed_at: string;
}

/** Adds an installation or replaces it under its key (a re-install), given the five placeholders in installationValues order. */
export function upsertInstallationSql(placeholders: readonly string[]): string {
  return `INSERT INTO installations (key, team_id, enterprise_id, installation, installed_at) VALUES (${placeholders.join(', ')}) ON CONFLICT (key) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id, installation = excluded.installation, installed_at = excluded.installed_at`;
}

/** The installations row of `stored`, Bolt's record as JSON. */
export function installationValues(stored: StoredInstallation): (string | null)[] {
  return [stored.key, stored.teamId, stored.enterpriseId, JSON.stringify(stored.installation), stored.installedAt];
}

/** An installations row as a StoredInstallation. */
export function toStoredInstallation(row: InstallationRow): StoredInstallation {
  return {
    key: row.key,
    teamId: row.team_id,
    enterpriseId: row.enterprise_id,
    installation: JSON.parse(row.installation) as Installation,
    installedAt: row.installed_at,
  };
}
