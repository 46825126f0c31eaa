import { describe, expect, it } from 'vitest';
import { createRecordParser, looksParsed, parseRecordsTolerant } from '../../io/parse-records.js';
import { scanRecords } from '../../io/scan-records.js';

const tolerant = (text: string): string[][] => {
  const ends: number[] = [];
  scanRecords(text, ',', 0, text.length, ends);
  return parseRecordsTolerant(text, ',', ends);
};

describe('createRecordParser', () => {
  it('parses records of the width it was made for (the JSDoc example)', () => {
    expect(createRecordParser(',', 2, '\n')('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('gets ragged records wrong in ways looksParsed catches', () => {
    const parse = createRecordParser(',', 3, '\n');
    const lines = (text: string) => (i: number) => text.split('\n')[i]!;
    const short = parse('1,2\n3,4,5\n');
    expect(looksParsed(short, 2, 3, ',', lines('1,2\n3,4,5'))).toBe(false);
    const long = parse('1,2,3,4\n');
    expect(long).toEqual([['1', '2', '3,4']]);
    expect(looksParsed(long, 1, 3, ',', lines('1,2,3,4'))).toBe(false);
    expect(looksParsed(parse('1,2,3,"4"\n'), 1, 3, ',', lines('1,2,3,"4"'))).toBe(false);
    expect(looksParsed(parse('1,2,3\n'), 1, 3, ',', lines('1,2,3'))).toBe(true);
  });

  it('accepts a quoted last cell that holds the delimiter (the JSDoc example)', () => {
    expect(looksParsed([['1', '2,3']], 1, 2, ',', () => '1,"2,3"')).toBe(true);
    const rows = createRecordParser(',', 2, '\n')('1,"a, ""b"""\n');
    expect(rows).toEqual([['1', 'a, "b"']]);
    expect(looksParsed(rows, 1, 2, ',', () => '1,"a, ""b"""')).toBe(true);
  });
});

describe('parseRecordsTolerant', () => {
  it('gives each record its own field count, blank lines as [""] (the JSDoc example)', () => {
    expect(parseRecordsTolerant('a,b,c\nd\n', ',', [5, 7])).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('drops the CR of CRLF line breaks, keeps CRLF inside quotes', () => {
    expect(tolerant('a,b\r\n\r\n1,"x\r\ny"\r\n2\n')).toEqual([['a', 'b'], [''], ['1', 'x\r\ny'], ['2']]);
  });

  it("reads what udsv's fast parser cannot: short, long, one-field, blank and quoted-then-more records", () => {
    expect(tolerant('a,b,c\n1,2\n3,4,5,6\n\n"q"\nsolo\n1,2,"3",4\n"x\n""y""",z\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2'],
      ['3', '4', '5', '6'],
      [''],
      ['q'],
      ['solo'],
      ['1', '2', '3', '4'],
      ['x\n"y"', 'z'],
    ]);
  });
});
