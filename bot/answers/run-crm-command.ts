import { resolveViewer, type Viewer } from '../access/resolve-viewer.js';
import type { BotDeps } from '../bot-deps.js';
import { blocksToText } from '../blocks/blocks-to-text.js';
import type { Block } from '../blocks/build-answer.js';
import { nextOccurrence, parseSchedule, ScheduleError } from '../digests/parse-schedule.js';
import { renderDigest } from '../digests/render-digest.js';
import type { Locale } from '../intents/match-intent.js';
import { commandUsages } from '../intents/question-registry.js';
import { message, type MessageId } from '../i18n/messages.js';
import type { Surface } from './answer-question.js';
import { localeOf, replyToIntent, replyToQuestion } from './reply-to-question.js';

/** A reply to `/crm`: blocks and text. */
export interface CommandReply {
  readonly blocks: Block[];
  readonly text: string;
}

/** The `/crm` usage lines shown with a malformed command: the questions' from the registry, then digest and users. */
export const CRM_USAGE: Readonly<Record<string, string>> = {
  ...commandUsages(),
  digest:
    '/crm digest subscribe #channel|@user weekly mon 09:00 Asia/Shanghai [all|team|owner [@owner]] · /crm digest list · /crm digest unsubscribe <id> · /crm digest preview [@owner]',
  users: '/crm users map "Name=@user" · /crm users list · /crm users role @user manager|admin|none',
};

/** Splits command text on spaces, keeping "quoted words" together (straight or curly quotes). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const m of text.matchAll(/"([^"]*)"|“([^”]*)”|(\S+)/g)) tokens.push(m[1] ?? m[2] ?? m[3]!);
  return tokens;
}

const plain = (text: string): CommandReply => ({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }], text });
const say = (id: MessageId, locale: Locale, values?: Record<string, string | number>): CommandReply =>
  plain(message(id, locale, values));
const usage = (problem: string, which: string, locale: Locale): CommandReply =>
  say('error.usage', locale, { problem, usage: CRM_USAGE[which] ?? `/crm ${which}` });

/** A Slack user id from `<@U123|name>`, `<@U123>`, `@U123` or `U123`. */
function slackUserOf(token: string | undefined): string | undefined {
  if (!token) return undefined;
  const m = /^<@([A-Z0-9]+)(?:\|[^>]*)?>$|^@?([UW][A-Z0-9]{2,})$/.exec(token.trim());
  return m ? (m[1] ?? m[2]) : undefined;
}

/** A channel id from `<#C123|name>`, `<#C123>` or `C123`. */
function channelOf(token: string | undefined): string | undefined {
  if (!token) return undefined;
  const m = /^<#([A-Z0-9]+)(?:\|[^>]*)?>$|^([CGD][A-Z0-9]{2,})$/.exec(token.trim());
  return m ? (m[1] ?? m[2]) : undefined;
}

/** The Slack workspace a command was typed in (a digest subscription records it, so OAuth mode can post it). */
export interface CommandWorkspace {
  readonly teamId?: string | undefined;
  readonly enterpriseId?: string | undefined;
}

async function runDigest(
  deps: BotDeps,
  viewer: Viewer,
  args: string[],
  locale: Locale,
  workspace: CommandWorkspace,
): Promise<CommandReply> {
  if (!viewer.manager) return say('error.managers-only', locale);
  const [action, ...rest] = args;
  if (action === 'list') {
    const subscriptions = await deps.store.subscriptions();
    if (subscriptions.length === 0) return say('digest.list-empty', locale);
    const now = deps.now();
    return plain(
      subscriptions
        .map(
          (s) =>
            `${s.id}. <#${s.channel}> · \`${s.cron}\` ${s.timeZone} · ${s.scope.kind === 'all' ? 'all' : s.scope.owner} · next ${nextOccurrence(s, now)?.toISOString() ?? '—'}`,
        )
        .join('\n'),
    );
  }
  if (action === 'unsubscribe') {
    const id = Number(rest[0]);
    if (!Number.isInteger(id) || id <= 0)
      return usage(`"${rest[0] ?? ''}" is not a subscription number`, 'digest', locale);
    if (!(await deps.store.removeSubscription(id))) return say('digest.no-subscription', locale, { id });
    await deps.scheduler?.refresh();
    return say('digest.unsubscribed', locale, { id });
  }
  if (action === 'preview') {
    const user = slackUserOf(rest[0]);
    const owner = user ? await deps.store.ownerOfSlackUser(user) : undefined;
    if (user && owner === undefined) return say('error.owner-not-mapped', locale, { user });
    return renderDigest(deps.store, owner, locale, 'channel');
  }
  if (action !== 'subscribe') return usage(`unknown digest action "${action ?? ''}"`, 'digest', locale);
  // A channel, or @user for a digest by DM (the only place an owner's digest shows full names).
  const channel = channelOf(rest[0]) ?? slackUserOf(rest[0]);
  if (!channel) return usage(`"${rest[0] ?? ''}" is not a channel (pick one with #) or a user (@)`, 'digest', locale);
  // The schedule is everything up to the scope word.
  const scopeAt = rest.findIndex((t, i) => i > 0 && ['all', 'team', 'owner'].includes(t));
  const scheduleWords = rest.slice(1, scopeAt < 0 ? undefined : scopeAt);
  const scopeWords = scopeAt < 0 ? ['all'] : rest.slice(scopeAt);
  let schedule;
  try {
    schedule = parseSchedule(scheduleWords, deps.now());
  } catch (error) {
    if (error instanceof ScheduleError) return usage(error.message, 'digest', locale);
    throw error;
  }
  let scope: { kind: 'all' } | { kind: 'owner'; owner: string } = { kind: 'all' };
  if (scopeWords[0] === 'owner') {
    const user = slackUserOf(scopeWords[1]);
    const owner = user ? await deps.store.ownerOfSlackUser(user) : (scopeWords[1] ?? viewer.owner);
    if (user && owner === undefined) return say('error.owner-not-mapped', locale, { user });
    if (owner === undefined) return usage('owner scope needs an owner (@user or "Name")', 'digest', locale);
    scope = { kind: 'owner', owner };
  }
  // 'team': a manager's team is every owner until the store knows teams.
  await deps.store.addSubscription({
    channel,
    cron: schedule.cron,
    timeZone: schedule.timeZone,
    scope,
    locale,
    createdBy: viewer.slackUserId ?? '',
    createdAt: deps.now().toISOString(),
    teamId: workspace.teamId ?? null,
    enterpriseId: workspace.enterpriseId ?? null,
  });
  await deps.scheduler?.refresh();
  return say('digest.subscribed', locale, {
    channel: /^[UW]/.test(channel) ? `<@${channel}>` : `<#${channel}>`,
    schedule: `\`${schedule.cron}\``,
    timeZone: schedule.timeZone,
    scope: scope.kind === 'all' ? scopeWords[0]! : scope.owner,
    next: schedule.next.toISOString(),
  });
}

