import { WebClient } from '@slack/web-api';
import { isEmail, mapOwnersByEmail } from '../../bot/index.js';
import { EXIT, UsageError, type ConsoleIo } from '../console-io.js';
import { parseCommandArgs } from '../parse-command.js';
import { DB_FLAG, withStore } from './bot-store.js';
import { localeForErrors } from '../choose-locale.js';
import { renderHelp } from '../render-help.js';
import type { Locale } from '../../core/index.js';
import { DEFAULT_STORE_PATH } from '../../bot/index.js';

/** This command's --help in `locale` (cli.help.users in the catalogue). */
export const USERS_HELP = (locale: Locale): string => renderHelp('users', locale, DEFAULT_STORE_PATH);

const OPTIONS = { ...DB_FLAG, help: { type: 'boolean', short: 'h' } } as const;

function client(): WebClient {
  const token = process.env.SLACK_BOT_TOKEN;
  if (!token) throw new UsageError({ key: 'cli.usage.users-token' });
  return new WebClient(token, process.env.SLACK_API_URL ? { slackApiUrl: process.env.SLACK_API_URL } : {});
}

/**
 * `tierline users`: owner ↔ Slack user mapping and roles.
 * @returns the exit code.
 */
export async function runUsers(argv: readonly string[], io: ConsoleIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const [action, ...rest] = positionals;
  if (values.help || action === undefined) {
    io.out(USERS_HELP(localeForErrors(argv, process.env)));
    return action === undefined && !values.help ? EXIT.usage : EXIT.ok;
  }
  return withStore(values.db, 'existing', async (store) => {
    if (action === 'list') {
      for (const m of await store.ownerMappings()) io.out(`${m.owner}\t${m.slackUserId}\t${m.source}\n`);
      return EXIT.ok;
    }
    if (action === 'role') {
      const [user, role] = rest;
      if (!user || !/^[UW][A-Z0-9]{2,}$/.test(user) || !['manager', 'admin', 'none'].includes(role ?? ''))
        throw new UsageError({ key: 'cli.usage.users-role' });
      await store.setRole(user, role === 'none' ? undefined : (role as 'manager' | 'admin'));
      io.out(`${user}: ${role}\n`);
      return EXIT.ok;
    }
    if (action === 'map') {
      if (rest.length === 0) throw new UsageError({ key: 'cli.usage.users-map-empty' });
      const byEmail: { owner: string; email: string }[] = [];
      const direct: { owner: string; user: string }[] = [];
      for (const pair of rest) {
        const at = pair.lastIndexOf('=');
        const owner = at > 0 ? pair.slice(0, at).trim() : '';
        const target = pair.slice(at + 1).trim();
        if (!owner || !target) throw new UsageError({ key: 'cli.usage.users-map-pair', params: { pair } });
        if (isEmail(target)) byEmail.push({ owner, email: target });
        else if (/^[UW][A-Z0-9]{2,}$/.test(target)) direct.push({ owner, user: target });
        else throw new UsageError({ key: 'cli.usage.users-map-target', params: { target } });
      }
      for (const { owner, user } of direct) {
        await store.mapOwner(owner, user, 'manual');
        io.out(`${owner} → ${user}\n`);
      }
      if (byEmail.length) return reportEmail(await mapOwnersByEmail(store, client(), byEmail), io);
      return EXIT.ok;
    }
    if (action === 'sync') {
      const snapshot = await store.latestSnapshot();
      if (!snapshot) throw new UsageError({ key: 'cli.usage.users-no-snapshot' });
      const pairs = (await store.owners(snapshot.id)).filter(isEmail).map((owner) => ({ owner, email: owner }));
      if (pairs.length === 0) {
        io.out(
          'No owner in the newest snapshot is an email address; map names with: tierline users map "Name=U0123".\n',
        );
        return EXIT.ok;
      }
      return reportEmail(await mapOwnersByEmail(store, client(), pairs), io);
    }
    throw new UsageError({ key: 'cli.usage.users-action', params: { action: String(action) } });
  });
}

function reportEmail(
  results: readonly { owner: string; email: string; slackUserId?: string; error?: string }[],
  io: ConsoleIo,
): number {
  let failed = 0;
  for (const r of results) {
    if (r.slackUserId) io.out(`${r.owner} → ${r.slackUserId} (by email)\n`);
    else {
      failed++;
      io.err(`tierline: ${r.owner}: no Slack user for ${r.email} (${r.error}).\n`);
    }
  }
  return failed ? EXIT.data : EXIT.ok;
}
