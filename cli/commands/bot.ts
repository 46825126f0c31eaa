import { hostname } from 'node:os';
import { Cron } from 'croner';
import {
  createBotImports,
  createTempDirs,
  DigestScheduler,
  errorCode,
  guardProcess,
  isTimeZone,
  loadSlackRuntime,
  openPostgresInstallationStore,
  openSqliteInstallationStore,
  parseSchedule,
  ScheduleError,
  systemTimeZone,
  todayOf,
  type BotDeps,
} from '../../bot/index.js';
import type { VegaLiteSpec } from '../../core/index.js';
import { renderPng } from '../../io/charts/index.js';
import { EXIT, UsageError, type ConsoleIo } from '../console-io.js';
import { parseCommandArgs } from '../parse-command.js';
import { databaseUrl, DB_FLAG, openStore, storePath } from './bot-store.js';
import { localeForErrors } from '../choose-locale.js';
import { renderHelp } from '../render-help.js';
import { sourceFromFlags, type SourceFlagNames } from '../read-source.js';
import type { Locale } from '../../core/index.js';
import { DEFAULT_STORE_PATH } from '../../bot/index.js';

/** This command's --help in `locale` (cli.help.bot in the catalogue). */
export const BOT_HELP = (locale: Locale): string => renderHelp('bot', locale, DEFAULT_STORE_PATH);

