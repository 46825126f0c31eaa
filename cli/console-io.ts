/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface ConsoleIo {
  readonly out: (text: string) => void;
  /** Like `out`, but resolves once the text is handed on (stdout backpressure); optional. */
  readonly write?: (text: string) => Promise<void>;
  readonly err: (text: string) => void;
  /** Today's date YYYY-MM-DD (the CLI's clock; core has none). */
  readonly today: string;
  /** Whether stderr is a terminal (progress lines redraw in place). */
  readonly interactive: boolean;
}

/** Exit codes: 0 ok, 1 bad usage, 2 bad data. */
export const EXIT = { ok: 0, usage: 1, data: 2 } as const;

/** Raised for bad command-line usage (exit code 1). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
