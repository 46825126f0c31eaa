/** float64 machine epsilon: sklearn clips the baseline rate to [ε, 1 − ε]. */
const EPSILON = 2.220446049250313e-16;

/** Logistic function; 1 / (1 + e^−x) is safe at both ends in float64 (e^−x → ∞ gives 0, never NaN). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * The starting score of every row: log-odds of the positive rate (sklearn's
 * binary log-loss baseline), the constant that minimises the log-loss.
 * @example baselineLogOdds(Uint8Array.of(1, 0, 0, 0)) // log(0.25 / 0.75) = −log 3
 */
export function baselineLogOdds(labels: Uint8Array): number {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i]!;
  const rate = Math.min(1 - EPSILON, Math.max(EPSILON, positives / labels.length));
  return Math.log(rate / (1 - rate));
}

/**
 * Gradient p − y and hessian p(1 − p) of the log-loss at the raw scores
 * (p = sigmoid(raw)), stored as float32 as sklearn does, interleaved
 * (`gradHess[2i]` = g, `gradHess[2i + 1]` = h: one cache line per row).
 */
export function logLossGradients(raw: Float64Array, labels: Uint8Array, gradHess: Float32Array): void {
  for (let i = 0; i < raw.length; i++) {
    const p = sigmoid(raw[i]!);
    gradHess[2 * i] = p - labels[i]!;
    gradHess[2 * i + 1] = p * (1 - p);
  }
}

/** Mean log-loss of raw scores: −mean(y log p + (1 − y) log(1 − p)), via log(1 + e^∓raw) for stability. */
export function meanLogLoss(raw: Float64Array, labels: Uint8Array): number {
  let total = 0;
  for (let i = 0; i < raw.length; i++) {
    const z = labels[i] === 1 ? -raw[i]! : raw[i]!;
    total += z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }
  return total / raw.length;
}
