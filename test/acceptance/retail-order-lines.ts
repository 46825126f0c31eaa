// Order-line exports with a known future, for the churn acceptance test: the
// shapes of a real retailer's file (several lines per invoice, cancellations
// as "C" invoices with negative quantities, placeholder dates, lines without
// a customer id, refund-only ids, pounds not yuan) over customers whose
// buying follows mixed, realistic patterns. The generator runs past the
// analysis date so the test knows who really bought again.
import { ORDER_LINE_ITEMS } from '../../bench/sample/order-lines.js';
import { sampleGamma } from '../../core/lifetime/index.js';
import { dayFromCivil, formatDay } from '../../core/parse/civil-day.js';
import { createRng, type Rng } from '../../core/random/create-rng.js';

export const RETAIL_HEADER = [
  'InvoiceNo',
  'StockCode',
  'Description',
  'Quantity',
  'InvoiceDate',
  'UnitPrice',
  'CustomerID',
  'Country',
  'Account manager',
] as const;

export const OWNERS = ['Alice Moore', 'Ben Carter', 'Chloe Price', 'Dan Hughes', 'Ella Ward'] as const;

export interface RetailHistory {
  /** Data rows up to (not including) `asOf`, in the header's column order. */
  readonly rows: string[][];
  /** The analysis date (YYYY-MM-DD): the day after the last exported day. */
  readonly asOf: string;
  /** Customer id → bought (net positive order) within `truthDays` after asOf. */
  readonly boughtAfter: ReadonlyMap<string, boolean>;
  /** Customer ids with at least one purchase before asOf (refund-only ids excluded). */
  readonly buyers: ReadonlySet<string>;
  readonly owner: ReadonlyMap<string, string>;
  readonly truthDays: number;
}

const START = dayFromCivil(2022, 1, 3);
const SPAN = 730;
const AS_OF = START + SPAN;

function beta(rng: Rng, a: number, b: number): number {
  const x = sampleGamma(rng, a),
    y = sampleGamma(rng, b);
  return x / (x + y);
}

/** Purchase days of one customer from START to AS_OF + truthDays, by persona. */
function purchaseDays(rng: Rng, end: number): number[] {
  const days: number[] = [];
  const persona = rng.next();
  let d = START + rng.next() * (SPAN - 30);
  if (persona < 0.45) {
    // Buy-till-you-die: Poisson purchases at a personal rate, dropping out after any purchase.
    const lambda = sampleGamma(rng, 0.9) / 35;
    const p = beta(rng, 1, 5);
    days.push(d);
    for (;;) {
      d += -Math.log(1 - rng.next()) / lambda;
      if (d >= end) break;
      days.push(d);
      if (rng.next() < p) break;
    }
  } else if (persona < 0.75) {
    // Regulars with their own rhythm (±30%) who may stop for good on some day.
    const gap = 10 + rng.next() * 80;
    const stop = rng.next() < 0.5 ? START + rng.next() * (end - START) : Infinity;
    for (; d < end && d < stop; d += gap * (0.7 + 0.6 * rng.next())) days.push(d);
    if (days.length === 0) days.push(d);
  } else if (persona < 0.9) {
    days.push(d); // one-time buyers
  } else {
    // Seasonal: around late November each year while still a customer.
    const quits = rng.next() < 0.4;
    for (let year = 2022; year <= 2024; year++) {
      const day = dayFromCivil(year, 11, 20) + rng.int(-10, 10);
      if (day >= START && day < end && !(quits && year === 2024)) days.push(day);
    }
    if (days.length === 0) days.push(d);
  }
  return days.map(Math.floor).filter((x) => x < end);
}

/**
 * A seeded retailer export: `customers` ids, each with an owner, purchase
 * days by persona, 1–5 lines per invoice, ~8% of invoices later cancelled,
 * ~1% placeholder dates (1900-01-01), ~3% lines without an id and every
 * 40th id with refunds only. Same arguments ⇒ same rows.
 */
export function generateRetailHistory(customers: number, seed = 7, truthDays = 100): RetailHistory {
  const rng = createRng(seed);
  const rows: string[][] = [];
  const boughtAfter = new Map<string, boolean>();
  const buyers = new Set<string>();
  const owner = new Map<string, string>();
  let invoice = 536365;
  const end = AS_OF + truthDays;
  for (let c = 0; c < customers; c++) {
    const id = String(12346 + c);
    const who = OWNERS[c % OWNERS.length]!;
    owner.set(id, who);
    const refundOnly = c % 40 === 39;
    const days = refundOnly ? [START + rng.int(0, SPAN - 1)] : purchaseDays(rng, end);
    boughtAfter.set(id, !refundOnly && days.some((day) => day >= AS_OF));
    for (const day of days) {
      if (day >= AS_OF) continue;
      const time = `${String(rng.int(8, 19)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
      const lines = Array.from({ length: rng.int(1, 5) }, () => {
        const [code, description, price] = ORDER_LINE_ITEMS[rng.int(0, ORDER_LINE_ITEMS.length - 1)]!;
        return { code, description, price, quantity: rng.int(1, 24) };
      });
      const noId = !refundOnly && rng.next() < 0.03;
      const placeholder = !refundOnly && rng.next() < 0.01;
      const number = String(invoice++);
      if (!refundOnly) {
        if (!noId && !placeholder) buyers.add(id);
        for (const l of lines)
          rows.push([
            number,
            l.code,
            l.description,
            String(l.quantity),
            placeholder ? '1900-01-01 00:00' : `${formatDay(day)} ${time}`,
            l.price.toFixed(2),
            noId ? '' : id,
            'United Kingdom',
            who,
          ]);
      }
      if (refundOnly || rng.next() < 0.08) {
        const l = lines[0]!;
        const refundDay = Math.min(day + rng.int(0, 3), AS_OF - 1);
        rows.push([
          `C${invoice++}`,
          l.code,
          l.description,
          String(-Math.min(l.quantity, rng.int(1, 6))),
          `${formatDay(refundDay)} ${time}`,
          l.price.toFixed(2),
          id,
          'United Kingdom',
          who,
        ]);
      }
    }
  }
  return { rows, asOf: formatDay(AS_OF), boughtAfter, buyers, owner, truthDays };
}
