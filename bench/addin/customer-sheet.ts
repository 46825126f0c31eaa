/**
 * A deterministic customer sheet as an analyst keeps it: 12 columns, one row
 * per customer, dates as Excel serials, spend with cents. Used by the add-in
 * tests and benchmark; the names are synthetic (never real personal data).
 */
import { FakeWorkbook, type FakeCell, type FakeSheet } from './fake-excel.js';

export const CUSTOMER_HEADER = [
  'Customer ID',
  'Customer name',
  'Region',
  'Industry',
  'Account manager',
  'Channel',
  'Last purchase date',
  'Frequency',
  'Cumulative spend',
  'Complaints',
  'Promotions joined',
  'Coupon uses',
] as const;

const REGIONS = ['North', 'South', 'East', 'West', 'Central'];
const INDUSTRIES = ['Retail', 'Manufacturing', 'Education', 'Information technology', 'Finance'];
const CHANNELS = ['Online', 'Offline'];
/** Excel serial of 2026-11-01, the analysis date the tests use. */
export const AS_OF_SERIAL = 46_327;
export const AS_OF = '2026-11-01';

/** Row `i` (0-based) of the customer sheet; spread so every RFM score occurs. */
export function createCustomerRow(i: number): FakeCell[] {
  const id = `C${String(i + 1).padStart(7, '0')}`;
  const recency = 1 + ((i * 7919) % 720);
  const frequency = 1 + ((i * 104_729) % 37);
  const spend = Math.round((((i * 15_485_863) % 2_000_000) / 100 + frequency * 37.5) * 100) / 100;
  return [
    id,
    `Customer ${i + 1}`,
    REGIONS[i % REGIONS.length]!,
    INDUSTRIES[(i >> 2) % INDUSTRIES.length]!,
    `Rep ${(i % 40) + 1}`,
    CHANNELS[(i >> 1) % 2]!,
    AS_OF_SERIAL - recency,
    frequency,
    spend,
    i % 11 === 0 ? 1 : 0,
    (i * 3) % 7,
    (i * 5) % 6,
  ];
}

/** Header plus `rows` customer rows. */
export function createCustomerSheet(rows: number): FakeCell[][] {
  const out: FakeCell[][] = [[...CUSTOMER_HEADER]];
  for (let i = 0; i < rows; i++) out.push(createCustomerRow(i));
  return out;
}

/** A workbook whose `Customers` sheet holds `rows` customers from A1, with `select` the active cell. */
export function createCustomerBook(rows: number, select = 'C5'): { book: FakeWorkbook; sheet: FakeSheet } {
  const book = new FakeWorkbook();
  const sheet = book.addSheet('Customers');
  sheet.put(0, 0, createCustomerSheet(rows));
  book.select(sheet, select);
  return { book, sheet };
}
