import type { CustomerFeatures } from '../features/customer-features.js';
import { classifyRfm8, RFM8_SEGMENTS } from '../rfm/rfm8-classes.js';
import { segmentOfCode } from '../rfm/rfm-segments.js';
import type { SchemeResult } from '../segment/apply-scheme.js';

/** One RFM value: an `rfm` code ('555') or an `rfm8` class code ('HLH'). */
export interface RfmCodeCell {
  readonly code: string;
  /** The segment the code maps to. */
  readonly segment: string;
  readonly count: number;
  /** Share of the scored customers. */
  readonly share: number;
  readonly revenue: number;
}

/**
 * The RFM distribution matrix (SPEC §9, source C: counts by RFM value).
 * Unscored customers are counted apart; shares are of scored customers.
 */
export interface RfmMatrix {
  readonly scheme: 'rfm' | 'rfm8';
  /** Score levels on each axis, best first: rfm 5…1; rfm8 2 (high), 1 (low). */
  readonly levels: readonly number[];
  /** Customers by R score (rows, in `levels` order) × F score (columns, in `levels` order). */
  readonly rf: readonly (readonly number[])[];
  readonly rfShares: readonly (readonly number[])[];
  /** Every code, in a fixed order: rfm all 125 codes from 555 down to 111; rfm8 the 8 classes in SPEC §5a order. */
  readonly codes: readonly RfmCodeCell[];
  readonly scored: number;
  readonly unscored: number;
}

const HL = (score: number): string => (score === 2 ? 'H' : 'L');

/**
 * Counts customers by R × F score and by RFM code (rfm) or class (rfm8), in
 * one columnar pass. Returns undefined for a scheme without R/F/M scores.
 * @example rfmMatrix(result.features, result.scheme)?.rf[0][0] // customers scoring R 5, F 5
 */
export function rfmMatrix(features: CustomerFeatures, scheme: SchemeResult): RfmMatrix | undefined {
  if (scheme.scheme !== 'rfm' && scheme.scheme !== 'rfm8') return undefined;
  const top = scheme.scheme === 'rfm' ? 5 : 2;
  const levels = Array.from({ length: top }, (_, i) => top - i);
  // Cells keyed by the three scores in base 6: (r * 6 + f) * 6 + m, scores 1..top.
  const counts = new Float64Array(216),
    revenue = new Float64Array(216);
  let scored = 0;
  for (let c = 0; c < features.count; c++) {
    const r = scheme.r[c]!,
      f = scheme.f[c]!,
      m = scheme.m[c]!;
    if (r === 0 || f === 0 || m === 0) continue;
    const cell = (r * 6 + f) * 6 + m;
    counts[cell]!++;
    const money = features.monetary[c]!;
    if (!Number.isNaN(money)) revenue[cell]! += money;
    scored++;
  }
  const share = (x: number): number => (scored > 0 ? x / scored : 0);
  const rf = levels.map((r) => levels.map((f) => levels.reduce((sum, m) => sum + counts[(r * 6 + f) * 6 + m]!, 0)));
  const codes: RfmCodeCell[] = [];
  if (scheme.scheme === 'rfm') {
    for (const r of levels)
      for (const f of levels)
        for (const m of levels) {
          const cell = (r * 6 + f) * 6 + m;
          codes.push({
            code: `${r}${f}${m}`,
            segment: segmentOfCode(r, f, m) ?? 'unclassified',
            count: counts[cell]!,
            share: share(counts[cell]!),
            revenue: revenue[cell]!,
          });
        }
  } else {
    // rfm8 classes in SPEC §5a order; a class's code is its R, F, M high/low.
    const byClass = new Map<string, RfmCodeCell>();
    for (const r of levels)
      for (const f of levels)
        for (const m of levels) {
          const cell = (r * 6 + f) * 6 + m;
          const segment = classifyRfm8(r === 2, f === 2, m === 2);
          byClass.set(segment, {
            code: `${HL(r)}${HL(f)}${HL(m)}`,
            segment,
            count: counts[cell]!,
            share: share(counts[cell]!),
            revenue: revenue[cell]!,
          });
        }
    for (const segment of RFM8_SEGMENTS) codes.push(byClass.get(segment)!);
  }
  return {
    scheme: scheme.scheme,
    levels,
    rf,
    rfShares: rf.map((row) => row.map(share)),
    codes,
    scored,
    unscored: features.count - scored,
  };
}
