import { describe, expect, it } from 'vitest';
import { measureRowBytes, measureStringBytes, planRowBlocks } from '../../../addin/excel/plan-blocks.js';

const utf8Json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

describe('measuring and planning row blocks', () => {
  it('counts a string exactly as UTF-8 JSON', () => {
    for (const text of ['', 'abc', '冠军客户', 'say "hi"\\', 'tab\there', '😀 emoji', '【流失风险】 ¥1,000'])
      expect(measureStringBytes(text)).toBe(utf8Json(text));
  });

  it('counts a row as its JSON array plus the separator', () => {
    const row = ['C001', 12, 0, -7, 1_000_000, 3.5, -0.25, 1e21, true, false, '', '重要价值客户', null, Number.NaN];
    expect(measureRowBytes(row)).toBe(utf8Json(row) + 1);
    expect(measureRowBytes(row, new Map())).toBe(utf8Json(row) + 1);
  });

  it('cuts consecutive blocks that never pass the budget and cover every row once', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`C${i}`, 'x'.repeat(i % 50), i]);
    const blocks = planRowBlocks(rows, 4_000);
    expect(blocks[0]!.start).toBe(0);
    expect(blocks.at(-1)!.end).toBe(1000);
    for (let i = 1; i < blocks.length; i++) expect(blocks[i]!.start).toBe(blocks[i - 1]!.end);
    for (const block of blocks) {
      expect(block.bytes).toBeLessThanOrEqual(4_000);
      expect(utf8Json(rows.slice(block.start, block.end))).toBeLessThanOrEqual(block.bytes);
    }
  });

  it('gives a single row over the budget a block of its own', () => {
    expect(planRowBlocks([['a'], ['x'.repeat(100)], ['b']], 50).map((b) => [b.start, b.end])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(planRowBlocks([])).toEqual([]);
  });
});
