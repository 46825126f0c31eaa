/**
 * Calendar arithmetic on whole UTC days ("day numbers", days since 1970-01-01).
 * Date.UTC is a pure function of its arguments, so nothing here reads the clock.
 */

const MS_PER_DAY = 86_400_000;

/** Day number of a calendar date; month is 1-based. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Day number of a strict `YYYY-MM-DD` string, or undefined when it is not a real date. */
export function parseIsoDay(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const n = dayNumber(year, month, day);
  const back = calendarDate(n);
  return back.year === year && back.month === month && back.day === day ? n : undefined;
}

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function calendarDate(n: number): CalendarDate {
  const date = new Date(n * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `2025-03-05` */
export function formatIso(n: number): string {
  const { year, month, day } = calendarDate(n);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** `2025/3/5`, the way Excel in a zh-CN locale shows a date. */
export function formatSlash(n: number): string {
  const { year, month, day } = calendarDate(n);
  return `${year}/${month}/${day}`;
}

/** `2025年3月5日` */
export function formatChinese(n: number): string {
  const { year, month, day } = calendarDate(n);
  return `${year}年${month}月${day}日`;
}

/** `2025-03-05 14:30`, a timestamp exported where a date was expected. */
export function formatDateTime(n: number, hour: number, minute: number): string {
  return `${formatIso(n)} ${pad2(hour)}:${pad2(minute)}`;
}
