import { isDateFormat } from './convert-xlsx-cell.js';
import { decodeTwice, decodeXmlText } from './decode-xml-text.js';

/** A sheet as xl/workbook.xml lists it, in workbook order. */
export interface WorkbookSheet {
  readonly name: string;
  /** 'visible' (or undefined), 'hidden' or 'veryHidden'. */
  readonly state: string | undefined;
  /** The relationship id that names the sheet's part in xl/_rels/workbook.xml.rels. */
  readonly relationshipId: string | undefined;
}

/** What xl/workbook.xml says that the reader needs. */
export interface WorkbookPart {
  readonly sheets: readonly WorkbookSheet[];
  /** workbookPr date1904: serials count from 1904-01-01 (Excel for Mac before 2011). */
  readonly date1904: boolean;
}

/**
 * Reads the sheet list and the date system from xl/workbook.xml. Sheet names
 * are decoded twice, as exceljs did, so names read the same as before.
 * @example parseWorkbookPart('<workbook><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>').sheets[0].name === 'A'
 */
export function parseWorkbookPart(xml: string): WorkbookPart {
  const sheets = findTags(xml, 'sheet').map((attributes) => ({
    name: decodeTwice(attributes.get('name') ?? ''),
    state: attributes.get('state'),
    relationshipId: attributes.get('r:id') ?? findPrefixed(attributes, 'id'),
  }));
  const flag = findTags(xml, 'workbookPr')[0]?.get('date1904');
  // exceljs accepted only "1"; "true" is the other spelling of xsd:boolean (LibreOffice writes it).
  return { sheets, date1904: flag === '1' || flag === 'true' };
}

/** A relationship of a part: the zip entry it points at and its type (a URI ending in /worksheet, /styles …). */
export interface Relationship {
  readonly target: string;
  readonly type: string;
}

/**
 * Maps relationship ids to zip entry names and types, targets resolved
 * against the folder of the part they belong to ('worksheets/sheet1.xml'
 * from xl/ is 'xl/worksheets/sheet1.xml'; an absolute '/xl/…' loses its slash).
 * @example parseRelationships('<Relationship Id="rId1" Type="…/worksheet" Target="worksheets/sheet1.xml"/>', 'xl/').get('rId1')?.target === 'xl/worksheets/sheet1.xml'
 */
export function parseRelationships(xml: string, folder: string): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  for (const attributes of findTags(xml, 'Relationship')) {
    const id = attributes.get('Id');
    const target = attributes.get('Target');
    if (id === undefined || target === undefined || attributes.get('TargetMode') === 'External') continue;
    relationships.set(id, { target: resolvePartName(folder, target), type: attributes.get('Type') ?? '' });
  }
  return relationships;
}

/**
 * The target of the first relationship of a type ('styles' matches
 * …/relationships/styles in both transitional and strict OOXML).
 * @example findRelationship(relationships, 'sharedStrings') === 'xl/sharedStrings.xml'
 */
export function findRelationship(relationships: ReadonlyMap<string, Relationship>, type: string): string | undefined {
  for (const relationship of relationships.values())
    if (relationship.type.endsWith(`/${type}`)) return relationship.target;
  return undefined;
}

// Excel's built-in number formats that exceljs knows by id (defaultnumformats.js,
// the entries with a format code); the locale-dependent ids 27–36 and 50–58 have
// none there, so exceljs read such cells as plain numbers. Kept for identical results.
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/**
 * For each cell style (cellXfs index, a cell's `s`), whether its number
 * format shows a date or time: the custom formats of `<numFmts>`, else
 * the built-in ones (the language-dependent East Asian ones are dates). Style
 * 0 is never a date, as exceljs read it.
 * @example parseDateStyles('<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>') // [false, true]
 */
export function parseDateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const numFmts = section(xml, 'numFmts');
  for (const attributes of findTags(numFmts, 'numFmt')) {
    const id = parseInt(attributes.get('numFmtId') ?? '', 10);
    // exceljs drops the backslash of an escaped character ('\-' → '-').
    const formatCode = (attributes.get('formatCode') ?? '').replace(/[\\](.)/g, '$1');
    if (!Number.isNaN(id)) custom.set(id, formatCode);
  }
  return findTags(section(xml, 'cellXfs'), 'xf').map((attributes, index) => {
    if (index === 0) return false;
    const id = parseInt(attributes.get('numFmtId') ?? '', 10);
    if (!id) return false;
    const code = custom.get(id) || BUILT_IN_FORMATS[id];
    // 27–36 and 50–58 are built-in formats whose code depends on Excel's
    // language; in zh-CN, ja-JP and ko-KR every one of them is a date or time
    // (31 = yyyy"年"m"月"d"日"), so a workbook saved by Chinese Excel keeps its dates.
    if (code === undefined && ((id >= 27 && id <= 36) || (id >= 50 && id <= 58))) return true;
    return isDateFormat(code);
  });
}

/**
 * A push scanner of xl/sharedStrings.xml: each `<si>` becomes its text (the
 * `<t>` of a plain string; the runs of a rich one joined; phonetic `<rPh>`
 * runs left out), null for an empty plain string, as exceljs gave them.
 * @example const scanner = createSharedStringsScanner(); scanner.push(bytes); scanner.strings
 */
