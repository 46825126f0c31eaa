import { describe, expect, it } from 'vitest';
import { hashLine } from '../../../core/features/hash-line.js';

const hashOf = (row: readonly (string | number | null | undefined)[]): [number, number] => {
  const out = new Int32Array(2);
  hashLine(row, out);
  return [out[0]!, out[1]!];
};

describe('hashLine', () => {
  it('gives equal lines equal hashes, whatever the cell types that print alike', () => {
    expect(hashOf(['C1', '2024-01-05', '100'])).toEqual(hashOf(['C1', '2024-01-05', '100']));
    expect(hashOf(['C1', 100, null])).toEqual(hashOf(['C1', '100', '']));
    expect(hashOf(['C1', undefined])).toEqual(hashOf(['C1', null]));
  });

  it('separates cells, so moving a character across a cell boundary changes the line', () => {
    expect(hashOf(['ab', 'c'])).not.toEqual(hashOf(['a', 'bc']));
    expect(hashOf(['ab', ''])).not.toEqual(hashOf(['ab']));
  });
});
