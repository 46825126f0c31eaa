// The bad-input corpus as data: the inputs of test/core/segment/bad-input.test.ts
// and the data files of test/cli/bad-input-catalogue.test.ts, run in-process.
import type { SegmentOptionsInput } from '../../../core/index.js';

export interface CorpusCase {
  readonly name: string;
  readonly header: readonly (string | number | boolean | null | undefined)[];
  readonly rows: readonly (readonly (string | number | boolean | null | undefined)[])[];
  readonly options?: SegmentOptionsInput;
}

const TX = ['Customer ID', 'Order date', 'Amount'];
const csv = (text: string): { header: string[]; rows: string[][] } => {
  const [head = '', ...lines] = text.split('\n').filter((l) => l !== '');
  return { header: head.split(','), rows: lines.map((l) => l.split(',')) };
};
const wide = (): CorpusCase => {
  const header = Array.from({ length: 5000 }, (_, i) => `Extra ${i + 1}`);
  header[4321] = 'Customer ID';
  header[17] = 'Order date';
  header[4999] = 'Amount';
  const row = (id: string, date: string, amount: string): string[] => {
    const cells: string[] = new Array<string>(5000).fill('x');
    cells[4321] = id;
    cells[17] = date;
    cells[4999] = amount;
    return cells;
  };
  return { name: '5,000 columns', header, rows: [row('C1', '2024-03-01', '10'), row('C2', '2024-03-02', '20')] };
};

export const CORPUS: readonly CorpusCase[] = [
  // test/core/segment/bad-input.test.ts
  { name: 'header only', header: TX, rows: [] },
  {
    name: 'blank rows only',
    header: TX,
    rows: [
      ['', '', ''],
      [null, undefined, '  '],
    ],
  },
  { name: 'empty header row', header: ['', null, '  '], rows: [['a', 'b', 'c']] },
  { name: 'required columns missing', header: ['客户编号', 'Region', 'Notes'], rows: [['C1', '华东', 'x']] },
  { name: 'one customer', header: TX, rows: [['C1', '2024-03-01', '100']] },
  { name: 'all identical', header: TX, rows: Array.from({ length: 50 }, (_, i) => [`C${i}`, '2024-03-01', '100']) },
  {
    name: 'invalid amount column',
    header: TX,
    rows: [
      ['C1', '2024-03-01', 'abc'],
      ['C2', '2024-03-02', 'n/a'],
      ['C3', '2024-03-03', '#VALUE!'],
    ],
  },
  {
    name: 'invalid date column (customer rows)',
    header: ['Customer ID', 'Last purchase', 'Frequency', 'Total spend'],
    rows: [
      ['C1', 'soon', '3', '100'],
      ['C2', 'later', '1', '50'],
    ],
  },
  {
    name: 'formula errors',
    header: TX,
    rows: [
      ['C1', '2024-03-01', '#N/A'],
      ['C1', '#VALUE!', '20'],
      ['#REF!', '2024-03-01', '5'],
      ['C2', '2024-03-02', '30'],
    ],
  },
  {
    name: 'mixed types',
    header: TX,
    rows: [
      ['C1', 45352, 100],
      ['C1', '2024-03-02', '¥1,200.50'],
      ['C2', '2024/3/3', 'twelve'],
      ['C2', true, '5'],
    ],
  },
  {
    name: 'future dates',
    header: TX,
    rows: [
      ['C1', '2024-03-01', '10'],
      ['C1', '2027-01-15', '10'],
    ],
    options: { today: '2026-11-25' },
  },
  wide(),
  {
    name: 'ambiguous day/month',
    header: TX,
    rows: [
      ['C1', '5/3/2024', '10'],
      ['C2', '25/3/2024', '10'],
    ],
  },
  {
    name: 'leading spaces and currency',
    header: TX,
    rows: [
      ['C1', ' 2024-03-01 ', '¥10'],
      ['C1', '2024-03-01', '¥10'],
    ],
  },
  // test/cli/bad-input-catalogue.test.ts data files
  {
    name: 'tx.csv',
    ...csv(
      'Customer ID,Order date,Amount\nC1,2024-01-05,100\nC1,2024-03-01,50\nC2,2024-02-10,80\nC3,2024-03-15,20\nC3,2024-03-20,-5\nC4,2024-01-20,300\nC5,2024-02-28,45\n',
    ),
  },
  {
    name: 'customers.csv',
    ...csv(
      '客户编号,客户名称,最近购买时间,购买次数,累计消费\nC001,*先生,2024-03-01,5,85000\nC002,*女士,2024-02-01,2,12000\nC003,*集团,2024-03-05,8,120000\nC004,*经理,2024-01-10,1,500\n',
    ),
  },
  {
    name: 'inject.csv',
    header: ['客户编号', '客户名称', '最近购买时间', '购买次数', '累计消费', '备注'],
    rows: [
      ['C001', '=HYPERLINK("http://evil","x")', '2024-03-01', '5', '85000', "+cmd|' /C calc'!A0"],
      ['C002', '@SUM(A1:A9)', '2024-02-01', '2', '12000', '-2+3'],
      ['C003', '\t=1+1', '2024-03-05', '8', '120000', '-5'],
      ['C004', 'plain', '2024-01-10', '1', '500', ''],
    ],
  },
  { name: 'header.csv', ...csv('Customer ID,Order date,Amount\n') },
  { name: 'bad-dates.csv', ...csv('Customer ID,Order date,Amount\nC1,notadate,5\nC2,32/13/2024,6\n') },
  { name: 'bad-amounts.csv', ...csv('Customer ID,Order date,Amount\nC1,2024-01-01,abc\nC2,2024-01-02,xyz\n') },
  { name: 'no-id.csv', ...csv('Name,Notes\nA,B\n') },
  { name: 'no-date.csv', ...csv('Customer ID,Amount\nC1,5\n') },
  { name: 'future.csv', ...csv('Customer ID,Order date,Amount\nC1,2999-01-01,5\nC2,2999-02-01,6\n') },
  { name: 'one-customer.csv', ...csv('Customer ID,Order date,Amount\nC1,2024-01-01,5\nC1,2024-02-01,6\n') },
  { name: 'fake.xlsx as csv', ...csv('Customer ID,Order date,Amount\nC1,2024-01-01,5\n') },
  {
    name: 'book.xlsx Orders',
    header: TX,
    rows: [
      ['C1', '2024-01-05', 100],
      ['C2', '2024-02-05', 80],
    ],
  },
  {
    name: 'book.xlsx Customers',
    header: ['客户编号', '最近购买时间', '购买次数', '累计消费'],
    rows: [
      ['C001', '2024-03-01', 5, 85000],
      ['C002', '2024-02-01', 2, 12000],
    ],
  },
];
