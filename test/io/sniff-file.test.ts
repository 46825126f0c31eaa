import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../io/sniff-file.js';

describe('detectEncoding', () => {
  it.each([
    ['a UTF-8 BOM', [0xef, 0xbb, 0xbf, 0x61], 'utf-8'],
    ['a UTF-16LE BOM', [0xff, 0xfe, 0x61, 0x00], 'utf-16le'],
    ['a UTF-16BE BOM', [0xfe, 0xff, 0x00, 0x61], 'utf-16be'],
    ['BOM-less UTF-16LE', [...Buffer.from('id,name\n1,a\n', 'utf16le')], 'utf-16le'],
    ['valid UTF-8', [...Buffer.from('客户,a\n')], 'utf-8'],
    ['GB18030 (客户)', [0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0x61], 'gb18030'],
    ['scattered NULs', [0x61, 0x00, 0x00, 0x62, 0x63, 0x64, 0x65, 0x66], 'binary'],
  ])('%s → %s', (_, bytes, encoding) => {
    expect(detectEncoding(Uint8Array.from(bytes), false)).toBe(encoding);
  });

  it('forgives a multi-byte character cut at the end of a truncated head, not of a whole file', () => {
    const cut = Buffer.from('ab客').subarray(0, 4);
    expect(detectEncoding(cut, true)).toBe('utf-8');
    expect(detectEncoding(cut, false)).toBe('gb18030');
  });
});
