import {
  customerCells,
  customerColumns,
  label,
  resultCells,
  resultHeaders,
  type LabelKey,
  type Locale,
  type SegmentationResult,
} from '../../core/index.js';
import { openTableWriter } from '../../io/index.js';
import { prepareSnapshot } from '../store/snapshot-from-result.js';
import type { SnapshotInfo, Store } from '../store/store.js';

/** A segmented run to keep as a snapshot, and where (if anywhere) to write its segmented table. */
export interface SnapshotImport {
  readonly result: SegmentationResult;
  /** The file it was read from, as the snapshot records it. */
  readonly source: string;
  /** When the import ran (ISO instant from the caller's clock). */
  readonly importedAt: string;
  /** Language of the segmented table's headers and labels. */
  readonly locale: Locale;
  /** Also write the segmented table here as csv (an upload's reply file). */
  readonly segmentedOut?: string;
}

/** The stored snapshot and the model notes to show beside it. */
export interface ImportedSnapshot {
  readonly snapshot: SnapshotInfo;
  readonly notes: readonly string[];
}

/**
 * Stores a segmented run as a dated snapshot (one transaction: a run that
 * fails leaves the store as it was) and, with `segmentedOut`, writes the
 * segmented table through io's one csv writer (formula-looking text escaped,
 * written atomically).
 */
export async function importSnapshot(store: Store, request: SnapshotImport): Promise<ImportedSnapshot> {
  const { result, locale, segmentedOut } = request;
  const prepared = prepareSnapshot(result, request.source, request.importedAt);
  const snapshot = await store.addSnapshot(prepared.snapshot, prepared.customers);
  if (segmentedOut) {
    const out = await openTableWriter(segmentedOut, { format: 'csv' });
    try {
      const idHeaders = customerColumns(result).map((column) => label(`column.${column}` as LabelKey, locale));
      out.writeRow([...idHeaders, ...resultHeaders(result, locale)]);
      for (let c = 0; c < result.features.count; c++)
        out.writeRow([...customerCells(result, c), ...resultCells(result, c, locale)]);
    } catch (error) {
      await out.abort();
      throw error;
    }
    await out.close();
  }
  return { snapshot, notes: prepared.modelNotes };
}

/**
 * One run of the scheduled re-import: never throws, so a bad file on one
 * night leaves the store and the bot as they were; logs the snapshot, or the
 * error's code (no file content, no names).
 */
export async function runScheduledImport(
  importOnce: () => Promise<ImportedSnapshot>,
  log: (line: string) => void,
): Promise<SnapshotInfo | undefined> {
  try {
    const { snapshot } = await importOnce();
    log(`scheduled import: snapshot ${snapshot.id} of ${snapshot.asOf}, ${snapshot.customerCount} customers`);
    return snapshot;
  } catch (error) {
    const issues = (error as { issues?: { code: string }[] }).issues;
    log(`scheduled import failed: ${issues?.[0]?.code ?? (error as { code?: string }).code ?? (error as Error).name}`);
    return undefined;
  }
}
