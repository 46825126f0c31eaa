import type { Locale } from '../i18n/labels.js';

const COMPANY =
  /(有限责任公司|股份有限公司|有限公司|公司|集团|工厂|厂|商行|事务所|研究院|\b(?:inc|ltd|llc|co|corp|gmbh|group|company|limited)\.?$)/i;
const HONORIFIC = /(先生|女士|小姐|总|经理|老师|博士|\bmr\.?|\bms\.?|\bmrs\.?|\bdr\.?)$/i;
const HONORIFIC_PREFIX = /^(mr\.?|ms\.?|mrs\.?|dr\.?)\s+/i;

/**
 * A customer name as a channel may show it (SPEC §10, B's external
 * communication rule): persons as 「*先生」 (the name hidden, the honorific
 * kept), companies as 「A公司」 with a letter per company in the message.
 * Names already masked in the source (`*女士`) pass through unchanged.
 * @example maskName('张伟先生', 0) // '*先生'
 * @example maskName('上海华东科技有限公司', 0) // 'A公司'
 */
export function maskName(name: string | null, position: number, locale: Locale): string | null {
  if (name === null || name.trim() === '') return null;
  const trimmed = name.trim();
  if (trimmed.includes('*')) return trimmed;
  const letter = String.fromCharCode(65 + (position % 26));
  if (COMPANY.test(trimmed))
    return locale === 'zh-CN' || /\p{Script=Han}/u.test(trimmed) ? `${letter}公司` : `Company ${letter}`;
  const prefix = HONORIFIC_PREFIX.exec(trimmed);
  if (prefix) return `${prefix[1]} *`;
  const suffix = HONORIFIC.exec(trimmed);
  if (suffix) return `*${suffix[1]}`;
  // No honorific to keep: the name is hidden entirely.
  return '*';
}
