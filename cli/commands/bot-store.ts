import { createWriteStream } from 'node:fs';
import { customerCells, customerColumns, label, resultHeaders, resultCells, type LabelKey } from '../../core/index.js';
import { prepareSnapshot } from '../../bot/store/snapshot-from-result.js';
import { DEFAULT_STORE_PATH, SqliteStore } from '../../bot/store/sqlite-store.js';
import type { SnapshotInfo, Store } from '../../bot/store/store.js';
import { formatCsvRow } from '../../io/format-csv-row.js';
import type { ConsoleIo } from '../console-io.js';
import { readSegmented } from '../read-segmented.js';
import { segmentOptionsFromFlags, SEGMENT_FLAGS } from '../segment-flags.js';

/** The `--db` flag every bot command takes. */
export const DB_FLAG = { db: { type: 'string' } } as const;
export const DB_FLAG_HELP = `  --db <file>                the bot's store (default $TIERLINE_DB or ${DEFAULT_STORE_PATH})`;

/** Opens the store named by --db, $TIERLINE_DB or the default file. */
export function openStore(db: string | undefined): Store {
  return new SqliteStore(db ?? process.env.TIERLINE_DB ?? DEFAULT_STORE_PATH);
}

type SegmentFlagValues = { readonly [K in keyof typeof SEGMENT_FLAGS]?: string };

/**
 * Reads and segments a file the way `tierline segment` does and stores it
 * as a snapshot (one transaction: a file that fails leaves the store as it was).
 * With `segmentedOut`, also writes the segmented table as csv.
 */
export async function importFile(store: Store, file: string, flags: SegmentFlagValues, io: ConsoleIo, importedAt: string, segmentedOut?: string): Promise<{ snapshot: SnapshotInfo; notes: readonly string[] }> {
  const { options, locale } = await segmentOptionsFromFlags(flags, io);
  // Purchase days let the snapshot rank churn by the lifetime models' value at risk.
  const { result } = await readSegmented({ file, segmentOptions: options, customers: flags.customers, sheet: flags.sheet, keepPurchaseDays: true }, io);
  const prepared = prepareSnapshot(result, file, importedAt);
  const snapshot = store.addSnapshot(prepared.snapshot, prepared.customers);
  if (segmentedOut) {
    const out = createWriteStream(segmentedOut);
    const idHeaders = customerColumns(result).map((column) => label(`column.${column}` as LabelKey, locale));
    out.write(formatCsvRow([...idHeaders, ...resultHeaders(result, locale)]));
    for (let c = 0; c < result.features.count; c++) out.write(formatCsvRow([...customerCells(result, c), ...resultCells(result, c, locale)]));
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
  return { snapshot, notes: prepared.modelNotes };
}

/**
 * One run of the bot's scheduled re-import (`tierline bot --import-file`):
 * never throws, so a bad file on one night leaves the store and the bot as
 * they were; logs the snapshot, or the error's code (no file content, no names).
 */
export async function runScheduledImport(store: Store, file: string, io: ConsoleIo, log: (line: string) => void, now: () => Date = () => new Date()): Promise<SnapshotInfo | undefined> {
  try {
    const { snapshot } = await importFile(store, file, {}, io, now().toISOString());
    log(`scheduled import: snapshot ${snapshot.id} of ${snapshot.asOf}, ${snapshot.customerCount} customers`);
    return snapshot;
  } catch (error) {
    const issues = (error as { issues?: { code: string }[] }).issues;
    log(`scheduled import failed: ${issues?.[0]?.code ?? (error as { code?: string }).code ?? (error as Error).name}`);
    return undefined;
  }
}
