/**
 * Decodes XML character data or an attribute value as an XML parser does:
 * the five named entities, numeric character references (&#65; &#x41;) and
 * line ends (CR LF and lone CR become LF, XML 1.0 §2.11). Anything else
 * after an '&' is kept as written. Text without '&' or CR is returned as is.
 * @example decodeXmlText('R&amp;D&#x4E2D;') === 'R&D中'
 */
export function decodeXmlText(text: string): string {
  if (text.indexOf('&') !== -1) text = text.replace(ENTITY, decodeEntity);
  if (text.indexOf('\r') !== -1) text = text.replace(CRLF, '\n');
  return text;
}

/**
 * exceljs decodes the text of inline-string and formula-string cells a
 * second time (utils.xmlDecode: only the five named entities, lower-case
 * names), so '&amp;lt;' in the file reads as '<'. Kept for identical results.
 * @example decodeTwice('a&lt;b') === 'a<b'
 */
export function decodeTwice(text: string): string {
  return text.indexOf('&') === -1 ? text : text.replace(NAMED_AGAIN, (entity) => NAMED[entity] ?? entity);
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED_AGAIN = /&[a-z]*;/g;
const CRLF = /\r\n?/g;
const NAMED: Readonly<Record<string, string>> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&apos;': "'",
};

function decodeEntity(entity: string, body: string): string {
  if (body.charCodeAt(0) !== 35 /* # */) return NAMED[entity] ?? entity;
  const code = body.charCodeAt(1) === 120 /* x */ ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  return code > 0x10ffff ? entity : String.fromCodePoint(code);
}
