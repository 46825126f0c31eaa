import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CUSTOMER_HEADER,
  PERSONA_IDS,
  TRANSACTION_HEADER,
  dirtyCounts,
  generateSample,
  main,
  type DirtyCounts,
  type Sample,
} from '../../bench/generate-sample.js';
import { BOM, formatCsv } from '../../bench/sample/csv.js';

const END_DAY = Date.UTC(2026, 9, 31) / 86_400_000;
const START_DAY = Date.UTC(2024, 10, 1) / 86_400_000;
const ORDER = { id: 0, customer: 1, date: 2, amount: 3, channel: 4 } as const;
const CUSTOMER = { id: 0, company: 2, contact: 3, industry: 5, manager: 7, firstPurchase: 8 } as const;

/**
 * Day number of a date in any of the sample's formats (2025-03-05,
 * 2025-03-05 14:30, 2025/3/5, 2025年3月5日), undefined when it is not a real date.
 */
function parseDay(text: string): number | undefined {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?: \d{2}:\d{2})?$/.exec(text) ??
    /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.getTime() / 86_400_000;
}

/** Amount in yuan from `-12.50`, `1,234.50`, `¥1,234.50` or `(120.00)`; NaN otherwise. */
function parseAmount(text: string): number {
  const parens = /^\((.*)\)$/.exec(text);
  const body = (parens?.[1] ?? text).replace(/^¥/, '').replaceAll(',', '');
  if (!/^-?\d+\.\d{2}$/.test(body)) return Number.NaN;
  return parens ? -Number(body) : Number(body);
}

const cell = (row: readonly string[] | undefined, column: number): string => row?.[column] ?? '';
const count = <T>(items: readonly T[], ok: (item: T, index: number) => boolean): number => items.filter(ok).length;

/** Faults found by scanning the rows, in the shape of dirtyCounts(). */
function scanTransactions(rows: readonly (readonly string[])[]) {
  const dates = rows.map((r) => cell(r, ORDER.date));
  const amounts = rows.map((r) => cell(r, ORDER.amount));
  return {
    refunds: count(amounts, (a) => parseAmount(a) < 0),
    refundsInParentheses: count(amounts, (a) => a.startsWith('(')),
    duplicateLines: count(rows.slice(1), (r, i) => r.join('\u0000') === rows[i]?.join('\u0000')),
    amountsWithYen: count(amounts, (a) => a.startsWith('¥')),
    amountsWithCommas: count(amounts, (a) => /^\d{1,3}(,\d{3})+\.\d{2}$/.test(a)),
    datesWithSlashes: count(dates, (d) => d.includes('/')),
    datesWithTime: count(dates, (d) => d.includes(':')),
    datesInChinese: count(dates, (d) => d.includes('年')),
    emptyCustomerIds: count(rows, (r) => cell(r, ORDER.customer) === ''),
    notAvailableAmounts: count(amounts, (a) => a === '#N/A'),
    textAmounts: count(amounts, (a) => a === 'abc'),
    impossibleDates: count(dates, (d) => parseDay(d) === undefined),
    futureDates: count(dates, (d) => (parseDay(d) ?? 0) > END_DAY),
  };
}

function scanCustomers(rows: readonly (readonly string[])[]) {
  const ids = rows.map((r) => cell(r, CUSTOMER.id));
  const dates = rows.map((r) => cell(r, CUSTOMER.firstPurchase));
  return {
    duplicateCustomers: ids.length - new Set(ids).size,
    emptyContacts: count(rows, (r) => cell(r, CUSTOMER.contact) === ''),
    deadContacts: count(rows, (r) => cell(r, CUSTOMER.contact) === '空号'),
    shortContacts: count(rows, (r) => cell(r, CUSTOMER.contact) === '12345'),
    industryIt: count(rows, (r) => cell(r, CUSTOMER.industry) === 'IT行业'),
    industryRetail: count(rows, (r) => cell(r, CUSTOMER.industry) === '零售业'),
    emptyManagers: count(rows, (r) => cell(r, CUSTOMER.manager) === ''),
    firstPurchaseWithSlashes: count(dates, (d) => d.includes('/')),
    firstPurchaseInChinese: count(dates, (d) => d.includes('年')),
  };
}

