/** The 8 classic Chinese RFM classes (SPEC §5a `rfm8`), keyed by R, F, M high (1) / low (0). */
export const RFM8_SEGMENTS = [
  'important-value',
  'important-development',
  'important-retention',
  'important-win-back',
  'general-value',
  'general-development',
  'general-retention',
  'general-win-back',
] as const;
export type Rfm8Segment = (typeof RFM8_SEGMENTS)[number];

const TABLE: Readonly<Record<string, Rfm8Segment>> = {
  '111': 'important-value',
  '101': 'important-development',
  '011': 'important-retention',
  '001': 'important-win-back',
  '110': 'general-value',
  '100': 'general-development',
  '010': 'general-retention',
  '000': 'general-win-back',
};

/**
 * The rfm8 class: R is high when recency ≤ the mean (more recent), F and M
 * when ≥ the mean; ties count as high (SPEC §5a).
 * @example classifyRfm8(true, false, true) === 'important-development'
 */
export function classifyRfm8(rHigh: boolean, fHigh: boolean, mHigh: boolean): Rfm8Segment {
  return TABLE[`${rHigh ? 1 : 0}${fHigh ? 1 : 0}${mHigh ? 1 : 0}`]!;
}
