import { toHalfWidthSimplified } from '../text/normalize-text.js';
import { dayFromCivil, dayFromExcelSerial, isValidCivil } from './civil-day.js';

/** How a date cell was written; the report names it (SPEC §3 date-normalized). */
export type DateFormat =
  'iso' | 'iso-time' | 'slash-ymd' | 'compact' | 'chinese' | 'excel-serial' | 'day-first' | 'month-first';

export type DateOrder = 'auto' | 'dmy' | 'mdy';

export type ParsedDate =
  | { readonly ok: true; readonly day: number; readonly format: DateFormat }
  | { readonly ok: false; readonly reason: 'invalid' | 'ambiguous' | 'impossible' };

const INVALID: ParsedDate = { ok: false, reason: 'invalid' };
const IMPOSSIBLE: ParsedDate = { ok: false, reason: 'impossible' };
const AMBIGUOUS: ParsedDate = { ok: false, reason: 'ambiguous' };

// Serials in this range are 1954-10-..2119: wide enough for business data,
// narrow enough that an id or amount is not taken for a date.
const SERIAL_MIN = 20000;
const SERIAL_MAX = 80000;

const SLASH_YMD =
  /^(\d{4})[/.年-](\d{1,2})[/.月-](\d{1,2})日?(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|[AaPp][Mm]))?)?$/;
const YEAR_LAST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$/;

const digit = (c: number): number => c - 48;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

// Any four-digit year parses: whether 1899-12-30 or 9999-12-31 is plausible is
// a cleaning question (core/clean/check-date.ts: placeholders, the date floor),
// answered with a message that says why, not "not a real calendar date".
function civil(year: number, month: number, day: number, format: DateFormat): ParsedDate {
  if (year < 1000 || year > 9999) return IMPOSSIBLE;
  if (!isValidCivil(year, month, day)) return IMPOSSIBLE;
  return { ok: true, day: dayFromCivil(year, month, day), format };
}

/**
 * Parses a date cell to a day number (days since 1970-01-01): ISO
 * `2024-03-05` (with optional time), `2024/3/5`, `2024-03-05 14:30`,
 * `2024年3月5日`, `20240305`, Excel serial numbers and, when unambiguous or
 * ordered by `dateOrder`, `5/3/2024`. Impossible dates (`2025-02-30`) are
 * `impossible`, never rolled over.
 * @example parseDate('2024年3月5日') → { ok: true, day: 19787, format: 'chinese' }
 */
export function parseDate(cell: string | number, dateOrder: DateOrder = 'auto'): ParsedDate {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < SERIAL_MIN || cell > SERIAL_MAX) return INVALID;
    return { ok: true, day: dayFromExcelSerial(cell), format: 'excel-serial' };
  }
  const s = cell;
  const n = s.length;
  // Fast path: YYYY-MM-DD[ T...] — the common case on 10M-row files.
  if (n >= 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const c0 = s.charCodeAt(0),
      c1 = s.charCodeAt(1),
      c2 = s.charCodeAt(2),
      c3 = s.charCodeAt(3);
    const c5 = s.charCodeAt(5),
      c6 = s.charCodeAt(6),
      c8 = s.charCodeAt(8),
      c9 = s.charCodeAt(9);
    if (
      isDigit(c0) &&
      isDigit(c1) &&
      isDigit(c2) &&
      isDigit(c3) &&
      isDigit(c5) &&
      isDigit(c6) &&
      isDigit(c8) &&
      isDigit(c9)
    ) {
      const year = digit(c0) * 1000 + digit(c1) * 100 + digit(c2) * 10 + digit(c3);
      const month = digit(c5) * 10 + digit(c6);
      const day = digit(c8) * 10 + digit(c9);
      if (n === 10) return civil(year, month, day, 'iso');
      const sep = s.charCodeAt(10);
      if ((sep === 32 || sep === 84) && /^[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(s.slice(10))) {
        return civil(year, month, day, 'iso-time');
      }
    }
  }
  const t = toHalfWidthSimplified(s).trim();
  if (t === '') return INVALID;
  let m = SLASH_YMD.exec(t);
  if (m) {
    const format: DateFormat = t.includes('年')
      ? 'chinese'
      : t.includes(':') && t.includes('-')
        ? 'iso-time'
        : t.includes('-')
          ? 'iso'
          : 'slash-ymd';
    return civil(Number(m[1]), Number(m[2]), Number(m[3]), format);
  }
  if (/^\d{8}$/.test(t)) {
    return civil(Number(t.slice(0, 4)), Number(t.slice(4, 6)), Number(t.slice(6, 8)), 'compact');
  }
  if (/^\d{5}(\.\d+)?$/.test(t)) return parseDate(Number(t), dateOrder);
  m = YEAR_LAST.exec(t);
  if (m) {
    const a = Number(m[1]),
      b = Number(m[2]),
      year = Number(m[3]);
    if (dateOrder === 'dmy' || (dateOrder === 'auto' && a > 12 && b <= 12)) return civil(year, b, a, 'day-first');
    if (dateOrder === 'mdy' || (dateOrder === 'auto' && b > 12 && a <= 12)) return civil(year, a, b, 'month-first');
    if (a === b) return civil(year, a, b, 'month-first');
    return a > 12 && b > 12 ? IMPOSSIBLE : AMBIGUOUS;
  }
  return INVALID;
}

/** Human name of a date format for the cleaning report. */
export const DATE_FORMAT_LABEL: Readonly<Record<DateFormat, string>> = {
  iso: 'YYYY-MM-DD',
  'iso-time': 'YYYY-MM-DD HH:mm',
  'slash-ymd': 'YYYY/M/D',
  compact: 'YYYYMMDD',
  chinese: 'YYYY年M月D日',
  'excel-serial': 'Excel serial number',
  'day-first': 'D/M/YYYY',
  'month-first': 'M/D/YYYY',
};
