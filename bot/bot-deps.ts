import type { AccessConfig } from './access/resolve-viewer.js';
import { calendarDayIn } from './clock/calendar-day.js';
import type { DigestScheduler } from './digests/digest-scheduler.js';
import type { Locale } from './intents/match-intent.js';
import type { Store } from './store/store.js';
import type { TempDirs } from './temp-dirs.js';

/** What an uploaded file becomes: the snapshot it was imported as (the segmented file is at the `segmentedOut` asked for). */
export interface ImportedUpload {
  readonly asOf: string;
  readonly customers: number;
}

/** Everything a listener needs besides Bolt's arguments; built once in app.ts, faked in tests. */
export interface BotDeps {
  readonly store: Store;
  readonly access: AccessConfig;
  /**
   * The bot's one clock, read at every import, answer, snooze and log
   * (never cached: a bot runs for weeks). Tests pass one that advances.
   */
  readonly now: () => Date;
  /**
   * IANA zone whose calendar day is "today" for imports (future-date
   * checks), answers and snoozes. `tierline bot` passes TIERLINE_TIME_ZONE,
   * else the system zone; UTC when absent. Digests use their subscription's zone.
   */
  readonly timeZone?: string;
  /** Language when a message gives no hint (slash commands with only ids). */
  readonly defaultLocale: Locale;
  /**
   * Set in a running bot, after the app is built (the poster needs the app's
   * client): subscribe/unsubscribe refresh its jobs.
   */
  scheduler?: DigestScheduler;
  /**
   * Segments a downloaded csv/xlsx, stores it as a snapshot and writes the
   * segmented table to `segmentedOut` (a file in the upload's temp folder,
   * removed with it). `tierline bot` passes bot/import's createBotImports
   * (read through io); absent in tests that do not upload. Takes "today"
   * from the clock at call time.
   * @throws the engine's DataValidationError (a file that is not a table) or OptionsError.
   */
  readonly importFile?: (path: string, source: string, segmentedOut: string) => Promise<ImportedUpload>;
  /** Where uploads are written while they are imported; `tierline bot` removes what is left on exit. */
  readonly tempDirs?: TempDirs;
  /** Largest upload accepted, in bytes (default 50 MB). */
  readonly uploadLimitBytes?: number;
  /** Logs without personal data: codes, ids, counts. */
  readonly log: (line: string) => void;
}

/** Today's date YYYY-MM-DD: the bot's clock read now, in the bot's time zone (UTC when unset). */
export function todayOf(deps: Pick<BotDeps, 'now' | 'timeZone'>): string {
  return calendarDayIn(deps.now(), deps.timeZone ?? 'UTC');
}
