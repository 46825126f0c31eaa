/**
 * Seeded generator of the large benchmark input: `rows` transactions of about
 * `rows / 10` customers over two years, as csv with the columns
 * `Order ID,Customer ID,Order date,Amount`.
 *
 *   node dist/bench/generate-transactions.js [--rows 10000000] [--seed 20261125] [--out bench/data]
 *
 * Same arguments ⇒ byte-identical file (every draw comes from createRng).
 * Shape of the data, chosen to look like a retail export, not to be kind to
 * either engine:
 * - customers: row i belongs to customer ⌊N·u²⌋ (u uniform), so activity is
 *   skewed: the last customers average ~5 rows, the first few thousands; with
 *   N = rows / 10 about 99% of the N customers appear at least once.
 * - dates: uniform over the 730 days ending 2026-10-31, written YYYY-MM-DD,
 *   rows in random (not date) order.
 * - amounts: log-normal, median 80.00, two decimals, 1.00 to 50,000.00;
 *   1.5% of rows are refunds written as negative amounts.
 * - order ids are unique (`O1`, `O2`, …), so no two lines are exact
 *   duplicates and both engines must see every row.
 */

import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createRng, dayFromCivil, formatDay } from '../core/index.js';
import { DATA_DIR } from './paths.js';

export const TRANSACTIONS_HEADER = ['Order ID', 'Customer ID', 'Order date', 'Amount'] as const;
export const DEFAULT_SEED = 20261125;
/** Last day of the two-year window (the sample data's end date). */
export const END_DAY = dayFromCivil(2026, 10, 31);
export const DAYS = 730;
export const REFUND_SHARE = 0.015;

export interface TransactionsSpec {
  readonly rows: number;
  readonly seed?: number;
}

/** Customers drawn from for `rows` transactions (10 rows per customer on average). */
export function customerCount(rows: number): number {
  return Math.max(1, Math.round(rows / 10));
}

/** Customer id of customer index `c`: `C` and 7+ digits, as CRM exports number them. */
export function customerId(c: number): string {
  return 'C' + String(c + 1).padStart(7, '0');
}

/** Where the file for this spec lives; row count and seed are in the name so a stale file is never reused. */
export function transactionsPath(spec: TransactionsSpec, dir = DATA_DIR): string {
  return join(dir, `transactions-${spec.rows}-seed${spec.seed ?? DEFAULT_SEED}.csv`);
}

// Bytes per write call; each chunk is a fresh buffer handed to the stream.
const CHUNK_BYTES = 4 << 20;
// Longest line: O + 10 digits, C + 10 digits, 10-char date, -50000.00, 3 commas, \n.
const MAX_LINE_BYTES = 64;
const COMMA = 44,
  NEWLINE = 10,
  MINUS = 45,
  DOT = 46,
  ZERO = 48;

/**
 * Writes the csv for `spec` to `path` (via a temporary file renamed at the
 * end, so an interrupted run never leaves a truncated file to be reused).
 * Lines are written as bytes into big buffers: building 10M lines as JS
 * strings spends most of its time in the garbage collector.
 * @example await writeTransactions('/tmp/t.csv', { rows: 1000 })
 */
export async function writeTransactions(
  path: string,
  spec: TransactionsSpec,
): Promise<{ rows: number; bytes: number; customers: number }> {
  const rows = spec.rows;
  const customers = customerCount(rows);
  const rng = createRng(spec.seed ?? DEFAULT_SEED);
  const dates = Array.from({ length: DAYS }, (_, d) => Buffer.from(formatDay(END_DAY - DAYS + 1 + d), 'latin1'));
  const mu = Math.log(8000),
    sigma = 1;

  const temporary = `${path}.partial`;
  const out = createWriteStream(temporary, { highWaterMark: 16 << 20 });
  let bytes = 0;
  let buf = Buffer.allocUnsafe(CHUNK_BYTES);
  let pos = 0;
  const flush = async (): Promise<void> => {
    bytes += pos;
    const full = out.write(buf.subarray(0, pos));
    buf = Buffer.allocUnsafe(CHUNK_BYTES);
    pos = 0;
    if (!full) await once(out, 'drain');
  };
  // Decimal digits of a non-negative integer, left-padded with zeros to `width`.
  const digits = (value: number, width: number): void => {
    let n = value,
      len = 1;
    while (n >= 10 ** len) len++;
    if (len < width) len = width;
    for (let k = pos + len - 1; k >= pos; k--) {
      buf[k] = ZERO + (n % 10);
      n = Math.floor(n / 10);
    }
    pos += len;
  };

  pos += buf.write(TRANSACTIONS_HEADER.join(',') + '\n', 0, 'latin1');
  for (let i = 0; i < rows; i++) {
    const u = rng.next();
    const c = Math.floor(customers * u * u);
    const day = Math.floor(rng.next() * DAYS);
    let cents = Math.round(Math.exp(mu + sigma * rng.normal()));
    cents = cents < 100 ? 100 : cents > 5_000_000 ? 5_000_000 : cents;
    const refund = rng.next() < REFUND_SHARE;

    buf[pos++] = 79; // O
    digits(i + 1, 1);
    buf[pos++] = COMMA;
    buf[pos++] = 67; // C, then the same digits as customerId(c)
    digits(c + 1, 7);
    buf[pos++] = COMMA;
    pos += dates[day]!.copy(buf, pos);
    buf[pos++] = COMMA;
    if (refund) buf[pos++] = MINUS;
    digits(Math.floor(cents / 100), 1);
    buf[pos++] = DOT;
    digits(cents % 100, 2);
    buf[pos++] = NEWLINE;
    if (pos > CHUNK_BYTES - MAX_LINE_BYTES) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  renameSync(temporary, path);
  return { rows, bytes, customers };
}

/**
 * Returns the path of the csv for `spec`, generating it first unless a
 * complete file is already there.
 */
export async function ensureTransactions(
  spec: TransactionsSpec,
  log: (line: string) => void = () => {},
): Promise<string> {
  const path = transactionsPath(spec);
  if (existsSync(path)) {
    log(`reusing ${path} (${formatMegabytes(statSync(path).size)})`);
    return path;
  }
  mkdirSync(DATA_DIR, { recursive: true });
  log(`generating ${spec.rows.toLocaleString('en-US')} transactions into ${path} …`);
  const started = performance.now();
  const { bytes } = await writeTransactions(path, spec);
  log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s (${formatMegabytes(bytes)})`);
  return path;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}

/** Command line: generate (or reuse) the file and print its path. */
export async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: { rows: { type: 'string', default: '10000000' }, seed: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  const rows = Number(values.rows);
  if (!Number.isInteger(rows) || rows < 1)
    throw new Error(`--rows must be a positive whole number, got "${values.rows}"`);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number, got "${values.seed}"`);
  if (values.out !== undefined) {
    mkdirSync(values.out, { recursive: true });
    const path = transactionsPath({ rows, seed }, values.out);
    const started = performance.now();
    const { bytes } = await writeTransactions(path, { rows, seed });
    console.log(`${path}: ${rows} rows, ${bytes} bytes, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else {
    console.log(await ensureTransactions({ rows, seed }, (line) => console.error(line)));
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
