import { z } from 'zod';
import { isLabelKey, label, LOCALES, type Locale } from '../i18n/labels.js';
import type { Currency } from '../money/currency.js';

/**
 * A Vega-Lite v6 specification: plain JSON (no charting library in the
 * engine). The CLI renders it with vega + vega-lite (io/charts), the add-in
 * and the bot with whatever Vega-Lite runtime they have.
 */
export type VegaLiteSpec = Readonly<Record<string, unknown>>;

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Options every chart builder takes. */
export const chartOptionsSchema = z
  .object({
    locale: z.enum(LOCALES).default('en'),
    /** Display names by segment id, for schemes whose names come from the data (k-means clusters, custom presets). */
    names: z.record(z.string(), z.string()).default({}),
  })
  .strict();

// One categorical palette so that segment s has the same colour in every
// chart and in the add-in's cell fills; 'unclassified' is always grey. The
// colours come from Paul Tol's colour-blind-safe schemes (bright, vibrant,
// muted; personal.sron.nl/~pault) and Okabe & Ito's palette, picked so that
// every pair — the grey included — stays ≥ 9 CIEDE2000 apart for normal
// vision and for simulated protanopia and deuteranopia (Machado 2009), and
// none is too pale for a white page (L* ≤ 80). The old Tableau set had New
// customers and Hibernating 2.6 apart (the same teal) and 0.7 apart for
// deuteranopes. test/core/charts/chart-spec.test.ts checks the minimum.
// In RFM order: champions blue, loyal cyan, potential loyalist green, new
// pear, promising olive, need attention pink, about to sleep purple, at risk
// red, can't lose rose, hibernating indigo, lost wine.
const PALETTE = [
  '#0077bb',
  '#33bbee',
  '#009e73',
  '#bbcc33',
  '#999933',
  '#cc79a7',
  '#aa4499',
  '#cc3311',
  '#ee6677',
  '#332288',
  '#882255',
] as const;
const UNCLASSIFIED_COLOR = '#bab0ac';

/** Display name of a segment id: the caller's `names`, else its label, else the id as written. */
export function segmentName(segment: string, locale: Locale, names: Readonly<Record<string, string>> = {}): string {
  const given = names[segment];
  if (given !== undefined) return given;
  const key = `segment.${segment}`;
  return isLabelKey(key) ? label(key, locale) : segment;
}

/** The colour of each segment of a scheme, by its position in the scheme's list. */
export function segmentColors(segments: readonly string[]): string[] {
  let next = 0;
  return segments.map((segment) =>
    segment === 'unclassified' ? UNCLASSIFIED_COLOR : PALETTE[next++ % PALETTE.length]!,
  );
}

/**
 * A colour scale fixing segment order and colours (so legends and colours
 * match across charts), for the segments in `shown` of the full `segments` list.
 */
export function segmentColorScale(
  segments: readonly string[],
  shown: readonly string[],
  locale: Locale,
  names: Readonly<Record<string, string>> = {},
): { domain: string[]; range: string[] } {
  const colors = segmentColors(segments);
  const keep = segments.map((s) => shown.includes(s));
  return {
    domain: segments.filter((_, i) => keep[i]).map((s) => segmentName(s, locale, names)),
    range: colors.filter((_, i) => keep[i]),
  };
}

/** Rounds for chart data (smaller JSON, stable text). NaN and ±Infinity become null. */
export function roundTo(value: number, digits: number): number | null {
  if (!Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * How a money axis names its unit: 元 for yuan in Chinese (as formatMoney
 * writes amounts), else the currency's symbol (£, $, ¥) or its code.
 * @example currencyUnit({ code: 'GBP', symbol: '£' }, 'en') === '£'
 */
export function currencyUnit(currency: Currency, locale: Locale): string {
  return locale === 'zh-CN' && currency.code === 'CNY' ? '元' : currency.symbol;
}

/**
 * A Vega expression labelling money ticks with the currency, each tick
 * formatted on its own (10k, 100k, 1M): "£10k", "-£500"; yuan in Chinese as
 * "10k元". An axis `format` would share one SI prefix across ticks.
 */
export function moneyTickLabel(currency: Currency, locale: Locale): string {
  const unit = JSON.stringify(currencyUnit(currency, locale));
  const number = "format(abs(datum.value), '~s')";
  const sign = "(datum.value < 0 ? '-' : '')";
  return locale === 'zh-CN' && currency.code === 'CNY'
    ? `${sign} + ${number} + ${unit}`
    : `${sign} + ${unit} + ${number}`;
}
