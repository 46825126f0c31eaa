import type { Locale } from '../core/index.js';

/**
 * The CLI's locale when `--locale` is not given: the environment's language,
 * read in POSIX precedence (LC_ALL, then LC_MESSAGES, then LANG): `zh*` is
 * zh-CN, anything else (or nothing) en.
 * @example localeFromEnvironment({ LANG: 'zh_CN.UTF-8' }) === 'zh-CN'
 */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  const setting = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return setting !== undefined && /^zh/i.test(setting) ? 'zh-CN' : 'en';
}

/**
 * The locale of the CLI's own error line, read before (or after a failed)
 * argument parse: a valid `--locale en|zh-CN` (or `--locale=…`) anywhere in
 * `argv`, else the environment's. An invalid --locale value falls back to the
 * environment, so the usage error about it is still readable.
 * @example localeForErrors(['segment', 'x.csv', '--locale', 'zh-CN'], {}) === 'zh-CN'
 */
export function localeForErrors(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Locale {
  for (let i = argv.length - 1; i >= 0; i -= 1) {
    const arg = argv[i]!;
    const value =
      arg === '--locale' ? argv[i + 1] : arg.startsWith('--locale=') ? arg.slice('--locale='.length) : undefined;
    if (value === 'en' || value === 'zh-CN') return value;
  }
  return localeFromEnvironment(env);
}
