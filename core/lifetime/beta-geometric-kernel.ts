import type { ObjectiveWithGradient } from '../optimize/objective.js';
import { digamma, logGamma } from './special-functions.js';
import { uniqueIndex, type UniqueRows } from './unique-rows.js';

/**
 * Mean negative log-likelihood of the BG/NBD (Fader, Hardie & Lee 2005,
 * eq. 6) or MBG/NBD (Batislam, Denizel & Filiztekin 2007) model over weighted
 * unique (x, t_x, T) rows, and its analytic gradient, with respect to the
 * log-parameters θ = log(r, α, a, b).
 *
 * Per customer, with A₁ = log Γ(r+x) − log Γ(r) + r log α and
 *   BG:  A₂ = log B(a, b+x) − log B(a, b),     A₄ = log a − log(b+x−1) − (r+x) log(α+t_x)   (x > 0 only)
 *   MBG: A₂ = log B(a, b+x+1) − log B(a, b),   A₄ = log a − log(b+x)   − (r+x) log(α+t_x)   (every x)
 *   A₃ = −(r+x) log(α+T),
 * LL = A₁ + A₂ + log(e^A₃ + e^A₄) (log-sum-exp, so large x and T never overflow).
 *
 * The terms that depend on x only (log-gamma, digamma) are computed once per
 * distinct x, and log(α + t), 1/(α + t) once per distinct time value (whole
 * days give a few hundred); the per-row loop is one exp and one log1p over
 * typed columns, and allocates nothing.
 * @example bfgs(betaGeometricObjective(uniqueRows([x, tx, T]), false), [0, 0, 0, 0]) // mean −LL and its gradient in log(r, α, a, b)
 */
export function betaGeometricObjective(rows: UniqueRows, modified: boolean): ObjectiveWithGradient {
  const [xs, txs, ts] = rows.columns as [Float64Array, Float64Array, Float64Array];
  const weight = rows.weight;
  const xIndex = rows.xIndex;
  const distinctX = rows.distinctX;
  const xWeight = rows.xWeight;
  const m = distinctX.length;
  const n = rows.count;
  const total = rows.totalWeight;
  // Per distinct x: the constant of A₄ and the weighted sum of P(A₄ branch).
  const c4 = new Float64Array(m);
  const branch = new Float64Array(m);
  const shift = modified ? 1 : 0;
  // Distinct time values (T and t_x together) and each row's index into them.
  const times = new Float64Array(2 * n);
  times.set(ts, 0);
  times.set(txs, n);
  // Continuous times barely repeat: then every row keeps its own entries and
  // the table pass is a sequential log over the two columns.
  const timeIndex = uniqueIndex([times], Math.max(1024, n / 4));
  const tIndex = timeIndex ? timeIndex.rowOf.subarray(0, n) : Int32Array.from({ length: n }, (_, i) => i);
  const txIndex = timeIndex ? timeIndex.rowOf.subarray(n) : Int32Array.from({ length: n }, (_, i) => n + i);
  const distinctTimes = timeIndex ? Float64Array.from(timeIndex.firstRow, (i) => times[i]!) : times;
  const logTime = new Float64Array(distinctTimes.length),
    invTime = new Float64Array(distinctTimes.length);

  return (theta, gradient) => {
    const r = Math.exp(theta[0]!),
      alpha = Math.exp(theta[1]!),
      a = Math.exp(theta[2]!),
      b = Math.exp(theta[3]!);
    const logA = Math.log(a),
      logAlpha = Math.log(alpha);
    const lgR = logGamma(r),
      lgB = logGamma(b),
      lgAB = logGamma(a + b);
    const psiR = digamma(r),
      psiB = digamma(b),
      psiAB = digamma(a + b);
    let ll = total * r * logAlpha;
    let dr = total * logAlpha,
      dAlpha = (total * r) / alpha,
      da = 0,
      db = 0;
    for (let k = 0; k < m; k++) {
      const x = distinctX[k]!,
        w = xWeight[k]!;
      const xs1 = x + shift;
      ll += w * (logGamma(r + x) - lgR + lgAB + logGamma(b + xs1) - lgB - logGamma(a + b + xs1));
      const psiABX = digamma(a + b + xs1);
      dr += w * (digamma(r + x) - psiR);
      da += w * (psiAB - psiABX);
      db += w * (psiAB + digamma(b + xs1) - psiB - psiABX);
      c4[k] = modified || x > 0 ? logA - Math.log(b + x - 1 + shift) : Number.NaN;
      branch[k] = 0;
    }
    for (let j = 0; j < distinctTimes.length; j++) {
      const v = alpha + distinctTimes[j]!;
      logTime[j] = Math.log(v);
      invTime[j] = 1 / v;
    }
    for (let i = 0; i < n; i++) {
      const x = xs[i]!,
        w = weight[i]!,
        rx = r + x;
      const ti = tIndex[i]!;
      const logAT = logTime[ti]!;
      const a3 = -rx * logAT;
      if (!modified && x === 0) {
        ll += w * a3;
        dr -= w * logAT;
        dAlpha -= w * rx * invTime[ti]!;
        continue;
      }
      const k = xIndex[i]!;
      const txi = txIndex[i]!;
      const logATx = logTime[txi]!;
      const a4 = c4[k]! - rx * logATx;
      const d = a4 - a3;
      let p4: number;
      if (d > 0) {
        const e = Math.exp(-d);
        ll += w * (a4 + Math.log1p(e));
        p4 = 1 / (1 + e);
      } else {
        const e = Math.exp(d);
        ll += w * (a3 + Math.log1p(e));
        p4 = e / (1 + e);
      }
      const p3 = 1 - p4;
      dr -= w * (p3 * logAT + p4 * logATx);
      dAlpha -= w * rx * (p3 * invTime[ti]! + p4 * invTime[txi]!);
      branch[k]! += w * p4;
    }
    for (let k = 0; k < m; k++) {
      const p4 = branch[k]!;
      if (p4 === 0) continue;
      da += p4 / a;
      db -= p4 / (b + distinctX[k]! - 1 + shift);
    }
    // d/dθ = p · d/dp; the objective is −LL / total.
    gradient[0] = (-r * dr) / total;
    gradient[1] = (-alpha * dAlpha) / total;
    gradient[2] = (-a * da) / total;
    gradient[3] = (-b * db) / total;
    return -ll / total;
  };
}
