import type { Rng } from '../../core/index.js';
import { calendarDate, dayNumber, formatChinese, formatDateTime, formatIso, formatSlash } from './dates.js';
import type { DirtyCounts } from './dirty-counts.js';
import type { Order, Refund, Window } from './orders.js';
import type { CustomerProfile } from './profiles.js';
import { DistinctPicker } from './sampling.js';

export const TRANSACTION_HEADER = ['Order ID', 'Customer ID', 'Order date', 'Amount', 'Channel'] as const;

const COLUMN = { orderId: 0, customerId: 1, date: 2, amount: 3, channel: 4 } as const;

interface Line {
  readonly order: Order;
  readonly refund: boolean;
  /** This order is refunded later: kept clean so the refund can be matched to it. */
  readonly refunded: boolean;
  readonly seq: number;
}

/**
 * Sorts orders and refunds by date, numbers them `O000001`… in that order
 * (so a refund always has a later id than its order), then plants the faults
 * of `counts` on distinct rows. Header not included.
 * @throws Error when the sample is too small to host every planted fault.
 */
export function buildTransactionRows(
  rng: Rng,
  profiles: readonly CustomerProfile[],
  orders: readonly Order[],
  refunds: readonly Refund[],
  window: Window,
  counts: DirtyCounts,
): string[][] {
  const refundedSources = new Set(refunds.map((refund) => refund.source));
  const lines: Line[] = [
    ...orders.map((order, seq) => ({ order, refund: false, refunded: refundedSources.has(seq), seq })),
    ...refunds.map((refund, k) => ({ order: refund.order, refund: true, refunded: false, seq: orders.length + k })),
  ].sort((a, b) => a.order.day - b.order.day || a.seq - b.seq);

  const idWidth = Math.max(6, String(lines.length).length);
  const seenCustomers = new Set<number>();
  const isFirstOrder = lines.map((line) => {
    if (line.refund || seenCustomers.has(line.order.customer)) return false;
    seenCustomers.add(line.order.customer);
    return true;
  });
  const cells = lines.map((line, i) => [
    `O${String(i + 1).padStart(idWidth, '0')}`,
    profiles[line.order.customer]?.id ?? '',
    formatIso(line.order.day),
    formatCents(line.order.cents),
    line.order.online ? 'Online' : 'Offline',
  ]);
  const set = (i: number, column: number, value: string): void => {
    const row = cells[i];
    if (row) row[column] = value;
  };
  const line = (i: number): Line => lines[i] as Line;

  const picker = new DistinctPicker(rng, lines.length);
  for (const i of picker.take(counts.refundsInParentheses, (i) => line(i).refund, 'refund in parentheses')) {
    set(i, COLUMN.amount, `(${formatCents(-line(i).order.cents, true)})`);
  }
  lines.forEach((l, i) => {
    if (l.refund || l.refunded) picker.reserve(i);
  });
  // A customer's first order stays readable so 首次购买时间 matches the earliest valid row.
  const notFirst = (i: number): boolean => !isFirstOrder[i];
  const large = (i: number): boolean => line(i).order.cents >= 100_000;

  for (const i of picker.take(counts.amountsWithYen, large, 'amount with ¥')) {
    set(i, COLUMN.amount, '¥' + formatCents(line(i).order.cents, true));
  }
  for (const i of picker.take(counts.amountsWithCommas, large, 'amount with commas')) {
    set(i, COLUMN.amount, formatCents(line(i).order.cents, true));
  }
  for (const i of picker.take(counts.datesWithSlashes, () => true, 'date with slashes')) {
    set(i, COLUMN.date, formatSlash(line(i).order.day));
  }
  for (const i of picker.take(counts.datesWithTime, () => true, 'date with time')) {
    set(i, COLUMN.date, formatDateTime(line(i).order.day, rng.int(8, 22), rng.int(0, 59)));
  }
  for (const i of picker.take(counts.datesInChinese, () => true, 'date in Chinese')) {
    set(i, COLUMN.date, formatChinese(line(i).order.day));
  }
  for (const i of picker.take(counts.emptyCustomerIds, notFirst, 'empty customer id')) {
    set(i, COLUMN.customerId, '');
  }
  for (const i of picker.take(counts.notAvailableAmounts, () => true, '#N/A amount')) {
    set(i, COLUMN.amount, '#N/A');
  }
  for (const i of picker.take(counts.textAmounts, () => true, 'text amount')) {
    set(i, COLUMN.amount, 'abc');
  }

  // 30 February of the first February in the window, on orders from around then.
  const startYear = calendarDate(window.startDay).year;
  const febYear = dayNumber(startYear, 2, 26) >= window.startDay ? startYear : startYear + 1;
  const [febFrom, febTo] = [dayNumber(febYear, 2, 26), dayNumber(febYear, 3, 2)];
  const nearFebEnd = (i: number): boolean => notFirst(i) && line(i).order.day >= febFrom && line(i).order.day <= febTo;
  for (const i of picker.take(counts.impossibleDates, nearFebEnd, 'impossible date')) {
    set(i, COLUMN.date, `${febYear}-02-30`);
  }

  // A year typo: an order from the 15th, nine months before the end, dated a year later.
  const end = calendarDate(window.endDay);
  const typoDay = dayNumber(end.year, end.month - 9, 15);
  const typo = calendarDate(typoDay);
  const futureText = formatIso(dayNumber(typo.year + 1, typo.month, typo.day));
  const nearTypo = (i: number): boolean => notFirst(i) && Math.abs(line(i).order.day - typoDay) <= 3;
  for (const i of picker.take(counts.futureDates, nearTypo, 'future date')) {
    set(i, COLUMN.date, futureText);
  }

  const duplicated = new Set(picker.take(counts.duplicateLines, () => true, 'duplicate line'));
  const out: string[][] = [];
  cells.forEach((row, i) => {
    out.push(row);
    if (duplicated.has(i)) out.push([...row]);
  });
  return out;
}

/** `1234.5` yuan as `1234.50`, or `1,234.50` with `grouped`. */
export function formatCents(cents: number, grouped = false): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const yuan = String(Math.floor(abs / 100));
  const fen = String(abs % 100).padStart(2, '0');
  return `${sign}${grouped ? yuan.replace(/\B(?=(\d{3})+$)/g, ',') : yuan}.${fen}`;
}
