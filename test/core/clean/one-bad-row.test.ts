import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCustomer, segmentTable, type Cell, type SegmentationResult } from '../../../core/index.js';

const header = ['Customer ID', 'Order date', 'Amount'];

/** Every feature of every customer, keyed by id, so runs can be compared customer by customer. */
function featuresById(result: SegmentationResult): Map<string, Record<string, number>> {
  const f = result.features;
  const out = new Map<string, Record<string, number>>();
  for (let c = 0; c < f.count; c++) {
    out.set(f.ids[c]!, {
      recencyDays: f.recencyDays[c]!,
      frequency: f.frequency[c]!,
      monetary: f.monetary[c]!,
      frequency6m: f.frequency6m[c]!,
      amount6m: f.amount6m[c]!,
      averageOrderValue: f.averageOrderValue[c]!,
      tenureDays: f.tenureDays[c]!,
      firstPurchaseDay: f.firstPurchaseDay[c]!,
      lastPurchaseDay: f.lastPurchaseDay[c]!,
    });
  }
  return out;
}

describe('a placeholder date never makes a customer vanish (finding: ¥1,200 customer became Unclassified)', () => {
  it('1900-01-01 is reported with row and value; the customer keeps its valid order', () => {
    const result = segmentTable(
      header,
      [
        ['A', '2024-03-01', '1200'],
        ['A', '1900-01-01', '50'],
        ['B', '2024-02-05', '300'],
      ],
      { today: '2024-04-01' },
    );
    expect(result.report.issues.map((i) => [i.code, i.row, i.value, i.message])).toEqual([
      [
        'invalid-date',
        3,
        '1900-01-01',
        'Row 3, Order date: "1900-01-01" is a placeholder date, not a real one; row excluded.',
      ],
    ]);
    const a = describeCustomer(result, 0);
    expect([a.monetary, a.frequency, a.segment === 'unclassified']).toEqual([1200, 1, false]);
  });

  it('root cause: dates before 1970 (negative day numbers) sort and aggregate like any other', () => {
    // With the floor lowered, a 1960 order is valid and must count: its sort
    // key was negative and `key % 2^27` pointed at no row, so spend became NaN.
    const result = segmentTable(
      header,
      [
        ['A', '2024-03-01', '1200'],
        ['A', '1960-05-01', '50'],
        ['B', '2024-02-05', '300'],
      ],
      { dateFloor: '1950-01-01' },
    );
    expect(result.report.issues).toEqual([]);
    const a = describeCustomer(result, 0);
    expect([a.monetary, a.frequency, a.firstPurchaseDate]).toEqual([1250, 2, '1960-05-01']);
  });

  it('the date floor is an option: 1985 is excluded by default and kept with dateFloor 1980-01-01', () => {
    const rows = [
      ['A', '2024-03-01', '1200'],
      ['A', '1985-06-01', '50'],
    ];
    expect(describeCustomer(segmentTable(header, rows), 0).monetary).toBe(1200);
    expect(describeCustomer(segmentTable(header, rows, { dateFloor: '1980-01-01' }), 0).monetary).toBe(1250);
  });
});

describe('property: one bad row changes nothing but its own exclusion', () => {
  const day = fc.integer({ min: 0, max: 700 }).map((d) => {
    const date = new Date(Date.UTC(2022, 0, 1) + d * 86400000);
    return date.toISOString().slice(0, 10);
  });
  const goodRow = fc.tuple(
    fc.constantFrom('A', 'B', 'C', 'D', 'E'),
    day,
    fc.integer({ min: 1, max: 500000 }).map((cents) => (cents / 100).toFixed(2)),
  );
  const victim = fc.constantFrom('A', 'B', 'C', 'Z');
  const badRow: fc.Arbitrary<Cell[]> = fc.oneof(
    fc.tuple(
      victim,
      fc.constantFrom<Cell>(
        '1900-01-01',
        '1899-12-30',
        '1899-12-31',
        '1970-01-01',
        '0000-00-00',
        '9999-12-31',
        '2999-12-31',
        0,
        1,
        '1985-06-01',
        '2030-01-01',
        'soon',
        '#VALUE!',
        '2024-02-30',
        true,
      ),
      fc.constant('120'),
    ),
    fc.tuple(victim, day, fc.constantFrom<Cell>('abc', '#N/A', '1.2.3', '--5', true)),
    fc.tuple(fc.constantFrom<Cell>('', '#REF!', '  ', null), day, fc.constant('99')),
  );

  it("never changes another customer's features, never takes the affected customer's valid orders", () => {
    fc.assert(
      fc.property(fc.array(goodRow, { minLength: 1, maxLength: 30 }), badRow, fc.nat(), (good, bad, at) => {
        const rows: Cell[][] = good.map((r) => [...r]);
        const withBad = [...rows];
        withBad.splice(at % (rows.length + 1), 0, bad);
        const options = { today: '2024-06-01' };
        const before = featuresById(segmentTable(header, rows, options));
        const after = segmentTable(header, withBad, options);
        expect(featuresById(after)).toEqual(before);
        // …and the bad row is reported, never silently dropped.
        expect(after.report.issues.filter((i) => i.code !== 'duplicate-transaction').length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