const OPTIONS = {
  ...DB_FLAG,
  port: { type: 'string' },
  host: { type: 'string' },
  'import-file': { type: 'string' },
  'import-schedule': { type: 'string' },
  'import-source': { type: 'string' },
  'import-table': { type: 'string' },
  'import-query': { type: 'string' },
  'import-statement-timeout': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const ids = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The scheduled re-import's source flags, as `tierline import`'s --source flags are named in messages (issue 12). */
const IMPORT_SOURCE_NAMES: SourceFlagNames = {
  file: '--import-file',
  source: '--import-source',
  table: '--import-table',
  query: '--import-query',
  'statement-timeout': '--import-statement-timeout',
};

/** After SIGINT/SIGTERM the bot exits within this, whatever Slack does (start-up catch-up, retries, Socket Mode reconnects). */
export const STOP_DEADLINE_MS = 3_000;

/**
 * `tierline bot`: runs the Slack app and the digest scheduler until SIGINT/SIGTERM.
 * @returns the exit code.
 */
export async function runBot(argv: readonly string[], io: ConsoleIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (positionals.length > 0)
    throw new UsageError({ key: 'cli.usage.extra-argument', params: { argument: positionals[0]! } });
  if (values.help) {
    io.out(BOT_HELP(localeForErrors(argv, process.env)));
    return EXIT.ok;
  }
  const token = process.env.SLACK_BOT_TOKEN,
    signingSecret = process.env.SLACK_SIGNING_SECRET;
  // "Add to Slack" (many workspaces) when the OAuth settings are set, else one workspace's bot token.
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, SLACK_STATE_SECRET: stateSecret } = process.env;
  const oauthMode = Boolean(clientId || clientSecret || stateSecret);
  if (oauthMode && !(clientId && clientSecret && stateSecret))
    throw new UsageError({ key: 'cli.usage.bot-oauth-incomplete' });
  if (oauthMode && process.env.SLACK_APP_TOKEN) throw new UsageError({ key: 'cli.usage.bot-oauth-socket' });
  if ((!oauthMode && !token) || !signingSecret) throw new UsageError({ key: 'cli.usage.bot-credentials' });
  const locale = process.env.TIERLINE_LOCALE === 'zh-CN' ? 'zh-CN' : 'en';
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError({ key: 'cli.usage.port', params: { value: String(values.port) } });
  // A database re-import (issue 12): checked as `tierline import --source` checks its flags; the CLI reads the rows, bot/ segments them.
  const importSource = sourceFromFlags(
    {
      source: values['import-source'],
      table: values['import-table'],
      query: values['import-query'],
      'statement-timeout': values['import-statement-timeout'],
    },
    values['import-file'] !== undefined ? [values['import-file']] : [],
    'bot',
    IMPORT_SOURCE_NAMES,
  );
  let importSchedule;
  if (values['import-file'] !== undefined || importSource !== undefined) {
    try {
      importSchedule = parseSchedule((values['import-schedule'] ?? 'daily 06:00 UTC').split(/\s+/), new Date());
    } catch (error) {
      if (error instanceof ScheduleError)
        throw new UsageError({ key: 'cli.usage.import-schedule', params: { reason: error.message } });
      throw error;
    }
  }
  const timeZone = process.env.TIERLINE_TIME_ZONE || systemTimeZone();
  if (!isTimeZone(timeZone)) throw new UsageError({ key: 'cli.usage.time-zone', params: { value: timeZone } });
  // The Slack runtime loads on use (the façade keeps it out of import/ask/digest).
  const { buildApp, createSlackPoster } = await loadSlackRuntime();
  // Handlers first: a SIGTERM during start-up (catch-up digests, Socket Mode connecting) must still stop the bot.
  let onSignal: () => void = () => {};
  const stopped = new Promise<'stop'>((resolve) => {
    onSignal = () => resolve('stop');
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
  const clock = { now: () => new Date(), timeZone };
  const log = (line: string) => io.err(`${clock.now().toISOString()} ${line}\n`);
  const unguard = guardProcess(log);
  const store = await openStore(values.db);
  // OAuth mode: installations live beside the rest of the store (the PostgreSQL database when
  // TIERLINE_DATABASE_URL selects it, so every instance sees every workspace), on their own connection.
  const url = databaseUrl(values.db);
  const installations = oauthMode
    ? url !== undefined
      ? await openPostgresInstallationStore(url, {
          onIdleError: (error) => log(`installation store connection lost: ${errorCode(error)}`),
        }).catch(async (error: unknown) => {
          await store.close().catch(() => undefined);
          throw error;
        })
      : openSqliteInstallationStore(storePath(values.db))
    : undefined;
  const tempDirs = createTempDirs();
  const imports = createBotImports(store, clock, log);
  const deps: BotDeps = {
    store,
    access: { managers: ids(process.env.TIERLINE_MANAGERS), admins: ids(process.env.TIERLINE_ADMINS) },
    ...clock,
    defaultLocale: locale,
    log,
    importFile: imports.importUpload,
    tempDirs,
  };
  // SLACK_API_URL points the Web API client elsewhere (a local fake in tests, a proxy in locked-down networks).
  const clientOptions = process.env.SLACK_API_URL ? { slackApiUrl: process.env.SLACK_API_URL } : {};
  const built = buildApp(
    {
      signingSecret,
      clientOptions,
      ...(oauthMode
        ? {
            oauth: {
              clientId: clientId!,
              clientSecret: clientSecret!,
              stateSecret: stateSecret!,
              installations: installations!,
            },
          }
        : { token: token! }),
      ...(process.env.SLACK_APP_TOKEN ? { appToken: process.env.SLACK_APP_TOKEN } : {}),
    },
    deps,
  );
  const renderChart = async (spec: VegaLiteSpec): Promise<Buffer> => (await renderPng(spec)).png;
  const scheduler = new DigestScheduler({
    store,
    // OAuth mode: each digest is posted with its own workspace's token, looked up at post time.
    poster: createSlackPoster(store, built.app.client, {
      renderChart,
      log,
      ...(installations ? { installations } : {}),
    }),
    worker: `${hostname()}:${process.pid}`,
    now: clock.now,
    log,
  });
  deps.scheduler = scheduler;
  let importJob: Cron | undefined;
  let startUpSettled = false;
  const startUp = (async () => {
    log(
      `bot starting in ${built.mode === 'socket' ? 'Socket Mode' : 'HTTP mode'} (today is ${todayOf(clock)} in ${timeZone})`,
    );
    const { port: bound } = await built.start(port, values.host);
    log(built.mode === 'socket' ? 'bot running in Socket Mode' : `bot listening on port ${bound} (/slack/events)`);
    const caughtUp = await scheduler.start();
    for (const o of caughtUp)
      if (o.result !== 'not-due') log(`start-up digest check: subscription ${o.subscriptionId} ${o.result}`);
    const scheduled = importSource
      ? { name: importSource.name, readRows: importSource.readRows }
      : values['import-file'];
    if (importSchedule && scheduled !== undefined) {
      log(
        `scheduled import of ${typeof scheduled === 'string' ? scheduled : scheduled.name}: next ${importSchedule.next.toISOString()}`,
      );
      importJob = new Cron(importSchedule.cron, { timezone: importSchedule.timeZone, protect: true }, () =>
        imports.scheduledImport(scheduled).then(() => undefined),
      );
    }
  })().finally(() => {
    startUpSettled = true;
  });
  // Stopped before start-up finished: its late failure is logged, not fatal.
  startUp.catch((error: unknown) => log(`start-up ended: ${errorCode(error)}`));
  // Customer data must not outlive the process, even when the deadline cuts the stop short.
  const cleanUpSync = () => {
    tempDirs.removeAll();
    // SQLite closes at once; PostgreSQL's pool ends in the background (or with the process).
    store.close().catch(() => undefined);
    installations?.close().catch(() => undefined);
  };
  try {
    await Promise.race([startUp, stopped]);
    await stopped;
  } finally {
    // Unref'd: it never keeps a finished process alive, but ends one that Slack's retries or reconnects would.
    const deadline = setTimeout(() => {
      log('stop deadline reached: exiting without waiting for Slack');
      cleanUpSync();
      process.exit(EXIT.ok);
    }, STOP_DEADLINE_MS);
    deadline.unref();
    importJob?.stop();
    scheduler.stop();
    await Promise.race([
      built.stop().catch((error: unknown) => log(`stop: ${errorCode(error)}`)),
      new Promise((r) => setTimeout(r, STOP_DEADLINE_MS).unref()),
    ]);
    cleanUpSync();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // A start-up still waiting on Slack keeps timers (and the guards) alive: leave the deadline to end them.
    if (startUpSettled) {
      clearTimeout(deadline);
      unguard();
    }
  }
  return EXIT.ok;
}
