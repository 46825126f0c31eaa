import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markEvidence, NumberStyles } from '../../../core/clean/number-style.js';
import { describeCustomer, segmentTable, type Cell } from '../../../core/index.js';
import { parseNumber } from '../../../core/parse/parse-number.js';

describe('markEvidence', () => {
  it.each([
    ['1.000,50', ','],
    ['2.500.000', ','],
    ['1 234,5', ','],
    ['12,5', ','],
    ['€ 1.234,56', ','],
    ['1,000.50', '.'],
    ['1,234,567', '.'],
    ['12.5', '.'],
    ['1234.567', '.'],
    ['0.500', '.'],
    ['1.000', 'ambiguous-dot'],
    ['-123.456', 'ambiguous-dot'],
    ['85,000', 'ambiguous-comma'],
    ['1200', undefined],
    ['1.2.3', undefined],
    ['1,2,3.4', undefined],
    ['12.34,5', undefined],
    ['abc', undefined],
  ] as const)('%j → %s', (text, mark) => {
    expect(markEvidence(text)).toBe(mark);
  });
});

describe('parseNumber with a decimal comma', () => {
  it.each([
    ['1.000,50', 1000.5],
    ['2.500.000', 2500000],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ['12,5', 12.5],
    ['1.000', 1000],
    ['-1.000,5', -1000.5],
    ['€1.234', 1234],
    ['1200', 1200],
  ])('%j → %d', (text, value) => {
    expect(parseNumber(text, 'money', ',')).toMatchObject({ ok: true, value });
  });
  it.each(['1,000.50', '12.5', '1.00.0'])('%j is not a decimal-comma number', (text) => {
    expect(parseNumber(text, 'money', ',').ok).toBe(false);
  });
  it('a point decimal is unchanged: 1.000 is 1, 1,000 is 1000', () => {
    expect(parseNumber('1.000', 'money', '.')).toMatchObject({ value: 1 });
    expect(parseNumber('1,000', 'money', '.')).toMatchObject({ value: 1000 });
  });
  it('property: a number written the European way reads back as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_99 }), (cents) => {
        const [int, frac] = (cents / 100).toFixed(2).split('.') as [string, string];
        const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        expect(parseNumber(`${grouped},${frac}`, 'money', ',')).toMatchObject({ ok: true, value: cents / 100 });
      }),
    );
  });
});

describe('NumberStyles', () => {
  it('the first proving cell decides; a forced mark decides everything', () => {
    const styles = new NumberStyles(undefined);
    expect(styles.markFor('A', '1.000')).toBeUndefined();
    expect(styles.markFor('A', '2.500,5')).toBe(',');
    expect(styles.markFor('A', '1.000')).toBe(',');
    expect(styles.markFor('B', '1.000')).toBeUndefined();
    expect(new NumberStyles(',').markFor('B', '12.5')).toBe(',');
  });
});

describe('segmenting European numbers', () => {
  const header = ['Customer ID', 'Order date', 'Amount'];
  const spend = (rows: Cell[][], options = {}) => {
    const result = segmentTable(header, rows, options);
    return {
      spend: Object.fromEntries(result.features.ids.map((id, c) => [id, describeCustomer(result, c).monetary])),
      issues: result.report.issues.map((i) => [i.code, i.row, i.value]),
    };
  };

  it('infers the decimal comma from the column: 1.000 above 2.500,50 is 1000', () => {
    expect(
      spend([
        ['A', '2024-03-01', '1.000'],
        ['B', '2024-03-02', '2.500,50'],
        ['C', '2024-03-03', '12,5'],
      ]),
    ).toEqual({ spend: { A: 1000, B: 2500.5, C: 12.5 }, issues: [] });
  });

  it('2.500.000 alone proves the column', () => {
    expect(
      spend([
        ['A', '2024-03-01', '2.500.000'],
        ['B', '2024-03-02', '1.000'],
      ]).spend,
    ).toEqual({ A: 2500000, B: 1000 });
  });

  it('a point-decimal column keeps reading 1.000 as 1', () => {
    expect(
      spend([
        ['A', '2024-03-01', '12.50'],
        ['B', '2024-03-02', '1.000'],
      ]).spend,
    ).toEqual({ A: 12.5, B: 1 });
  });

  it('1.000 in a column with no other evidence is flagged with row and value, not misread', () => {
    const result = segmentTable(header, [
      ['A', '2024-03-01', '1.000'],
      ['A', '2024-03-02', '300'],
    ]);
    expect(result.report.issues.map((i) => i.message)).toEqual([
      'Row 2, Amount: "1.000" could be a decimal point or a thousands separator and no other cell of the column tells; set the decimal mark (--decimal . or --decimal ,); row excluded.',
    ]);
    expect(describeCustomer(result, 0).monetary).toBe(300);
  });

  it('--decimal forces the reading', () => {
    const rows: Cell[][] = [
      ['A', '2024-03-01', '1.000'],
      ['B', '2024-03-02', '300'],
    ];
    expect(spend(rows, { decimal: ',' }).spend).toEqual({ A: 1000, B: 300 });
    expect(spend(rows, { decimal: '.' }).spend).toEqual({ A: 1, B: 300 });
  });

  it('a malformed cell (1.2.3) proves nothing about the column', () => {
    expect(
      spend([
        ['A', '2024-03-01', '1.2.3'],
        ['A', '2024-03-01', '0.01'],
      ]),
    ).toEqual({ spend: { A: 0.01 }, issues: [['invalid-number', 2, '1.2.3']] });
  });

  it("a cell against the column's mark is reported, never misread", () => {
    const result = spend([
      ['A', '2024-03-01', '2.500,50'],
      ['B', '2024-03-02', '1,000.50'],
      ['B', '2024-03-03', '5'],
    ]);
    expect(result.spend).toEqual({ A: 2500.5, B: 5 });
    expect(result.issues).toEqual([['invalid-number', 3, '1,000.50']]);
  });

  it('customer rows: a Total spend column written 1.234,56', () => {
    const result = segmentTable(
      ['Customer ID', 'Last purchase', 'Orders', 'Total spend'],
      [
        ['A', '2024-03-01', '3', '1.234,56'],
        ['B', '2024-02-01', '1', '1.000'],
      ],
    );
    expect([describeCustomer(result, 0).monetary, describeCustomer(result, 1).monetary]).toEqual([1234.56, 1000]);
  });
});
