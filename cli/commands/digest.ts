import { renderDigest } from '../../bot/index.js';
import { EXIT, UsageError, type ConsoleIo } from '../console-io.js';
import { parseCommandArgs } from '../parse-command.js';
import { DB_FLAG, withStore } from './bot-store.js';
import { localeForErrors } from '../choose-locale.js';
import { renderHelp } from '../render-help.js';
import { renderMessage, type Locale } from '../../core/index.js';
import { DEFAULT_STORE_PATH } from '../../bot/index.js';

/** This command's --help in `locale` (cli.help.digest in the catalogue). */
export const DIGEST_HELP = (locale: Locale): string => renderHelp('digest', locale, DEFAULT_STORE_PATH);

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
  if (positionals.length > 0)
    throw new UsageError({ key: 'cli.usage.extra-argument', params: { argument: positionals[0]! } });
  if (values.help) {
    io.out(DIGEST_HELP(localeForErrors(argv, process.env)));
    return EXIT.ok;
  }
  if (!values.preview) throw new UsageError({ key: 'cli.usage.digest-preview' });
  if (values.locale !== undefined && values.locale !== 'en' && values.locale !== 'zh-CN')
    throw new UsageError({ key: 'cli.usage.locale', params: { value: values.locale } });
  return withStore(values.db, 'existing', async (store) => {
    if (!(await store.latestSnapshot())) {
      const locale = (values.locale as Locale | undefined) ?? localeForErrors(argv, process.env);
      io.err(`tierline: ${renderMessage({ key: 'cli.usage.digest-no-snapshot' }, locale)}\n`);
      return EXIT.data;
    }
    const { text } = await renderDigest(
      store,
      values.owner,
      (values.locale as 'en' | 'zh-CN' | undefined) ?? 'en',
      'channel',
    );
    io.out(text + '\n');
    return EXIT.ok;
  });
}
