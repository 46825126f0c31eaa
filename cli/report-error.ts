import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  CodedError,
  ConfigError,
  DataValidationError,
  formatCodedError,
  formatConfigError,
  formatIssue,
  label,
  OptionsError,
  renderMessage,
  type LabelKey,
  type Locale,
  type Message,
} from '../core/index.js';
import { IdentifierError, WarehouseError } from '../warehouse/index.js';
import { EXIT, paintError, UsageError, type ConsoleIo } from './console-io.js';

/** Exit code of a bug in Tierline (BSD sysexits EX_SOFTWARE). */
export const EXIT_INTERNAL = 70;

/** What reportError needs to know about the run that failed. */
export interface ErrorContext {
  /** The command whose --help a usage error points at ('' for the program). */
  readonly command: string;
  /** --debug or TIERLINE_DEBUG=1: print the stack after the one-line message. */
  readonly debug: boolean;
  /** The language of the message (--locale, else the environment's; cli/choose-locale.ts). Default en. */
  readonly locale?: Locale;
}

/**
 * A store (--db) problem, raised by cli/commands/bot-store.ts with the path and
 * the fix: a catalogue Message (`cli.store.*`), rendered in the user's locale
 * by reportError; `message` is its English, for logs and --debug.
 */
export class StoreError extends Error {
  readonly text: Message | undefined;
  constructor(
    message: string | Message,
    readonly exitCode: number,
  ) {
    super(typeof message === 'string' ? message : renderMessage(message, 'en'));
    this.text = typeof message === 'string' ? undefined : message;
    this.name = 'StoreError';
  }
}

/** One-line text and exit code of a Node fs error on `path`. */
function describeFsError(code: string, path: string, message: string, locale: Locale): { text: string; exit: number } {
  const say = (key: LabelKey, exit: number, params: Record<string, string> = {}): { text: string; exit: number } => ({
    text: label(key, locale, { path, ...params }),
    exit,
  });
  switch (code) {
    case 'ENOENT':
      return existsSync(dirname(path))
        ? say('cli.error.not-found', EXIT.usage)
        : say('cli.error.no-folder', EXIT.usage, { folder: dirname(path) });
    case 'ENOTDIR':
      return say('cli.error.not-a-folder', EXIT.usage);
    case 'EISDIR':
      return say('cli.error.is-a-folder', EXIT.usage);
    case 'EACCES':
    case 'EPERM':
      return say('cli.error.permission', EXIT.usage);
    case 'EROFS':
      return say('cli.error.read-only', EXIT.usage);
    case 'ENAMETOOLONG':
      return say('cli.error.name-too-long', EXIT.usage);
    case 'ELOOP':
      return say('cli.error.link-loop', EXIT.usage);
    case 'EEXIST':
      return say('cli.error.exists', EXIT.usage);
    case 'ENOSPC':
    case 'EDQUOT':
      return say('cli.error.disk-full', EXIT.data);
    case 'EMFILE':
    case 'ENFILE':
      return say('cli.error.too-many-files', EXIT.data);
    case 'EIO':
      return say('cli.error.io', EXIT.data);
    case 'EBUSY':
      return say('cli.error.busy', EXIT.data);
    default:
      return say('cli.error.other-fs', EXIT.data, { detail: message.split('\n')[0]! });
  }
}

const isErrno = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error &&
  typeof (error as NodeJS.ErrnoException).code === 'string' &&
  /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code!);

/**
 * Maps a thrown error to what the user sees and the exit code — the one place
 * that does. Problems the user can fix print one line per problem naming the
 * file, value or flag and the fix: exit 1 (usage: flags, paths, the store
 * file) or 2 (data, a full disk). Anything else is a bug: one line asking for
 * --debug, exit 70. With --debug the stack follows the message. The lines
 * Tierline itself words come from the catalogue (`cli.error.*`) in
 * `context.locale`; messages an error carries (usage, options, data) are
 * printed as raised.
 * @example reportError(new UsageError('segment: missing <file>.'), io, { command: 'segment', debug: false }) === 1
 */
export function reportError(error: unknown, io: ConsoleIo, context: ErrorContext): number {
  const { text, exit } = describe(error, context);
  const prefix = paintError(io, 'tierline:');
  io.err(
    text
      .split('\n')
      .map((line) => `${prefix} ${line}`)
      .join('\n') + '\n',
  );
  if (error instanceof UsageError) {
    // One hint line after every usage error, pointing at the command's own --help (issue 13).
    const help = context.command ? `tierline ${context.command} --help` : 'tierline --help';
    io.err(`${prefix} ${label('cli.hint.help', context.locale ?? 'en', { help })}\n`);
  }
  if (context.debug) io.err(`${(error as Error)?.stack ?? String(error)}\n`);
  return exit;
}

function describe(error: unknown, context: ErrorContext): { text: string; exit: number } {
  const locale = context.locale ?? 'en';
  if (error instanceof UsageError)
    return { text: error.text ? renderMessage(error.text, locale) : error.message, exit: EXIT.usage };
  if (error instanceof StoreError)
    return { text: error.text ? renderMessage(error.text, locale) : error.message, exit: error.exitCode };
  if (error instanceof OptionsError)
    return {
      text: error.texts.map((m) => (typeof m === 'string' ? m : renderMessage(m, locale))).join('\n'),
      exit: EXIT.usage,
    };
  if (error instanceof ConfigError) return { text: formatConfigError(error, locale), exit: EXIT.usage };
  if (error instanceof CodedError) return { text: formatCodedError(error, locale), exit: EXIT.data };
  // The SQL engine's problems (issue 12): unreachable database, credentials, timeouts, unreadable Parquet …
  if (error instanceof WarehouseError)
    return { text: error.render(locale), exit: error.kind === 'usage' ? EXIT.usage : EXIT.data };
  if (error instanceof IdentifierError)
    return {
      text: label('warehouse.invalid-identifier', locale, { value: error.value, detail: error.message }),
      exit: EXIT.usage,
    };
  if (error instanceof DataValidationError)
    return {
      text: error.issues.map((i) => (locale === 'en' ? i.message : formatIssue(i, locale))).join('\n'),
      exit: EXIT.data,
    };
  if (isErrno(error) && typeof error.path === 'string')
    return describeFsError(error.code!, error.path, error.message, locale);
  if (error instanceof Database.SqliteError) {
    return {
      text: label('cli.error.store-failed', locale, { detail: error.message, code: error.code }),
      exit: EXIT.data,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { text: label('cli.error.internal', locale, { detail: message.split('\n')[0]! }), exit: EXIT_INTERNAL };
}
