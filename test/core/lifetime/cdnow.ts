// CDNOW reference data for the lifetime-model tests (../shared/data/cdnow,
// see its README): the raw 1/10th sample and the published calibration summary.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildLifetimeSummary, summaryFromColumns, type LifetimeSummary } from '../../../core/lifetime/index.js';
import { dayFromCivil } from '../../../core/parse/civil-day.js';
import { segmentTable, type SegmentationResult } from '../../../core/segment/create-segmenter.js';

export const CDNOW_DIR = resolve(import.meta.dirname, '../../../../shared/data/cdnow');

/** Calibration weeks 1–39 end on 1997-09-30; the holdout ends on 1998-06-30. */
export const CALIBRATION_END_DAY = dayFromCivil(1997, 9, 30);
export const OBSERVATION_END_DAY = dayFromCivil(1998, 6, 30);

export interface ReferenceRow {
  readonly id: string;
  readonly frequency: number;
  readonly recency: number;
  readonly age: number;
  readonly monetaryValue: number;
  readonly holdoutFrequency: number;
}

/** `cdnow_calibration_summary.csv`: customer_id, frequency, recency_weeks, T_weeks, monetary_value, holdout_frequency. */
export function readReferenceSummary(): ReferenceRow[] {
  const lines = readFileSync(resolve(CDNOW_DIR, 'cdnow_calibration_summary.csv'), 'utf8').trim().split('\n');
  return lines.slice(1).map((line) => {
    const [id, x, tx, T, m, holdout] = line.split(',');
    return {
      id: id!,
      frequency: Number(x),
      recency: Number(tx),
      age: Number(T),
      monetaryValue: Number(m),
      holdoutFrequency: Number(holdout),
    };
  });
}

/** The published summary as a LifetimeSummary in weeks, with the 39-week holdout. */
export function referenceSummary(): LifetimeSummary {
  const rows = readReferenceSummary();
  return summaryFromColumns({
    ids: rows.map((r) => r.id),
    unit: 'weeks',
    frequency: rows.map((r) => r.frequency),
    recency: rows.map((r) => r.recency),
    age: rows.map((r) => r.age),
    monetaryValue: rows.map((r) => r.monetaryValue),
    holdoutFrequency: rows.map((r) => r.holdoutFrequency),
    holdoutLength: 39,
  });
}

/**
 * `CDNOW_sample.txt` as transaction rows for segmentTable: [sample id,
 * YYYYMMDD, dollar value, line number]. Whitespace-separated columns: master
 * id, sample id, date, number of CDs, dollar value.
 */
export function readRawSample(): string[][] {
  return rawSampleFields().map(([sampleId, date, dollars], i) => [
    String(Number(sampleId)),
    date,
    dollars,
    String(i + 1),
  ]);
}

/**
 * The raw sample as an analyst's csv export for the CLI tests: one row per
 * purchase line, `Customer ID` C + the sample id as written (C0001), ISO
 * dates, and the line number as `Order ID` (it keeps the 19 exactly repeated
 * lines the published summary counts; see rawSummary).
 */
export function writeRawSampleCsv(path: string): void {
  const rows = rawSampleFields().map(
    ([sampleId, date, dollars], i) =>
      `C${sampleId},${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)},${dollars},${i + 1}`,
  );
  writeFileSync(path, ['Customer ID,Order date,Amount,Order ID', ...rows].join('\n'));
}

/** [sample id, YYYYMMDD, dollar value] of every line of `CDNOW_sample.txt`. */
function rawSampleFields(): [string, string, string][] {
  const lines = readFileSync(resolve(CDNOW_DIR, 'CDNOW_sample.txt'), 'utf8').trim().split('\n');
  return lines.map((line) => {
    const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
    return [sampleId!, date!, dollars!];
  });
}

/**
 * The calibration summary built from the raw sample through the foundation:
 * segmentTable(..., { keepPurchaseDays: true }) then buildLifetimeSummary.
 *
 * Why an 'Order ID' column (the line number) next to the brief's
 * ['Customer ID', 'Order date', 'Amount']: the raw file has 19 lines that
 * repeat another line exactly (same customer, day, CDs and dollars, e.g.
 * customer 147's two 9.77 purchases on 1997-07-31). CDNOW counts them as
 * separate orders (its published monetary value for 147, 29.8625, needs both)
 * but the foundation drops exact duplicate lines, which would change the
 * monetary value of 4 customers. A line number as order id makes the lines
 * distinct without touching frequency: purchases still count distinct days
 * (frequencyBy 'day'). The as-of date defaults to the day after the newest
 * purchase (1998-07-01), so every holdout day is kept.
 */
export function rawSummary(): { summary: LifetimeSummary; segmentation: SegmentationResult } {
  const segmentation = segmentTable(
    ['Customer ID', 'Order date', 'Amount', 'Order ID'],
    readRawSample(),
    {},
    { keepPurchaseDays: true },
  );
  const summary = buildLifetimeSummary(segmentation.features.purchaseDays!, segmentation.features.ids, {
    calibrationEndDay: CALIBRATION_END_DAY,
    observationEndDay: OBSERVATION_END_DAY,
    unit: 'weeks',
  });
  return { summary, segmentation };
}
