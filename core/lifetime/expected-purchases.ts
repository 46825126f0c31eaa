import { futureRatioBound, logBeta, logGamma, logPositiveSeries } from './special-functions.js';

/**
 * K/(a − 1) · [1 − (s/(s+t))^A · ₂F₁(A, B; C; z)], z = t/(s + t): the shape of
 * every BG/NBD and MBG/NBD expected-purchases formula (FHL 2005 eq. 9 and 10,
 * Batislam et al. 2007), with C − B = a − 1.
 *
 * Computed as −K/(a−1)·expm1(A·log(1−z) + log ₂F₁), so small t keeps full
 * relative accuracy. When K = C < ½ (BG/NBD, x = 0, a + b < 1.5) the ₂F₁ would
 * have a tiny or non-positive c; then C/(C)ₙ = 1/(C+1)ₙ₋₁ is folded in:
 * E = [C(1 − (1−z)^A) − (1−z)^A·AB z·Σₘ (A+1)ₘ(B+1)ₘ/((C+1)ₘ(2)ₘ) zᵐ]/(a − 1),
 * valid for every C > −1.
 * @returns NaN when the series cannot converge (z within ~1e-5 of 1).
 * @example hypergeometricExpectation(c, r + x, b + x, c, a - 1, 39, alpha + T) // BG/NBD E[Y(39) | alive], c = a + b + x − 1
 */
export function hypergeometricExpectation(
  k: number,
  bigA: number,
  bigB: number,
  bigC: number,
  aMinusOne: number,
  t: number,
  s: number,
): number {
  if (!(t > 0)) return 0;
  const z = t / (s + t);
  const logOneMinusZ = -Math.log1p(t / s);
  if (k === bigC && bigC < 0.5) {
    const head = -bigC * Math.expm1(bigA * logOneMinusZ);
    const tail = Math.exp(
      bigA * logOneMinusZ + Math.log(bigA * bigB * z) + logPositiveSeries(bigA + 1, bigB + 1, bigC + 1, 2, z),
    );
    return (head - tail) / aMinusOne;
  }
  return (-k / aMinusOne) * Math.expm1(bigA * logOneMinusZ + logPositiveSeries(bigA, bigB, bigC, 1, z));
}

/**
 * `hypergeometricExpectation` at several ascending times `ts` at once (e.g.
 * the month ends of a CLV horizon), into `out`. The series coefficients
 * (A)ₙ(B)ₙ/((C)ₙ n!) are shared by every time, so each extra time costs a
 * multiply-add per term instead of a whole series. Falls back to one series
 * per time when a sum would grow past 1e250 (thousands of purchases) or the
 * shifted form is needed.
 * @example hypergeometricExpectations(c, r + x, b + x, c, a - 1, monthEnds, alpha + T, out)
 */
export function hypergeometricExpectations(
  k: number,
  bigA: number,
  bigB: number,
  bigC: number,
  aMinusOne: number,
  ts: Float64Array,
  s: number,
  out: Float64Array,
): void {
  const count = ts.length;
  if (count === 0) return;
  if (!(k === bigC && bigC < 0.5) && count <= MAX_JOINT && jointSeries(bigA, bigB, bigC, ts, s)) {
    for (let j = 0; j < count; j++) {
      const t = ts[j]!;
      out[j] = t > 0 ? (-k / aMinusOne) * Math.expm1(-bigA * Math.log1p(t / s) + Math.log(JOINT_SUMS[j]!)) : 0;
    }
    return;
  }
  for (let j = 0; j < count; j++) out[j] = hypergeometricExpectation(k, bigA, bigB, bigC, aMinusOne, ts[j]!, s);
}

const MAX_JOINT = 1200;
const JOINT_SUMS = new Float64Array(MAX_JOINT);
const JOINT_TERMS = new Float64Array(MAX_JOINT);
const JOINT_Z = new Float64Array(MAX_JOINT);

