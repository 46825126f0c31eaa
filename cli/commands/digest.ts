import { renderDigest } from '../../bot/index.js';
import { EXIT, UsageError, type ConsoleIo } from '../console-io.js';
import { parseCommandArgs } from '../parse-command.js';
import { DB_FLAG, DB_FLAG_HELP, withStore } from './bot-store.js';

export const DIGEST_HELP = `Usage: tierline digest --preview [options]

Prints the weekly tier digest the bot posts to subscribed channels: tier
counts and change since the previous snapshot, revenue share, top upgrades
and downgrades, new churn risks and win-back. Names are masked as in a
channel (SPEC §10).

Options:
  --preview                  print the digest (required: posting is the bot's job)
  --owner <owner>            one owner's customers (default all)
  --locale en|zh-CN          language (default en)
${DB_FLAG_HELP}
  -h, --help                 this help
`;

const OPTIONS = {
  ...DB_FLAG,
  preview: { type: 'boolean' },
  owner: { type: 'string' },
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `tierline digest --preview`: the digest as text.
 * @returns the exit code.
 */
export async function runDigest(argv: readonly string[], io: ConsoleIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
  if (values.help) {
    io.out(DIGEST_HELP);
    return EXIT.ok;
  }
  if (!values.preview)
    throw new UsageError(
      'digest: only --preview is available from the command line; the bot posts digests on schedule.',
    );
  if (values.locale !== undefined && values.locale !== 'en' && values.locale !== 'zh-CN')
    throw new UsageError(`--locale must be en or zh-CN; got "${values.locale}".`);
  return withStore(values.db, 'existing', (store) => {
    if (!store.latestSnapshot()) {
      io.err('tierline: the store has no snapshot yet; run tierline import <file> first.\n');
      return EXIT.data;
    }
    const { text } = renderDigest(
      store,
      values.owner,
      (values.locale as 'en' | 'zh-CN' | undefined) ?? 'en',
      'channel',
    );
    io.out(text + '\n');
    return EXIT.ok;
  });
}
