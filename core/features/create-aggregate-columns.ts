import type { AggregateColumns } from './aggregate-orders.js';
import { nanColumn } from './customer-features.js';

/**
 * Empty per-customer output columns for `size` customers: counts and sums
 * start at 0, the columns that can be unknown (recency, AOV, tenure, first
 * and last purchase day) at NaN.
 * @example createAggregateColumns(2).recencyDays // Float64Array [NaN, NaN]
 */
export function createAggregateColumns(size: number): AggregateColumns {
  return {
    recencyDays: nanColumn(size),
    frequency: new Float64Array(size),
    monetary: new Float64Array(size),
    frequency6m: new Float64Array(size),
    amount6m: new Float64Array(size),
    windowFrequency: new Float64Array(size),
    windowMonetary: new Float64Array(size),
    averageOrderValue: nanColumn(size),
    tenureDays: nanColumn(size),
    firstPurchaseDay: nanColumn(size),
    lastPurchaseDay: nanColumn(size),
  };
}
