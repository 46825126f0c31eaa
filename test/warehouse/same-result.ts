// Compares two segmentation runs of the same data (Node path vs an SQL
// engine): the shared assertion of the warehouse equality tests.
import { expect } from 'vitest';
import type { SegmentationResult } from '../../core/index.js';

const COUNT_COLUMNS = ['recencyDays', 'frequency', 'frequency6m', 'tenureDays', 'firstPurchaseDay', 'lastPurchaseDay'];
const MONEY_COLUMNS = ['monetary', 'amount6m', 'windowMonetary', 'averageOrderValue'];

/** Money sums may differ in the last bits when an engine adds in another order: 1e-9 relative. */
function closeEnough(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}

/** Every customer's features, segment, tags, churn decision and score, and the cleaning counts agree. */
export function expectSameResult(node: SegmentationResult, sql: SegmentationResult): void {
  expect(sql.asOf).toBe(node.asOf);
  expect([...sql.features.ids]).toEqual([...node.features.ids]);
  expect([...sql.features.firstRow]).toEqual([...node.features.firstRow]);
  const f = node.features as unknown as Record<string, Float64Array>;
  const g = sql.features as unknown as Record<string, Float64Array>;
  for (const column of COUNT_COLUMNS) expect([...g[column]!], column).toEqual([...f[column]!]);
  for (const column of MONEY_COLUMNS) {
    const off = [...f[column]!].findIndex((v, i) => !closeEnough(v, g[column]![i]!));
    expect(off, `${column}: first customer that differs`).toBe(-1);
  }
  expect(sql.features.attributes).toEqual(node.features.attributes);
  expect(sql.features.leftOut ?? []).toEqual(node.features.leftOut ?? []);
  expect([...(sql.features.purchaseDays?.offsets ?? [])]).toEqual([...(node.features.purchaseDays?.offsets ?? [])]);
  expect([...(sql.features.purchaseDays?.days ?? [])]).toEqual([...(node.features.purchaseDays?.days ?? [])]);
  expect([...sql.scheme.segment]).toEqual([...node.scheme.segment]);
  expect([...sql.churn.atRisk]).toEqual([...node.churn.atRisk]);
  const p = [...node.churn.probability].findIndex((v, i) => !closeEnough(v, sql.churn.probability[i]!));
  expect(p, 'churn probability: first customer that differs').toBe(-1);
  expect(sql.churn.model).toBe(node.churn.model);
  expect(sql.currency).toEqual(node.currency);
  expect(sql.report.counts).toEqual(node.report.counts);
}
