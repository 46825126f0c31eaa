import { describe, expect, it } from 'vitest';
import {
  formatBox,
  formatColumn,
  parseAreas,
  parseBox,
  parseColumn,
  qualifyAddress,
  subtractBox,
} from '../../../addin/excel/cell-address.js';

describe('cell addresses', () => {
  it('converts column letters both ways', () => {
    expect([0, 25, 26, 27, 701, 702, 16_383].map(formatColumn)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA', 'XFD']);
    for (const i of [0, 25, 26, 702, 16_383]) expect(parseColumn(formatColumn(i))).toBe(i);
  });

  it('formats and parses boxes, sheets quoted when needed', () => {
    expect(formatBox({ row: 0, column: 12, rowCount: 21, columnCount: 24 })).toBe('M1:AJ21');
    expect(formatBox({ row: 6, column: 8, rowCount: 1, columnCount: 1 })).toBe('I7');
    expect(parseBox("'My sheet'!$B$2:$D$9")).toEqual({ row: 1, column: 1, rowCount: 8, columnCount: 3 });
    expect(parseBox('A:C')).toEqual({ row: 0, column: 0, rowCount: 1_048_576, columnCount: 3 });
    expect(parseAreas('Sheet1!P5,Sheet1!U10:U11')).toEqual([
      { row: 4, column: 15, rowCount: 1, columnCount: 1 },
      { row: 9, column: 20, rowCount: 2, columnCount: 1 },
    ]);
    expect(qualifyAddress('Customers', 'A1')).toBe('Customers!A1');
    expect(qualifyAddress('Tierline Summary', 'A1')).toBe("'Tierline Summary'!A1");
    expect(qualifyAddress("Bob's", 'A1')).toBe("'Bob''s'!A1");
    expect(qualifyAddress('AB12', 'A1')).toBe("'AB12'!A1");
  });

  it('subtracts a box into disjoint parts that cover the rest exactly', () => {
    const target = { row: 0, column: 12, rowCount: 31, columnCount: 30 };
    const owned = { row: 0, column: 12, rowCount: 21, columnCount: 24 };
    const parts = subtractBox(target, owned);
    expect(parts.reduce((n, p) => n + p.rowCount * p.columnCount, 0)).toBe(31 * 30 - 21 * 24);
    expect(subtractBox(target, undefined)).toEqual([target]);
    expect(subtractBox(owned, target)).toEqual([]);
  });
});
