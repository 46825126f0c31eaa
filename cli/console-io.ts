import { dayInTimeZone, formatDay, renderMessage, type Message } from '../core/index.js';

/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface ConsoleIo {
  readonly out: (text: string) => void;
  /** Like `out`, but resolves once the text is handed on (stdout backpressure); optional. */
  readonly write?: (text: string) => Promise<void>;
  readonly err: (text: string) => void;
  /** The CLI's clock (core has none), read at each use: a long run never keeps a start-up date. */
  readonly now: () => Date;
  /** IANA zone in which `now` becomes a calendar day (the system's for the binary). */
  readonly timeZone: string;
  /** Whether stderr is a terminal (progress lines redraw in place). */
  readonly interactive: boolean;
  /** --quiet: no progress and no notes (errors still print). */
  readonly quiet?: boolean;
  /** Whether stderr may be coloured: a terminal, NO_COLOR unset or empty, TERM not dumb (colorEnabled). */
  readonly color?: boolean;
}

/**
 * Prints a note (what was written where, and the like) on stderr unless the run is --quiet.
 * @example note(io, 'Wrote 5 rows to out.csv\n')
 */
export function note(io: ConsoleIo, text: string): void {
  if (!io.quiet) io.err(text);
}

/**
 * Whether to colour a stream: only a terminal, and never when NO_COLOR is set
 * to a non-empty value (no-color.org) or TERM is dumb.
 * @example colorEnabled(true, { NO_COLOR: '1' }) === false
 */
export function colorEnabled(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (!isTTY) return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return env['TERM'] !== 'dumb';
}

/**
 * Red, bold text when `io.color` is on; the text unchanged otherwise.
 * @example paintError({ color: false }, 'tierline:') === 'tierline:'
 */
export function paintError(io: Pick<ConsoleIo, 'color'>, text: string): string {
  return io.color ? `\u001b[1;31m${text}\u001b[0m` : text;
}

/** Exit codes: 0 ok, 1 bad usage, 2 bad data. */
export const EXIT = { ok: 0, usage: 1, data: 2 } as const;

/** Raised for bad command-line usage (exit code 1). */
export class UsageError extends Error {
  /** The catalogue sentence, rendered in the user's locale by reportError (`message` is its English). */
  readonly text: Message | undefined;
  constructor(message: string | Message) {
    super(typeof message === 'string' ? message : renderMessage(message, 'en'));
    this.name = 'UsageError';
    this.text = typeof message === 'string' ? undefined : message;
  }
}

/**
 * Today's date YYYY-MM-DD on the io's clock, in its time zone.
 * @example todayOf({ now: () => new Date('2026-11-25T17:00:00Z'), timeZone: 'Asia/Shanghai' }) === '2026-11-26'
 */
export function todayOf(io: Pick<ConsoleIo, 'now' | 'timeZone'>): string {
  return formatDay(dayInTimeZone(io.now().getTime(), io.timeZone));
}
