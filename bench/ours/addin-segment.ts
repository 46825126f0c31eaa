/// <reference types="office-js" />
/**
 * Our side of `addin-100k-rows`, run as its own process by bench/run.ts:
 *
 *   node dist/bench/ours/addin-segment.js [ROWS]
 *
 * The add-in's Segment action (addin/excel/segment-selection.ts) on a
 * ROWS × 12 customer sheet (default 100,000) in the office-addin-mock
 * workbook of the add-in tests: locate, read in blocks, core, write the 24
 * result columns in ≤ 4 MB blocks, summary sheet with charts, settings.
 *
 * The clock covers segmentSelection only (building the sheet is setup).
 * `seconds` is our own compute: the wall time minus the time spent inside the
 * fake (its proxies, payload measuring and cell storage stand in for Excel,
 * which does that work in its own process). Prints one JSON line with the
 * sync count and the bytes each sync moved.
 */
import { segmentSelection } from '../../addin/excel/segment-selection.js';
import { AS_OF, createCustomerBook } from '../addin/customer-sheet.js';

async function main(argv: readonly string[]): Promise<void> {
  const rows = Number(argv[0] ?? 100_000);
  if (!Number.isInteger(rows) || rows < 1) throw new Error('usage: addin-segment.js [ROWS]');
  const { book } = createCustomerBook(rows);
  book.fakeMs = 0;

  const started = performance.now();
  const outcome = await segmentSelection(book.context, { locale: 'en', asOf: AS_OF, today: '2026-11-02' });
  const finished = performance.now();

  const wall = (finished - started) / 1000,
    fake = book.fakeMs / 1000;
  const request = book.syncs.map((s) => s.requestBytes),
    response = book.syncs.map((s) => s.responseBytes);
  const moved = book.syncs.map((s) => s.requestBytes + s.responseBytes);
  console.log(
    JSON.stringify({
      seconds: wall - fake,
      peakMemoryMB: process.resourceUsage().maxRSS / 1024,
      customers: outcome.customers,
      timing: 'segmentSelection wall time minus the time inside the mock',
      phases: { wall, mock: fake },
      syncs: book.syncCount,
      writeSyncs: book.syncs.filter((s) => s.calculationSuspended).length,
      maxRequestBytes: Math.max(...request),
      maxResponseBytes: Math.max(...response),
      meanBytesPerSync: moved.reduce((a, b) => a + b, 0) / moved.length,
      totalBytes: moved.reduce((a, b) => a + b, 0),
      bytesPerSync: moved,
    }),
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
