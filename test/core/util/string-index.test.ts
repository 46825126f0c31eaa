import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringIndex } from '../../../core/util/string-index.js';

describe('StringIndex', () => {
  it('gives dense indices in first-seen order and finds them again', () => {
    const index = new StringIndex(2);
    expect(['b', 'a', 'b', 'c', 'a'].map((k) => index.intern(k))).toEqual([0, 1, 0, 2, 1]);
    expect(index.keys).toEqual(['b', 'a', 'c']);
    expect(index.get('c')).toBe(2);
    expect(index.get('zz')).toBe(-1);
  });

  it('agrees with a Map on any sequence of keys, across growth', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 3000 }), (keys) => {
        const index = new StringIndex(1);
        const map = new Map<string, number>();
        for (const key of keys) {
          if (!map.has(key)) map.set(key, map.size);
          expect(index.intern(key)).toBe(map.get(key));
        }
        expect(index.size).toBe(map.size);
      }),
      { numRuns: 50 },
    );
  });
});