async function runUsers(deps: BotDeps, viewer: Viewer, args: string[], locale: Locale): Promise<CommandReply> {
  if (!viewer.admin) return say('error.admins-only', locale);
  const [action, ...rest] = args;
  if (action === 'list') {
    const mappings = await deps.store.ownerMappings();
    return plain(
      mappings.length ? mappings.map((m) => `• ${m.owner} → <@${m.slackUserId}> (${m.source})`).join('\n') : '—',
    );
  }
  if (action === 'map') {
    const spec = rest.join(' ');
    const at = spec.lastIndexOf('=');
    const owner = at > 0 ? spec.slice(0, at).trim() : '';
    const user = slackUserOf(spec.slice(at + 1));
    if (!owner || !user) return usage(`"${spec}" is not Name=@user`, 'users', locale);
    await deps.store.mapOwner(owner, user, 'manual');
    return say('users.mapped', locale, { owner, user });
  }
  if (action === 'role') {
    const user = slackUserOf(rest[0]);
    const role = rest[1];
    if (!user || !['manager', 'admin', 'none'].includes(role ?? ''))
      return usage(`expected @user and manager, admin or none`, 'users', locale);
    await deps.store.setRole(user, role === 'none' ? undefined : (role as 'manager' | 'admin'));
    return plain(`<@${user}>: ${role}`);
  }
  return usage(`unknown users action "${action ?? ''}"`, 'users', locale);
}

/**
 * Runs `/crm <text>` for a Slack user. Subcommands: churn, customer,
 * segment, summary, digest, users, help; any other text is read as a
 * question. A malformed subcommand gets its usage line, never silence.
 * @example await runCrmCommand(deps, 'U1', 'churn 10', 'dm') // the churn list, 10 per page
 */
export async function runCrmCommand(
  deps: BotDeps,
  slackUserId: string,
  text: string,
  surface: Surface,
  workspace: CommandWorkspace = {},
): Promise<CommandReply> {
  const tokens = tokenize(text);
  const locale = localeOf(text, deps.defaultLocale);
  const viewer = await resolveViewer(deps.store, slackUserId, deps.access);
  const [sub, ...args] = tokens;
  switch (sub?.toLowerCase()) {
    case undefined:
    case 'help':
      return replyToIntent(deps, viewer, { kind: 'help' }, surface, locale);
    case 'churn': {
      let limit: number | undefined, user: string | undefined;
      for (const arg of args) {
        if (/^\d+$/.test(arg) && Number(arg) >= 1 && Number(arg) <= 100) limit = Number(arg);
        else if (slackUserOf(arg)) user = slackUserOf(arg);
        else return usage(`"${arg}" is neither a count (1–100) nor an @user`, 'churn', locale);
      }
      return replyToIntent(
        deps,
        viewer,
        { kind: 'churn', ...(limit ? { limit } : {}), ...(user ? { ownerMention: user } : {}) },
        surface,
        locale,
      );
    }
    case 'customer':
    case 'lookup': {
      if (args.length !== 1) return usage('one customer id expected', 'customer', locale);
      return replyToIntent(deps, viewer, { kind: 'lookup', customerId: args[0]!.toUpperCase() }, surface, locale);
    }
    case 'segment': {
      const name = args.join(' ');
      if (!name) return usage('a segment name expected', 'segment', locale);
      const snapshot = await deps.store.latestSnapshot();
      const reply = await replyToQuestion(deps, slackUserId, `show ${name}`, surface);
      if (reply.answer.kind === 'segment' || !snapshot) return reply;
      return say('segment.unknown', locale, { segment: name });
    }
    case 'summary': {
      const user = args.length ? slackUserOf(args[0]) : undefined;
      if (args.length && !user) return usage(`"${args[0]}" is not an @user`, 'summary', locale);
      return replyToIntent(deps, viewer, { kind: 'summary', ...(user ? { ownerMention: user } : {}) }, surface, locale);
    }
    case 'digest':
      return runDigest(deps, viewer, args, locale, workspace);
    case 'users':
      return runUsers(deps, viewer, args, locale);
    default: {
      const reply = await replyToQuestion(deps, slackUserId, text, surface);
      return { blocks: reply.blocks, text: reply.text || blocksToText(reply.blocks) };
    }
  }
}
