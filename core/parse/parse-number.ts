import { toHalfWidthSimplified } from '../text/normalize-text.js';

export type NumberKind = 'money' | 'count' | 'days' | 'rate' | 'number';
/** The decimal mark: '.' (thousands ',': 1,234.5) or ',' (thousands '.' or space: 1.234,5). */
export type DecimalMark = '.' | ',';

export type ParsedNumber =
  { readonly ok: true; readonly value: number; readonly normalized: boolean } | { readonly ok: false };

const FAIL: ParsedNumber = { ok: false };

// Currency marks and unit words that may surround a number (SPEC §2 value
// parsing: `3500元`, `6次`, `¥1,234`). Removed before the number is read.
const AFFIXES =
  /^[¥￥$€£]|^(?:CNY|RMB|USD|EUR|GBP)\s*|(?:元|块|次|天|日|单|笔|个|人民币|CNY|RMB|USD|EUR|GBP|days?|orders?|times?)$/gi;
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
// Decimal comma (most of Europe): `1234,5`, `1.234,5`, `2.500.000`.
const COMMA_PLAIN = /^\d+(?:,\d+)?$/;
const DOT_GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;

/** `-?digits[.digits]` checked with a char loop: cheaper than a regex per cell. */
function isPlainDecimal(text: string): boolean {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  if (i >= n) return false;
  let digits = 0,
    dot = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else return false;
  }
  return digits > 0;
}

/**
 * Parses a number as analysts write it: currency symbols (¥ ￥ $ € £),
 * thousands separators, full-width digits, parentheses for negatives,
 * `12万` / `8.5万` (× 10,000), unit words (`元`, `次`), and for rates `90%`.
 * A rate written as a percentage becomes a fraction (90% → 0.9).
 * `decimal` ',' reads `1.234,5` and `2.500.000` (and refuses `1,234.5`).
 * `normalized` says whether the text needed more than a plain number read.
 * @example parseNumber('(¥1,234.50)', 'money') → { ok: true, value: -1234.5, normalized: true }
 */
export function parseNumber(
  cell: string | number | boolean,
  kind: NumberKind = 'number',
  decimal: DecimalMark = '.',
): ParsedNumber {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return FAIL;
    // Same reading as the text '90' below, so a rate column gives the same
    // fractions from csv (text) and xlsx (numbers): above 1 means a percentage.
    return kind === 'rate' && cell > 1
      ? { ok: true, value: cell / 100, normalized: true }
      : { ok: true, value: cell, normalized: false };
  }
  if (typeof cell === 'boolean') return kind === 'rate' ? { ok: true, value: cell ? 1 : 0, normalized: true } : FAIL;
  // Fast path for plain decimals, the bulk of any large file.
  if (isPlainDecimal(cell) && (decimal === '.' || !cell.includes('.'))) {
    const v = +cell;
    if (Number.isFinite(v)) {
      return kind === 'rate' && v > 1
        ? { ok: true, value: v / 100, normalized: true }
        : { ok: true, value: v, normalized: false };
    }
  }
  // Inner spaces are only accepted as thousands separators ("1 234 567").
  let t = toHalfWidthSimplified(cell).trim();
  if (/\d\s+\d/.test(t) && !/^\D*\d{1,3}(?:\s\d{3})+(?:[.,]\d+)?\D*$/.test(t)) return FAIL;
  t = t.replace(/\s+/g, '');
  if (t === '') return FAIL;
  if (kind === 'rate') {
    const yes = /^(是|yes|y|true|有)$/i.test(t),
      no = /^(否|no|n|false|无)$/i.test(t);
    if (yes || no) return { ok: true, value: yes ? 1 : 0, normalized: true };
  }
  let negative = false;
  if (t.startsWith('(') && t.endsWith(')')) {
    negative = true;
    t = t.slice(1, -1);
  }
  if (t.startsWith('-')) {
    // "(-5)" and "--5" have no clear meaning: reported, not guessed.
    if (negative) return FAIL;
    negative = true;
    t = t.slice(1);
  } else if (t.startsWith('+')) t = t.slice(1);
  let previous;
  do {
    previous = t;
    t = t.replace(AFFIXES, '');
  } while (t !== previous && t !== '');
  if (t.startsWith('-')) {
    if (negative) return FAIL;
    negative = true;
    t = t.slice(1);
  }
  let scale = 1;
  if (t.endsWith('%')) {
    scale = 0.01;
    t = t.slice(0, -1);
  } else if (t.endsWith('万')) {
    scale = 10000;
    t = t.slice(0, -1);
  } else if (t.endsWith('亿')) {
    scale = 100000000;
    t = t.slice(0, -1);
  }
  let value: number;
  if (decimal === ',') {
    if (COMMA_PLAIN.test(t)) value = Number(t.replace(',', '.'));
    else if (DOT_GROUPED.test(t)) value = Number(t.replace(/\./g, '').replace(',', '.'));
    else return FAIL;
  } else if (PLAIN.test(t)) value = Number(t);
  else if (GROUPED.test(t)) value = Number(t.replace(/,/g, ''));
  else return FAIL;
  if (!Number.isFinite(value)) return FAIL;
  value *= scale;
  if (scale === 10000 || scale === 100000000) value = Math.round(value * 100) / 100;
  if (kind === 'rate' && scale === 1 && value > 1) value /= 100;
  return { ok: true, value: negative ? -value : value, normalized: true };
}
