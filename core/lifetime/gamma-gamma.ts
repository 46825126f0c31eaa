import type { ObjectiveWithGradient } from '../optimize/objective.js';
import { parseOptions } from '../util/parse-options.js';
import { fitOptionsSchema, maximizeLikelihood, type FitOptions, type ParameterFit } from './fit-model.js';
import { LifetimeModelError } from './lifetime-error.js';
import { digamma, logGamma } from './special-functions.js';
import { uniqueRows, type UniqueRows } from './unique-rows.js';

export const GAMMA_GAMMA_PARAMETERS = ['p', 'q', 'v'] as const;
export type GammaGammaParameter = (typeof GAMMA_GAMMA_PARAMETERS)[number];
/** p: shape of a transaction's value; q, v: gamma heterogeneity of its scale across customers. */
export type GammaGammaParams = Readonly<Record<GammaGammaParameter, number>>;

export interface FittedGammaGamma extends ParameterFit<GammaGammaParameter> {
  readonly model: 'gamma-gamma';
  /** Customers left out of the fit: no repeat purchase, or a repeat spend ≤ 0. */
  readonly excluded: number;
}

/** The columns the spend model reads; a LifetimeSummary is one. */
export interface RepeatSpendData {
  readonly frequency: ArrayLike<number>;
  readonly monetaryValue: ArrayLike<number>;
}

/**
 * Fits the Gamma-Gamma spend model (Fader & Hardie, "The Gamma-Gamma Model of
 * Monetary Value", 2013; Colombo & Jiang 1999) on the customers with x > 0
 * and a positive mean repeat spend m; the others are left out and counted.
 * The model assumes spend is independent of the purchase process.
 * @throws OptionsError; LifetimeModelError `invalid-summary` (lengths, non-finite values), `no-repeat-spend`, `identical-customers`, `undefined-expectation` (fitted q ≤ 1).
 * @example fitGammaGamma(cdnowSummary).params // ≈ { p: 6.25, q: 3.74, v: 15.44 }
 */
export function fitGammaGamma(data: RepeatSpendData, optionsInput: FitOptions = {}): FittedGammaGamma {
  const options = parseOptions(fitOptionsSchema, optionsInput);
  const n = data.frequency.length;
  if (data.monetaryValue.length !== n)
    throw new LifetimeModelError('invalid-summary', { key: 'error.lifetime.spend-lengths' });
  const xs: number[] = [],
    ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = data.frequency[i]!,
      m = data.monetaryValue[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(m))
      throw new LifetimeModelError(
        'invalid-summary',
        { key: 'error.lifetime.spend-not-finite', params: { index: i } },
        [i],
      );
    if (x > 0 && m > 0) {
      xs.push(x);
      ms.push(m);
    }
  }
  if (xs.length === 0) {
    throw new LifetimeModelError('no-repeat-spend', { key: 'error.lifetime.no-repeat-spend', params: { count: n } });
  }
  const rows = uniqueRows([xs, ms]);
  if (rows.count === 1)
    throw new LifetimeModelError('identical-customers', {
      key: 'error.lifetime.identical-spenders',
      params: { count: xs.length },
    });
  const fit = maximizeLikelihood(
    gammaGammaObjective(rows),
    GAMMA_GAMMA_PARAMETERS,
    startingValues(rows),
    rows.totalWeight,
    rows.count,
    options,
  );
  if (!(fit.params.q > 1)) {
    throw new LifetimeModelError('undefined-expectation', {
      key: 'error.lifetime.undefined-expectation',
      params: { q: fit.params.q.toPrecision(4) },
    });
  }
  return { model: 'gamma-gamma', ...fit, excluded: n - xs.length };
}

/**
 * E[mean transaction value | x, m] = (q−1)/(px+q−1) · pv/(q−1) + px/(px+q−1) · m
 * = p(v + x m)/(p x + q − 1): a weighted mean of the population mean pv/(q−1)
 * and the customer's own mean m (Fader & Hardie 2013, eq. 5). x = 0 gives the
 * population mean.
 * @example gammaGammaExpectedValue({ p: 6.25, q: 3.74, v: 15.44 }, 2, 22.345) // ≈ 24.66
 */
export function gammaGammaExpectedValue(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, v } = params;
  return x > 0 ? (p * (v + x * m)) / (p * x + q - 1) : (p * v) / (q - 1);
}

/**
 * Mean negative log-likelihood of the Gamma-Gamma model over weighted unique
 * (x, m) rows, with its gradient in log(p, q, v). Per customer:
 * log Γ(px+q) − log Γ(px) − log Γ(q) + q log v + (px−1) log m + px log x − (px+q) log(v + x m).
 */
function gammaGammaObjective(rows: UniqueRows): ObjectiveWithGradient {
  const [xs, ms] = rows.columns as [Float64Array, Float64Array];
  const { weight, xIndex, distinctX, xWeight, totalWeight: total } = rows;
  const n = rows.count,
    k = distinctX.length;
  const logM = Float64Array.from(ms, Math.log);
  const logX = Float64Array.from(xs, Math.log);
  let sumLogM = 0;
  for (let i = 0; i < n; i++) sumLogM += weight[i]! * logM[i]!;
  // ψ(px+q) − ψ(px) per distinct x, refreshed per evaluation.
  const psiSum = new Float64Array(k),
    psiPx = new Float64Array(k);
  return (theta, gradient) => {
    const p = Math.exp(theta[0]!),
      q = Math.exp(theta[1]!),
      v = Math.exp(theta[2]!);
    const logV = Math.log(v),
      lgQ = logGamma(q),
      psiQ = digamma(q);
    let ll = -sumLogM + total * (q * logV - lgQ);
    let dq = total * (logV - psiQ),
      dp = 0,
      dv = (total * q) / v;
    for (let j = 0; j < k; j++) {
      const px = p * distinctX[j]!;
      ll += xWeight[j]! * (logGamma(px + q) - logGamma(px));
      psiSum[j] = digamma(px + q);
      psiPx[j] = digamma(px);
      dq += xWeight[j]! * psiSum[j]!;
    }
    for (let i = 0; i < n; i++) {
      const x = xs[i]!,
        w = weight[i]!,
        j = xIndex[i]!;
      const px = p * x;
      const vxm = v + x * ms[i]!;
      const logVxm = Math.log(vxm);
      ll += w * (px * (logM[i]! + logX[i]!) - (px + q) * logVxm);
      dp += w * x * (psiSum[j]! - psiPx[j]! + logM[i]! + logX[i]! - logVxm);
      dq -= w * logVxm;
      dv -= (w * (px + q)) / vxm;
    }
    gradient[0] = (-p * dp) / total;
    gradient[1] = (-q * dq) / total;
    gradient[2] = (-v * dv) / total;
    return -ll / total;
  };
}

/** p = 1, q = 2 and v = mean m, so the start has the data's scale (E[value] = pv/(q−1) = mean m). */
function startingValues(rows: UniqueRows): GammaGammaParams {
  const ms = rows.columns[1]!;
  let sum = 0;
  for (let u = 0; u < rows.count; u++) sum += rows.weight[u]! * ms[u]!;
  return { p: 1, q: 2, v: sum / rows.totalWeight };
}
