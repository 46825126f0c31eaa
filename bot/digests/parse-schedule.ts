import { Cron } from 'croner';

/** A schedule the store can keep: a croner pattern and an IANA time zone. */
export interface Schedule {
  readonly cron: string;
  readonly timeZone: string;
}

/** A schedule that cannot be used, with a stable code. */
export class ScheduleError extends Error {
  constructor(
    readonly code: 'schedule-syntax' | 'schedule-time-zone' | 'schedule-never-fires',
    message: string,
  ) {
    super(message);
    this.name = 'ScheduleError';
  }
}

const WEEKDAYS: Readonly<Record<string, number>> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  周日: 0,
  周一: 1,
  周二: 2,
  周三: 3,
  周四: 4,
  周五: 5,
  周六: 6,
};

/** Whether `timeZone` is an IANA zone this runtime knows (Intl throws RangeError otherwise). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone }).format(0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads `weekly mon 09:00 Asia/Shanghai`, `daily 08:30 Europe/Berlin` or
 * `cron "0 9 * * 1" UTC` and checks that the pattern parses, the zone exists
 * and the schedule fires at least once after `now`.
 * @throws ScheduleError `schedule-syntax`, `schedule-time-zone`, `schedule-never-fires`.
 * @example parseSchedule(['weekly', 'mon', '09:00', 'Asia/Shanghai'], new Date()) // { cron: '0 9 * * 1', timeZone: 'Asia/Shanghai' }
 */
export function parseSchedule(words: readonly string[], now: Date): Schedule & { readonly next: Date } {
  const [kind, ...rest] = words;
  let cron: string, timeZone: string | undefined;
  const time = (text: string | undefined): [number, number] => {
    const m = /^(\d{1,2}):(\d{2})$/.exec(text ?? '');
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59)
      throw new ScheduleError('schedule-syntax', `"${text ?? ''}" is not a time of day written HH:MM.`);
    return [Number(m[1]), Number(m[2])];
  };
  if (kind === 'weekly') {
    const day = WEEKDAYS[(rest[0] ?? '').toLowerCase().slice(0, 3)] ?? WEEKDAYS[rest[0] ?? ''];
    if (day === undefined)
      throw new ScheduleError('schedule-syntax', `"${rest[0] ?? ''}" is not a weekday (mon … sun).`);
    const [h, m] = time(rest[1]);
    cron = `${m} ${h} * * ${day}`;
    timeZone = rest[2];
  } else if (kind === 'daily') {
    const [h, m] = time(rest[0]);
    cron = `${m} ${h} * * *`;
    timeZone = rest[1];
  } else if (kind === 'cron') {
    cron = (rest[0] ?? '').replace(/^["'“”]|["'“”]$/g, '');
    timeZone = rest[1];
  } else {
    throw new ScheduleError('schedule-syntax', `A schedule starts with weekly, daily or cron; got "${kind ?? ''}".`);
  }
  timeZone ??= 'UTC';
  if (!isTimeZone(timeZone))
    throw new ScheduleError(
      'schedule-time-zone',
      `"${timeZone}" is not a time zone (use an IANA name such as Asia/Shanghai).`,
    );
  let next: Date | null;
  try {
    next = new Cron(cron, { timezone: timeZone, paused: true }).nextRun(now);
  } catch (error) {
    throw new ScheduleError('schedule-syntax', `"${cron}" is not a cron pattern: ${(error as Error).message}`);
  }
  if (!next) throw new ScheduleError('schedule-never-fires', `"${cron}" never fires (for example February 30th).`);
  return { cron, timeZone, next };
}

/** The newest scheduled instant at or before `now`, or undefined when there is none. */
export function lastOccurrence(schedule: Schedule, now: Date): Date | undefined {
  const cron = new Cron(schedule.cron, { timezone: schedule.timeZone, paused: true });
  // previousRuns excludes `now` itself: look from one millisecond later so a tick exactly on time counts.
  return cron.previousRuns(1, new Date(now.getTime() + 1))[0];
}

/** The next scheduled instant after `now`. */
export function nextOccurrence(schedule: Schedule, now: Date): Date | null {
  return new Cron(schedule.cron, { timezone: schedule.timeZone, paused: true }).nextRun(now);
}
