import { z } from 'zod';
import { label } from '../i18n/labels.js';
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

/** Rows shown: every named segment, plus 'unclassified' only when someone is in it (as the CLI summary does). */
const shownRows = (summary: readonly SegmentSummary[]): SegmentSummary[] =>
  summary.filter((s) => s.count > 0 || s.segment !== 'unclassified');

const MEASURE_COLORS = ['#4e79a7', '#f28e2b'];

/**
 * Grouped bars of each segment's share of customers beside its share of
 * revenue (SPEC §9 pie/bar: group share and revenue contribution, e.g. high
 * value is 15% of customers and 40% of revenue), segments in scheme order.
 * @throws OptionsError for invalid options.
 * @example shareBarChartSpec(result.summary, { locale: 'zh-CN' }).encoding
 */
export function shareBarChartSpec(
  summary: readonly SegmentSummary[],
  optionsInput: z.input<typeof chartOptionsSchema> = {},
): VegaLiteSpec {
  const { locale, names } = parseOptions(chartOptionsSchema, optionsInput);
  const rows = shownRows(summary);
  const customers = label('chart.share.customers', locale),
    revenue = label('chart.share.revenue', locale);
  const values = rows.flatMap((s) => [
    {
      segment: s.segment,
      label: segmentName(s.segment, locale, names),
      measure: customers,
      share: roundTo(s.share, 4),
      value: s.count,
    },
    {
      segment: s.segment,
      label: segmentName(s.segment, locale, names),
      measure: revenue,
      share: roundTo(s.revenueShare, 4),
      value: roundTo(s.revenue, 2),
    },
  ]);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: label('chart.share.title', locale), anchor: 'start' },
    data: { values },
    width: 380,
    height: { step: 13 },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: rows.map((s) => segmentName(s.segment, locale, names)), title: null },
      yOffset: { field: 'measure', type: 'nominal', sort: [customers, revenue] },
      x: { field: 'share', type: 'quantitative', title: null, axis: { format: '.0%' } },
      color: {
        field: 'measure',
        type: 'nominal',
        scale: { domain: [customers, revenue], range: MEASURE_COLORS },
        legend: { title: null, orient: 'top' },
      },
      tooltip: [
        { field: 'label', type: 'nominal', title: label('column.segment', locale) },
        { field: 'measure', type: 'nominal', title: label('chart.share.measure', locale) },
        { field: 'share', type: 'quantitative', title: label('column.share', locale), format: '.1%' },
      ],
    },
    layer: [
      { mark: { type: 'bar' } },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 3, fontSize: 9 },
        encoding: { text: { field: 'share', type: 'quantitative', format: '.1%' } },
      },
    ],
  };
}

export const pieOptionsSchema = chartOptionsSchema
  .extend({
    /** Slice size: customers (share) or revenue (contribution). */
    measure: z.enum(['customers', 'revenue']).default('customers'),
  })
  .strict();
export type PieOptions = z.input<typeof pieOptionsSchema>;

// Slices under 3% get no text label: they would collide; the tooltip has them.
const MIN_LABELLED_SHARE = 0.03;

/**
 * Pie (arc mark) of customer share or revenue contribution by segment,
 * slices and colours in scheme order, percentages on the larger slices.
 * Segments with nothing (or negative net revenue, which a pie cannot show)
 * get no slice.
 * @throws OptionsError for invalid options.
 * @example sharePieChartSpec(result.summary, { measure: 'revenue' }).layer
 */
export function sharePieChartSpec(summary: readonly SegmentSummary[], optionsInput: PieOptions = {}): VegaLiteSpec {
  const { locale, names, measure } = parseOptions(pieOptionsSchema, optionsInput);
  const slices = summary
    .map((s, order) => ({
      s,
      order,
      value: measure === 'customers' ? s.count : s.revenue,
      share: measure === 'customers' ? s.share : s.revenueShare,
    }))
    .filter((x) => x.value > 0);
  const values = slices.map(({ s, order, value, share }) => ({
    segment: s.segment,
    label: segmentName(s.segment, locale, names),
    order,
    value: roundTo(value, 2),
    share: roundTo(share, 4),
    text: share >= MIN_LABELLED_SHARE ? `${(share * 100).toFixed(1)}%` : '',
  }));
  const title = label(measure === 'customers' ? 'chart.pie.customers' : 'chart.pie.revenue', locale);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: title, anchor: 'start' },
    data: { values },
    width: 240,
    height: 240,
    encoding: {
      theta: { field: 'value', type: 'quantitative', stack: true },
      order: { field: 'order', type: 'quantitative' },
      color: {
        field: 'label',
        type: 'nominal',
        sort: values.map((v) => v.label),
        scale: segmentColorScale(
          summary.map((s) => s.segment),
          slices.map((x) => x.s.segment),
          locale,
          names,
        ),
        legend: { title: null },
      },
      tooltip: [
        { field: 'label', type: 'nominal', title: label('column.segment', locale) },
        {
          field: 'value',
          type: 'quantitative',
          title: label(measure === 'customers' ? 'column.count' : 'column.revenue', locale),
          format: ',.0f',
        },
        {
          field: 'share',
          type: 'quantitative',
          title: label(measure === 'customers' ? 'column.share' : 'column.revenueShare', locale),
          format: '.1%',
        },
      ],
    },
    layer: [
      { mark: { type: 'arc', outerRadius: 100, stroke: '#ffffff', strokeWidth: 1 } },
      { mark: { type: 'text', radius: 118, fontSize: 10 }, encoding: { text: { field: 'text', type: 'nominal' } } },
    ],
    config: { view: { stroke: null } },
  };
}
