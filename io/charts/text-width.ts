// Advance widths (1/1000 em) of ASCII 32–126 in DejaVu Sans and DejaVu Sans
// Bold, read from the fonts' hmtx tables: the fonts the PNG renderer uses for
// sans-serif, and Chromium's default sans-serif on Debian.
const REGULAR =
  '318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,636,636,636,636,636,636,636,636,636,636,337,337,838,838,838,531,1000,684,686,698,770,632,575,775,752,295,295,656,557,863,748,787,603,787,695,635,611,732,684,989,685,611,685,390,337,390,838,500,500,613,635,550,635,615,352,635,634,278,278,579,278,974,634,612,635,635,411,521,392,634,592,818,592,592,525,636,337,636,838'
    .split(',')
    .map(Number);
const BOLD =
  '348,456,521,838,696,1002,872,306,457,457,523,838,380,415,380,365,696,696,696,696,696,696,696,696,696,696,400,400,838,838,838,580,1000,774,762,734,830,683,683,821,837,372,372,775,637,995,837,850,733,850,770,720,682,812,774,1103,771,724,725,457,365,457,838,500,500,675,716,593,716,678,435,716,712,343,343,665,343,1042,712,687,716,716,493,595,478,712,652,924,645,652,582,712,365,712,838'
    .split(',')
    .map(Number);

/** Width in em/1000 of one UTF-16 code unit outside ASCII. */
function wideWidth(code: number): number {
  // CJK ideographs, kana, Hangul, CJK punctuation and full-width forms take a full em.
  if (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  )
    return 1000;
  if (code === 0x2026) return 1000; // …
  if (code >= 0x2190 && code <= 0x22ff) return 838; // arrows, math (→ ≥ ×)
  if (code === 0xd7 || code === 0xf7) return 838; // × ÷
  if (code === 0xb7) return 318; // ·
  return 620;
}

/** Width in pixels of `text` in DejaVu Sans at `fontSize` (bold when asked). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    units += code >= 32 && code <= 126 ? table[code - 32]! : wideWidth(code);
  }
  return (units * fontSize) / 1000;
}

interface TextItem {
  readonly fontSize?: number | string;
  readonly fontWeight?: number | string;
  readonly limit?: number;
}

/**
 * A `vega.textMetrics.width` replacement for rendering without a canvas:
 * vega's fallback guesses 0.8 em per character, too wide for Latin text and
 * too narrow for Chinese, so layouts got blank margins or clipped labels.
 * Capped at the item's `limit`, which keeps vega's own truncation working.
 */
export function measureText(item: TextItem, text: unknown): number {
  const line = text == null ? '' : String(text).trim();
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const weight = item.fontWeight;
  const bold =
    weight === 'bold' ||
    weight === 'bolder' ||
    (typeof weight === 'number' && weight >= 600) ||
    (typeof weight === 'string' && Number(weight) >= 600);
  const width = textWidth(line, size, bold);
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
}
