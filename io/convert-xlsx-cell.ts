import type { Cell } from '../core/index.js';

// Days from Excel's day 0 to 1970-01-01 in the 1900 system (which counts the
// fictional 1900-02-29, hence 25569 and not 25568); the 1904 system starts
// 1462 days later. Same constants as exceljs' utils.excelToDate.
const EXCEL_EPOCH_1900 = 25569;
const DATE_1904_OFFSET = 1462;
const MS_PER_DAY = 86_400_000;

/**
 * Converts an exceljs cell value to a raw Cell: numbers, strings and booleans
 * as they are; dates as 'YYYY-MM-DD' (or 'YYYY-MM-DD HH:mm:ss' with a time);
 * rich text and hyperlinks as their text; formulas as their cached result;
 * error values as the error text ('#N/A', '#VALUE!', …) so the engine can
 * report `formula-error`. A formula's numeric result is a date when the cell's
 * number format is a date format (exceljs only converts plain cells).
 * @example convertXlsxCell({ formula: 'A1', result: 3 }, undefined, false) === 3
 */
export function convertXlsxCell(value: unknown, numFmt: string | undefined, date1904: boolean): Cell {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isNaN(value) ? null : value;
    case 'object':
      break;
    default:
      return String(value);
  }
  if (value instanceof Date) return formatExcelDate(value);

  const object = value as Record<string, unknown>;
  if (typeof object['error'] === 'string') return object['error'];
  if (Array.isArray(object['richText'])) return joinRichText(object['richText']);
  if ('formula' in object || 'sharedFormula' in object) {
    const result = object['result'];
    if (typeof result === 'number' && Number.isFinite(result) && isDateFormat(numFmt)) {
      return formatExcelDate(serialToDate(result, date1904));
    }
    return convertXlsxCell(result, undefined, date1904);
  }
  if ('text' in object) return convertXlsxCell(object['text'], undefined, date1904);
  return null;
}

/**
 * Formats an exceljs date (a UTC instant, as exceljs builds them from Excel
 * serials) rounded to the second: 'YYYY-MM-DD' at midnight, else with the time.
 * @example formatExcelDate(new Date(Date.UTC(2024, 0, 15, 9, 30))) === '2024-01-15 09:30:00'
 */
export function formatExcelDate(date: Date): string | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  // Serials are float days, so 09:30 can arrive as 09:29:59.9995.
  const d = new Date(Math.round(time / 1000) * 1000);
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day} ${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}`;
}

/**
 * True for number formats that show a date or time. Same rule as exceljs'
 * utils.isDateFmt (drop [..] and "..." sections, look for y m d h s b), so
 * formula results get the treatment exceljs gives plain cells.
 * @example isDateFormat('yyyy-mm-dd') === true
 */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - EXCEL_EPOCH_1900 + (date1904 ? DATE_1904_OFFSET : 0)) * MS_PER_DAY));
}

function joinRichText(runs: readonly unknown[]): string {
  let text = '';
  for (const run of runs) {
    const part = (run as { text?: unknown } | null)?.text;
    if (typeof part === 'string') text += part;
  }
  return text;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
