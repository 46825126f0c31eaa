import { z } from 'zod';
import { isLabelKey, label, LOCALES, type Locale } from '../i18n/labels.js';

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

// A categorical palette (Tableau 10 plus two) so that segment s has the same
// colour in every chart; 'unclassified' is always grey.
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#86bcb6',
  '#d37295',
  '#499894',
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
