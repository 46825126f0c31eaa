import { dayInTimeZone, formatDay } from '../../core/index.js';

/** The add-in's clock (core has none): read at each use, never at start-up. */
export interface PaneClock {
  now(): Date;
  /** IANA zone in which `now` becomes the analyst's calendar day. */
  readonly timeZone: string;
}

/** The browser's clock, in the zone the analyst's calendar shows. */
export const systemClock: PaneClock = {
  now: () => new Date(),
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
};

/**
 * Today's date YYYY-MM-DD on a clock, in its zone.
 * @example todayOn({ now: () => new Date('2026-11-25T17:00:00Z'), timeZone: 'Asia/Shanghai' }) === '2026-11-26'
 */
export function todayOn(clock: PaneClock): string {
  return formatDay(dayInTimeZone(clock.now().getTime(), clock.timeZone));
}
