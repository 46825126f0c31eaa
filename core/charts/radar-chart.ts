import { z } from 'zod';
import { label, type LabelKey } from '../i18n/labels.js';
import type { SegmentSummary } from '../summary/summarize-segments.js';
import { parseOptions } from '../util/parse-options.js';
import {
  chartOptionsSchema,
  roundTo,
  segmentColorScale,
  segmentName,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
} from './chart-spec.js';

export const radarOptionsSchema = chartOptionsSchema
  .extend({
    /** Small multiples per row. */
    columns: z.number().int().min(1).max(12).default(4),
    /** Side of each small radar, in pixels. */
    size: z.number().int().min(60).max(600).default(150),
  })
  .strict();
export type RadarOptions = z.input<typeof radarOptionsSchema>;

const AXES = [
  { key: 'recency', letter: 'R', title: 'chart.axis.recency' },
  { key: 'frequency', letter: 'F', title: 'chart.axis.frequency' },
  { key: 'monetary', letter: 'M', title: 'chart.axis.monetary' },
] as const satisfies readonly { key: string; letter: string; title: LabelKey }[];

// Radius is log2 of the ratio to the average, clamped to ×1/8 … ×8: the
// centre is ×1/8 or less, the middle ring (0.5) the average, the rim ×8.
const LOG_RANGE = 3;
const RINGS = [-2, -1, 0, 1, 2, 3];

/** Radius 0..1 of a ratio to the average (NaN and ≤ 0 sit at the centre, +∞ on the rim). */
function radiusOf(ratio: number): number {
  if (!(ratio > 0)) return 0;
  const log = Math.min(LOG_RANGE, Math.max(-LOG_RANGE, Math.log2(ratio)));
  return (log + LOG_RANGE) / (2 * LOG_RANGE);
}

/** Axis i of n points up and then clockwise; y grows upwards in Vega-Lite. */
function point(radius: number, axis: number): { x: number | null; y: number | null } {
  const angle = (2 * Math.PI * axis) / AXES.length;
  return { x: roundTo(radius * Math.sin(angle), 4), y: roundTo(radius * Math.cos(angle), 4) };
}

/**
 * Radar of segment profiles (SPEC §9: each group's profile on the core
 * dimensions): one small radar per segment, axes R, F, M, each vertex the
 * segment mean ÷ the mean of all customers on a log scale (dashed ring =
 * average, each ring ×2). R is inverted (average ÷ segment) so outward always
 * means better: more recent, more frequent, more spend.
 *
 * Vega-Lite has no radar mark and its polar encodings (theta/radius) only
 * drive arcs, so the builder does the polar → cartesian step itself: rings,
 * spokes and polygons are plain x/y rows drawn with closed line, rule, text
 * and point marks, faceted by segment. Stays Vega-Lite, so one renderer
 * handles every chart. Segments without scored customers are left out.
 * @throws OptionsError for invalid options.
 * @example radarChartSpec(result.summary, { locale: 'zh-CN' }).facet
 */
export function radarChartSpec(summary: readonly SegmentSummary[], optionsInput: RadarOptions = {}): VegaLiteSpec {
  const { locale, names, columns, size } = parseOptions(radarOptionsSchema, optionsInput);
  const shown = summary.filter(
    (s) => s.count > 0 && [s.profile.recency, s.profile.frequency, s.profile.monetary].some((x) => Number.isFinite(x)),
  );
  const values: Record<string, unknown>[] = [];
  for (const s of shown) {
    const name = segmentName(s.segment, locale, names);
    for (const ring of RINGS) {
      AXES.forEach((_, axis) =>
        values.push({
          label: name,
          kind: ring === 0 ? 'average' : 'ring',
          ring,
          axis,
          ...point((ring + LOG_RANGE) / (2 * LOG_RANGE), axis),
        }),
      );
    }
    AXES.forEach((a, axis) => {
      const end = point(1, axis),
        text = point(1.16, axis);
      values.push({ label: name, kind: 'spoke', axis, x: 0, y: 0, x2: end.x, y2: end.y });
      values.push({ label: name, kind: 'axis', axis, text: a.letter, ...text });
    });
    AXES.forEach((a, axis) => {
      const raw = s.profile[a.key];
      // Outward = better: recency is days, so fewer days than average is the good side.
      const ratio = a.key === 'recency' ? (raw > 0 ? 1 / raw : raw === 0 ? Infinity : Number.NaN) : raw;
      values.push({
        segment: s.segment,
        label: name,
        kind: 'shape',
        axis,
        dimension: label(a.title, locale),
        ratio: roundTo(ratio, 2),
        ...point(radiusOf(ratio), axis),
      });
    });
  }
  const color = {
    field: 'label',
    type: 'nominal',
    scale: segmentColorScale(
      summary.map((s) => s.segment),
      shown.map((s) => s.segment),
      locale,
      names,
    ),
    legend: null,
  };
  const only = (kind: string) => [{ filter: `datum.kind === '${kind}'` }];
  const axisScale = { domain: [-1.3, 1.3], nice: false, zero: false };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: label('chart.radar.title', locale),
      subtitle: label('chart.radar.subtitle', locale).split('\n'),
      anchor: 'start',
    },
    data: { values },
    columns,
    facet: {
      field: 'label',
      type: 'nominal',
      sort: shown.map((s) => segmentName(s.segment, locale, names)),
      title: null,
      header: { labelFontSize: 12, labelFontWeight: 'bold' },
    },
    spec: {
      width: size,
      height: size,
      encoding: {
        x: { field: 'x', type: 'quantitative', scale: axisScale, axis: null },
        y: { field: 'y', type: 'quantitative', scale: axisScale, axis: null },
      },
      layer: [
        {
          transform: only('ring'),
          mark: { type: 'line', interpolate: 'linear-closed', stroke: '#d9d9d9', strokeWidth: 1 },
          encoding: { detail: { field: 'ring', type: 'ordinal' }, order: { field: 'axis' } },
        },
        {
          transform: only('average'),
          mark: { type: 'line', interpolate: 'linear-closed', stroke: '#737373', strokeWidth: 1.5, strokeDash: [4, 3] },
          encoding: { order: { field: 'axis' } },
        },
        {
          transform: only('spoke'),
          mark: { type: 'rule', stroke: '#d9d9d9' },
          encoding: { x2: { field: 'x2' }, y2: { field: 'y2' } },
        },
        {
          transform: only('axis'),
          mark: { type: 'text', fontWeight: 'bold', fill: '#525252' },
          encoding: { text: { field: 'text' } },
        },
        {
          transform: only('shape'),
          mark: { type: 'line', interpolate: 'linear-closed', strokeWidth: 2, fillOpacity: 0.2 },
          encoding: { order: { field: 'axis' }, color, fill: color },
        },
        {
          transform: only('shape'),
          mark: { type: 'point', filled: true, size: 36 },
          encoding: {
            color,
            tooltip: [
              { field: 'label', type: 'nominal', title: label('column.segment', locale) },
              { field: 'dimension', type: 'nominal', title: label('chart.radar.dimension', locale) },
              { field: 'ratio', type: 'quantitative', title: label('chart.radar.ratio', locale), format: '.2f' },
            ],
          },
        },
      ],
    },
    config: { view: { stroke: null } },
  };
}
