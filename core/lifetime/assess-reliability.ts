import { z } from 'zod';
import { label, type Message } from '../i18n/labels.js';
import { parseOptions } from '../util/parse-options.js';
import { DAYS_PER_UNIT, type LifetimeSummary } from './build-summary.js';
import type { ParameterFit } from './fit-model.js';

/** Options of the minimum-data guard; every default lives here (issue 7). */
export const reliabilityOptionsSchema = z
  .object({
    /** Fewer repeat buyers (x > 0) than this and the parameters are too uncertain to act on. */
    minRepeatBuyers: z.number().int().nonnegative().default(500),
    /** The calibration window must span this many median inter-purchase times. */
    minCycles: z.number().nonnegative().default(3),
  })
  .strict();

export type ReliabilityOptions = z.input<typeof reliabilityOptionsSchema>;

export type ReliabilityCode = 'few-repeat-buyers' | 'short-window' | 'not-converged' | 'no-standard-errors';

export interface ReliabilityReason {
  readonly code: ReliabilityCode;
  readonly message: string;
  readonly text: Message;
}

/** A reason whose text comes from the catalogue (`model.reliability.*`), its English in `message`. */
function reason(code: ReliabilityCode, params?: Message['params']): ReliabilityReason {
  const text: Message = { key: `model.reliability.${code}`, ...(params ? { params } : {}) };
  return { code, message: label(text.key, 'en', text.params), text };
}

export interface Reliability {
  readonly reliable: boolean;
  /** Why not, one entry per failed check (empty when reliable): `message` in English for logs, `text` for faces (any locale). */
  readonly reasons: readonly ReliabilityReason[];
  readonly repeatBuyers: number;
  /** Calibration end − earliest first purchase, in days. */
  readonly windowDays: number;
  /** Median over repeat buyers of their mean gap t_x / x, in days (NaN without repeat buyers). */
  readonly medianInterPurchaseDays: number;
}

/**
 * The minimum-data guard: a model fitted on fewer than ~500 repeat buyers,
 * or on a calibration window shorter than ~3 purchase cycles, or whose fit
 * did not converge or has no standard errors, is flagged unreliable so churn
 * labels fall back to the SPEC rule, visibly.
 * @throws OptionsError for invalid options.
 * @example assessReliability(cdnowSummary).reliable === true // 946 repeat buyers, 272-day window
 */
export function assessReliability(
  summary: LifetimeSummary,
  fits: readonly ParameterFit<string>[] = [],
  optionsInput: ReliabilityOptions = {},
): Reliability {
  const options = parseOptions(reliabilityOptionsSchema, optionsInput);
  const perUnit = DAYS_PER_UNIT[summary.unit];
  let repeatBuyers = 0;
  let maxAge = 0;
  const gaps: number[] = [];
  for (let i = 0; i < summary.count; i++) {
    const x = summary.frequency[i]!;
    if (summary.age[i]! > maxAge) maxAge = summary.age[i]!;
    if (x > 0) {
      repeatBuyers++;
      gaps.push((summary.recency[i]! / x) * perUnit);
    }
  }
  const windowDays = maxAge * perUnit;
  const medianInterPurchaseDays = median(gaps);
  const reasons: ReliabilityReason[] = [];
  if (repeatBuyers < options.minRepeatBuyers)
    reasons.push(reason('few-repeat-buyers', { repeat: repeatBuyers, min: options.minRepeatBuyers }));
  if (!(windowDays >= options.minCycles * medianInterPurchaseDays)) {
    const median: Message = Number.isFinite(medianInterPurchaseDays)
      ? { key: 'model.reliability.median-days', params: { days: round(medianInterPurchaseDays) } }
      : { key: 'model.reliability.median-unknown' };
    reasons.push(reason('short-window', { days: round(windowDays), cycles: options.minCycles, median }));
  }
  if (fits.some((fit) => !fit.converged)) reasons.push(reason('not-converged'));
  if (fits.some((fit) => !fit.logCovariance)) reasons.push(reason('no-standard-errors'));
  return { reliable: reasons.length === 0, reasons, repeatBuyers, windowDays, medianInterPurchaseDays };
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (value: number): string => (Math.round(value * 10) / 10).toString();
