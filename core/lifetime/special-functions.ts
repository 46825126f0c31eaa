/**
 * Special functions of the buy-till-you-die models, written once: log-gamma,
 * digamma, log-beta and the Gauss hypergeometric series. Everything the
 * likelihoods need is computed in logs so frequencies in the thousands and
 * ages in days never overflow.
 */

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
const EULER_GAMMA = 0.5772156649015329;

/**
 * Stirling's series coefficients B_2k / (2k (2k − 1)), k = 1..8: at x ≥ 10 the
 * first omitted term is below 3e-18, so the series alone is good to 1e-16.
 */
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400];

/**
 * ζ(k) for k = 2..40, for the Taylor series of log Γ(1 + ε) near the roots of
 * log Γ at 1 and 2 (where a relative error needs a series that starts at ε).
 * Euler–Maclaurin with N = 40 terms and 4 corrections: error < 1e-18.
 */
const ZETA = ((): Float64Array => {
  const out = new Float64Array(41);
  const n = 40;
  for (let k = 2; k <= 40; k++) {
    let sum = 0;
    for (let j = 1; j < n; j++) sum += Math.pow(j, -k);
    const nk = Math.pow(n, -k);
    // Σ_{j≥N} j^−k ≈ N^{1−k}/(k−1) + N^−k/2 + Σ B_2i/(2i)! (k)_{2i−1} N^{−k−2i+1}
    sum +=
      (n * nk) / (k - 1) +
      nk / 2 +
      ((k / 12) * nk) / n -
      (((k * (k + 1) * (k + 2)) / 720) * nk) / n ** 3 +
      (((k * (k + 1) * (k + 2) * (k + 3) * (k + 4)) / 30240) * nk) / n ** 5 -
      (((k * (k + 1) * (k + 2) * (k + 3) * (k + 4) * (k + 5) * (k + 6)) / 1209600) * nk) / n ** 7;
    out[k] = sum;
  }
  return out;
})();

/** log Γ(1 + ε) for |ε| ≤ 0.25 by −γε + Σ (−ε)^k ζ(k)/k (relative accuracy 1e-16). */
function logGammaOnePlus(eps: number): number {
  let sum = 0;
  let power = -eps;
  for (let k = 2; k <= 40; k++) {
    power *= -eps;
    const term = (ZETA[k]! * power) / k;
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return -EULER_GAMMA * eps + sum;
}

/**
 * Natural log of the gamma function for x > 0: Stirling's series at x ≥ 10,
 * the recurrence Γ(x) = Γ(x + n) / (x(x+1)…(x+n−1)) below, and a Taylor series
 * around the roots 1 and 2. Relative accuracy 1e-13 or better on (0, ∞).
 * @returns NaN for x ≤ 0 or NaN (the models never need Γ of non-positive values).
 * @example Math.abs(logGamma(10) - Math.log(362880)) < 1e-13
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Infinity : Number.NaN;
  if (x >= 10) return stirling(x);
  if (Math.abs(x - 1) <= 0.25) return logGammaOnePlus(x - 1);
  if (Math.abs(x - 2) <= 0.25) return Math.log1p(x - 2) + logGammaOnePlus(x - 2);
  if (x < 0.75) {
    // log Γ(x) = log Γ(1 + x) − log x keeps tiny x accurate.
    return (x > 0.25 ? logGamma(1 + x) : logGammaOnePlus(x)) - Math.log(x);
  }
  let product = 1;
  let y = x;
  while (y < 10) {
    product *= y;
    y += 1;
  }
  return stirling(y) - Math.log(product);
}

function stirling(x: number): number {
  const inv = 1 / x;
  const inv2 = inv * inv;
  let series = STIRLING[7]!;
  for (let k = 6; k >= 0; k--) series = series * inv2 + STIRLING[k]!;
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series * inv;
}

/**
 * The digamma function ψ(x) = d/dx log Γ(x) for x > 0 (recurrence to x ≥ 10,
 * then the asymptotic series; absolute accuracy 1e-14).
 * @example Math.abs(digamma(1) + 0.5772156649015329) < 1e-14
 */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let shift = 0;
  let y = x;
  while (y < 10) {
    shift -= 1 / y;
    y += 1;
  }
  const inv2 = 1 / (y * y);
  // ψ(y) ~ log y − 1/(2y) − Σ B_2k / (2k y^2k)
  const series =
    inv2 *
    (1 / 12 -
      inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))));
  return shift + Math.log(y) - 0.5 / y - series;
}

