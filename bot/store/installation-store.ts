/**
 * Slack installations ("Add to Slack", OAuth mode): one row per workspace
 * (or Enterprise Grid org) that installed the app, holding its bot token.
 * The concern is an interface so a PostgreSQL store can implement it beside
 * the SQLite one; `boltInstallationStore` adapts either to Bolt's async
 * InstallationStore. Tokens are secrets: nothing here logs, and an
 * installation is never part of an error message.
 */

import type { Installation, InstallationQuery, InstallationStore as BoltInstallationStore } from '@slack/bolt';

/** Where an installation belongs: an org-wide install by enterprise, any other by team (workspace). */
export interface InstallationKey {
  /** 'enterprise:E…' for an org-wide install, else 'team:T…'. */
  readonly key: string;
  readonly teamId: string | null;
  readonly enterpriseId: string | null;
}

/** A stored installation: Bolt's record as written (tokens included) and when. */
export interface StoredInstallation extends InstallationKey {
  readonly installation: Installation;
  readonly installedAt: string;
}

/** The installations of a multi-workspace app. Asynchronous like every store concern (a networked store waits). */
export interface InstallationStore {
  /** Adds or replaces (a re-install) the installation under its key. */
  saveInstallation(installation: StoredInstallation): Promise<void>;
  findInstallation(key: string): Promise<StoredInstallation | undefined>;
  /** Removes it (the app was uninstalled); false when there was none. */
  deleteInstallation(key: string): Promise<boolean>;
  /** Team and enterprise ids of every installation, by key: no tokens. */
  listInstallations(): Promise<InstallationKey[]>;
}

/** Thrown to Bolt when no installation matches: stable code, ids only. */
export class InstallationNotFoundError extends Error {
  readonly code = 'installation-not-found';
  constructor(readonly key: string) {
    super(`No Slack installation for ${key}.`);
    this.name = 'InstallationNotFoundError';
  }
}

/**
 * The key Bolt's installation or query is stored under: the enterprise for an
 * org-wide install, else the team.
 * @example installationKeyOf({ teamId: 'T1', isEnterpriseInstall: false }).key // 'team:T1'
 */
export function installationKeyOf(of: {
  readonly teamId?: string | undefined;
  readonly enterpriseId?: string | undefined;
  readonly isEnterpriseInstall?: boolean | undefined;
}): InstallationKey {
  const teamId = of.teamId ?? null,
    enterpriseId = of.enterpriseId ?? null;
  if (of.isEnterpriseInstall && enterpriseId) return { key: `enterprise:${enterpriseId}`, teamId: null, enterpriseId };
  if (teamId) return { key: `team:${teamId}`, teamId, enterpriseId };
  throw Object.assign(new Error('An installation needs a team or an enterprise id.'), { code: 'installation-no-id' });
}

/**
 * Bolt's InstallationStore over the bot's store: what `App({ installationStore })` calls
 * after each OAuth install and before each event to find that team's token.
 * @param now the bot's clock (installedAt).
 */
export function boltInstallationStore(store: InstallationStore, now: () => Date): BoltInstallationStore {
  return {
    async storeInstallation(installation: Installation): Promise<void> {
      const key = installationKeyOf({
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall,
      });
      await store.saveInstallation({ ...key, installation, installedAt: now().toISOString() });
    },
    async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
      const { key } = installationKeyOf(query);
      const found = await store.findInstallation(key);
      if (!found) throw new InstallationNotFoundError(key);
      return found.installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
      await store.deleteInstallation(installationKeyOf(query).key);
    },
  };
}

/**
 * The bot token of the workspace a digest subscription was made in: its
 * team's installation, else its Enterprise Grid org's (an org-wide install).
 * Undefined when neither is installed (the app was uninstalled) or no
 * workspace was recorded. The token is a secret: callers pass it to Slack only.
 * @example await findBotToken(store, { teamId: 'T1', enterpriseId: null }) // 'xoxb-…' from key 'team:T1'
 */
export async function findBotToken(
  store: Pick<InstallationStore, 'findInstallation'>,
  workspace: { readonly teamId?: string | null; readonly enterpriseId?: string | null },
): Promise<string | undefined> {
  const keys = [
    workspace.teamId ? `team:${workspace.teamId}` : undefined,
    workspace.enterpriseId ? `enterprise:${workspace.enterpriseId}` : undefined,
  ];
  for (const key of keys) {
    if (!key) continue;
    const token = (await store.findInstallation(key))?.installation.bot?.token;
    if (token) return token;
  }
  return undefined;
}
