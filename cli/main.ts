import { EXIT, type ConsoleIo } from './console-io.js';
import { reportError, runSegment, SEGMENT_HELP } from './commands/segment.js';
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
Exit codes: 0 ok, 1 bad usage, 2 bad data.
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
 * @returns the exit code (0 ok, 1 bad usage, 2 bad data).
 */
export async function runCli(argv: readonly string[], io: ConsoleIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    io.out(MAIN_HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === 'help') {
    const topic = rest[0] ? COMMANDS[rest[0]] : undefined;
    io.out(topic ? topic.help : MAIN_HELP);
    return EXIT.ok;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    io.err(`tierline: unknown command "${command}".\n${MAIN_HELP}`);
    return EXIT.usage;
  }
  try {
    return await entry.run(rest, io);
  } catch (error) {
    return reportError(error, io);
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
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`tierline: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
