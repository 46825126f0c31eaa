import { dayInTimeZone, formatDay, parseDay } from '../../core/index.js';

/**
 * The calendar day YYYY-MM-DD that `instant` falls on in an IANA time zone
 * (Intl does the zone arithmetic, DST included).
 * @throws RangeError for an unknown time zone.
 * @example calendarDayIn(new Date('2026-11-25T17:00:00Z'), 'Asia/Shanghai') // '2026-11-26'
 */
export function calendarDayIn(instant: Date, timeZone: string): string {
  return formatDay(dayInTimeZone(instant.getTime(), timeZone));
}

/** Core's day number of a YYYY-MM-DD string (the caller has validated it). */
function dayNumber(day: string): number {
  return parseDay(day)!;
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
