import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { ensureFeatures } from '../generate-features.js';
import { customerCount, customerId, ensureTransactions } from '../generate-transactions.js';
import { OURS_DIR, PYTHON, REFERENCE_DIR } from '../paths.js';
import { runChild, type ChildRun, type CustomerSample } from './run-child.js';

/** Targets printed beside every result (from the benchmark issue). */
export const TARGETS = { ratio: 1.0, peakMemoryMB: 2048 } as const;

export interface Measurement {
  readonly name: string;
  /** Rows the benchmark works on: transactions, or customers for the scoring one. */
  readonly rows: number;
  /** The median run of each side (by timed seconds) when repeated. */
  readonly ours: ChildRun;
  readonly reference: ChildRun;
  readonly repeats: number;
  /** Agreement checks that passed, in words. */
  readonly checks: readonly string[];
  /** Disagreements between ours and the reference. */
  readonly mismatches: readonly string[];
}

/** A benchmark with its input ready: each call runs one side once, in a fresh process. */
export interface PreparedBenchmark {
  readonly rows: number;
  ours(): Promise<ChildRun>;
  reference(): Promise<ChildRun>;
  compare(ours: ChildRun, reference: ChildRun): { checks: string[]; mismatches: string[] };
}

export interface Benchmark {
  readonly name: string;
  /** What each side's clock covers. */
  readonly oursTimes: string;
  readonly referenceTimes: string;
  /** Generates (or finds) the input for `transactionRows` (--rows). */
  prepare(transactionRows: number, log: (line: string) => void): Promise<PreparedBenchmark>;
}

/**
 * Runs both sides `repeats` times, alternating ours and the reference so a
 * burst of load elsewhere on the machine hits both, and keeps each side's
 * median run. Agreement is checked on the first pair.
 */
export async function measure(benchmark: Benchmark, transactionRows: number, repeats: number, log: (line: string) => void): Promise<Measurement> {
  const prepared = await benchmark.prepare(transactionRows, log);
  const ours: ChildRun[] = [], reference: ChildRun[] = [];
  for (let i = 0; i < repeats; i++) {
    const round = repeats > 1 ? ` (${i + 1}/${repeats})` : '';
    log(`  ours${round} …`);
    ours.push(await prepared.ours());
    log(`  pandas${round} …`);
    reference.push(await prepared.reference());
  }
  const { checks, mismatches } = prepared.compare(ours[0]!, reference[0]!);
  return { name: benchmark.name, rows: prepared.rows, ours: medianRun(ours), reference: medianRun(reference), repeats, checks, mismatches };
}

function medianRun(runs: readonly ChildRun[]): ChildRun {
  const sorted = [...runs].sort((a, b) => a.report.seconds - b.report.seconds);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

const node = (script: string, args: readonly string[]) => runChild(process.execPath, [join(OURS_DIR, script), ...args]);
const python = (script: string, args: readonly string[]) => runChild(PYTHON, [join(REFERENCE_DIR, script), ...args]);

/** Reads a file once and discards it, so both sides find it in the page cache. */
async function warmPageCache(path: string): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 8 << 20 })) void chunk;
}

/** Customers spread over the activity range (index 0 is the busiest). */
function sampleIds(customers: number): string[] {
  const picks = [0, 1, 9, 99, 999, 9_999, customers / 10, customers / 4, customers / 2, (customers * 3) / 4, customers - 2, customers - 1];
  return [...new Set(picks.map(Math.floor).filter((c) => c >= 0 && c < customers))].map(customerId);
}

function sameMoney(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 + 1e-12 * Math.abs(a);
}

/** Compares [recency, frequency, monetary] of the sampled customers. */
function compareSamples(ours: CustomerSample, reference: CustomerSample, ids: readonly string[]): { agreeing: number; mismatches: string[] } {
  const mismatches: string[] = [];
  let agreeing = 0;
  const show = (v: readonly [number | null, number, number] | null | undefined) => (v ? `R ${v[0] ?? '–'} F ${v[1]} M ${v[2].toFixed(2)}` : 'absent');
  for (const id of ids) {
    const a = ours[id], b = reference[id];
    const same = a === undefined || b === undefined ? false : a === null || b === null ? a === b : a[0] === b[0] && a[1] === b[1] && sameMoney(a[2], b[2]);
    if (same) agreeing++;
    else mismatches.push(`customer ${id}: ours ${show(a)}, pandas ${show(b)}`);
  }
  return { agreeing, mismatches };
}

export const rfmTransactions: Benchmark = {
  name: 'rfm-10m-transactions',
  oursTimes: 'readTable → createSegmenter → addRows → finish (scores, segments, tags, strategies, report), after imports',
  referenceTimes: 'read_csv + to_datetime → groupby last date / distinct days / net sum → 3 × qcut(rank), after imports',
  async prepare(rows, log) {
    const path = await ensureTransactions({ rows }, log);
    const ids = sampleIds(customerCount(rows));
    const check = ['--check', ids.join(',')];
    await warmPageCache(path);
    return {
      rows,
      ours: () => node('rfm-transactions.js', [path, ...check]),
      reference: () => python('rfm_pandas.py', [path, ...check]),
      compare(ours, reference) {
        const checks: string[] = [];
        const mismatches: string[] = [];
        const a = ours.report.customers, b = reference.report.customers;
        if (a === b) checks.push(`customers agree (${a.toLocaleString('en-US')})`);
        else mismatches.push(`customer count: ours ${a.toLocaleString('en-US')}, pandas ${b.toLocaleString('en-US')}`);
        const compared = compareSamples(ours.report.sample ?? {}, reference.report.sample ?? {}, ids);
        if (compared.agreeing > 0) checks.push(`${compared.agreeing}/${ids.length} sampled customers agree on recency, frequency, monetary`);
        mismatches.push(...compared.mismatches);
        return { checks, mismatches };
      },
    };
  },
};

export const rfmScore: Benchmark = {
  name: 'rfm-score-1m-customers',
  oursTimes: "assignTags + applyScheme('rfm') on Float64Array features (quintiles with ties kept, segments, strategies)",
  referenceTimes: "3 × pd.qcut(x.rank(method='first'), 5) on the same columns",
  async prepare(rows, log) {
    // One customer per ten transactions: 1,000,000 at the default 10M rows.
    const customers = customerCount(rows);
    const path = ensureFeatures(customers, log);
    return {
      rows: customers,
      ours: () => node('score-features.js', [path, String(customers)]),
      reference: () => python('score_pandas.py', [path, String(customers)]),
      compare(ours, reference) {
        const scored = [ours.report.customers, reference.report.customers];
        return scored.every((n) => n === customers)
          ? { checks: [`both scored ${customers.toLocaleString('en-US')} customers`], mismatches: [] }
          : { checks: [], mismatches: [`customers scored: ours ${scored[0]}, pandas ${scored[1]}, expected ${customers}`] };
      },
    };
  },
};

export const BENCHMARKS: readonly Benchmark[] = [rfmTransactions, rfmScore];
