import { label, type Message } from '../i18n/labels.js';
import { dayFromCivil, formatDay } from '../parse/civil-day.js';

/** Default of the `dateFloor` option: older dates are taken as typos or placeholders. */
export const DEFAULT_DATE_FLOOR = '1990-01-01';

// "Unknown date" stand-ins that CRM and spreadsheet exports write: Excel's
// serial 0/1 (shown as 1900-01-00 / 1900-01-01, stored by some tools as
// 1899-12-30/31), the Unix epoch, and end-of-century "never" dates.
const PLACEHOLDER_DAYS: ReadonlySet<number> = new Set([
  dayFromCivil(1899, 12, 30),
  dayFromCivil(1899, 12, 31),
  dayFromCivil(1900, 1, 1),
  dayFromCivil(1970, 1, 1),
  dayFromCivil(2099, 12, 31),
]);
/** From here on every date is a "never / unknown" marker (2999-12-31, 9999-12-31…), not a real one. */
const FAR_FUTURE_DAY = dayFromCivil(2100, 1, 1);

/** `0000-00-00`, `00/00/0000`, `0`, `0000-00-00 00:00:00`: only zeros and date punctuation. */
const ZERO_DATE = /^0+(?:[-/.年月日:T ]+0+)*[日]?$/;

/**
 * Why a parsed date cannot be a real business date, or `undefined` when it
 * can: a placeholder, before `floorDay`, or after `todayDay`.
 * @example checkDateDay(dayFromCivil(1900, 1, 1), dayFromCivil(1990, 1, 1), undefined) → { code: 'invalid-date', reason: 'is a placeholder date, not a real one' }
 */
export function checkDateDay(
  day: number,
  floorDay: number,
  todayDay: number | undefined,
): { readonly code: 'invalid-date' | 'future-date'; readonly reason: string; readonly text: Message } | undefined {
  if (PLACEHOLDER_DAYS.has(day) || day >= FAR_FUTURE_DAY)
    return problem('invalid-date', { key: 'clean.placeholder-date' });
  if (day < floorDay)
    return problem('invalid-date', { key: 'clean.before-floor', params: { floor: formatDay(floorDay) } });
  if (todayDay !== undefined && day > todayDay)
    return problem('future-date', { key: 'clean.future-date', params: { today: formatDay(todayDay) } });
  return undefined;
}

/** `reason` in English for logs, `text` for every locale. */
function problem(
  code: 'invalid-date' | 'future-date',
  text: Message,
): { readonly code: 'invalid-date' | 'future-date'; readonly reason: string; readonly text: Message } {
  return { code, reason: label(text.key, 'en', text.params), text };
}

/**
 * True for cells that stand for "no date": all-zero text (`0000-00-00`) and
 * Excel serials 0 and 1 (1900-01-00 and 1900-01-01, the epoch).
 * @example isPlaceholderDateCell('0000-00-00') → true
 */
export function isPlaceholderDateCell(cell: string | number): boolean {
  if (typeof cell === 'number') return cell >= 0 && cell < 2;
  return ZERO_DATE.test(cell.trim());
}
