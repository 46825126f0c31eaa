import { describe, expect, it } from 'vitest';
import { decodeTwice, decodeXmlText } from '../../io/decode-xml-text.js';

describe('decodeXmlText', () => {
  it('decodes the named entities, character references and line ends, and keeps anything else', () => {
    expect(decodeXmlText('R&amp;D &lt;b&gt; &quot;q&quot; &apos;a&apos;')).toBe(`R&D <b> "q" 'a'`);
    expect(decodeXmlText('&#20013;&#x6587;&#x1F600;')).toBe('中文😀');
    expect(decodeXmlText('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
    expect(decodeXmlText('&nbsp; &#x110000; & plain')).toBe('&nbsp; &#x110000; & plain');
    expect(decodeXmlText('no entities')).toBe('no entities');
  });
});

describe('decodeTwice', () => {
  it("decodes the five named entities once more, as exceljs' utils.xmlDecode", () => {
    expect(decodeTwice('a&lt;b&amp;c&AMP;')).toBe('a<b&c&AMP;');
    expect(decodeTwice(decodeXmlText('&amp;lt;'))).toBe('<');
  });
});
