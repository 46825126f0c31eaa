import { describe, expect, it } from 'vitest';
import { todayOf } from '../../cli/console-io.js';

describe('todayOf: the CLI reads its clock at each use, in its zone', () => {
  it('turns the same instant into the calendar day of the zone', () => {
    const now = () => new Date('2026-11-25T17:00:00Z');
    expect(todayOf({ now, timeZone: 'UTC' })).toBe('2026-11-25');
    expect(todayOf({ now, timeZone: 'Asia/Shanghai' })).toBe('2026-11-26');
  });

  it('never caches: a clock that moves on gives the new day', () => {
    let instant = new Date('2026-11-10T06:00:00Z');
    const io = { now: () => instant, timeZone: 'UTC' };
    expect(todayOf(io)).toBe('2026-11-10');
    instant = new Date('2026-11-21T06:00:00Z');
    expect(todayOf(io)).toBe('2026-11-21');
  });
});