/** The checks every generated sample must pass, whatever its size. */
function expectConsistent(sample: Sample, customers: number): void {
  const [customerHeader, ...customerRows] = sample.customers;
  const [transactionHeader, ...transactionRows] = sample.transactions;
  expect(customerHeader).toEqual([...CUSTOMER_HEADER]);
  expect(transactionHeader).toEqual([...TRANSACTION_HEADER]);

  const expected = dirtyCounts(customers);
  const ids = customerRows.map((r) => cell(r, CUSTOMER.id));
  expect(new Set(ids).size).toBe(customers);
  expect(customerRows).toHaveLength(customers + expected.duplicateCustomers);

  const pick = (keys: readonly string[]) =>
    Object.fromEntries(keys.map((key) => [key, expected[key as keyof DirtyCounts]]));
  const inTransactions = scanTransactions(transactionRows);
  const inCustomers = scanCustomers(customerRows);
  expect([...Object.keys(inTransactions), ...Object.keys(inCustomers)].sort()).toEqual(Object.keys(expected).sort());
  expect(inTransactions).toEqual(pick(Object.keys(inTransactions)));
  // Each sparse duplicate row adds one empty contact and one empty manager.
  const sparse = expected.duplicateCustomers;
  expect(inCustomers).toEqual({
    ...pick(Object.keys(inCustomers)),
    emptyContacts: expected.emptyContacts + sparse,
    emptyManagers: expected.emptyManagers + sparse,
  });

  // Problems are collected, then asserted once: an expect per row is slow at 60,000 rows.
  const problems: string[] = [];
  const known = new Set(ids);
  const firstDay = new Map<string, number>();
  const earlierAmounts = new Map<string, Set<number>>();
  let previous = { day: START_DAY, id: '' };
  for (const row of transactionRows) {
    const [orderId, id, date, amountText, channel] = row as [string, string, string, string, string];
    const day = parseDay(date);
    const amount = parseAmount(amountText);
    if (id !== '' && !known.has(id)) problems.push(`${orderId}: unknown customer ${id}`);
    if (channel !== 'Online' && channel !== 'Offline') problems.push(`${orderId}: channel ${channel}`);
    if (day === undefined || day > END_DAY) continue;
    if (day < START_DAY) problems.push(`${orderId}: before the window`);
    if (day < previous.day || (day === previous.day && orderId < previous.id))
      problems.push(`${orderId}: out of order`);
    previous = { day, id: orderId };
    if (id === '') continue;
    firstDay.set(id, Math.min(firstDay.get(id) ?? Number.POSITIVE_INFINITY, day));
    // A refund negates an earlier order of the same customer.
    if (amount < 0 && !earlierAmounts.get(id)?.has(-amount)) problems.push(`${orderId}: refund without order`);
    if (amount > 0) earlierAmounts.set(id, (earlierAmounts.get(id) ?? new Set()).add(amount));
  }
  // 首次购买时间 is the customer's earliest readable order date.
  for (const row of customerRows) {
    const id = cell(row, CUSTOMER.id);
    if (parseDay(cell(row, CUSTOMER.firstPurchase)) !== firstDay.get(id)) problems.push(`${id}: first purchase`);
  }
  expect(problems).toEqual([]);

  // The two rows of a duplicated id differ only in how many fields are filled.
  const duplicated = ids.filter((id, i) => ids.indexOf(id) !== i);
  for (const id of duplicated) {
    const [a, b] = customerRows.filter((r) => cell(r, CUSTOMER.id) === id);
    const filled = (r: readonly string[] | undefined) => count(r ?? [], (v) => v !== '');
    expect(filled(a)).not.toBe(filled(b));
  }

  const masked = count(customerRows, (r) => /^1\d{2}\*{4}\d{4}$/.test(cell(r, CUSTOMER.contact)));
  expect(masked).toBe(
    customerRows.length - expected.emptyContacts - sparse - expected.deadContacts - expected.shortContacts,
  );
  expect(sample.personas).toHaveLength(customers);
  expect(Object.values(sample.personaCounts).reduce((a, b) => a + b, 0)).toBe(customers);
}

