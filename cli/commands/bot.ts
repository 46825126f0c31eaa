import { mkdtemp } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cron } from 'croner';
import { buildApp } from '../../bot/app.js';
import type { BotDeps } from '../../bot/bot-deps.js';
import { DigestScheduler } from '../../bot/digests/digest-scheduler.js';
import { parseSchedule, ScheduleError } from '../../bot/digests/parse-schedule.js';
import { createSlackPoster } from '../../bot/digests/slack-poster.js';
import type { VegaLiteSpec } from '../../core/charts/index.js';
import { renderPng } from '../../io/charts/index.js';
import { EXIT, UsageError, type ConsoleIo } from '../console-io.js';
import { parseCommandArgs } from '../parse-command.js';
import { DB_FLAG, DB_FLAG_HELP, importFile, openStore, runScheduledImport } from './bot-store.js';

export const BOT_HELP = `Usage: tierline bot [options]

Starts the Slack bot (see bot/README.md). Socket Mode when SLACK_APP_TOKEN is
set (local development), else an HTTP server for Slack's requests on
/slack/events (production; every request's signature is verified).

Environment:
  SLACK_BOT_TOKEN            bot token xoxb-… (required)
  SLACK_SIGNING_SECRET       signing secret (required)
  SLACK_APP_TOKEN            app-level token xapp-… with connections:write: Socket Mode
  TIERLINE_MANAGERS          Slack user ids with the manager role, comma-separated
  TIERLINE_ADMINS            Slack user ids with the admin role (import, users), comma-separated
  TIERLINE_LOCALE            en or zh-CN when a message gives no hint (default en)
  SLACK_API_URL              Web API base URL (default https://slack.com/api/)

Options:
  --port <n>                 HTTP port (default $PORT or 3000)
  --host <address>           HTTP address (default 0.0.0.0)
  --import-file <file>       re-import this file on a schedule
  --import-schedule "<spec>" when, e.g. "daily 06:00 Asia/Shanghai" (default daily 06:00 UTC)
${DB_FLAG_HELP}
  -h, --help                 this help
`;

const OPTIONS = { ...DB_FLAG, port: { type: 'string' }, host: { type: 'string' }, 'import-file': { type: 'string' }, 'import-schedule': { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

const ids = (value: string | undefined): string[] => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/**
 * `tierline bot`: runs the Slack app and the digest scheduler until SIGINT/SIGTERM.
 * @returns the exit code.
 */
export async function runBot(argv: readonly string[], io: ConsoleIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
  if (values.help) {
    io.out(BOT_HELP);
    return EXIT.ok;
  }
  const token = process.env.SLACK_BOT_TOKEN, signingSecret = process.env.SLACK_SIGNING_SECRET;
  if (!token || !signingSecret) throw new UsageError('bot: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (see bot/README.md).');
  const locale = process.env.TIERLINE_LOCALE === 'zh-CN' ? 'zh-CN' : 'en';
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number; got "${values.port}".`);
  let importSchedule;
  if (values['import-file'] !== undefined) {
    try {
      importSchedule = parseSchedule((values['import-schedule'] ?? 'daily 06:00 UTC').split(/\s+/), new Date());
    } catch (error) {
      if (error instanceof ScheduleError) throw new UsageError(`--import-schedule: ${error.message}`);
      throw error;
    }
  }
  // Handlers first: a SIGTERM during start-up (catch-up digests can take a while) must still stop cleanly.
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const store = openStore(values.db);
  const log = (line: string) => io.err(`${new Date().toISOString()} ${line}\n`);
  const uploads = await mkdtemp(join(tmpdir(), 'tierline-bot-'));
  let uploadCount = 0;
  const deps: BotDeps = {
    store,
    access: { managers: ids(process.env.TIERLINE_MANAGERS), admins: ids(process.env.TIERLINE_ADMINS) },
    now: () => new Date(),
    defaultLocale: locale,
    log,
    importFile: async (path) => {
      const segmentedPath = join(uploads, `segmented-${++uploadCount}.csv`);
      const { snapshot } = await importFile(store, path, {}, io, new Date().toISOString(), segmentedPath);
      return { asOf: snapshot.asOf, customers: snapshot.customerCount, segmentedPath };
    },
  };
  // SLACK_API_URL points the Web API client elsewhere (a local fake in tests, a proxy in locked-down networks).
  const clientOptions = process.env.SLACK_API_URL ? { slackApiUrl: process.env.SLACK_API_URL } : {};
  const built = buildApp({ token, signingSecret, clientOptions, ...(process.env.SLACK_APP_TOKEN ? { appToken: process.env.SLACK_APP_TOKEN } : {}) }, deps);
  const renderChart = async (spec: VegaLiteSpec): Promise<Buffer> => (await renderPng(spec)).png;
  const scheduler = new DigestScheduler({ store, poster: createSlackPoster(store, built.app.client, { renderChart, log }), worker: `${hostname()}:${process.pid}`, log });
  deps.scheduler = scheduler;
  const { port: bound } = await built.start(port, values.host);
  log(built.mode === 'socket' ? 'bot running in Socket Mode' : `bot listening on port ${bound} (/slack/events)`);
  const caughtUp = await scheduler.start();
  for (const o of caughtUp) if (o.result !== 'not-due') log(`start-up digest check: subscription ${o.subscriptionId} ${o.result}`);
  let importJob: Cron | undefined;
  if (importSchedule && values['import-file']) {
    const file = values['import-file'];
    importJob = new Cron(importSchedule.cron, { timezone: importSchedule.timeZone, protect: true }, async () => {
      await runScheduledImport(store, file, io, log);
    });
  }
  await stopped;
  importJob?.stop();
  scheduler.stop();
  await built.stop();
  store.close();
  return EXIT.ok;
}
