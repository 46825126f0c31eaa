import type { SegmentOptionsInput } from '../../core/index.js';
import type { ReadTableResult, TableSink } from '../../io/index.js';
import { readSegmented } from '../../io/read-segmented.js';
import { todayOf, type BotDeps, type ImportedUpload } from '../bot-deps.js';
import type { SnapshotInfo, Store } from '../store/store.js';
import { importSnapshot, runScheduledImport, type ImportedSnapshot } from './import-snapshot.js';

/** A file to read through io, segment and keep as a snapshot. */
export interface FileImport {
  readonly file: string;
  readonly segmentOptions: SegmentOptionsInput;
  /** A customer table joined onto a transaction file by customer id. */
  readonly customers?: string;
  /** Sheet name or 1-based number of an xlsx file. */
  readonly sheet?: string | number;
  /** When the import ran (ISO instant from the caller's clock). */
  readonly importedAt: string;
  /** Write the segmented table here as csv. */
  readonly segmentedOut?: string;
  /**
   * Streams the raw rows into io's sink instead of reading `file` (a
   * database source: the CLI builds it, bot/ does not read databases);
   * `file` then only names the rows in the snapshot and in messages.
   */
  readonly readRows?: RowReader;
}

/** Streams a source's raw rows into io's sink as io's readTable streams a file's (io/read-segmented.ts's `readRows`). */
export type RowReader = (sink: TableSink) => Promise<ReadTableResult>;

/** Rows to re-import that are not a file: a database table or query read by `readRows`, named `name` (password redacted). */
export interface RowsImport {
  readonly name: string;
  readonly readRows: RowReader;
}

/**
 * Reads and segments a file through io (the pipeline `tierline segment`
 * uses) and stores it as a snapshot; purchase days are kept so the snapshot
 * can rank churn by the lifetime models' value at risk.
 * @throws DataValidationError, OptionsError and file errors from reading (the store is unchanged).
 */
export async function importFile(store: Store, request: FileImport): Promise<ImportedSnapshot> {
  const { file, segmentOptions } = request;
  const { result } = await readSegmented({
    file,
    segmentOptions,
    customers: request.customers,
    sheet: request.sheet,
    keepPurchaseDays: true,
    ...(request.readRows ? { readRows: request.readRows } : {}),
  });
  const locale = segmentOptions.locale ?? 'en';
  return importSnapshot(store, {
    result,
    source: file,
    importedAt: request.importedAt,
    locale,
    ...(request.segmentedOut ? { segmentedOut: request.segmentedOut } : {}),
  });
}

/**
 * The running bot's two imports (an admin's upload, the scheduled re-import),
 * each taking "today" from the clock when it runs, in the bot's zone: a bot
 * started on the 10th whose nightly import runs on the 21st must not drop the
 * orders of the 19th and 20th as future dates.
 */
export function createBotImports(
  store: Store,
  clock: Pick<BotDeps, 'now' | 'timeZone'>,
  log: (line: string) => void,
): {
  importUpload: (path: string, source: string, segmentedOut: string) => Promise<ImportedUpload>;
  /** Re-imports a file, or rows read by a reader (the CLI's `--import-source`); a failure is logged by its code, the store unchanged. */
  scheduledImport: (source: string | RowsImport) => Promise<SnapshotInfo | undefined>;
} {
  const importNow = (source: string | RowsImport, segmentedOut?: string) =>
    importFile(store, {
      ...(typeof source === 'string' ? { file: source } : { file: source.name, readRows: source.readRows }),
      segmentOptions: { today: todayOf(clock), locale: 'en' },
      importedAt: clock.now().toISOString(),
      ...(segmentedOut ? { segmentedOut } : {}),
    });
  return {
    async importUpload(path, _source, segmentedOut) {
      const { snapshot } = await importNow(path, segmentedOut);
      return { asOf: snapshot.asOf, customers: snapshot.customerCount };
    },
    scheduledImport: (source) => runScheduledImport(() => importNow(source), log),
  };
}