describe('generateSample', () => {
  it('gives identical rows for the same seed and different rows for another seed', () => {
    const a = generateSample({ seed: 7, customers: 300 });
    const b = generateSample({ seed: 7, customers: 300 });
    const c = generateSample({ seed: 8, customers: 300 });
    expect(formatCsv(b.customers)).toBe(formatCsv(a.customers));
    expect(formatCsv(b.transactions)).toBe(formatCsv(a.transactions));
    expect(formatCsv(c.customers)).not.toBe(formatCsv(a.customers));
    expect(formatCsv(c.transactions)).not.toBe(formatCsv(a.transactions));
  });

  it('plants exactly the documented faults in a small sample and stays consistent', () => {
    const sample = generateSample({ seed: 11, customers: 300 });
    expectConsistent(sample, 300);
    expect(sample.dirty).toEqual(dirtyCounts(300));
  });

  it('rejects a sample too small to host every fault', () => {
    expect(() => generateSample({ customers: 10 })).toThrow();
    expect(() => generateSample({ endDate: '2026-02-30' })).toThrow();
  });

  it('generates the default sample as documented in bench/generate-sample.ts', () => {
    const sample = generateSample();
    expectConsistent(sample, 5000);
    const transactions = sample.transactions.length - 1;
    expect(transactions).toBeGreaterThanOrEqual(55_000);
    expect(transactions).toBeLessThanOrEqual(65_000);
    expect(sample.dirty).toMatchObject({
      refunds: 900,
      refundsInParentheses: 20,
      duplicateLines: 300,
      amountsWithYen: 30,
      amountsWithCommas: 30,
      datesWithSlashes: 20,
      datesWithTime: 20,
      datesInChinese: 20,
      emptyCustomerIds: 5,
      notAvailableAmounts: 3,
      textAmounts: 2,
      impossibleDates: 2,
      futureDates: 1,
      duplicateCustomers: 2,
      emptyContacts: 100,
      deadContacts: 3,
      shortContacts: 3,
      industryIt: 8,
      industryRetail: 4,
      emptyManagers: 8,
    });
    const dates = sample.transactions.map((r) => cell(r, ORDER.date));
    expect(count(dates, (d) => d === '2025-02-30')).toBe(2);
    expect(count(dates, (d) => d === '2027-01-15')).toBe(1);
    expect(sample.personaCounts).toEqual({
      champion: 400,
      loyal: 600,
      promising: 500,
      new: 400,
      'price-sensitive': 550,
      'need-attention': 450,
      occasional: 500,
      'at-risk': 450,
      'cant-lose': 200,
      hibernating: 500,
      lost: 450,
    });
    expect(Object.keys(sample.personaCounts)).toEqual([...PERSONA_IDS]);
  });
});

describe('formatCsv', () => {
  it('quotes fields per RFC 4180 and ends every line with \\n', () => {
    expect(
      formatCsv([
        ['a', 'b,c', 'say "hi"', 'x\ny', '¥1,234.50'],
        ['', '中文'],
      ]),
    ).toBe('a,"b,c","say ""hi""","x\ny","¥1,234.50"\n,中文\n');
  });
});

describe('main', () => {
  let out = '';
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'tierline-sample-'));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    rmSync(out, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it('writes both files as UTF-8 csv with a BOM, exactly the generated rows', () => {
    main(['--out', out, '--seed', '3', '--customers', '200']);
    const sample = generateSample({ seed: 3, customers: 200 });
    expect(readFileSync(join(out, 'customers.csv'), 'utf8')).toBe(BOM + formatCsv(sample.customers));
    expect(readFileSync(join(out, 'transactions.csv'), 'utf8')).toBe(BOM + formatCsv(sample.transactions));
  });

  it('rejects a non-numeric seed and unknown flags', () => {
    expect(() => main(['--out', out, '--seed', 'abc'])).toThrow(/--seed/);
    expect(() => main(['--out', out, '--rows', '5'])).toThrow();
  });
});
