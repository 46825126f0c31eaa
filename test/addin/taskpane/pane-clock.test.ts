import { describe, expect, it } from 'vitest';
import { todayOn } from '../../../addin/taskpane/pane-clock.js';

describe('todayOn: the pane reads its clock at each Segment click, in its zone', () => {
  it('gives the calendar day of the zone, and the new day once the clock moves on', () => {
    let instant = new Date('2026-11-25T17:00:00Z');
    const clock = { now: () => instant, timeZone: 'Asia/Shanghai' };
    expect(todayOn(clock)).toBe('2026-11-26');
    expect(todayOn({ ...clock, timeZone: 'Europe/London' })).toBe('2026-11-25');
    instant = new Date('2026-12-01T01:00:00Z');
    expect(todayOn(clock)).toBe('2026-12-01');
  });
});
