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
