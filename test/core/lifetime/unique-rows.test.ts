import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniqueIndex, uniqueRows } from '../../../core/lifetime/unique-rows.js';

describe('uniqueRows', () => {
  it('collapses identical rows in order of first appearance, with weights and distinct x', () => {
    // 2,000 rows from 4 distinct (x, t_x, T): far below the "too unique" cut-off.
    const base = [
      [0, 0, 10],
      [2, 5, 10],
      [0, 0, 10],
      [1, 4, 8],
    ];
    const rows = Array.from({ length: 2000 }, (_, i) => base[i % 4]!.concat([i % 4 === 3 ? 1 : 0]));
    const result = uniqueRows([rows.map((r) => r[0]!), rows.map((r) => r[1]!), rows.map((r) => r[2]!)]);
    expect(result.count).toBe(3);
    expect(result.columns.map((c) => [...c])).toEqual([
      [0, 2, 1],
      [0, 5, 4],
      [10, 10, 8],
    ]);
    expect([...result.weight]).toEqual([1000, 500, 500]);
    expect(result.totalWeight).toBe(2000);
    expect([...result.rowOf.subarray(0, 4)]).toEqual([0, 1, 0, 2]);
    expect([...result.distinctX]).toEqual([0, 2, 1]);
    expect([...result.xIndex]).toEqual([0, 1, 2]);
    expect([...result.xWeight]).toEqual([1000, 500, 500]);
  });

  it('keeps every row when rows barely repeat (continuous times)', () => {
    const n = 5000;
    const result = uniqueRows(
      [Float64Array.from({ length: n }, (_, i) => i % 3), Float64Array.from({ length: n }, (_, i) => i / 7)],
      Float64Array.from({ length: n }, () => 2),
    );
    expect(result.count).toBe(n);
    expect(result.totalWeight).toBe(2 * n);
    expect(result.rowOf[4999]).toBe(4999);
  });

  it('maps every input row to a unique row holding the same values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom(0, 0.5, 1 / 7, 2), fc.constantFrom(1, 2, 3)),
          { minLength: 1, maxLength: 300 },
        ),
        (rows) => {
          const columns = [0, 1, 2].map((k) => Float64Array.from(rows, (r) => r[k]!));
          const index = uniqueIndex(columns)!;
          rows.forEach((row, i) => {
            const first = index.firstRow[index.rowOf[i]!]!;
            expect(rows[first]).toEqual(row);
            expect(first).toBeLessThanOrEqual(i);
          });
          expect(index.count).toBe(new Set(rows.map((r) => r.join('|'))).size);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives up past maxCount unique rows', () => {
    expect(uniqueIndex([Float64Array.of(1, 2, 3, 4)], 2)).toBeUndefined();
    expect(uniqueIndex([Float64Array.of(1, 1, 1, 2)], 2)?.count).toBe(2);
  });
});
