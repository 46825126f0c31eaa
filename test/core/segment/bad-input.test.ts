import { describe, expect, it } from 'vitest';
import { DataValidationError, describeCustomer, segmentTable } from '../../../core/index.js';

const header = ['Customer ID', 'Order date', 'Amount'];

function errorOf(run: () => unknown): DataValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataValidationError) return error;
    throw error;
  }
  throw new Error('expected a DataValidationError');
}

describe('bad input never crashes and never silently disappears', () => {
  it('header only: one clear error', () => {
    const error = errorOf(() => segmentTable(header, []));
    expect(error.code).toBe('header-only');
    expect(error.message).toMatchInlineSnapshot(`"The table has a header but no data rows."`);
  });

  it('only blank rows count as header only', () => {
    expect(
      errorOf(() =>
        segmentTable(header, [
          ['', '', ''],
          [null, undefined, '  '],
        ]),
      ).code,
    ).toBe('header-only');
  });

  it('an empty header row', () => {
    expect(errorOf(() => segmentTable(['', null, '  '], [['a', 'b', 'c']])).message).toMatchInlineSnapshot(
      `"Row 1 has no column headers."`,
    );
  });

  it('required columns missing: lists found and missing at once', () => {
    const error = errorOf(() => segmentTable(['客户编号', 'Region', 'Notes'], [['C1', '华东', 'x']]));
    expect(error.code).toBe('missing-columns');
    expect(error.issues).toHaveLength(1);
    expect(error.message).toMatchInlineSnapshot(
      `"Cannot read this as a customer table: missing last purchase date (最近购买时间) or recency days (R值); frequency (购买频次 / 近6个月消费频次); spend (累计消费 / 近6个月消费金额 / 消费金额). Found: 客户编号 → customerId, Region → region, Notes. Name the columns with a mapping, e.g. --map "lastPurchaseDate=<header>"."`,
    );
  });

  it('one customer: scored, every score the middle one, with a note', () => {
    const result = segmentTable(header, [['C1', '2024-03-01', '100']]);
    const c = describeCustomer(result, 0);
    expect([c.rfmCode, c.segment]).toEqual(['333', 'potential-loyalist']);
    expect(result.notes.filter((n) => n.code === 'no-variation').map((n) => n.message)).toMatchInlineSnapshot(`
      [
        "R: every customer has the same value; all score 3.",
        "F: every customer has the same value; all score 3.",
        "M: every customer has the same value; all score 3.",
      ]
    `);
  });

  it('all-identical values: one score for everyone, no crash', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`C${i}`, '2024-03-01', '100']);
    const result = segmentTable(header, rows);
    expect(new Set(Array.from(result.scheme.segment)).size).toBe(1);
    expect(result.quality.coverage).toBe(1);
  });

  it('a 100% invalid column fails with one message naming the column and an example', () => {
    const error = errorOf(() =>
      segmentTable(header, [
        ['C1', '2024-03-01', 'abc'],
        ['C2', '2024-03-02', 'n/a'],
        ['C3', '2024-03-03', '#VALUE!'],
      ]),
    );
    expect(error.code).toBe('invalid-column');
    expect(error.message).toMatchInlineSnapshot(
      `"Column "Amount": none of the 3 rows has a valid amount (row 2: "abc"). Check the column mapping."`,
    );
  });

  it('a 100% invalid date column in customer rows', () => {
    const error = errorOf(() =>
      segmentTable(
        ['Customer ID', 'Last purchase', 'Frequency', 'Total spend'],
        [
          ['C1', 'soon', '3', '100'],
          ['C2', 'later', '1', '50'],
        ],
      ),
    );
    expect(error.message).toMatchInlineSnapshot(
      `"Column "Last purchase": none of the 2 rows has a valid value (row 2: "soon"). Check the column mapping or the format."`,
    );
  });

  it('formula error cells (#N/A, #VALUE!) are reported and the rows excluded', () => {
    const result = segmentTable(header, [
      ['C1', '2024-03-01', '#N/A'],
      ['C1', '#VALUE!', '20'],
      ['#REF!', '2024-03-01', '5'],
      ['C2', '2024-03-02', '30'],
    ]);
    expect(result.report.counts).toEqual({ 'formula-error': 2, 'missing-id': 1 });
    expect(result.report.issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "Row 2, Amount: "#N/A" is a formula error; row excluded.",
        "Row 3, Order date: "#VALUE!" is a formula error; row excluded.",
        "Row 4, Customer ID: formula error #REF! instead of a customer ID; row excluded.",
      ]
    `);
    expect(result.features.ids).toEqual(['C2']);
  });

  it('mixed types in a column: numbers, text numbers and words', () => {
    const result = segmentTable(header, [
      ['C1', 45352, 100],
      ['C1', '2024-03-02', '¥1,200.50'],
      ['C2', '2024/3/3', 'twelve'],
      ['C2', true, '5'],
    ]);
    expect(result.report.issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "Row 4, Amount: "twelve" is not a number; row excluded.",
        "Row 5, Order date: "true" is not a date; row excluded.",
        "Order date: 1 date written as Excel serial number read as YYYY-MM-DD (first at row 2: "45352").",
        "Order date: 1 date written as YYYY/M/D read as YYYY-MM-DD (first at row 4: "2024/3/3").",
      ]
    `);
    expect(describeCustomer(result, 0).monetary).toBe(1300.5);
  });

  it('future dates are reported against today, not guessed', () => {
    const result = segmentTable(
      header,
      [
        ['C1', '2024-03-01', '10'],
        ['C1', '2027-01-15', '10'],
      ],
      { today: '2026-11-25' },
    );
    expect(result.report.issues.map((i) => i.message)).toEqual([
      'Row 3, Order date: "2027-01-15" is in the future (after today 2026-11-25); row excluded.',
    ]);
    expect(result.asOf).toBe('2024-03-02');
  });

  it('a 5,000-column sheet: the fields are found among the other columns', () => {
    const wide = Array.from({ length: 5000 }, (_, i) => `Extra ${i + 1}`);
    wide[4321] = 'Customer ID';
    wide[17] = 'Order date';
    wide[4999] = 'Amount';
    const row = (id: string, date: string, amount: string) => {
      const cells: string[] = new Array(5000).fill('x');
      cells[4321] = id;
      cells[17] = date;
      cells[4999] = amount;
      return cells;
    };
    const result = segmentTable(wide, [row('C1', '2024-03-01', '10'), row('C2', '2024-03-02', '20')]);
    expect(result.plan.columns).toMatchObject({ customerId: 4321, orderDate: 17, orderAmount: 4999 });
    expect(result.plan.passThrough).toHaveLength(4997);
    expect(result.features.count).toBe(2);
  });

  it('ambiguous day/month dates are reported unless the order is given', () => {
    const rows = [
      ['C1', '5/3/2024', '10'],
      ['C2', '25/3/2024', '10'],
    ];
    const auto = segmentTable(header, rows);
    expect(auto.report.issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "Row 2, Order date: "5/3/2024" could be day/month or month/day; set the date order (--date-order dmy or mdy); row excluded.",
        "Order date: 1 date written as D/M/YYYY read as YYYY-MM-DD (first at row 3: "25/3/2024").",
      ]
    `);
    const dmy = segmentTable(header, rows, { dateOrder: 'dmy' });
    expect(describeCustomer(dmy, 0).lastPurchaseDate).toBe('2024-03-05');
  });

  it('options with an unknown key or a wrong type name the key', () => {
    expect(() =>
      segmentTable(header, [['C1', '2024-03-01', '1']], { schema: 'rfm' } as never),
    ).toThrowErrorMatchingInlineSnapshot(`[OptionsError: Unknown option "schema".]`);
    expect(() =>
      segmentTable(header, [['C1', '2024-03-01', '1']], { asOf: '2024-13-01' }),
    ).toThrowErrorMatchingInlineSnapshot(`[OptionsError: Option "asOf" is not a real calendar date.]`);
  });

  it('never mutates the caller rows', () => {
    const rows = [
      ['C1', ' 2024-03-01 ', '¥10'],
      ['C1', '2024-03-01', '¥10'],
    ];
    const copy = JSON.parse(JSON.stringify(rows));
    segmentTable(header, rows);
    expect(rows).toEqual(copy);
  });
});
