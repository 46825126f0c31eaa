import { toHalfWidthSimplified } from '../text/normalize-text.js';

const SEPARATORS = /[\s_\-.:：/\\'"#·]+/g;
const BRACKETS = /[()（）[\]【】{}<>《》]/g;
const TRAILING_GROUP = /\s*[(（[【{<《][^()（）[\]【】{}<>《》]*[)）\]】}>》]\s*$/;

/**
 * The keys a header is matched by (SPEC §2): case-folded, half-width,
 * simplified, without spaces, underscores or brackets. The second key also
 * drops a trailing bracketed unit (`累计消费(元)` → `累计消费`), tried only when
 * the full key matches nothing, so `Frequency (6 months)` stays distinct from
 * `Frequency`.
 * @example normalizeHeader(' 累计消费（元） ') → { full: '累计消费元', stem: '累计消费' }
 */
export function normalizeHeader(header: string): { full: string; stem: string } {
  const text = toHalfWidthSimplified(header).trim().toLowerCase();
  const full = text.replace(BRACKETS, '').replace(SEPARATORS, '');
  const stem = text.replace(TRAILING_GROUP, '').replace(BRACKETS, '').replace(SEPARATORS, '');
  return { full, stem };
}
