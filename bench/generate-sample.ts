/**
 * Seeded generator of the bilingual sample data set in `sample/` (the demo's
 * input): `customers.csv` with Chinese headers, `transactions.csv` with English
 * headers, two years of orders ending on `endDate`.
 *
 *   node dist/bench/generate-sample.js [--out sample] [--seed 20261125] [--customers 5000]
 *
 * Same arguments ⇒ byte-identical files: every draw comes from createRng(seed),
 * never Math.random or the clock.
 *
 * Planted faults, exact counts for the default 5,000 customers (dirtyCounts()
 * gives them for any size; no row carries two faults):
 *
 * transactions.csv (default seed: 61,154 orders + 900 refunds + 300 duplicate
 *   lines = 62,354 rows after the header)
 *   900  refunds: negative amount of an earlier order of the same customer,
 *        1–30 days later, new order id (18% of customers ≈ 1.5% of rows);
 *        20 of them written as `(1,234.50)`, the rest as `-1234.50`
 *   300  exact duplicate lines, each right after its original (6% of customers)
 *    30  amounts `¥1,234.50`        30  amounts `1,234.50`
 *    20  dates `2025/3/5`           20  dates `2025-03-05 14:30`
 *    20  dates `2025年3月5日`
 *     5  empty Customer ID           3  Amount `#N/A`       2  Amount `abc`
 *     2  date `2025-02-30`           1  date `2027-01-15` (2026-01-15 mistyped)
 * Refunded orders and refunds carry no other fault; a customer's first order
 * never has an empty id or an unreadable date, so 首次购买时间 equals the
 * earliest readable order date.
 *
 * customers.csv (5,000 customers + 2 = 5,002 rows)
 *     2  duplicate 客户编号: a second row appended at the end; for the first
 *        customer the appended row is the sparse one, for the second the row in
 *        place is (企业名称, 联系方式, 所属行业, 客户经理 empty)
 *   100  empty 联系方式 (2% of customers)   3  `空号`   3  `12345`
 *     8  所属行业 `IT行业`                   4  所属行业 `零售业`
 *     8  empty 客户经理
 *    15  首次购买时间 `2024/3/5`            15  首次购买时间 `2024年3月5日`
 *
 * Personas and why their ranges are what they are: bench/sample/personas.ts.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createRng } from '../core/index.js';
import { BOM, formatCsv } from './sample/csv.js';
import { CUSTOMER_HEADER, buildCustomerRows } from './sample/customer-rows.js';
import { dayNumber, parseIsoDay } from './sample/dates.js';
import { dirtyCounts, type DirtyCounts } from './sample/dirty-counts.js';
import { drawOrders, drawRefunds, type Window } from './sample/orders.js';
import { PERSONA_IDS, type PersonaId } from './sample/personas.js';
import { drawProfiles } from './sample/profiles.js';
import { TRANSACTION_HEADER, buildTransactionRows } from './sample/transactions.js';

export { dirtyCounts, type DirtyCounts } from './sample/dirty-counts.js';
export { PERSONA_IDS, type PersonaId } from './sample/personas.js';
export { CUSTOMER_HEADER } from './sample/customer-rows.js';
export { TRANSACTION_HEADER } from './sample/transactions.js';

export const sampleOptionsSchema = z.object({
  seed: z.number().int().min(0).max(0xffff_ffff).default(20261125),
  /** Below 200 customers there are too few orders to host every planted fault. */
  customers: z.number().int().min(200).max(1_000_000).default(5000),
  /** Last day of the two-year window, YYYY-MM-DD. */
  endDate: z
    .string()
    .refine((text) => parseIsoDay(text) !== undefined, 'endDate must be a real date written YYYY-MM-DD')
    .default('2026-10-31'),
});

export type SampleOptions = z.input<typeof sampleOptionsSchema>;

export interface Sample {
  /** Header row, then one row per customer, then the duplicate rows. */
  readonly customers: string[][];
  /** Header row, then orders, refunds and duplicate lines sorted by date. */
  readonly transactions: string[][];
  /** The persona behind each customer, in 客户编号 order (ground truth for benchmarks). */
  readonly personas: readonly PersonaId[];
  readonly personaCounts: Readonly<Record<PersonaId, number>>;
  /** Exactly how many faults were planted. */
  readonly dirty: DirtyCounts;
}

/**
 * Generates the sample tables in memory; pure: same options ⇒ same rows.
 * @throws ZodError on invalid options.
 * @example generateSample({ customers: 300 }).customers[0]?.[0] === '客户编号'
 */
export function generateSample(options: SampleOptions = {}): Sample {
  const { seed, customers, endDate } = sampleOptionsSchema.parse(options);
  const endDay = parseIsoDay(endDate) as number;
  const [year, month, day] = endDate.split('-').map(Number) as [number, number, number];
  // Two years inclusive: 2024-11-01..2026-10-31 for the default end date.
  const window: Window = { startDay: dayNumber(year - 2, month, day + 1), endDay };
  const dirty = dirtyCounts(customers);

  // Separate streams, so changing how one table is drawn leaves the others alone.
  const stream = (n: number) => createRng((seed + Math.imul(n, 0x9e3779b1)) >>> 0);
  const profiles = drawProfiles(stream(1), customers);
  const orders = drawOrders(stream(2), profiles, window);
  const refunds = drawRefunds(stream(3), orders, dirty.refunds, window);
  const transactionRows = buildTransactionRows(stream(4), profiles, orders, refunds, window, dirty);
  const customerRows = buildCustomerRows(stream(5), profiles, orders, dirty);

  const personas = profiles.map((profile) => profile.persona.id);
  const personaCounts = Object.fromEntries(PERSONA_IDS.map((id) => [id, 0])) as Record<PersonaId, number>;
  for (const id of personas) personaCounts[id] += 1;
  return {
    customers: [[...CUSTOMER_HEADER], ...customerRows],
    transactions: [[...TRANSACTION_HEADER], ...transactionRows],
    personas,
    personaCounts,
    dirty,
  };
}

/**
 * Parses the command line, generates, writes `customers.csv` and
 * `transactions.csv` (UTF-8 with BOM, RFC 4180, `\n`) into `--out`.
 * @throws Error on an unknown flag or a non-integer --seed / --customers.
 */
export function main(argv: readonly string[]): void {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      out: { type: 'string', default: 'sample' },
      seed: { type: 'string' },
      customers: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const sample = generateSample({
    seed: integerFlag('--seed', values.seed),
    customers: integerFlag('--customers', values.customers),
  });
  mkdirSync(values.out, { recursive: true });
  for (const [name, rows] of [
    ['customers.csv', sample.customers],
    ['transactions.csv', sample.transactions],
  ] as const) {
    const path = join(values.out, name);
    const text = BOM + formatCsv(rows);
    writeFileSync(path, text);
    console.log(`${path}: ${rows.length - 1} rows, ${Buffer.byteLength(text)} bytes`);
  }
}

function integerFlag(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new Error(`${flag} must be a whole number, got "${text}"`);
  return Number(text);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
