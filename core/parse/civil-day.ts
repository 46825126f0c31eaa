/**
 * Dates inside the engine are whole days since 1970-01-01 (a "day number"),
 * so they are plain numbers in Float64Array columns and never touch a clock or
 * a time zone. Conversions follow Howard Hinnant's civil-calendar algorithms.
 */

/** Day number of a proleptic Gregorian date; month 1–12. */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number. */
export function civilFromDay(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days in a month of a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      ? 29
      : 28
    : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** True when year/month/day is a real calendar date. */
export function isValidCivil(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** 'YYYY-MM-DD' of a day number. */
export function formatDay(dayNumber: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * The day `months` calendar months before/after a day; the day of month is
 * clamped to the target month's length (SPEC §2 windows: "N months" =
 * N calendar months back from asOf; 31 March − 1 month = 28/29 February).
 */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = civilFromDay(dayNumber);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return dayFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Excel's 1900 date system: serial 1 = 1900-01-01, with the phantom 29 Feb 1900. */
const EXCEL_EPOCH_DAY = dayFromCivil(1899, 12, 30);

/** Day number of an Excel serial date (fraction = time of day, dropped). */
export function dayFromExcelSerial(serial: number): number {
  return EXCEL_EPOCH_DAY + Math.floor(serial);
}

/**
 * Day number of a strict 'YYYY-MM-DD' text; undefined when the text is not
 * that shape or not a real date (2026-02-30). The one reader of day text: the
 * faces validate flags and settings with it, and never re-read a day core
 * has already parsed (results carry day numbers).
 * @example parseDay('1970-01-02') === 1
 */
export function parseDay(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidCivil(year, month, day) ? dayFromCivil(year, month, day) : undefined;
}

/**
 * The 'YYYY-MM-DD' day `days` days after (negative: before) a day text, or
 * undefined when the text is not a real day.
 * @example addDays('2026-11-25', 30) === '2026-12-25'
 */
export function addDays(text: string, days: number): string | undefined {
  const day = parseDay(text);
  return day === undefined ? undefined : formatDay(day + days);
}

/** Whole days from day number `from` to day number `to` (negative when `to` is earlier). */
export function diffDays(from: number, to: number): number {
  return to - from;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The day number an instant falls on in an IANA time zone (Intl does the zone
 * arithmetic, DST included). Pure: the instant comes from the face's clock
 * (core has none) and the zone is always explicit, so no face can drift into
 * the machine's zone by accident.
 * @throws RangeError for an unknown time zone.
 * @example dayInTimeZone(Date.UTC(2026, 10, 25, 17), 'Asia/Shanghai') === dayFromCivil(2026, 11, 26)
 */
export function dayInTimeZone(epochMs: number, timeZone: string): number {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    zoneFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(epochMs);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return dayFromCivil(part('year'), part('month'), part('day'));
}
