import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, calendarDayIn, mondayOf } from '../../../bot/clock/calendar-day.js';
import { todayOf } from '../../../bot/bot-deps.js';

describe('calendarDayIn', () => {
  it('is the day in the given zone, not in UTC', () => {
    const instant = new Date('2026-11-25T17:00:00Z');
    expect(calendarDayIn(instant, 'UTC')).toBe('2026-11-25');
    expect(calendarDayIn(instant, 'Asia/Shanghai')).toBe('2026-11-26'); // 01:00 next day, UTC+8
    expect(calendarDayIn(new Date('2026-11-25T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-24'); // 19:00 the day before, UTC−8
  });

  it('uses the zone offset in force: 2026-03-29 03:30 UTC is still the 28th in New York (daylight time, UTC−4)', () => {
    expect(calendarDayIn(new Date('2026-03-29T03:30:00Z'), 'America/New_York')).toBe('2026-03-28');
    expect(calendarDayIn(new Date('2026-03-29T04:30:00Z'), 'America/New_York')).toBe('2026-03-29');
  });

  it('agrees with toISOString in UTC for any instant (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        (ms) => calendarDayIn(new Date(ms), 'UTC') === new Date(ms).toISOString().slice(0, 10),
      ),
      { numRuns: 300 },
    );
  });
});

describe('addDays and mondayOf', () => {
  it('cross months, years and leap days', () => {
    expect(addDays('2026-11-25', 30)).toBe('2026-12-25');
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('gives the Monday of the ISO week', () => {
    expect(mondayOf('2026-11-25')).toBe('2026-11-23'); // a Wednesday
    expect(mondayOf('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // a Sunday
    expect(mondayOf('1970-01-01')).toBe('1969-12-29'); // a Thursday, day 0
  });

  it('mondayOf is a Monday at most 6 days back (property, against Date.getUTCDay)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 60_000 }), (n) => {
        const day = new Date(n * 86_400_000).toISOString().slice(0, 10);
        const monday = mondayOf(day);
        const back = (Date.parse(day) - Date.parse(monday)) / 86_400_000;
        return new Date(Date.parse(monday)).getUTCDay() === 1 && back >= 0 && back <= 6;
      }),
      { numRuns: 300 },
    );
  });
});

describe('todayOf', () => {
  it('reads the clock on every call, in the bot zone', () => {
    let now = new Date('2026-11-10T23:30:00Z');
    const deps = { now: () => now, timeZone: 'Asia/Shanghai' };
    expect(todayOf(deps)).toBe('2026-11-11');
    now = new Date('2026-11-21T05:00:00Z');
    expect(todayOf(deps)).toBe('2026-11-21');
    expect(todayOf({ now: () => now })).toBe('2026-11-21');
  });
});
