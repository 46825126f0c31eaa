import type { AccessConfig } from './access/resolve-viewer.js';
import type { DigestScheduler } from './digests/digest-scheduler.js';
import type { Locale } from './intents/match-intent.js';
import type { Store } from './store/store.js';

/** What an uploaded file becomes: the snapshot it was imported as and the segmented file to send back. */
export interface ImportedUpload {
  readonly asOf: string;
  readonly customers: number;
  /** The segmented file (csv) to upload back to the user. */
  readonly segmentedPath: string;
}

/** Everything a listener needs besides Bolt's arguments; built once in app.ts, faked in tests. */
export interface BotDeps {
  readonly store: Store;
  readonly access: AccessConfig;
  /** The bot's clock (tests fix it). */
  readonly now: () => Date;
  /** Language when a message gives no hint (slash commands with only ids). */
  readonly defaultLocale: Locale;
  /**
   * Set in a running bot, after the app is built (the poster needs the app's
   * client): subscribe/unsubscribe refresh its jobs.
   */
  scheduler?: DigestScheduler;
  /**
   * Segments a downloaded csv/xlsx and stores it as a snapshot. Injected by
   * `tierline bot` (the CLI owns file reading), absent in tests that do not upload.
   * @throws the engine's DataValidationError (a file that is not a table) or UsageError.
   */
  readonly importFile?: (path: string, source: string) => Promise<ImportedUpload>;
  /** Largest upload accepted, in bytes (default 50 MB). */
  readonly uploadLimitBytes?: number;
  /** Logs without personal data: codes, ids, counts. */
  readonly log: (line: string) => void;
}

/** Today's date YYYY-MM-DD of the bot's clock, in UTC (snoozes and log dates). */
export function todayOf(deps: Pick<BotDeps, 'now'>): string {
  return deps.now().toISOString().slice(0, 10);
}
