import { createRng, dayFromCivil, formatDay } from '../../core/index.js';

/** The UCI "Online Retail" export's columns (one row per invoice line). */
export const ORDER_LINES_HEADER = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'] as const;

export interface OrderLinesSpec {
  readonly customers: number;
  readonly seed?: number;
}

/** Stock items of the generated lines: code, description, unit price in pounds. */
export const ORDER_LINE_ITEMS = [
  ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 2.55],
  ['71053', 'WHITE METAL LANTERN', 3.39],
  ['84406B', 'CREAM CUPID HEARTS COAT HANGER', 2.75],
  ['22633', 'HAND WARMER UNION JACK', 1.85],
  ['22960', 'JAM MAKING SET WITH JARS', 4.25],
  ['21756', 'BATH BUILDING BLOCK WORD', 5.95],
  ['22752', 'SET 7 BABUSHKA NESTING BOXES', 7.65],
] as const;
const FIRST_DAY = dayFromCivil(2010, 12, 1);
const DAYS = 373; // to 2011-12-09, as the UCI file

/**
 * Seeded order lines in the UCI Online Retail shape, for tests and demos of
 * "orders, not lines": 1–6 lines per invoice, ~8% of invoices cancelled by a
 * "C"-prefixed invoice with negative quantities, a few 1900-01-01
 * placeholder dates, GBP prices, every 25th customer with refunds only, and
 * ~3% of invoices without a customer id. Same spec ⇒ same rows.
 * @example generateOrderLines({ customers: 50 }).length > 50
 */
export function generateOrderLines(spec: OrderLinesSpec): string[][] {
  const rng = createRng(spec.seed ?? 20101201);
  const rows: string[][] = [];
  let invoice = 536365;
  for (let c = 0; c < spec.customers; c++) {
    const id = String(12346 + c);
    const refundOnly = c % 25 === 24;
    const invoices = refundOnly ? 1 : 1 + Math.floor(rng.next() * rng.next() * 12);
    for (let i = 0; i < invoices; i++) {
      const day = FIRST_DAY + rng.int(0, DAYS - 1);
      const time = `${String(rng.int(8, 19)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
      const noId = !refundOnly && rng.next() < 0.03;
      const lines = Array.from({ length: rng.int(1, 6) }, () => {
        const [code, description, price] = ORDER_LINE_ITEMS[rng.int(0, ORDER_LINE_ITEMS.length - 1)]!;
        return { code, description, price, quantity: rng.int(1, 24) };
      });
      const date = rng.next() < 0.01 ? '1900-01-01 00:00' : `${formatDay(day)} ${time}`;
      const number = String(invoice++);
      if (!refundOnly) for (const l of lines) rows.push([number, l.code, l.description, String(l.quantity), date, l.price.toFixed(2), noId ? '' : id, 'United Kingdom']);
      if (refundOnly || rng.next() < 0.08) {
        const l = lines[0]!;
        rows.push([`C${invoice++}`, l.code, l.description, String(-Math.min(l.quantity, rng.int(1, 6))), `${formatDay(Math.min(day + rng.int(0, 3), FIRST_DAY + DAYS - 1))} ${time}`, l.price.toFixed(2), id, 'United Kingdom']);
      }
    }
  }
  return rows;
}