/** Σₙ (A)ₙ(B)ₙ/((C)ₙ n!) zⱼⁿ for ascending zⱼ = tⱼ/(s+tⱼ) into JOINT_SUMS; false on overflow risk or no convergence. */
function jointSeries(a: number, b: number, c: number, ts: Float64Array, s: number): boolean {
  const count = ts.length;
  for (let j = 0; j < count; j++) {
    JOINT_Z[j] = ts[j]! / (s + ts[j]!);
    JOINT_SUMS[j] = 1;
    JOINT_TERMS[j] = 1;
  }
  let first = 0; // times before `first` have converged (smaller z converge sooner)
  for (let n = 0; n < 10_000_000; n++) {
    const coefficientRatio = ((a + n) * (b + n)) / ((c + n) * (n + 1));
    for (let j = first; j < count; j++) {
      const term = JOINT_TERMS[j]! * coefficientRatio * JOINT_Z[j]!;
      JOINT_TERMS[j] = term;
      JOINT_SUMS[j]! += term;
    }
    if (JOINT_SUMS[count - 1]! > 1e250) return false;
    // Same tail bound as the single series, per time.
    const growth = futureRatioBound(a, b, c, 1, 1, n + 1);
    while (first < count) {
      const q = growth * JOINT_Z[first]!;
      if (!(q < 1 && JOINT_TERMS[first]! * q < 1e-17 * JOINT_SUMS[first]! * (1 - q))) break;
      first++;
    }
    if (first === count) return true;
  }
  return false;
}

/**
 * a − 1, kept at least 1e-9 away from 0: at a = 1 the closed forms are 0/0
 * while the expectation is continuous in a, and 1e-9 moves it by ~1e-9.
 * @example aMinusOneOf(1) === 1e-9 && aMinusOneOf(0.5) === -0.5
 */
export function aMinusOneOf(a: number): number {
  const d = a - 1;
  return Math.abs(d) >= 1e-9 ? d : d >= 0 ? 1e-9 : -1e-9;
}

/**
 * P(X(t) = n) for the BG/NBD (FHL 2005 eq. 8) or MBG/NBD family:
 *   B(a, b+n+s)/B(a,b) · NB(n) + [n + s > 0] · B(a+1, b+n−1+s)/B(a,b) · P(NB ≥ n),
 * with NB the negative binomial count of a customer who never dies
 * (NB(j) = Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j) and s = 0 (BG) or 1 (MBG).
 * P(NB ≥ n) is summed from the smaller side (1 − head or the tail itself) so
 * it keeps relative accuracy in both tails.
 * @example probabilityOfCount(0.243, 4.414, 0.793, 2.426, 39, 0, 0) // BG/NBD P(X(39) = 0)
 */
export function probabilityOfCount(
  r: number,
  alpha: number,
  a: number,
  b: number,
  t: number,
  n: number,
  shift: 0 | 1,
): number {
  if (!(Number.isInteger(n) && n >= 0)) return 0;
  if (!(t > 0)) return n === 0 ? 1 : 0;
  const logBab = logBeta(a, b);
  const logP = -Math.log1p(t / alpha); // log(α/(α+t))
  const logQ = Math.log(t / (alpha + t));
  const logNb = (j: number): number => logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * logP + j * logQ;
  const stay = Math.exp(logBeta(a, b + n + shift) - logBab + logNb(n));
  if (n + shift === 0) return stay;
  return stay + Math.exp(logBeta(a + 1, b + n - 1 + shift) - logBab) * negativeBinomialTail(r, logP, logQ, n, logNb);
}

/** P(NB ≥ n) for the negative binomial with shape r and success log-probabilities logP / logQ. */
function negativeBinomialTail(r: number, logP: number, logQ: number, n: number, logNb: (j: number) => number): number {
  if (n === 0) return 1;
  const q = Math.exp(logQ);
  // Head Σ_{j<n} NB(j) by the term ratio (r+j)/(j+1)·q.
  let term = Math.exp(r * logP);
  let head = 0;
  for (let j = 0; j < n; j++) {
    head += term;
    term *= ((r + j) / (j + 1)) * q;
  }
  if (head <= 0.5) return 1 - head;
  // The tail is small: sum it directly from NB(n) in logs.
  let logTerm = logNb(n);
  const start = logTerm;
  let sum = 0;
  for (let j = n; j < n + 10_000_000; j++) {
    const value = Math.exp(logTerm - start);
    sum += value;
    const ratio = ((r + j) / (j + 1)) * q;
    // Later ratios move monotonically towards q: bound the rest geometrically.
    const bound = ratio > q ? ratio : q;
    if (bound < 1 && value * bound < 1e-17 * sum * (1 - bound)) break;
    logTerm += Math.log(ratio);
  }
  return Math.exp(start) * sum;
}
