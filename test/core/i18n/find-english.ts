/**
 * Flags English sentences in text meant for a zh-CN reader: any run of three or
 * more Latin words. Text the user's own data contains (headers, ids, cell
 * values) and names that stay Latin in Chinese (Tierline, BG/NBD, AUC, …) are
 * blanked out first, since a user reads them in their own file too.
 */
const KEPT_NAMES = [
  'Tierline',
  'MBG/NBD',
  'BG/NBD',
  'AUC',
  'RFM',
  'SPEC',
  'k-means',
  'KPI',
  'YYYY-MM-DD',
  'Excel',
  'Slack',
  'APP',
  'SMS',
  'CSV',
  'xlsx',
  'csv',
  'SLA',
];

const WORD = String.raw`[A-Za-z][A-Za-z'’-]*`;
const RUN = new RegExp(String.raw`${WORD}(?:[ \t,;:]+${WORD}){2,}`, 'g');

/** The English runs left in `text` once `allowed` (the user's data) and kept names are blanked. */
export function findEnglish(text: string, allowed: readonly string[] = []): string[] {
  let rest = text;
  for (const word of [...allowed, ...KEPT_NAMES].filter((a) => a.trim() !== '').sort((a, b) => b.length - a.length))
    rest = rest.split(word).join(' ¦ ');
  return [...rest.matchAll(RUN)].map((m) => m[0]);
}
