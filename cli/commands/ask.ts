import {
  answerQuestion,
  asksForHelp,
  churnReason,
  localeOf,
  matchIntent,
  MAX_PAGE_SIZE,
  pageSizeOf,
  replyToIntent,
  todayOf,
  type Answer,
  type BotDeps,
  type ChurnSort,
  type Intent,
  type Locale,
  type Store,
  type Viewer,
} from '../../bot/index.js';
import { EXIT, UsageError, type ConsoleIo } from '../console-io.js';
import { parseCommandArgs } from '../parse-command.js';
import { DB_FLAG, withStore } from './bot-store.js';
import { localeForErrors } from '../choose-locale.js';
import { renderHelp } from '../render-help.js';
import { DEFAULT_STORE_PATH } from '../../bot/index.js';

/** This command's --help in `locale` (cli.help.ask in the catalogue). */
export const ASK_HELP = (locale: Locale): string => renderHelp('ask', locale, DEFAULT_STORE_PATH);

const OPTIONS = {
  ...DB_FLAG,
  as: { type: 'string' },
  manager: { type: 'boolean' },
  page: { type: 'string' },
  sort: { type: 'string' },
  format: { type: 'string' },
  limit: { type: 'string' },
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** One exported churn-list row (`--format json`). */
export interface ExportedRisk {
  readonly customerId: string;
  readonly owner: string | null;
  /** 1-based position in the whole list, in the chosen order. */
  readonly rank: number;
  readonly churnProbability: number | null;
  /** Churn probability × expected value over the next year; null when 0 or unknown (never a 0 from a broken model). */
  readonly expectedLoss: number | null;
  readonly currency: string;
  readonly reason: string;
  /** The ranking model (ChurnTruth.model), or how an older snapshot ranked. */
  readonly model: string;
}

function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError({ key: 'cli.usage.whole-number', params: { flag, value } });
  return n;
}

/**
 * The churn list rows from `from` (0-based rank) up to `to` (exclusive), read
 * page by page through answerQuestion: the same scoping and snoozes as the bot.
 */
async function exportRisks(
  deps: BotDeps,
  viewer: Viewer,
  intent: Extract<Intent, { kind: 'churn' }>,
  locale: Locale,
  sort: ChurnSort,
  from: number,
  to: number,
): Promise<Answer | ExportedRisk[]> {
  const rows: ExportedRisk[] = [];
  for (let offset = from; offset < to; offset += MAX_PAGE_SIZE) {
    const answer = await answerQuestion(
      intent,
      { store: deps.store, viewer, locale, surface: 'dm', today: todayOf(deps) },
      { offset, pageSize: Math.min(MAX_PAGE_SIZE, to - offset), sort },
    );
    if (answer.kind !== 'churn') return answer;
    const model =
      answer.snapshot.churn?.model ?? (answer.snapshot.churnSource === 'model' ? 'lifetime-model' : 'spec-rule');
    answer.customers.forEach((c, i) =>
      rows.push({
        customerId: c.customerId,
        owner: c.owner,
        rank: offset + i + 1,
        churnProbability: c.churnProbability,
        expectedLoss: c.expectedLoss !== null && c.expectedLoss > 0 ? c.expectedLoss : null,
        currency: answer.snapshot.currency?.code ?? 'CNY',
        reason: churnReason(c, locale),
        model,
      }),
    );
    if (answer.customers.length < Math.min(MAX_PAGE_SIZE, to - offset)) break;
  }
  return rows;
}

/**
 * `tierline ask`: the bot's answer as text, or the churn list as JSON.
 * @returns the exit code.
 */
export async function runAsk(argv: readonly string[], io: ConsoleIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (values.help) {
    io.out(ASK_HELP(localeForErrors(argv, process.env)));
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError({ key: 'cli.usage.ask-question' });
  if (values.as === undefined && !values.manager) throw new UsageError({ key: 'cli.usage.ask-who' });
  if (values.locale !== undefined && values.locale !== 'en' && values.locale !== 'zh-CN')
    throw new UsageError({ key: 'cli.usage.locale', params: { value: values.locale } });
  if (values.sort !== undefined && values.sort !== 'risk' && values.sort !== 'value')
    throw new UsageError({ key: 'cli.usage.ask-sort', params: { value: values.sort } });
  if (values.format !== undefined && values.format !== 'text' && values.format !== 'json')
    throw new UsageError({ key: 'cli.usage.ask-format', params: { value: values.format } });
  const json = values.format === 'json';
  const page = wholeNumber('--page', values.page);
  const limit = wholeNumber('--limit', values.limit);
  if (limit !== undefined && !json) throw new UsageError({ key: 'cli.usage.ask-limit' });
  const question = positionals.join(' ');
  return withStore(values.db, 'existing', async (store: Store) => {
    const snapshot = await store.latestSnapshot();
    const owners = snapshot ? await store.owners(snapshot.id) : [];
    if (values.as !== undefined && snapshot && !owners.includes(values.as)) {
      io.err(
        `tierline: no customers are owned by "${values.as}" in the snapshot of ${snapshot.asOf}. Owners: ${owners.slice(0, 8).join(', ')}…\n`,
      );
      return EXIT.usage;
    }
    const locale = (values.locale as Locale | undefined) ?? localeOf(question, 'en');
    const intent = matchIntent(question, snapshot && { segments: snapshot.segments, labels: snapshot.segmentLabels });
    const viewer: Viewer = {
      ...(values.as !== undefined ? { owner: values.as } : {}),
      manager: Boolean(values.manager) && values.as === undefined,
      admin: false,
    };
    const deps: BotDeps = {
      store,
      now: () => new Date(),
      access: { managers: [], admins: [] },
      defaultLocale: locale,
      log: () => {},
    };
    const pageSize = pageSizeOf(intent);
    const sort = (values.sort as ChurnSort | undefined) ?? (intent.kind === 'churn' ? intent.sort : undefined);
    const noData = (answer: Answer): number =>
      answer.kind === 'error' && (answer.id === 'error.no-snapshot' || answer.id === 'error.empty-snapshot')
        ? EXIT.data
        : EXIT.ok;
    if (json) {
      if (intent.kind !== 'churn') throw new UsageError({ key: 'cli.usage.ask-json-churn', params: { question } });
      const from = page === undefined ? 0 : (page - 1) * pageSize;
      const to = Math.min(
        page === undefined ? (limit ?? pageSize) : from + pageSize,
        limit ?? Number.POSITIVE_INFINITY,
      );
      const rows = await exportRisks(deps, viewer, intent, locale, sort ?? 'risk', from, Math.max(from, to));
      if (!Array.isArray(rows)) {
        // Not a list (no snapshot, not mapped): the bot's sentence, on stderr so stdout stays JSON-only.
        const text = (await replyToIntent(deps, viewer, intent, 'dm', locale)).text;
        io.err(`tierline: ${text}\n`);
        return noData(rows) === EXIT.data ? EXIT.data : EXIT.usage;
      }
      io.out(rows.length === 0 ? '[]\n' : `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
      return EXIT.ok;
    }
    // The terminal is the owner's own screen: like a DM, their customers' names show in full.
    const reply = await replyToIntent(deps, viewer, intent, 'dm', locale, {
      offset: ((page ?? 1) - 1) * pageSize,
      pageSize,
      ...(sort ? { sort } : {}),
      unmatched: intent.kind === 'help' && !asksForHelp(question),
    });
    io.out(reply.text + '\n');
    return noData(reply.answer);
  });
}
