import { z } from 'zod';
import type { CustomerFeatures } from '../features/customer-features.js';
import { label } from '../i18n/labels.js';
import { createRng } from '../random/create-rng.js';
import type { SchemeResult } from '../segment/apply-scheme.js';
import { parseOptions } from '../util/parse-options.js';
import { DEFAULT_CURRENCY } from '../money/currency.js';
import {
  chartOptionsSchema,
  moneyTickLabel,
  currencyUnit,
  roundTo,
  segmentColorScale,
  segmentName,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
} from './chart-spec.js';

export const scatterOptionsSchema = chartOptionsSchema
  .extend({
    /** Points drawn at most (about: each segment keeps a few, see sampleScatterPoints). */
    maxPoints: z.number().int().min(1).default(5000),
    /** Every segment keeps at least this many points (or all it has), so small segments stay visible. */
    minPerSegment: z.number().int().min(0).default(25),
    seed: z.number().int().default(42),
  })
  .strict();
export type ScatterOptions = z.input<typeof scatterOptionsSchema>;

/**
 * Customer indices to draw, ascending: every scored customer when there are
 * at most `maxPoints`, else a seeded sample stratified by segment — each
 * segment gets its proportional quota (floor), but at least
 * min(size, minPerSegment) — picked by a partial Fisher–Yates shuffle. Same
 * input and seed, same points.
 */
export function sampleScatterPoints(
  features: CustomerFeatures,
  scheme: SchemeResult,
  options: { maxPoints: number; minPerSegment: number; seed: number },
): Int32Array {
  const n = features.count,
    k = scheme.segments.length;
  const scored = (c: number): boolean =>
    Number.isFinite(features.windowFrequency[c]!) && Number.isFinite(features.windowMonetary[c]!);
  const size = new Int32Array(k);
  let total = 0;
  for (let c = 0; c < n; c++) {
    if (!scored(c)) continue;
    size[scheme.segment[c]!]!++;
    total++;
  }
  const offset = new Int32Array(k + 1);
  for (let s = 0; s < k; s++) offset[s + 1] = offset[s]! + size[s]!;
  const bySegment = new Int32Array(total);
  const next = offset.slice(0, k);
  for (let c = 0; c < n; c++) if (scored(c)) bySegment[next[scheme.segment[c]!]!++] = c;
  if (total <= options.maxPoints) return bySegment.sort();
  const rng = createRng(options.seed);
  const picked: number[] = [];
  for (let s = 0; s < k; s++) {
    const from = offset[s]!,
      count = size[s]!;
    const quota = Math.min(
      count,
      Math.max(Math.min(count, options.minPerSegment), Math.floor((options.maxPoints * count) / total)),
    );
    for (let i = 0; i < quota; i++) {
      const j = i + Math.floor(rng.next() * (count - i));
      const chosen = bySegment[from + j]!;
      bySegment[from + j] = bySegment[from + i]!;
      bySegment[from + i] = chosen;
      picked.push(chosen);
    }
  }
  return Int32Array.from(picked).sort();
}

// Each tick formatted on its own (10k, 100k, 1M): an axis `format` shares one SI prefix across ticks.
const SI_LABEL = "format(datum.value, '~s')";

/**
 * Axis ticks for a symlog scale (d3 picks linear-looking ticks for it): 0
 * when the data reaches it, then the `steps` multiples of each power of ten
 * (1-2-5 for counts, 1 for money) from below the smallest to past the
 * largest magnitude, mirrored for negative values.
 */
export function symlogTicks(values: readonly number[], steps: readonly number[]): number[] {
  let minPositive = Infinity,
    maxPositive = 0,
    minNegative = Infinity,
    maxNegative = 0,
    zero = false;
  for (const v of values) {
    if (v > 0) {
      if (v < minPositive) minPositive = v;
      if (v > maxPositive) maxPositive = v;
    } else if (v < 0) {
      if (-v < minNegative) minNegative = -v;
      if (-v > maxNegative) maxNegative = -v;
    } else if (v === 0) zero = true;
  }
  const ladder = (low: number, high: number): number[] => {
    const out: number[] = [];
    for (let p = Math.floor(Math.log10(low)); p <= Math.ceil(Math.log10(high)); p++) {
      for (const step of steps) {
        const tick = step * 10 ** p;
        if (tick >= 10 ** Math.floor(Math.log10(low)) && tick <= high * 1.0000001)
          out.push(Number(tick.toPrecision(12)));
      }
    }
    return out;
  };
  const negative =
    maxNegative > 0
      ? ladder(minNegative, maxNegative)
          .reverse()
          .map((t) => -t)
      : [];
  const positive = maxPositive > 0 ? ladder(minPositive, maxPositive) : [];
  return [...negative, ...(zero || (negative.length > 0 && positive.length > 0) ? [0] : []), ...positive];
}

