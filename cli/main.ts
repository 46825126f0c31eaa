import { removePendingTempFiles } from '../io/write-file-atomic.js';
import { colorEnabled, EXIT, UsageError, type ConsoleIo } from './console-io.js';
import { readVersion } from './read-version.js';
import type { Locale } from '../core/index.js';
import { localeForErrors } from './choose-locale.js';
import { renderHelp } from './render-help.js';
import { EXIT_INTERNAL, reportError } from './report-error.js';

/** The program's --help in `locale` (cli.help.main in the catalogue). */
export const MAIN_HELP = (locale: Locale): string => renderHelp('main', locale);

interface Command {
  readonly run: (argv: readonly string[], io: ConsoleIo) => Promise<number>;
  readonly help: (locale: Locale) => string;
}

// Loaded on use: the bot pulls in Slack, the report Vega and resvg, and a
// command should not wait for the others' start-up (seconds on a busy machine).
const COMMANDS: Record<string, () => Promise<Command>> = {
  segment: async () => import('./commands/segment.js').then((m) => ({ run: m.runSegment, help: m.SEGMENT_HELP })),
  report: async () => import('./commands/report.js').then((m) => ({ run: m.runReport, help: m.REPORT_HELP })),
  model: async () => import('./commands/model.js').then((m) => ({ run: m.runModel, help: m.MODEL_HELP })),
  dimensions: async () =>
    import('./commands/dimensions.js').then((m) => ({ run: m.runDimensions, help: m.DIMENSIONS_HELP })),
  import: async () => import('./commands/import.js').then((m) => ({ run: m.runImport, help: m.IMPORT_HELP })),
  users: async () => import('./commands/users.js').then((m) => ({ run: m.runUsers, help: m.USERS_HELP })),
  ask: async () => import('./commands/ask.js').then((m) => ({ run: m.runAsk, help: m.ASK_HELP })),
  digest: async () => import('./commands/digest.js').then((m) => ({ run: m.runDigest, help: m.DIGEST_HELP })),
  bot: async () => import('./commands/bot.js').then((m) => ({ run: m.runBot, help: m.BOT_HELP })),
};

/**
 * Runs the `tierline` command line with `argv` (without node and script).
 * `--debug` anywhere (or TIERLINE_DEBUG=1) adds the stack to error messages.
 * @returns the exit code (0 ok, 1 bad usage, 2 bad data, 70 internal error).
 */
export async function runCli(argv: readonly string[], given: ConsoleIo): Promise<number> {
  const debug = argv.includes('--debug') || process.env.TIERLINE_DEBUG === '1';
  // --quiet (-q) anywhere, like --debug: every command's progress and notes go quiet.
  const quiet = argv.includes('--quiet') || argv.includes('-q');
  const io: ConsoleIo = quiet ? { ...given, quiet } : given;
  const [command, ...rest] = argv.filter((arg) => arg !== '--debug' && arg !== '--quiet' && arg !== '-q');
  // The error line's language: --locale, else LC_ALL/LC_MESSAGES/LANG, even when parsing the flags is what failed.
  const context = {
    command: command !== undefined && Object.hasOwn(COMMANDS, command) ? command : '',
    debug,
    locale: localeForErrors(rest, process.env),
  };
  try {
    if (command === '--version' || command === '-V') {
      io.out(`tierline ${readVersion()}\n`);
      return EXIT.ok;
    }
    if (command === undefined || command === '--help' || command === '-h') {
      io.out(MAIN_HELP(context.locale));
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === 'help') {
      if (rest[0] === undefined) {
        io.out(MAIN_HELP(context.locale));
        return EXIT.ok;
      }
      const topic = Object.hasOwn(COMMANDS, rest[0]) ? COMMANDS[rest[0]] : undefined;
      if (!topic)
        throw new UsageError({
          key: 'cli.usage.help-unknown-command',
          params: { command: rest[0], commands: Object.keys(COMMANDS) },
        });
      io.out((await topic()).help(context.locale));
      return EXIT.ok;
    }
    const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!entry)
      throw new UsageError({
        key: 'cli.usage.unknown-command',
        params: { command, commands: Object.keys(COMMANDS) },
      });
    return await (await entry()).run(rest, io);
  } catch (error) {
    return reportError(error, io, context);
  }
}

/** Entry point of the `tierline` binary: process streams, system date, exit code. */
export function main(): void {
  // `tierline ... | head` closes stdout early: stop quietly, like other CLIs.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const io: ConsoleIo = {
    out: (text) => process.stdout.write(text),
    write: (text) =>
      new Promise((resolve) => (process.stdout.write(text) ? resolve() : process.stdout.once('drain', resolve))),
    err: (text) => process.stderr.write(text),
    now: () => new Date(),
    // The analyst's calendar day: TZ, else the OS zone.
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    interactive: Boolean(process.stderr.isTTY),
    color: colorEnabled(Boolean(process.stderr.isTTY), process.env),
  };
  const argv = process.argv.slice(2);
  // A write in progress leaves no temp file behind on a normal exit or Ctrl-C
  // (a kill -9 can only leave the temp file; the target is never half written).
  process.on('exit', removePendingTempFiles);
  if (argv.find((arg) => arg !== '--debug') !== 'bot') {
    // The bot installs its own handlers to stop cleanly.
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const) {
      process.once(signal, () => {
        removePendingTempFiles();
        process.exit(code);
      });
    }
  }
  const debug = argv.includes('--debug') || process.env.TIERLINE_DEBUG === '1';
  runCli(argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // runCli maps every error itself; this is only reached if reporting failed.
      process.stderr.write(
        debug
          ? `tierline: internal error: ${(error as Error)?.stack ?? String(error)}\n`
          : `tierline: internal error: ${(error as Error)?.message ?? String(error)}. Run again with --debug or TIERLINE_DEBUG=1 for details.\n`,
      );
      process.exitCode = EXIT_INTERNAL;
    },
  );
}
