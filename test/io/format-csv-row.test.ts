import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeFormulaText, formatCsvRow } from '../../io/format-csv-row.js';
import { collectTable, createTempDir } from './collect-table.js';

const temp = createTempDir('csv-escape');
afterAll(() => temp.cleanup());

describe('formatCsvRow: OWASP CSV injection', () => {
  it('prefixes text starting with each formula character with an apostrophe', () => {
    expect(formatCsvRow(['=HYPERLINK("http://x","y")'])).toBe(`"'=HYPERLINK(""http://x"",""y"")"\r\n`);
    expect(formatCsvRow(["+cmd|' /C calc'!A0"])).toBe("'+cmd|' /C calc'!A0\r\n");
    expect(formatCsvRow(['-2+3'])).toBe("'-2+3\r\n");
    expect(formatCsvRow(['@SUM(A1:A9)'])).toBe("'@SUM(A1:A9)\r\n");
    expect(formatCsvRow(['=1+1', '+1+1', '-1+1', '@A1'])).toBe("'=1+1,'+1+1,'-1+1,'@A1\r\n");
  });

  it('keeps a leading tab or carriage return after the apostrophe (nothing is trimmed)', () => {
    expect(formatCsvRow(['\t=1+1'])).toBe("'\t=1+1\r\n");
    // A CR still needs quotes (RFC 4180 §2.6).
    expect(formatCsvRow(['\r=1'])).toBe(`"'\r=1"\r\n`);
    expect(formatCsvRow(['\tplain'])).toBe("'\tplain\r\n");
  });

  it('leaves typed numbers and number-only text alone, so refunds stay numbers', () => {
    expect(formatCsvRow([-5, -0.5, -1e21, '-5', '+1.5', '-2e3', '-.5'])).toBe('-5,-0.5,-1e+21,-5,+1.5,-2e3,-.5\r\n');
    // Not just a number: a space, a second sign, letters.
    expect(formatCsvRow(['-5 ', '+86 138 0000', '--5', '-5x'])).toBe(`"'-5 ",'+86 138 0000,'--5,'-5x\r\n`);
  });

  it('leaves text that does not start with a formula character alone', () => {
    expect(formatCsvRow(['a=1', 'C001', '客户=VIP', " '=1", '', 'x@y.com'])).toBe(
      `a=1,C001,客户=VIP," '=1",,x@y.com\r\n`,
    );
  });

  it('never leaves a field a spreadsheet would start as a formula (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const out = escapeFormulaText(text);
        expect(/^[=+\-@\t\r]/.test(out) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(out)).toBe(false);
        // Only ever one character added, and the text itself kept.
        expect(out === text || out === `'${text}`).toBe(true);
      }),
    );
  });

  it('reads back through io as the escaped text: the apostrophe stays, the tab is kept', async () => {
    const file = join(temp.dir, 'escaped.csv');
    writeFileSync(
      file,
      '\uFEFF' +
        formatCsvRow(['id', 'note', 'amount']) +
        formatCsvRow(['C1', '=1+1', -5]) +
        formatCsvRow(['C2', '\t=1+1', '-5']) +
        formatCsvRow(['C3', '@SUM(A1)', 12.5]),
    );
    const table = await collectTable(file);
    expect(table.header).toEqual(['id', 'note', 'amount']);
    expect(table.dataRows.map(([, cells]) => cells)).toEqual([
      ['C1', "'=1+1", '-5'],
      ['C2', "'\t=1+1", '-5'],
      ['C3', "'@SUM(A1)", '12.5'],
    ]);
  });
});

describe('formatCsvRow: RFC 4180 quoting', () => {
  it('quotes a delimiter, a quote or a line break anywhere, and doubles quotes', () => {
    expect(formatCsvRow(['a,b', 'say "hi"', 'x\ny', 'x\ry', 'plain', '客户'])).toBe(
      '"a,b","say ""hi""","x\ny","x\ry",plain,客户\r\n',
    );
  });

  it('quotes whitespace at either end, Unicode spaces included, and nothing else', () => {
    const spaces = ['\t', '\v', '\f', ' ', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f'];
    for (const space of [...spaces, '\u205f', '\u3000', '\ufeff']) {
      expect([formatCsvRow([`a${space}`]), formatCsvRow([`${space}a`])]).toEqual([
        `"a${space}"\r\n`,
        // A leading tab is a formula start: its apostrophe comes first, so no quotes are needed.
        space === '\t' ? "'\ta\r\n" : `"${space}a"\r\n`,
      ]);
    }
    expect(formatCsvRow(['a b', '\u200b', '中 文'])).toBe('a b,\u200b,中 文\r\n');
  });
});
