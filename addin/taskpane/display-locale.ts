import type { Locale } from '../../core/index.js';

/**
 * The pane's language for Office's display language (`Office.context.displayLanguage`,
 * a BCP 47 tag such as `zh-CN`, `zh-TW` or `en-US`): any Chinese → zh-CN, else en.
 * Traditional Chinese readers get zh-CN too: it is the only Chinese we ship.
 * @example localeOfDisplayLanguage('zh-TW') === 'zh-CN'
 */
export function localeOfDisplayLanguage(displayLanguage: string | undefined): Locale {
  return /^zh(-|$)/i.test(displayLanguage ?? '') ? 'zh-CN' : 'en';
}
