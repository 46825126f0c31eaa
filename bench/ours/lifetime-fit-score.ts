/**
 * Our side of `lifetime-fit-score-1m`, run as its own process by bench/run.ts:
 *
 *   node dist/bench/ours/lifetime-fit-score.js SUMMARY.f64 CUSTOMERS
 *
 * Loads the four summary columns (not timed; layout in
 * bench/generate-lifetime-summary.ts), then times what a user of the core
 * does with them:
 * - summary: `summaryFromColumns` (copies and checks the columns, ids);
 * - fit: `fitBgNbd` and `fitGammaGamma` (maximum likelihood by BFGS on
 *   log-parameters, then the numerical Hessian for standard errors);
 * - score: `scoreLifetimes` over 12 months at 1% a month: P(alive),
 *   expected purchases over the horizon, expected spend, discrete monthly
 *   CLV, value at risk, reliability guard and churn labels.
 * Prints one JSON line: { seconds, peakMemoryMB, customers, timing, phases,
 * bgnbd, gammaGamma, meanPAlive, totalExpectedPurchases, totalClv }.
 */

import { fitBgNbd, fitGammaGamma, scoreLifetimes, summaryFromColumns } from '../../core/index.js';
import { readLifetimeSummary } from '../generate-lifetime-summary.js';

/** The CLV horizon and discount rate both sides use (lifetimes' defaults). */
const HORIZON_MONTHS = 12;
const MONTHLY_DISCOUNT_RATE = 0.01;

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

function main(argv: readonly string[]): void {
  const [path, countText] = argv;
  if (path === undefined || countText === undefined)
    throw new Error('usage: lifetime-fit-score.js SUMMARY.f64 CUSTOMERS');
  const columns = readLifetimeSummary(path, Number(countText));

  const started = performance.now();
  const summary = summaryFromColumns({
    unit: 'weeks',
    frequency: columns.frequency,
    recency: columns.recency,
    age: columns.age,
    monetaryValue: columns.monetaryValue,
  });
  const summarized = performance.now();
  const bgnbd = fitBgNbd(summary);
  const bgnbdFitted = performance.now();
  const gammaGamma = fitGammaGamma(summary);
  const fitted = performance.now();
  const scores = scoreLifetimes(
    summary,
    { transactions: bgnbd, spend: gammaGamma },
    { horizonMonths: HORIZON_MONTHS, monthlyDiscountRate: MONTHLY_DISCOUNT_RATE },
  );
  const finished = performance.now();

  const fit = (model: typeof bgnbd | typeof gammaGamma, seconds: number) => ({
    params: model.params,
    logLikelihood: model.logLikelihood,
    customers: model.customers,
    uniqueRows: model.uniqueRows,
    method: model.method,
    converged: model.converged,
    iterations: model.iterations,
    evaluations: model.evaluations,
    seconds,
  });
  console.log(
    JSON.stringify({
      seconds: (finished - started) / 1000,
      peakMemoryMB: process.resourceUsage().maxRSS / 1024,
      customers: scores.count,
      timing:
        'summaryFromColumns + fitBgNbd + fitGammaGamma (BFGS, Hessian) + scoreLifetimes (12 months, 1%/month), data loaded before the clock starts',
      phases: {
        summary: (summarized - started) / 1000,
        fit: (fitted - summarized) / 1000,
        score: (finished - fitted) / 1000,
      },
      bgnbd: fit(bgnbd, (bgnbdFitted - summarized) / 1000),
      gammaGamma: fit(gammaGamma, (fitted - bgnbdFitted) / 1000),
      meanPAlive: sum(scores.pAlive) / scores.count,
      totalExpectedPurchases: sum(scores.expectedPurchases),
      totalClv: sum(scores.clv),
      labelSource: scores.labelSource,
    }),
  );
}

main(process.argv.slice(2));
