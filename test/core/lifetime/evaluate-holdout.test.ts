import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateHoldout,
  fitBgNbd,
  fitMbgNbd,
  holdoutChartSpec,
  LifetimeModelError,
  rankAuc,
  summaryFromColumns,
} from '../../../core/lifetime/index.js';
import { rawSummary } from './cdnow.js';

const { summary } = rawSummary();
const bg = fitBgNbd(summary);
const mbg = fitMbgNbd(summary);
const evaluation = evaluateHoldout(summary, bg);

describe('evaluateHoldout on CDNOW (39-week holdout)', () => {
  it('buckets customers by calibration frequency 0…6 and 7+', () => {
    expect(evaluation.buckets.map((b) => b.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(evaluation.buckets.map((b) => b.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(evaluation.buckets.map((b) => b.actualTotal)).toEqual([334, 306, 298, 156, 157, 112, 112, 407]);
    for (const b of evaluation.buckets) expect(b.predictedMean).toBeCloseTo(b.predictedTotal / b.customers, 12);
  });

  it('forecasts 1,653.4 holdout purchases in total against 1,882 actual (README)', () => {
    expect(evaluation.totals.actual).toBe(1882);
    expect(evaluation.totals.predicted).toBeCloseTo(1653.4, 1);
    expect(evaluation.holdoutBuyers).toBe(684);
    expect(evaluation.holdoutLength).toBe(39);
  });

  it('reports MAE per customer and the AUC of P(alive) for buying again', () => {
    expect(evaluation.mae).toBeCloseTo(0.7855, 3);
    // BG/NBD ranks every one-time buyer as certainly alive (P = 1), most of
    // whom never come back: its P(alive) ranks worse than chance on CDNOW.
    expect(evaluation.auc).toBeCloseTo(0.3158, 3);
    // MBG/NBD lets one-time buyers die: a useful ranking.
    const modified = evaluateHoldout(summary, mbg);
    expect(modified.auc).toBeCloseTo(0.6866, 3);
    expect(modified.auc).toBeGreaterThan(0.65);
  });

  it('needs a holdout', () => {
    const noHoldout = summaryFromColumns({
      unit: 'weeks',
      frequency: summary.frequency,
      recency: summary.recency,
      age: summary.age,
    });
    expect(() => evaluateHoldout(noHoldout, bg)).toThrow(LifetimeModelError);
    expect(() => evaluateHoldout(noHoldout, bg)).toThrow(/no holdout period/);
  });

  it('takes another bucket cut-off', () => {
    const coarse = evaluateHoldout(summary, bg, { maxBucket: 2 });
    expect(coarse.buckets.map((b) => [b.label, b.customers])).toEqual([
      ['0', 1411],
      ['1', 439],
      ['2+', 507],
    ]);
  });
});

describe('rankAuc', () => {
  it('counts ties as one half (Mann–Whitney)', () => {
    expect(rankAuc([0.9, 0.8, 0.3, 0.8], [1, 0, 0, 1])).toBe(0.875);
    expect(rankAuc([1, 1, 1, 1], [1, 0, 1, 0])).toBe(0.5);
    expect(rankAuc([0.1, 0.2, 0.3, 0.4], [0, 0, 1, 1])).toBe(1);
    expect(rankAuc([0.4, 0.3, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(rankAuc([0.1, 0.2], [1, 1])).toBeNaN();
  });

  it('equals the pairwise definition (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean()), { minLength: 2, maxLength: 60 }),
        (rows) => {
          const scores = rows.map(([s]) => s / 5),
            labels = rows.map(([, l]) => (l ? 1 : 0));
          let wins = 0,
            pairs = 0;
          rows.forEach((_, i) =>
            rows.forEach((__, j) => {
              if (labels[i] === 1 && labels[j] === 0) {
                pairs++;
                wins += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
              }
            }),
          );
          const auc = rankAuc(scores, labels);
          if (pairs === 0) expect(auc).toBeNaN();
          else expect(auc).toBeCloseTo(wins / pairs, 12);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('holdoutChartSpec', () => {
  it('is a Vega-Lite grouped bar chart of actual vs predicted by bucket', () => {
    const spec = holdoutChartSpec(evaluation) as { data: { values: unknown[] }; [key: string]: unknown };
    expect(spec.data.values).toHaveLength(16);
    expect(spec.data.values.slice(0, 2)).toEqual([
      { bucket: '0', series: 'Actual', purchases: 0.2367, customers: 1411 },
      { bucket: '0', series: 'Predicted', purchases: 0.2251, customers: 1411 },
    ]);
    expect({ ...spec, data: '…' }).toMatchInlineSnapshot(`
      {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": "…",
        "encoding": {
          "color": {
            "field": "series",
            "sort": [
              "Actual",
              "Predicted",
            ],
            "title": "Series",
            "type": "nominal",
          },
          "tooltip": [
            {
              "field": "bucket",
              "title": "Repeat purchases in calibration",
              "type": "ordinal",
            },
            {
              "field": "series",
              "title": "Series",
              "type": "nominal",
            },
            {
              "field": "purchases",
              "format": ".3f",
              "title": "Mean holdout purchases per customer",
              "type": "quantitative",
            },
            {
              "field": "customers",
              "title": "Customers",
              "type": "quantitative",
            },
          ],
          "x": {
            "axis": {
              "labelAngle": 0,
            },
            "field": "bucket",
            "sort": [
              "0",
              "1",
              "2",
              "3",
              "4",
              "5",
              "6",
              "7+",
            ],
            "title": "Repeat purchases in calibration",
            "type": "ordinal",
          },
          "xOffset": {
            "field": "series",
            "sort": [
              "Actual",
              "Predicted",
            ],
          },
          "y": {
            "field": "purchases",
            "title": "Mean holdout purchases per customer",
            "type": "quantitative",
          },
        },
        "mark": {
          "type": "bar",
        },
        "title": "Repeat purchases in the holdout: actual vs predicted",
      }
    `);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec); // plain JSON
  });

  it('speaks Chinese from the i18n table', () => {
    const spec = holdoutChartSpec(evaluation, { locale: 'zh-CN' }) as {
      title: string;
      data: { values: { series: string }[] };
    };
    expect(spec.title).toBe('验证期购买次数：实际与预测');
    expect(spec.data.values[1]!.series).toBe('预测');
  });
});
