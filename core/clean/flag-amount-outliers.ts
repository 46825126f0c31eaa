import type { CustomerFeatures } from '../features/customer-features.js';
import type { IssueLog } from '../report/issue-log.js';

/** Linear-interpolated quantile of sorted values (numpy's default). */
export function quantileSorted(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * SPEC §3 amount-outlier: flags customers whose spend is above Q3 + 3 × IQR,
 * so an abnormal spender is not mistaken for high value. Flags only; values
 * are kept. Returns the fence.
 */
export function flagAmountOutliers(features: CustomerFeatures, log: IssueLog, column: string): number {
  const values = features.monetary.filter((v) => !Number.isNaN(v)).sort();
  if (values.length < 4) return Number.NaN;
  const q1 = quantileSorted(values, 0.25),
    q3 = quantileSorted(values, 0.75);
  const fence = q3 + 3 * (q3 - q1);
  if (!(fence > 0)) return fence;
  for (let c = 0; c < features.count; c++) {
    const m = features.monetary[c]!;
    if (m > fence) {
      const row = features.firstRow[c]!;
      log.add({
        code: 'amount-outlier',
        row,
        column,
        value: money.format(m),
        message: `Customer ${features.ids[c]}: spend ${money.format(m)} is above Q3 + 3×IQR (${money.format(fence)}); kept, please verify before treating as high value.`,
      });
    }
  }
  return fence;
}