/**
 * Scatter of spend M against purchase frequency F, one point per customer,
 * coloured by segment (SPEC §9: spot high-value and low-frequency-high-AOV
 * groups). F and M are the scheme's scoring window. Both axes are symmetric
 * log (money is skewed; symlog keeps 0 and refund-negative spend). Big data
 * is sampled deterministically (sampleScatterPoints); the subtitle says how.
 * The spend axis names the data's currency in its title and ticks.
 * @throws OptionsError for invalid options.
 * @example scatterChartSpec(result, { locale: 'zh-CN', maxPoints: 2000 })
 */
export function scatterChartSpec(
  result: { readonly features: CustomerFeatures; readonly scheme: SchemeResult },
  optionsInput: ScatterOptions = {},
): VegaLiteSpec {
  const options = parseOptions(scatterOptionsSchema, optionsInput);
  const { locale, names: given } = options;
  const { features, scheme } = result;
  let scoredCount = 0;
  for (let c = 0; c < features.count; c++)
    if (Number.isFinite(features.windowFrequency[c]!) && Number.isFinite(features.windowMonetary[c]!)) scoredCount++;
  const points = sampleScatterPoints(features, scheme, options);
  const names = scheme.segments.map((s) => segmentName(s, locale, given));
  const present = new Set<string>();
  const values = Array.from(points, (c) => {
    const segment = scheme.segments[scheme.segment[c]!]!;
    present.add(segment);
    return {
      id: features.ids[c]!,
      segment,
      label: names[scheme.segment[c]!]!,
      frequency: roundTo(features.windowFrequency[c]!, 2),
      monetary: roundTo(features.windowMonetary[c]!, 2),
    };
  });
  const subtitle =
    points.length < scoredCount
      ? label('chart.scatter.sampled', locale, {
          sampled: points.length.toLocaleString('en-US'),
          count: scoredCount.toLocaleString('en-US'),
        })
      : label('chart.scatter.all', locale, { count: scoredCount.toLocaleString('en-US') });
  // Money axes say their currency (the data's, as every amount in the report).
  const currency = features.currency ?? DEFAULT_CURRENCY;
  const frequency = label('chart.axis.frequency', locale),
    monetary = label('chart.axis.monetaryIn', locale, { unit: currencyUnit(currency, locale) });
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: label('chart.scatter.title', locale), subtitle, anchor: 'start' },
    data: { values },
    width: 480,
    height: 320,
    mark: { type: 'circle', size: 16, opacity: 0.65 },
    encoding: {
      x: {
        field: 'frequency',
        type: 'quantitative',
        scale: { type: 'symlog' },
        title: frequency,
        axis: {
          values: symlogTicks(
            values.map((v) => v.frequency ?? 0),
            [1, 2, 5],
          ),
          labelExpr: SI_LABEL,
        },
      },
      y: {
        field: 'monetary',
        type: 'quantitative',
        scale: { type: 'symlog' },
        title: monetary,
        axis: {
          values: symlogTicks(
            values.map((v) => v.monetary ?? 0),
            [1],
          ),
          labelExpr: moneyTickLabel(currency, locale),
        },
      },
      color: {
        field: 'label',
        type: 'nominal',
        sort: scheme.segments.filter((s) => present.has(s)).map((s) => segmentName(s, locale, given)),
        scale: segmentColorScale(scheme.segments, [...present], locale, given),
        legend: { title: label('column.segment', locale) },
      },
      tooltip: [
        { field: 'id', type: 'nominal', title: label('column.customerId', locale) },
        { field: 'label', type: 'nominal', title: label('column.segment', locale) },
        { field: 'frequency', type: 'quantitative', title: frequency },
        { field: 'monetary', type: 'quantitative', title: monetary, format: ',.2f' },
      ],
    },
  };
}
