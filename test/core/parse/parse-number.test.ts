import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber, type NumberKind } from '../../../core/parse/parse-number.js';

const ok = (value: number, normalized = true) => ({ ok: true, value, normalized });
const FAIL = { ok: false };

describe('parseNumber: SPEC §2 examples', () => {
  it.each<[string, NumberKind, number]>([
    ['85,000', 'money', 85000],
    ['3500元', 'money', 3500],
    ['12万', 'money', 120000],
    ['8.5万', 'money', 85000],
    ['6次', 'count', 6],
    ['90%', 'rate', 0.9],
  ])('%j (%s) → %d', (cell, kind, value) => {
    expect(parseNumber(cell, kind)).toEqual(ok(value));
  });

  it('reads a rate written as a fraction unchanged and as a bare percentage divided by 100', () => {
    expect(parseNumber('0.9', 'rate')).toEqual(ok(0.9, false));
    expect(parseNumber('1', 'rate')).toEqual(ok(1, false));
    expect(parseNumber('90', 'rate')).toEqual(ok(0.9));
    expect(parseNumber('100%', 'rate')).toEqual(ok(1));
    expect(parseNumber('12.5%', 'rate')).toEqual(ok(0.125));
  });

  it('reads yes/no as rates 1/0 (SPEC §2 referralRate: yes = 100%)', () => {
    for (const yes of ['是', 'yes', 'YES', 'Y', 'true', '有']) expect(parseNumber(yes, 'rate')).toEqual(ok(1));
    for (const no of ['否', 'no', 'No', 'n', 'FALSE', '无']) expect(parseNumber(no, 'rate')).toEqual(ok(0));
  });

  it('reads yes/no only for rates', () => {
    expect(parseNumber('是', 'number')).toEqual(FAIL);
    expect(parseNumber('yes', 'count')).toEqual(FAIL);
  });
});

describe('parseNumber: money', () => {
  it.each<[string, number]>([
    ['¥1,234.50', 1234.5],
    ['￥1,234.50', 1234.5],
    ['$12', 12],
    ['€3', 3],
    ['£4', 4],
    ['RMB 100', 100],
    ['CNY100', 100],
    ['100 CNY', 100],
    ['100人民币', 100],
    ['100块', 100],
    ['1,234,567', 1234567],
    ['1,000万', 10000000],
    ['1亿', 100000000],
    ['1.234567万', 12345.67],
    [' 42 ', 42],
    ['+7', 7],
  ])('%j → %d', (cell, value) => {
    expect(parseNumber(cell, 'money')).toEqual(ok(value));
  });

  it('reads accounting negatives and a leading minus around the currency mark', () => {
    expect(parseNumber('(120.00)', 'money')).toEqual(ok(-120));
    expect(parseNumber('(¥1,234.50)', 'money')).toEqual(ok(-1234.5));
    expect(parseNumber('-¥5', 'money')).toEqual(ok(-5));
    expect(parseNumber('¥-5', 'money')).toEqual(ok(-5));
    expect(parseNumber('-5万', 'money')).toEqual(ok(-50000));
  });

  it('rounds 万 and 亿 amounts to the fen', () => {
    expect(parseNumber('0.12345678万', 'money')).toEqual(ok(1234.57));
  });
});

describe('parseNumber: plain numbers', () => {
  it('reads plain decimals on the fast path without calling them normalized', () => {
    expect(parseNumber('42')).toEqual(ok(42, false));
    expect(parseNumber('-12.50')).toEqual(ok(-12.5, false));
    expect(parseNumber('0')).toEqual(ok(0, false));
  });

  it('reads other plain spellings (whether they count as normalized is an implementation detail)', () => {
    const value = (cell: string): number | undefined => {
      const r = parseNumber(cell);
      return r.ok ? r.value : undefined;
    };
    expect(value('1.5e3')).toBe(1500);
    expect(value('.5')).toBe(0.5);
    expect(value('5.')).toBe(5);
    expect(value('-.5')).toBe(-0.5);
  });

  it('reads full-width digits', () => {
    expect(parseNumber('１２３')).toEqual(ok(123));
    expect(parseNumber('１，２３４．５元', 'money')).toEqual(ok(1234.5));
  });

  it('reads unit words for counts and days', () => {
    expect(parseNumber('6次', 'count')).toEqual(ok(6));
    expect(parseNumber('3笔', 'count')).toEqual(ok(3));
    expect(parseNumber('30天', 'days')).toEqual(ok(30));
    expect(parseNumber('5 days', 'days')).toEqual(ok(5));
    expect(parseNumber('2 orders', 'count')).toEqual(ok(2));
  });

  it('passes numbers through and rejects non-finite ones', () => {
    expect(parseNumber(12)).toEqual(ok(12, false));
    expect(parseNumber(-0.5, 'money')).toEqual(ok(-0.5, false));
    expect(parseNumber(Number.NaN)).toEqual(FAIL);
    expect(parseNumber(Infinity)).toEqual(FAIL);
    expect(parseNumber(-Infinity, 'money')).toEqual(FAIL);
  });

  it('reads a numeric rate cell like its text (xlsx 90 = csv "90" = 0.9)', () => {
    expect(parseNumber(90, 'rate')).toEqual(ok(0.9));
    expect(parseNumber(0.9, 'rate')).toEqual(ok(0.9, false));
    expect(parseNumber(1, 'rate')).toEqual(ok(1, false));
  });

  it('reads booleans as rates only', () => {
    expect(parseNumber(true, 'rate')).toEqual(ok(1));
    expect(parseNumber(false, 'rate')).toEqual(ok(0));
    expect(parseNumber(true)).toEqual(FAIL);
    expect(parseNumber(false, 'money')).toEqual(FAIL);
  });

  it.each([
    '1,23',
    '12,34,567',
    '1,2345',
    ',123',
    'abc',
    '',
    '   ',
    'Infinity',
    '-Infinity',
    'NaN',
    '1e400',
    '0x10',
    '-',
    '元',
    '¥',
    '6次6',
    '1.2.3',
    '%',
    '(5',
    '5)',
  ])('rejects %j', (cell) => {
    expect(parseNumber(cell)).toEqual(FAIL);
    expect(parseNumber(cell, 'money')).toEqual(FAIL);
  });
});

describe('parseNumber: properties', () => {
  it('reads back any finite double written by String()', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const r = parseNumber(String(v));
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value).toBe(v === 0 ? r.value : v);
      }),
    );
  });

  it('reads integers written with thousands separators and a currency mark', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (v) => {
        const grouped = Math.abs(v).toLocaleString('en-US');
        expect(parseNumber(`${v < 0 ? '-' : ''}¥${grouped}`, 'money')).toEqual(ok(v === 0 ? 0 : v));
        expect(parseNumber(`${grouped}元`, 'money')).toEqual(ok(Math.abs(v)));
      }),
    );
  });

  it('never throws and a success is always finite', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.double(), fc.boolean()),
        fc.constantFrom<NumberKind>('money', 'count', 'days', 'rate', 'number'),
        (cell, kind) => {
          const r = parseNumber(cell, kind);
          if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
        },
      ),
    );
  });
});

describe('parseNumber refuses to guess', () => {
  it.each(['--5', '(-5)', '-(5)', '12 34', '1 23'])('rejects %j', (text) => {
    expect(parseNumber(text, 'money').ok).toBe(false);
  });
  it('accepts spaces as thousands separators', () => {
    expect(parseNumber('1 234 567', 'money')).toEqual({ ok: true, value: 1234567, normalized: true });
  });
});
