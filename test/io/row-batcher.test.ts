import { describe, expect, it } from 'vitest';
import type { Cell } from '../../core/table/cell.js';
import { BLANK_ROW, createRowBatcher, isBlankRow } from '../../io/row-batcher.js';

function record(batchSize: number): { batcher: ReturnType<typeof createRowBatcher>; calls: unknown[] } {
  const calls: unknown[] = [];
  const batcher = createRowBatcher(
    {
      header: (cells, row) => calls.push(['header', row, [...cells]]),
      rows: (batch, first) => calls.push(['rows', first, batch.map((r) => (r === BLANK_ROW ? 'blank' : [...r]))]),
    },
    { fileName: 'x.csv', maxColumns: 3, batchSize },
  );
  return { batcher, calls };
}

describe('createRowBatcher', () => {
  it('skips blank rows before the header, puts short blank runs inside batches and splits batches at batchSize', () => {
    const { batcher, calls } = record(3);
    const rows: Cell[][] = [[''], [null, ' '], ['id', 2024], ['a'], [], ['b'], ['c'], ['d']];
    rows.forEach((row) => batcher.addRow(row));
    batcher.addBlankRows(2);
    batcher.finish();
    expect(calls).toEqual([
      ['header', 3, ['id', '2024']],
      ['rows', 4, [['a'], 'blank', ['b']]],
      ['rows', 7, [['c'], ['d']]],
    ]);
    expect([batcher.headerRow, batcher.dataRows, batcher.nextRow]).toEqual([3, 4, 11]);
  });

  it('ends a batch at a run of more than 64 blank rows', () => {
    const { batcher, calls } = record(4096);
    batcher.addRow(['id']);
    batcher.addRow(['a']);
    batcher.addBlankRows(65);
    batcher.addRow(['b']);
    batcher.finish();
    expect(calls.slice(1)).toEqual([
      ['rows', 2, [['a']]],
      ['rows', 68, [['b']]],
    ]);
  });

  it('throws too-many-columns for a row wider than maxColumns', () => {
    const { batcher } = record(10);
    expect(() => batcher.addRow([1, 2, 3, 4])).toThrow('x.csv has 4 columns in row 1; at most 3 are supported');
  });
});

describe('isBlankRow', () => {
  it('treats empty, null and whitespace-only cells as blank (the JSDoc example)', () => {
    expect(isBlankRow(['', ' ', null])).toBe(true);
    expect(isBlankRow(['\u3000', '\t', undefined])).toBe(true);
    expect(isBlankRow(['', 0])).toBe(false);
    expect(isBlankRow(['', false])).toBe(false);
  });
});
