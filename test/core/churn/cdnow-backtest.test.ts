// The back-test on CDNOW's 1/10th sample (2,357 customers, 1997-01-01 …
// 1998-06-30; see ../shared/data/cdnow/README.md): every order line is an
// event, t = 1998-07-01 (the day after the last purchase), H = 90 days.
import { expect, test } from 'vitest';
import { predictChurn } from '../../../core/churn/index.js';
import { dayFromCivil } from '../../../core/parse/civil-day.js';
import { readRawSample } from '../lifetime/cdnow.js';

function cdnowEvents() {
  const rows = readRawSample(); // [sample id, YYYYMMDD, dollars, line]
  const day = Int32Array.from(rows, (r) =>
    dayFromCivil(Number(r[1]!.slice(0, 4)), Number(r[1]!.slice(4, 6)), Number(r[1]!.slice(6, 8))),
  );
  return {
    customer: Int32Array.from(rows, (r) => Number(r[0]) - 1),
    day,
    value: Float64Array.from(rows, (r) => Number(r[2])),
    customers: 2357,
    asOfDay: dayFromCivil(1998, 7, 1),
  };
}

const result = predictChurn(cdnowEvents());
const figures = result.candidates
  .map(
    (c) =>
      `${c.name}: AUC ${c.auc.toFixed(3)}, p@20 ${c.precisionAt20.toFixed(2)}, base ${c.baseRate.toFixed(3)}, ${c.status}`,
  )
  .join('; ');

test(`CDNOW back-test picks a model with AUC ≥ 0.7 (selected ${result.selected}; ${figures})`, () => {
  expect(result.fallback).toBe(false);
  const winner = result.candidates.find((c) => c.name === result.selected)!;
  expect(winner.status).toBe('ok');
  expect(winner.auc).toBeGreaterThanOrEqual(0.7);
  // Most of the cohort is long gone by mid-1998: the base rate is high but not everyone.
  expect(winner.baseRate).toBeGreaterThan(0.7);
  expect(winner.baseRate).toBeLessThan(0.98);
  for (const c of result.candidates) if (c.status === 'ok') expect(c.auc).toBeGreaterThan(0.5);
  expect(result.churnProbability.every((p) => p >= 0 && p <= 1)).toBe(true);
});
