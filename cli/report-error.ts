import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ChurnInputError, ConfigError, DataValidationError, KMeansError, LifetimeModelError, OptionsError } from '../core/index.js';
import { EXIT, UsageError, type ConsoleIo } from './console-io.js';

/** Exit code of a bug in Tierline (BSD sysexits EX_SOFTWARE). */
export const EXIT_INTERNAL = 70;

/** What reportError needs to know about the run that failed. */
export interface ErrorContext {
  /** The command whose --help a usage error points at ('' for the program). */
  readonly command: string;
  /** --debug or TIERLINE_DEBUG=1: print the stack after the one-line message. */
  readonly debug: boolean;
}

/** A store (--db) problem, raised by cli/commands/bot-store.ts with the path and the fix. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** One-line text and exit code of a Node fs error on `path`. */
function describeFsError(code: string, path: string, message: string): { text: string; exit: number } {
  switch (code) {
    case 'ENOENT':
      return existsSync(dirname(path)) ? { text: `${path}: file not found; check the name and the folder.`, exit: EXIT.usage } : { text: `${path}: the folder ${dirname(path)} does not exist; create it or choose another path.`, exit: EXIT.usage };
    case 'ENOTDIR':
      return { text: `${path}: part of the path is a file, not a folder; check the path.`, exit: EXIT.usage };
    case 'EISDIR':
      return { text: `${path} is a folder, not a file; name a file (inside it).`, exit: EXIT.usage };
    case 'EACCES':
    case 'EPERM':
      return { text: `${path}: permission denied; check the file's and folder's permissions or choose another path.`, exit: EXIT.usage };
    case 'EROFS':
      return { text: `cannot write ${path}: the filesystem is read-only; write somewhere else.`, exit: EXIT.usage };
    case 'ENAMETOOLONG':
      return { text: `${path}: the file name is too long; choose a shorter one.`, exit: EXIT.usage };
    case 'ELOOP':
      return { text: `${path}: too many symbolic links (a link loop?); check the path.`, exit: EXIT.usage };
    case 'EEXIST':
      return { text: `${path} already exists; remove it or choose another name.`, exit: EXIT.usage };
    case 'ENOSPC':
    case 'EDQUOT':
      return { text: `cannot write ${path}: no space left on the device (disk full or quota reached); free some space or write elsewhere. The previous file, if any, is unchanged.`, exit: EXIT.data };
    case 'EMFILE':
    case 'ENFILE':
      return { text: `${path}: too many open files; close other programs or raise the limit (ulimit -n) and run again.`, exit: EXIT.data };
    case 'EIO':
      return { text: `${path}: input/output error from the disk; check the device and run again.`, exit: EXIT.data };
    case 'EBUSY':
      return { text: `${path}: the file is busy (in use by another program); close it and run again.`, exit: EXIT.data };
    default:
      return { text: `${path}: ${message.split('\n')[0]}`, exit: EXIT.data };
  }
}

const isErrno = (error: unknown): error is NodeJS.ErrnoException => error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code!);

/**
 * Maps a thrown error to what the user sees and the exit code — the one place
 * that does. Problems the user can fix print one line per problem naming the
 * file, value or flag and the fix: exit 1 (usage: flags, paths, the store
 * file) or 2 (data, a full disk). Anything else is a bug: one line asking for
 * --debug, exit 70. With --debug the stack follows the message.
 * @example reportError(new UsageError('segment: missing <file>.'), io, { command: 'segment', debug: false }) === 1
 */
export function reportError(error: unknown, io: ConsoleIo, context: ErrorContext): number {
  const { text, exit } = describe(error, context);
  io.err(text.split('\n').map((line) => `tierline: ${line}`).join('\n') + '\n');
  if (context.debug) io.err(`${(error as Error)?.stack ?? String(error)}\n`);
  return exit;
}

function describe(error: unknown, context: ErrorContext): { text: string; exit: number } {
  if (error instanceof UsageError) {
    const help = context.command ? `tierline ${context.command} --help` : 'tierline --help';
    return { text: `${error.message} (see ${help})`, exit: EXIT.usage };
  }
  if (error instanceof StoreError) return { text: error.message, exit: error.exitCode };
  if (error instanceof OptionsError || error instanceof ConfigError) return { text: error.message, exit: EXIT.usage };
  if (error instanceof KMeansError || error instanceof LifetimeModelError || error instanceof ChurnInputError) return { text: error.message, exit: EXIT.data };
  if (error instanceof DataValidationError) return { text: error.issues.map((i) => i.message).join('\n'), exit: EXIT.data };
  if (isErrno(error) && typeof error.path === 'string') return describeFsError(error.code!, error.path, error.message);
  if (error instanceof Database.SqliteError) {
    return { text: `the store failed: ${error.message} (${error.code}); check --db or $TIERLINE_DB and run again.`, exit: EXIT.data };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { text: `internal error: ${message.split('\n')[0]}. Run again with --debug or TIERLINE_DEBUG=1 for details.`, exit: EXIT_INTERNAL };
}
