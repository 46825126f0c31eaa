import { dayFromCivil, formatDay } from '../../core/index.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day YYYY-MM-DD that `instant` falls on in an IANA time zone
 * (Intl does the zone arithmetic, DST included).
 * @throws RangeError for an unknown time zone.
 * @example calendarDayIn(new Date('2026-11-25T17:00:00Z'), 'Asia/Shanghai') // '2026-11-26'
 */
export function calendarDayIn(instant: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  const part = (type: string) => Number(format.formatToParts(instant).find((p) => p.type === type)!.value);
  return formatDay(dayFromCivil(part('year'), part('month'), part('day')));
}

/** Core's day number of a YYYY-MM-DD string (the caller has validated it). */
function dayNumber(day: string): number {
  return dayFromCivil(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));
}

/**
 * A day `days` days after (negative: before) a YYYY-MM-DD day, on core's day numbers.
 * @example addDays('2026-11-25', 30) // '2026-12-25'
 */
export function addDays(day: string, days: number): string {
  return formatDay(dayNumber(day) + days);
}

/**
 * Monday of the ISO week of a day (day 0, 1970-01-01, was a Thursday).
 * @example mondayOf('2026-11-25') // '2026-11-23'
 */
export function mondayOf(day: string): string {
  const n = dayNumber(day);
  return formatDay(n - ((((n + 3) % 7) + 7) % 7));
}

/** The system's IANA time zone (TZ, else the OS setting); UTC when the runtime cannot tell. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
