import type { CustomerFeatures } from './customer-features.js';

/** SPEC §5f lifecycle stages, checked in this order. */
export const LIFECYCLE_STAGES = ['new', 'active', 'silent', 'lapsed'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/**
 * Lifecycle stage per customer (index into LIFECYCLE_STAGES, 255 unknown):
 * new = first purchase ≤ 90 days ago; active = R ≤ 90; silent = 90 < R ≤ 180;
 * lapsed = R > 180 (SPEC §5f defaults).
 */
export function assignLifecycle(features: CustomerFeatures): Uint8Array {
  const stages = new Uint8Array(features.count).fill(255);
  for (let c = 0; c < features.count; c++) {
    const r = features.recencyDays[c]!,
      tenure = features.tenureDays[c]!;
    if (tenure <= 90) stages[c] = 0;
    else if (r <= 90) stages[c] = 1;
    else if (r <= 180) stages[c] = 2;
    else if (r > 180) stages[c] = 3;
  }
  return stages;
}
