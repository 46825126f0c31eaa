import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeHeader } from '../../../core/headers/normalize-header.js';

describe('normalizeHeader', () => {
  it('case-folds and drops spaces, underscores, dashes and dots', () => {
    expect(normalizeHeader(' Customer ID ')).toEqual({ full: 'customerid', stem: 'customerid' });
    expect(normalizeHeader('cust_id')).toEqual({ full: 'custid', stem: 'custid' });
    expect(normalizeHeader('Sign-up date')).toEqual({ full: 'signupdate', stem: 'signupdate' });
    expect(normalizeHeader('Cust. No.')).toEqual({ full: 'custno', stem: 'custno' });
  });

  it('half-widths and simplifies first', () => {
    expect(normalizeHeader('ＣＵＳＴＯＭＥＲ　ＩＤ')).toEqual({ full: 'customerid', stem: 'customerid' });
    expect(normalizeHeader('客戶編號')).toEqual({ full: '客户编号', stem: '客户编号' });
  });

  it('keeps a bracketed unit in the full key and drops it in the stem (SPEC §2 累计消费(元))', () => {
    expect(normalizeHeader('累计消费(元)')).toEqual({ full: '累计消费元', stem: '累计消费' });
    expect(normalizeHeader(' 累计消费（元） ')).toEqual({ full: '累计消费元', stem: '累计消费' });
    expect(normalizeHeader('金额【万元】')).toEqual({ full: '金额万元', stem: '金额' });
    expect(normalizeHeader('Frequency (6 months)')).toEqual({ full: 'frequency6months', stem: 'frequency' });
  });

  it('drops only a trailing group from the stem', () => {
    expect(normalizeHeader('(元)累计消费')).toEqual({ full: '元累计消费', stem: '元累计消费' });
    expect(normalizeHeader('Spend (CNY) total')).toEqual({ full: 'spendcnytotal', stem: 'spendcnytotal' });
  });

  it('gives empty keys for an empty or punctuation-only header', () => {
    expect(normalizeHeader('')).toEqual({ full: '', stem: '' });
    expect(normalizeHeader('  _-  ')).toEqual({ full: '', stem: '' });
    expect(normalizeHeader('(元)')).toEqual({ full: '元', stem: '' });
  });

  it('ignores case and the separators it drops (property)', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(' ', '_', '-', '.', '  '),
        (words, sep) => {
          const joined = words.join('');
          expect(normalizeHeader(words.join(sep).toUpperCase()).full).toBe(joined);
          expect(normalizeHeader(`  ${words.join(sep)}  `).stem).toBe(joined);
        },
      ),
    );
  });
});
