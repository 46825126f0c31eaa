import { addMonths } from '../parse/civil-day.js';
import type { OriginFeatures } from './origin-features.js';

/**
 * The SPEC churn rules the fallback unites (SPEC §5b/§5f), as bits of
 * `ruleChurnBits`. Order counts stand for "historicalFrequency".
 */
export const CHURN_RULES = [
  /** A step 4: no purchase in the last 3 months AND lifetime F ≤ 1. */
  'a-step4',
  /** A Table 5: (no purchase in 3 months AND lifetime F ≤ 3) OR complaints6m ≥ 1. */
  'a-table5',
  /** B RFM: recency > 90 AND frequency6m ≤ 1 AND AOV within ±20% of the mean AOV. */
  'b-rfm',
  /** B churn warning: no purchase in 90 days AND cumulative spend ≥ 2,000. */
  'b-churn-warning',
] as const;
export type ChurnRule = (typeof CHURN_RULES)[number];

/** SPEC thresholds of the four rules (B's "close to the industry mean" = ±20%, SPEC §5a default). */
export const CHURN_RULE_THRESHOLDS = {
  inactiveMonths: 3,
  aStep4MaxOrders: 1,
  aTable5MaxOrders: 3,
  complaints: 1,
  bRecencyDays: 90,
  bMaxOrders6m: 1,
  aovTolerance: 0.2,
  warningSpend: 2000,
} as const;

/**
 * Which rules match each population row of `features` (bit i = CHURN_RULES[i]).
 * Complaints are a snapshot of today: pass them only when scoring as of t.
 * The industry mean AOV of B RFM is the population's mean AOV (SPEC §5a fallback).
 * @example ruleChurnBits(features)[r] & 8 // B churn warning matched
 */
export function ruleChurnBits(features: OriginFeatures, complaints6m?: Float64Array): Uint8Array {
  const t = CHURN_RULE_THRESHOLDS;
  const m = features.population.length;
  const bits = new Uint8Array(m);
  const o = features.originDay;
  const inactiveDays = o - addMonths(o, -t.inactiveMonths);
  const aov = new Float64Array(m);
  let aovSum = 0;
  for (let r = 0; r < m; r++) {
    // SPEC §2: AOV over the 6-month window, whole history when silent for 6 months.
    aov[r] =
      features.orders6m[r]! > 0
        ? features.spend6m[r]! / features.orders6m[r]!
        : features.spend[r]! / features.orders[r]!;
    aovSum += aov[r]!;
  }
  const meanAov = m > 0 ? aovSum / m : Number.NaN;
  for (let r = 0; r < m; r++) {
    const recency = features.recencyDays[r]!,
      orders = features.orders[r]!;
    const inactive = recency > inactiveDays;
    const complained = complaints6m !== undefined && complaints6m[features.population[r]!]! >= t.complaints;
    let b = 0;
    if (inactive && orders <= t.aStep4MaxOrders) b |= 1;
    if ((inactive && orders <= t.aTable5MaxOrders) || complained) b |= 2;
    if (
      recency > t.bRecencyDays &&
      features.orders6m[r]! <= t.bMaxOrders6m &&
      Math.abs(aov[r]! - meanAov) <= t.aovTolerance * meanAov
    )
      b |= 4;
    if (recency > t.bRecencyDays && features.spend[r]! >= t.warningSpend) b |= 8;
    bits[r] = b;
  }
  return bits;
}
