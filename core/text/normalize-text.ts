// Traditional → simplified for the characters that occur in CRM headers and
// names (SPEC §2: sources mix 客戶/客户). Not a general converter.
const TRADITIONAL =
  '戶號編稱額費購間務經負責聯繫係電話業規區註冊時齡別會員級積賬帳餘資產單價數類頻錢銷貢獻薦復週詢訴與動參優滿評總擇計歷個內簽說張偉陳劉楊趙黃吳鄭孫馬羅許鄧馮韓蕭葉蘇盧蔣魏傑濤強軍華東開發體團貿長後來國際雲錄標點線網';
const SIMPLIFIED =
  '户号编称额费购间务经负责联系系电话业规区注册时龄别会员级积账账余资产单价数类频钱销贡献荐复周询诉与动参优满评总择计历个内签说张伟陈刘杨赵黄吴郑孙马罗许邓冯韩萧叶苏卢蒋魏杰涛强军华东开发体团贸长后来国际云录标点线网';

const toSimplified = new Map<string, string>();
for (let i = 0; i < TRADITIONAL.length; i++) toSimplified.set(TRADITIONAL[i]!, SIMPLIFIED[i]!);

/**
 * Full-width ASCII (U+FF01–FF5E) and the ideographic space to half-width,
 * traditional characters to simplified. Returns the same string when nothing
 * changes, so callers can detect a change with `!==`.
 * @example toHalfWidthSimplified('ＡＢＣ１２３' + '\u3000' + '客戶') === 'ABC123 客户'
 */
export function toHalfWidthSimplified(text: string): string {
  let changed = false;
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    let mapped = ch;
    if (code >= 0xff01 && code <= 0xff5e) mapped = String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) mapped = ' ';
    else if (code >= 0x4e00) mapped = toSimplified.get(ch) ?? ch;
    if (mapped !== ch) changed = true;
    out += mapped;
  }
  return changed ? out : text;
}

/**
 * Canonical text for matching names and categories (SPEC §3 text-normalized):
 * half-width, simplified, trimmed, inner whitespace collapsed.
 * @example normalizeText('  張偉 ') === '张伟'
 */
export function normalizeText(text: string): string {
  return toHalfWidthSimplified(text).trim().replace(/\s+/g, ' ');
}
