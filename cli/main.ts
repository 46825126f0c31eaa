import { removePendingTempFiles } from '../io/write-file-atomic.js';
import { EXIT, UsageError, type ConsoleIo } from './console-io.js';
import { EXIT_INTERNAL, reportError } from './report-error.js';
import { runSegment, SEGMENT_HELP } from './commands/segment.js';
import { REPORT_HELP, runReport } from './commands/report.js';
import { MODEL_HELP, runModel } from './commands/model.js';
import { DIMENSIONS_HELP, runDimensions } from './commands/dimensions.js';
import { IMPORT_HELP, runImport } from './commands/import.js';
import { USERS_HELP, runUsers } from './commands/users.js';
import { ASK_HELP, runAsk } from './commands/ask.js';
import { DIGEST_HELP, runDigest } from './commands/digest.js';
import { BOT_HELP, runBot } from './commands/bot.js';

export const MAIN_HELP = `Usage: tierline <command> [options]

Commands:
  segment <file>   clean, score RFM, tag and attach strategies (csv or xlsx)
  model fit|evaluate <transactions>
                   BG/NBD, MBG/NBD and Gamma-Gamma lifetime models
  report <file>    HTML report with charts, cross-tabs and migration (--out report.html)
  dimensions <file>  SPEC Table 3: availability, Pearson r, relevance, operability, selected
  import <file>    store a segmented file as a snapshot for the Slack bot
  users map|sync|list|role   link owners (客户经理) to Slack users; manager/admin roles
  ask "<question>" --as <owner>   the bot's answer as text, without Slack
  digest --preview the weekly tier digest as text
  bot              run the Slack bot (Socket Mode or HTTP)
  help [command]   show help for a command

Run "tierline <command> --help" for a command's options.
Every command takes --debug (or TIERLINE_DEBUG=1): show the stack of an internal error.
Exit codes: 0 ok, 1 bad usage, 2 bad data, 70 internal error.
`;

const COMMANDS: Record<string, { run: (argv: readonly string[], io: ConsoleIo) => Promise<number>; help: string }> = {
  segment: { run: runSegment, help: SEGMENT_HELP },
  report: { run: runReport, help: REPORT_HELP },
  model: { run: runModel, help: MODEL_HELP },
  dimensions: { run: runDimensions, help: DIMENSIONS_HELP },
  import: { run: runImport, help: IMPORT_HELP },
  users: { run: runUsers, help: USERS_HELP },
  ask: { run: runAsk, help: ASK_HELP },
  digest: { run: runDigest, help: DIGEST_HELP },
  bot: { run: runBot, help: BOT_HELP },
};

/**
 * Runs the `tierline` command line with `argv` (without node and script).
 * `--debug` anywhere (or TIERLINE_DEBUG=1) adds the stack to error messages.
 * @returns the exit code (0 ok, 1 bad usage, 2 bad data, 70 internal error).
 */
export async function runCli(argv: readonly string[], io: ConsoleIo): Promise<number> {
  const debug = argv.includes('--debug') || process.env.TIERLINE_DEBUG === '1';
  const [command, ...rest] = argv.filter((arg) => arg !== '--debug');
  const context = { command: command !== undefined && command in COMMANDS ? command : '', debug };
  try {
    if (command === undefined || command === '--help' || command === '-h') {
      io.out(MAIN_HELP);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === 'help') {
      if (rest[0] === undefined) {
        io.out(MAIN_HELP);
        return EXIT.ok;
      }
      const topic = COMMANDS[rest[0]];
      if (!topic) throw new UsageError(`help: unknown command "${rest[0]}"; commands: ${Object.keys(COMMANDS).join(', ')}.`);
      io.out(topic.help);
      return EXIT.ok;
    }
    const entry = COMMANDS[command];
    if (!entry) throw new UsageError(`unknown command "${command}"; commands: ${Object.keys(COMMANDS).join(', ')}, help.`);
    return await entry.run(rest, io);
  } catch (error) {
    return reportError(error, io, context);
  }
}

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
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
    write: (text) => new Promise((resolve) => (process.stdout.write(text) ? resolve() : process.stdout.once('drain', resolve))),
    err: (text) => process.stderr.write(text),
    today: localToday(),
    interactive: Boolean(process.stderr.isTTY),
  };
  const argv = process.argv.slice(2);
  // A write in progress leaves no temp file behind on a normal exit or Ctrl-C
  // (a kill -9 can only leave the temp file; the target is never half written).
  process.on('exit', removePendingTempFiles);
  if (argv.find((arg) => arg !== '--debug') !== 'bot') {
    // The bot installs its own handlers to stop cleanly.
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
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
      process.stderr.write(debug ? `tierline: internal error: ${(error as Error)?.stack ?? String(error)}\n` : `tierline: internal error: ${(error as Error)?.message ?? String(error)}. Run again with --debug or TIERLINE_DEBUG=1 for details.\n`);
      process.exitCode = EXIT_INTERNAL;
    },
  );
}
