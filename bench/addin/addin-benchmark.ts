import { join } from 'node:path';
import type { Benchmark } from '../harness/benchmarks.js';
import { runChild } from '../harness/run-child.js';
import { DATA_DIR, OURS_DIR } from '../paths.js';
import { ensureCustomerXlsx } from './ensure-customer-xlsx.js';

/** The targets for the add-in on 100,000 rows × 12 columns. */
export const ADDIN_TARGETS = { syncs: 25, payloadBytes: 5 * 1024 * 1024, seconds: 3 } as const;

const MB = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/**
 * `addin-100k-rows`: the add-in's Segment action through the office-addin-mock
 * workbook against the command line on the same sheet saved as .xlsx. There
 * is no pandas side for an Excel add-in; the reference is the route the
 * add-in replaces (export, run tierline, open the result). Besides the
 * harness's ratio and memory targets, the checks give the absolute
 * targets, and a miss fails the verdict: syncs ≤ 25, every sync under 5 MB,
 * and under 3 s of our own compute.
 */
export const addinRows: Benchmark = {
  name: 'addin-100k-rows',
  referenceName: 'cli',
  unit: 'rows',
  oursTimes:
    'segmentSelection on a 12-column customer sheet in the mock workbook (locate, block reads, core, 24 result columns in ≤ 4 MB blocks, summary sheet + charts, settings), minus the time inside the mock',
  referenceTimes:
    'tierline segment SHEET.xlsx --out OUT.xlsx on the same sheet (streaming xlsx read, core, streaming xlsx write)',
  async prepare(transactionRows, log) {
    // One sheet row per 100 transactions: the 100,000 rows at the default 10M.
    const rows = Math.max(100, Math.round(transactionRows / 100));
    const sheet = await ensureCustomerXlsx(rows, log);
    const output = join(DATA_DIR, `addin-reference-${rows}.xlsx`);
    return {
      rows,
      ours: () => runChild(process.execPath, [join(OURS_DIR, 'addin-segment.js'), String(rows)]),
      reference: () => runChild(process.execPath, [join(OURS_DIR, 'segment-xlsx-cli.js'), sheet, output]),
      compare(ours, reference) {
        const checks: string[] = [];
        const mismatches: string[] = [];
        const a = ours.report.customers,
          b = reference.report.customers;
        if (a === b) checks.push(`customers agree (${a.toLocaleString('en-US')})`);
        else mismatches.push(`customer count: add-in ${a}, command line ${b}`);
        const figures = ours.report as Record<string, unknown>;
        const syncs = Number(figures['syncs']),
          writeSyncs = Number(figures['writeSyncs']);
        const largest = Math.max(Number(figures['maxRequestBytes']), Number(figures['maxResponseBytes']));
        const line = `${syncs} syncs (${writeSyncs} write blocks), largest ${MB(largest)}, mean ${MB(Number(figures['meanBytesPerSync']))} per sync, ${MB(Number(figures['totalBytes']))} in all`;
        if (syncs <= ADDIN_TARGETS.syncs && largest < ADDIN_TARGETS.payloadBytes)
          checks.push(`${line}: targets ≤ ${ADDIN_TARGETS.syncs} syncs and < 5 MB per sync met`);
        else mismatches.push(`${line}: targets ≤ ${ADDIN_TARGETS.syncs} syncs and < 5 MB per sync MISSED`);
        // The targets are absolute; a miss fails the verdict like a disagreement does.
        const seconds = ours.report.seconds;
        (seconds < ADDIN_TARGETS.seconds ? checks : mismatches).push(
          `our compute ${seconds.toFixed(2)} s ${seconds < ADDIN_TARGETS.seconds ? '<' : '≥'} ${ADDIN_TARGETS.seconds} s (issue 5 target)`,
        );
        return { checks, mismatches };
      },
    };
  },
};
