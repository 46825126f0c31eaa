// The bot's one façade: the CLI (and benchmarks) reach the bot only through
// this file, never its internals (issue 14, test/boundaries). The Slack
// runtime (Bolt, the poster) loads on demand so `tierline import`, `ask` and
// `digest` do not wait for it.
export { todayOf, type BotDeps, type ImportedUpload } from './bot-deps.js';
export { systemTimeZone } from './clock/calendar-day.js';
export { errorCode } from './error-code.js';
export { guardProcess } from './guard-process.js';
export { createTempDirs } from './temp-dirs.js';
export { DigestScheduler } from './digests/digest-scheduler.js';
export { isTimeZone, parseSchedule, ScheduleError } from './digests/parse-schedule.js';
export { renderDigest } from './digests/render-digest.js';
export { buildDigest } from './digests/build-digest.js';
export { DEFAULT_STORE_PATH, SqliteStore } from './store/sqlite-store.js';
export { isPostgresUrl, openPostgresStore } from './store/postgres-store.js';
export type { NewSnapshot, SnapshotInfo, Store, StoredCustomer } from './store/store.js';
export { openSqliteInstallationStore } from './store/sqlite-installation-store.js';
export { openPostgresInstallationStore } from './store/postgres-installation-store.js';
export type { InstallationStore } from './store/installation-store.js';
export {
  createBotImports,
  importFile,
  importSnapshot,
  runScheduledImport,
  type FileImport,
  type ImportedSnapshot,
  type SnapshotImport,
} from './import/index.js';
export { isEmail, mapOwnersByEmail } from './access/map-owners-by-email.js';
export type { Viewer } from './access/resolve-viewer.js';
export { answerQuestion, MAX_PAGE_SIZE, pageSizeOf, type Answer } from './answers/answer-question.js';
export { localeOf, replyToIntent } from './answers/reply-to-question.js';
export { churnEvidenceLines, churnReason } from './blocks/format.js';
export { asksForHelp, matchIntent, type ChurnSort, type Intent, type Locale } from './intents/match-intent.js';

/** The Slack runtime for `tierline bot`: the Bolt app and the digest poster, loaded on use. */
export async function loadSlackRuntime(): Promise<{
  buildApp: typeof import('./app.js').buildApp;
  createSlackPoster: typeof import('./digests/slack-poster.js').createSlackPoster;
}> {
  const [{ buildApp }, { createSlackPoster }] = await Promise.all([
    import('./app.js'),
    import('./digests/slack-poster.js'),
  ]);
  return { buildApp, createSlackPoster };
}
