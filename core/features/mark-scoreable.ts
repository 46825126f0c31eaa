import type { CustomerFeatures } from './customer-features.js';

/**
 * Which customers a scheme can score (SPEC §5a): 1 for a customer with
 * recency, frequency and spend over the window, 0 for the others, which
 * stay 'unclassified'.
 * @example markScoreable(features)[c] // 0 when customer c has no purchase in the window
 */
export function markScoreable(features: CustomerFeatures): Uint8Array {
  const n = features.count;
  const scoreable = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    scoreable[c] =
      Number.isNaN(features.recencyDays[c]!) ||
      Number.isNaN(features.windowFrequency[c]!) ||
      Number.isNaN(features.windowMonetary[c]!)
        ? 0
        : 1;
  }
  return scoreable;
}

/**
 * A copy of `values` with NaN for each customer `scoreable` marks 0, so
 * ranks and means count scoreable customers only.
 * @example maskUnscoreable(Float64Array.of(3, 4), Uint8Array.of(1, 0)) // [3, NaN]
 */
export function maskUnscoreable(values: Float64Array, scoreable: Uint8Array): Float64Array {
  const n = scoreable.length;
  const out = new Float64Array(n);
  for (let c = 0; c < n; c++) out[c] = scoreable[c] ? values[c]! : Number.NaN;
  return out;
}
