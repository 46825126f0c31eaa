import type { Viewer } from '../../bot/access/resolve-viewer.js';
import { localeOf, replyToIntent } from '../../bot/answers/reply-to-question.js';
import { matchIntent } from '../../bot/intents/match-intent.js';
import { EXIT, UsageError, type ConsoleIo } from '../console-io.js';
import { parseCommandArgs } from '../parse-command.js';
import { DB_FLAG, DB_FLAG_HELP, withStore } from './bot-store.js';

export const ASK_HELP = `Usage: tierline ask "<question>" --as <owner> [options]
       tierline ask "<question>" --manager

Answers a question the way the Slack bot does, as text, without Slack:
"who is at churn risk", "哪些客户有流失风险", "C00042", "show champions",
"my summary", "help". --as answers as that owner (客户经理) and sees only
their customers; --manager sees every owner's.

Options:
  --as <owner>               the owner name as written in the data
  --manager                  answer as a manager (all owners)
  --page <n>                 page of a long list (default 1)
  --locale en|zh-CN          answer language (default: the question's)
${DB_FLAG_HELP}
  -h, --help                 this help

Exit codes: 0 ok, 1 bad usage, 2 no data to answer from.
`;

const OPTIONS = { ...DB_FLAG, as: { type: 'string' }, manager: { type: 'boolean' }, page: { type: 'string' }, locale: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

/**
 * `tierline ask`: the bot's answer as text.
 * @returns the exit code.
 */
export async function runAsk(argv: readonly string[], io: ConsoleIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (values.help) {
    io.out(ASK_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('ask: missing the question.');
  if (values.as === undefined && !values.manager) throw new UsageError('ask: say who is asking: --as <owner> or --manager.');
  if (values.locale !== undefined && values.locale !== 'en' && values.locale !== 'zh-CN') throw new UsageError(`--locale must be en or zh-CN; got "${values.locale}".`);
  const page = values.page === undefined ? 1 : Number(values.page);
  if (!Number.isInteger(page) || page < 1) throw new UsageError(`--page must be a whole number ≥ 1; got "${values.page}".`);
  const question = positionals.join(' ');
  return withStore(values.db, 'existing', (store) => {
    const snapshot = store.latestSnapshot();
    if (values.as !== undefined && snapshot && !store.owners(snapshot.id).includes(values.as)) {
      io.err(`tierline: no customers are owned by "${values.as}" in the snapshot of ${snapshot.asOf}. Owners: ${store.owners(snapshot.id).slice(0, 8).join(', ')}…\n`);
      return EXIT.usage;
    }
    const locale = (values.locale as 'en' | 'zh-CN' | undefined) ?? localeOf(question, 'en');
    const intent = matchIntent(question, snapshot && { segments: snapshot.segments, labels: snapshot.segmentLabels });
    const viewer: Viewer = { ...(values.as !== undefined ? { owner: values.as } : {}), manager: Boolean(values.manager) && values.as === undefined, admin: false };
    // The terminal is the owner's own screen: like a DM, their customers' names show in full.
    const reply = replyToIntent({ store, now: () => new Date(), access: { managers: [], admins: [] }, defaultLocale: locale, log: () => {} }, viewer, intent, 'dm', locale, { offset: (page - 1) * 5, unmatched: intent.kind === 'help' && !/^\s*(help|帮助)\s*$/i.test(question) });
    io.out(reply.text + '\n');
    return reply.answer.kind === 'error' && (reply.answer.id === 'error.no-snapshot' || reply.answer.id === 'error.empty-snapshot') ? EXIT.data : EXIT.ok;
  });
}
