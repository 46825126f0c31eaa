/**
 * Our side of `rfm-10m-transactions`, run as its own process by bench/run.ts
 * so that its peak RSS is ours alone:
 *
 *   node dist/bench/ours/rfm-transactions.js TRANSACTIONS.csv [--check C0000001,C0000002]
 *
 * Streams the csv through the engine exactly as the CLI does: readTable →
 * createSegmenter(header) → run.addRows(batch) → run.finish() (features,
 * cleaning report, scores, segments, tags, strategies, summary).
 *
 * The clock starts once the imports are evaluated (Node start-up excluded,
 * as on the pandas side) and stops at the finished result. Phases:
 * - readParse: readTable's own time (file reading, decoding, csv parsing, batching);
 * - addRows: the engine's time inside the batches (cell parsing, customer lookup, columns);
 * - finish: run.finish().
 * Prints one JSON line: { seconds, peakMemoryMB, customers, timing, phases, issueCounts, sample };
 * `sample` gives [recencyDays, frequency, monetary] of each --check customer
 * (null when absent), looked up after the clock stops.
 */

import { parseArgs } from 'node:util';
import { createSegmenter, type Segmenter } from '../../core/index.js';
import { readTable } from '../../io/index.js';

async function main(argv: readonly string[]): Promise<void> {
  const started = performance.now();
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { check: { type: 'string', default: '' } },
    allowPositionals: true,
  });
  const path = positionals[0];
  if (path === undefined) throw new Error('usage: rfm-transactions.js TRANSACTIONS.csv [--check ID,ID]');

  let run: Segmenter | undefined;
  let engineMs = 0;
  await readTable(path, {
    header(cells, rowNumber) {
      const t = performance.now();
      run = createSegmenter(cells, {}, { headerRow: rowNumber });
      engineMs += performance.now() - t;
    },
    rows(batch, firstRowNumber) {
      const t = performance.now();
      run!.addRows(batch, firstRowNumber);
      engineMs += performance.now() - t;
    },
  });
  const read = performance.now();
  if (!run) throw new Error(`${path}: no header`);
  const result = run.finish();
  const finished = performance.now();

  const { features } = result;
  const position = new Map<string, number>();
  const wanted = values.check.split(',').filter(Boolean);
  for (const id of wanted) position.set(id, -1);
  for (let c = 0; c < features.count; c++) if (position.has(features.ids[c]!)) position.set(features.ids[c]!, c);
  const sample = Object.fromEntries(
    wanted.map((id) => {
      const c = position.get(id)!;
      if (c < 0) return [id, null];
      const recency = features.recencyDays[c]!;
      return [id, [Number.isNaN(recency) ? null : recency, features.frequency[c]!, features.monetary[c]!]];
    }),
  );
  console.log(
    JSON.stringify({
      seconds: (finished - started) / 1000,
      peakMemoryMB: process.resourceUsage().maxRSS / 1024,
      customers: features.count,
      timing: 'after imports',
      phases: {
        readParse: (read - started - engineMs) / 1000,
        addRows: engineMs / 1000,
        finish: (finished - read) / 1000,
      },
      issueCounts: result.report.counts,
      sample,
    }),
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
