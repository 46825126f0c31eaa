import { describe, expect, it } from 'vitest';
import { hasOpenQuote, scanRecords } from '../../io/scan-records.js';

describe('scanRecords', () => {
  it('finds record ends, blank lines and the partial tail (the JSDoc example)', () => {
    expect(scanRecords('a,b\n\n"x\ny",2\n1,', ',')).toEqual({ end: 13, records: 3, blanks: [1], crlfEnds: 0 });
  });

  it('counts CRLF line breaks, and a line holding only CR as blank', () => {
    expect(scanRecords('a\r\n\r\n"x\r\n"\n\n', ',')).toEqual({ end: 12, records: 4, blanks: [1, 3], crlfEnds: 2 });
  });

  it('lists each record end when asked', () => {
    const ends: number[] = [];
    scanRecords('a\n"b\n""c"""\n\n', ',', 0, Infinity, ends);
    expect(ends).toEqual([1, 11, 12]);
  });

  it('opens a quote only at the start of a field, as udsv and Excel do', () => {
    // The quote in 5" is a character, so the line break after it ends the record.
    expect(scanRecords('TV,5" wide\nPC,"a\nb"\n', ',')).toMatchObject({ end: 20, records: 2, blanks: [] });
    expect(scanRecords('x;"a\nb"\n', ';').records).toBe(1);
    expect(scanRecords('x,"a\nb"\n', ';').records).toBe(2);
  });

  it('stops at an unclosed quote, and at a closing quote it cannot yet tell from ""', () => {
    expect(scanRecords('1,a\n2,"open\n3,b\n', ',')).toMatchObject({ end: 4, records: 1, blanks: [] });
    expect(scanRecords('1,a\n2,"x"', ',').end).toBe(4);
  });

  it('starts at `from` and stops at the first record end at or past `limit`', () => {
    const text = 'a\nb\nc\nd\n';
    expect(scanRecords(text, ',', 2, 5)).toMatchObject({ end: 6, records: 2, blanks: [] });
    expect(scanRecords(text, ',', 6)).toMatchObject({ end: 8, records: 1, blanks: [] });
  });
});

describe('hasOpenQuote', () => {
  it.each([
    ['1,"abc', true],
    ['"abc', true],
    ['1,"ab""c', true],
    ['1,"a\nb', true],
    ['1,"abc",2', false],
    ['1,ab"c', false],
    ['x,x,x,x', false],
    ['', false],
  ])('%j → %s', (text, open) => {
    expect(hasOpenQuote(text, ',')).toBe(open);
  });
});