export function createSharedStringsScanner(): { push(bytes: Buffer): void; readonly strings: (string | null)[] } {
  const strings: (string | null)[] = [];
  let carry: Buffer | undefined;
  return {
    strings,
    push(bytes) {
      const b = carry === undefined ? bytes : Buffer.concat([carry, bytes]);
      carry = undefined;
      let p = 0;
      for (;;) {
        const start = nextTag(b, p, 'si');
        if (start === -1) break;
        const gt = b.indexOf(62 /* > */, start);
        if (gt === -1) {
          carry = b.subarray(start);
          return;
        }
        if (b[gt - 1] === 47 /* / */) {
          strings.push(null);
          p = gt + 1;
          continue;
        }
        // Most items are <si><t>text</t></si>: read without a regex.
        if (b[gt + 1] === 60 && b[gt + 2] === 116 /* t */ && b[gt + 3] === 62) {
          const textEnd = b.indexOf(60, gt + 4);
          if (
            textEnd !== -1 &&
            textEnd + PLAIN_END.length <= b.length &&
            b.compare(PLAIN_END, 0, PLAIN_END.length, textEnd, textEnd + PLAIN_END.length) === 0
          ) {
            strings.push(textEnd === gt + 4 ? null : decodeXmlText(b.toString('utf8', gt + 4, textEnd)));
            p = textEnd + PLAIN_END.length;
            continue;
          }
        }
        const end = b.indexOf(SI_END, gt);
        if (end === -1) {
          carry = b.subarray(start);
          return;
        }
        strings.push(readStringItem(b.toString('utf8', gt + 1, end)));
        p = end + SI_END.length;
      }
      // A '<si' cut at the end of the piece is scanned again with the next one.
      const last = b.lastIndexOf(60 /* < */);
      if (last >= p) carry = b.subarray(last);
    },
  };
}

// Namespace prefixes on shared strings are rare; the closing tag is matched by name.
const SI_END = Buffer.from('</si>');
const PLAIN_END = Buffer.from('</t></si>');

function nextTag(b: Buffer, from: number, name: string): number {
  for (let p = from; ;) {
    const lt = b.indexOf(`<${name}`, p);
    if (lt === -1) return -1;
    const after = b[lt + 1 + name.length];
    if (after === 62 || after === 47 || (after !== undefined && after <= 32)) return lt;
    p = lt + 1;
  }
}

const RUN = /<r[\s>]/;
const T_OR_RPH = /<(\/?)(t|rPh)(?:\s[^>]*?)?(\/?)>/g;

function readStringItem(item: string): string | null {
  let text = '';
  let phonetic = 0;
  T_OR_RPH.lastIndex = 0;
  for (let match = T_OR_RPH.exec(item); match !== null; match = T_OR_RPH.exec(item)) {
    const [, close, name, empty] = match;
    if (name === 'rPh') {
      if (close) phonetic--;
      else if (!empty) phonetic++;
      continue;
    }
    if (close || empty || phonetic > 0) continue;
    const end = item.indexOf('<', T_OR_RPH.lastIndex);
    text += item.slice(T_OR_RPH.lastIndex, end === -1 ? item.length : end);
  }
  if (text.length === 0) return RUN.test(item) ? '' : null;
  return decodeXmlText(text);
}

/** The text between `<name …>` and `</name>` (any namespace prefix), '' when there is none. */
function section(xml: string, name: string): string {
  const open = new RegExp(`<(?:[\\w.-]+:)?${name}[\\s>]`).exec(xml);
  if (!open) return '';
  const close = new RegExp(`</(?:[\\w.-]+:)?${name}>`).exec(xml.slice(open.index));
  return close ? xml.slice(open.index, open.index + close.index) : xml.slice(open.index);
}

/** The attributes of every `<name …>` start tag (any namespace prefix), values decoded. */
function findTags(xml: string, name: string): Map<string, string>[] {
  const tag = new RegExp(`<(?:[\\w.-]+:)?${name}((?:\\s(?:[^>"']|"[^"]*"|'[^']*')*)?)/?>`, 'g');
  const attribute = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const found: Map<string, string>[] = [];
  for (let match = tag.exec(xml); match !== null; match = tag.exec(xml)) {
    const attributes = new Map<string, string>();
    const text = match[1] ?? '';
    attribute.lastIndex = 0;
    for (let a = attribute.exec(text); a !== null; a = attribute.exec(text)) {
      // Attribute values also have their whitespace characters normalised to spaces (XML 1.0 §3.3.3).
      attributes.set(a[1]!, decodeXmlText((a[2] ?? a[3] ?? '').replace(/[\t\n\r]/g, ' ')));
    }
    found.push(attributes);
  }
  return found;
}

/** The value of `prefix:local` for any prefix. */
function findPrefixed(attributes: Map<string, string>, local: string): string | undefined {
  for (const [key, value] of attributes) if (key.endsWith(`:${local}`)) return value;
  return undefined;
}

function resolvePartName(folder: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : folder + target;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
