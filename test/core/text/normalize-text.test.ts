import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText, toHalfWidthSimplified } from '../../../core/text/normalize-text.js';

/** The two mapping strings as written in the source, read as text so the test sees exactly what ships. */
function mappingStrings(): { traditional: string; simplified: string } {
  const source = readFileSync(new URL('../../../core/text/normalize-text.ts', import.meta.url), 'utf8');
  const grab = (name: string): string => {
    const m = new RegExp(`const ${name}\\s*=\\s*'([^']*)'`).exec(source);
    if (!m) throw new Error(`${name} not found in normalize-text.ts`);
    return m[1]!;
  };
  return { traditional: grab('TRADITIONAL'), simplified: grab('SIMPLIFIED') };
}

describe('toHalfWidthSimplified', () => {
  it('turns full-width ASCII and the ideographic space to half-width', () => {
    expect(toHalfWidthSimplified('ＡＢＣ１２３　客戶')).toBe('ABC123 客户');
    expect(toHalfWidthSimplified('ｃｕｓｔｏｍｅｒ＿ｉｄ（元）')).toBe('customer_id(元)');
    expect(toHalfWidthSimplified('！～')).toBe('!~');
    expect(toHalfWidthSimplified('\u3000')).toBe(' ');
  });

  it('turns traditional characters of CRM headers and names to simplified', () => {
    expect(toHalfWidthSimplified('客戶')).toBe('客户');
    expect(toHalfWidthSimplified('張偉')).toBe('张伟');
    expect(toHalfWidthSimplified('客戶編號')).toBe('客户编号');
    expect(toHalfWidthSimplified('累計消費金額')).toBe('累计消费金额');
    expect(toHalfWidthSimplified('聯繫電話')).toBe('联系电话');
    expect(toHalfWidthSimplified('賬戶餘額')).toBe('账户余额');
    expect(toHalfWidthSimplified('帳戶')).toBe('账户');
  });

  it('returns the very same string when nothing changes', () => {
    const plain = 'Customer ID 客户编号 123 ½ 😀';
    expect(toHalfWidthSimplified(plain)).toBe(plain);
    expect(Object.is(toHalfWidthSimplified(''), '')).toBe(true);
  });

  it('leaves characters outside the ranges alone (half-width katakana, astral characters, U+FF5F+)', () => {
    expect(toHalfWidthSimplified('ｱ｡')).toBe('ｱ｡');
    expect(toHalfWidthSimplified('𠀀a')).toBe('𠀀a');
  });

  it('pairs every traditional character with one simplified character', () => {
    const { traditional, simplified } = mappingStrings();
    expect([...traditional].length).toBe([...simplified].length);
    expect(traditional.length).toBe(simplified.length);
    // Every pair maps as listed, so an insertion in one string cannot shift the rest silently.
    const t = [...traditional],
      s = [...simplified];
    t.forEach((ch, i) => expect(toHalfWidthSimplified(ch), `${ch} at ${i}`).toBe(s[i]));
  });

  it('maps spot pairs from across the table (a misalignment would show here first)', () => {
    const pairs: Record<string, string> = {
      戶: '户',
      號: '号',
      係: '系',
      繫: '系',
      帳: '账',
      賬: '账',
      週: '周',
      張: '张',
      偉: '伟',
      傑: '杰',
      網: '网',
      線: '线',
      點: '点',
      雲: '云',
    };
    for (const [t, s] of Object.entries(pairs)) expect(toHalfWidthSimplified(t)).toBe(s);
  });

  it('is idempotent and keeps the length in code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = toHalfWidthSimplified(s);
        expect(toHalfWidthSimplified(once)).toBe(once);
        expect([...once].length).toBe([...s].length);
      }),
    );
  });

  it('maps every full-width ASCII character U+FF01–FF5E to its ASCII twin', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0x21, max: 0x7e }), (code) => {
        expect(toHalfWidthSimplified(String.fromCharCode(code + 0xfee0))).toBe(String.fromCharCode(code));
      }),
    );
  });
});

describe('normalizeText', () => {
  it('trims, collapses inner whitespace, half-widths and simplifies', () => {
    expect(normalizeText('  張偉 ')).toBe('张伟');
    expect(normalizeText('上海\u3000\u3000 某某　科技')).toBe('上海 某某 科技');
    expect(normalizeText('ＡＢＣ\t\n公司')).toBe('ABC 公司');
    expect(normalizeText('')).toBe('');
  });

  it('gives the same key to a traditional/full-width spelling and its simplified one', () => {
    expect(normalizeText('華東　開發區')).toBe(normalizeText('华东 开发区'));
  });
});
