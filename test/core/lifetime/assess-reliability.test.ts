import { describe, expect, it } from 'vitest';
import { assessReliability, fitBgNbd, summaryFromColumns } from '../../../core/lifetime/index.js';
import { referenceSummary } from './cdnow.js';

describe('assessReliability (minimum-data guard)', () => {
  it('passes CDNOW: 946 repeat buyers, a 272-day window, ~7 weeks between purchases', () => {
    const summary = referenceSummary();
    const result = assessReliability(summary, [fitBgNbd(summary)]);
    expect(result.reliable).toBe(true);
    expect(result.reasons).toEqual([]);
    expect(result.repeatBuyers).toBe(946);
    expect(result.windowDays).toBeCloseTo(272, 4); // 38.857143 weeks × 7, written to 6 dp
    expect(result.medianInterPurchaseDays).toBeGreaterThan(20);
    expect(result.medianInterPurchaseDays).toBeLessThan(90);
  });

  it('flags too few repeat buyers and a window shorter than three purchase cycles', () => {
    // 3 repeat buyers buying every ~30 days, observed for 60 days at most.
    const summary = summaryFromColumns({
      unit: 'days',
      frequency: [1, 2, 1, 0],
      recency: [30, 60, 25, 0],
      age: [60, 60, 50, 40],
    });
    const result = assessReliability(summary);
    expect(result.reliable).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual(['few-repeat-buyers', 'short-window']);
    expect(result.reasons[1]!.message).toMatchInlineSnapshot(
      `"The calibration window (60 days) is shorter than 3 purchase cycles (median time between purchases: 30 days)."`,
    );
    expect(assessReliability(summary, [], { minRepeatBuyers: 3, minCycles: 2 }).reliable).toBe(true);
  });

  it('flags fits that did not converge or have no standard errors', () => {
    const summary = referenceSummary();
    const fit = fitBgNbd(summary);
    const codes = assessReliability(summary, [{ ...fit, converged: false, logCovariance: undefined }]).reasons.map(
      (r) => r.code,
    );
    expect(codes).toEqual(['not-converged', 'no-standard-errors']);
  });
});