/**
 * log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b) for a, b > 0.
 * @example Math.abs(logBeta(2, 3) - Math.log(1 / 12)) < 1e-14
 */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * log(e^u + e^v) without overflow.
 * @example logAddExp(1000, 1000) === 1000 + Math.LN2
 */
export function logAddExp(u: number, v: number): number {
  if (u === -Infinity) return v;
  if (v === -Infinity) return u;
  return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
}

/** Terms beyond this many mean z is too close to 1 for the plain series. */
export const HYPERGEOMETRIC_MAX_TERMS = 5_000_000;
const RESCALE = 1e200;
const LOG_RESCALE = Math.log(RESCALE);

/**
 * An upper bound on every later term ratio z(a+m)(b+m)/((c+m)(d+m)), m ≥ n:
 * each factor (m+a)/(m+c) is monotone in m and tends to 1, so it never
 * exceeds max(1, (n+a)/(n+c)). With the bound q < 1 the rest of the series is
 * at most term·q/(1−q) — valid even when the ratios first fall and then climb
 * (a tiny a with a large b).
 * @example futureRatioBound(1, 1, 2, 1, 0.5, 10) // 0.5: (m+1)/(m+2) < 1, (m+1)/(m+1) = 1
 */
export function futureRatioBound(a: number, b: number, c: number, d: number, z: number, n: number): number {
  const first = (n + a) / (n + c),
    second = (n + b) / (n + d);
  return z * (first > 1 ? first : 1) * (second > 1 ? second : 1);
}

/**
 * log of the Gauss hypergeometric function ₂F₁(a, b; c; z) for a, b, c > 0 and
 * 0 ≤ z < 1, by its power series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ. All terms are
 * positive, so the sum is accumulated in linear space with a running scale
 * (rescaled by 1e200 when needed) and returned as a log: large a, b (a customer
 * with thousands of purchases) cannot overflow. Summation stops once the tail,
 * bounded by a geometric series (`futureRatioBound`), is below 1e-17 of the sum.
 * @returns NaN outside the domain or when z is so close to 1 that more than
 * HYPERGEOMETRIC_MAX_TERMS terms would be needed (z > 1 − ~1e-5).
 * @example Math.abs(logHyp2f1(1, 1, 2, 0.5) - Math.log(2 * Math.log(2))) < 1e-14
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(a > 0 && b > 0 && c > 0 && z >= 0 && z < 1)) return Number.NaN;
  return logPositiveSeries(a, b, c, 1, z);
}

/**
 * ₂F₁(a, b; c; z) = exp(logHyp2f1(a, b, c, z)); same domain.
 * @example Math.abs(hyp2f1(1, 1, 2, 0.5) - 2 * Math.log(2)) < 1e-14
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  return Math.exp(logHyp2f1(a, b, c, z));
}

/**
 * log Σₙ (a)ₙ(b)ₙ / ((c)ₙ (d)ₙ) zⁿ for a, b, c, d > 0 (d = 1 gives ₂F₁; d = 2
 * with c shifted gives the ₃F₂ that the expected-purchases formula needs when
 * its ₂F₁ would have c ≤ 0).
 * @example logPositiveSeries(1, 1, 2, 1, 0.5) === logHyp2f1(1, 1, 2, 0.5)
 */
export function logPositiveSeries(a: number, b: number, c: number, d: number, z: number): number {
  if (z === 0) return 0;
  // sum = one + rest, kept apart so log1p(rest) keeps full relative accuracy when the sum is near 1 (small z).
  let term = 1;
  let one = 1;
  let rest = 0;
  let logScale = 0;
  for (let n = 0; n < HYPERGEOMETRIC_MAX_TERMS; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (d + n));
    rest += term;
    if (rest > RESCALE) {
      rest /= RESCALE;
      term /= RESCALE;
      one /= RESCALE;
      logScale += LOG_RESCALE;
    }
    const q = futureRatioBound(a, b, c, d, z, n + 1);
    if (q < 1 && term * q <= 1e-17 * rest * (1 - q))
      return logScale === 0 ? Math.log1p(rest) : Math.log(one + rest) + logScale;
  }
  return Number.NaN;
}
