import { label, type LabelKey, type Locale } from '../core/index.js';
import type { ConsoleIo } from './console-io.js';

/** One phase of a run (reading, scoring, writing) shown on one redrawn stderr line. */
export interface ProgressPhase {
  /**
   * Rows done so far; `fraction` (0–1) of the work done when it is known
   * (bytes read of the file size, rows written of the rows to write) gives
   * the ETA. Cheap to call on every row: it redraws at most every 100 ms.
   */
  update(rows: number, fraction?: number): void;
  /** Clears the line (nothing stays behind on the terminal). Safe to call twice. */
  end(): void;
}

/** At most ~10 redraws a second. */
const REDRAW_MS = 100;
// No ETA until this much of the work is done: the first percent is mostly start-up.
const MIN_FRACTION_FOR_ETA = 0.01;

const SILENT: ProgressPhase = { update() {}, end() {} };

/**
 * Starts a progress line on stderr — only when stderr is a terminal
 * (`io.interactive`) and the run is not `--quiet`; otherwise a phase that
 * does nothing, so a log or a pipe never gets progress text. The line says
 * the phase, the rows so far, rows/s and, once `fraction` is known, an ETA;
 * it is drawn at once, redrawn at most every 100 ms with a carriage return,
 * and cleared with spaces (no escape codes, so NO_COLOR terminals and
 * `script` logs stay clean).
 * @example
 *   const phase = startProgress(io, 'cli.progress.reading', 'en', { file: 'orders.csv' });
 *   phase.update(50_000, 0.5); // "Reading orders.csv: 50,000 rows · 25,000 rows/s · ETA 0:02"
 *   phase.end();
 */
export function startProgress(
  io: ConsoleIo,
  phase: LabelKey,
  locale: Locale,
  params: Readonly<Record<string, string>> = {},
): ProgressPhase {
  if (!io.interactive || io.quiet) return SILENT;
  const started = io.now().getTime();
  const title = label(phase, locale, params);
  let drawn = -Infinity;
  let width = 0;
  let ended = false;

  const draw = (rows: number, fraction: number | undefined, now: number): void => {
    drawn = now;
    const seconds = (now - started) / 1000;
    const parts = [title];
    if (rows > 0) {
      parts.push(label('cli.progress.rows', locale, { rows: rows.toLocaleString('en-US') }));
      if (seconds > 0)
        parts.push(label('cli.progress.rate', locale, { rate: Math.round(rows / seconds).toLocaleString('en-US') }));
    }
    if (fraction !== undefined && fraction >= MIN_FRACTION_FOR_ETA && fraction < 1 && seconds > 0)
      parts.push(label('cli.progress.eta', locale, { eta: formatDuration((seconds * (1 - fraction)) / fraction) }));
    const text = parts.join(' · ');
    const columns = displayWidth(text);
    // Pad over a longer previous line instead of erasing it with an escape code.
    io.err(`\r${text}${' '.repeat(Math.max(0, width - columns))}`);
    width = Math.max(width, columns);
  };

  draw(0, undefined, started);
  return {
    update(rows, fraction) {
      if (ended) return;
      const now = io.now().getTime();
      if (now - drawn >= REDRAW_MS) draw(rows, fraction, now);
    },
    end() {
      if (ended) return;
      ended = true;
      io.err(`\r${' '.repeat(width)}\r`);
    },
  };
}

/** Terminal columns of `text`: CJK and fullwidth characters take two. */
function displayWidth(text: string): number {
  let columns = 0;
  for (const char of text)
    columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      char,
    )
      ? 2
      : 1;
  return columns;
}

/**
 * Seconds as m:ss, or h:mm:ss from an hour.
 * @example formatDuration(75) === '1:15'
 */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600),
    m = Math.floor((total % 3600) / 60),
    s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
