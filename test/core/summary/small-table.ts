import { nanColumn, type AttributeField, type CustomerFeatures } from '../../../core/features/customer-features.js';
import type { SchemeResult } from '../../../core/segment/apply-scheme.js';
import { label, type LabelKey } from '../../../core/i18n/labels.js';

/**
 * Seven customers whose summaries are checked by hand (test data shared by
 * the summary, chart and report tests):
 *
 * | id | segment      | R  | F  | M    | region | channel | r f m |
 * |----|--------------|----|----|------|--------|---------|-------|
 * | C1 | champions    | 2  | 10 | 1000 | 华东   | 线上    | 5 5 5 |
 * | C2 | champions    | 4  | 6  | 600  | 华东   | 线下    | 5 4 5 |
 * | C3 | loyal        | 10 | 4  | 400  | 华南   | –       | 4 4 4 |
 * | C4 | loyal        | 20 | 2  | 200  | ''     | 线上    | 3 2 2 |
 * | C5 | loyal        | 30 | 3  | 300  | 华东   | 线上    | 4 3 4 |
 * | C6 | lost         | 90 | 1  | 100  | 华南   | 线下    | 1 1 1 |
 * | C7 | unclassified | –  | 0  | 0    | 华北   | –       | 0 0 0 |
 *
 * Revenue (net whole-history spend) equals M. Scored: C1–C6, so the overall
 * means are R 26, F 26/6, M 2600/6.
 */
export const SEGMENTS = ['champions', 'loyal', 'lost', 'unclassified'];

export function smallFeatures(): CustomerFeatures {
  const recency = Float64Array.from([2, 4, 10, 20, 30, 90, Number.NaN]);
  const frequency = Float64Array.from([10, 6, 4, 2, 3, 1, 0]);
  const monetary = Float64Array.from([1000, 600, 400, 200, 300, 100, 0]);
  const n = 7;
  const attributes: Partial<Record<AttributeField, (string | undefined)[]>> = {
    region: ['华东', '华东', '华南', '', '华东', '华南', '华北'],
    channel: ['线上', '线下', undefined, '线上', '线上', '线下', undefined],
  };
  return {
    count: n,
    ids: ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7'],
    firstRow: Int32Array.from([2, 3, 4, 5, 6, 7, 8]),
    asOfDay: 19800,
    asOfSource: 'given',
    recencyDays: recency,
    frequency,
    monetary,
    frequency6m: frequency,
    amount6m: monetary,
    windowFrequency: frequency,
    windowMonetary: monetary,
    averageOrderValue: nanColumn(n),
    tenureDays: nanColumn(n),
    firstPurchaseDay: nanColumn(n),
    lastPurchaseDay: nanColumn(n),
    behaviour: {},
    attributes,
  };
}

/** The `rfm` scheme result of the table above (segments as in the table, not recomputed). */
export function smallScheme(): SchemeResult {
  return {
    scheme: 'rfm',
    id: 'rfm',
    segmentLabel: (s, locale) => label(`segment.${SEGMENTS[s]}` as LabelKey, locale),
    explain: () => null,
    notes: [],
    segments: SEGMENTS,
    segment: Uint8Array.from([0, 0, 1, 1, 1, 2, 3]),
    r: Uint8Array.from([5, 5, 4, 3, 4, 1, 0]),
    f: Uint8Array.from([5, 4, 4, 2, 3, 1, 0]),
    m: Uint8Array.from([5, 5, 4, 2, 4, 1, 0]),
    strategy: new Uint8Array(7).fill(255),
  };
}
