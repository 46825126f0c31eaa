/** float64 machine epsilon: sklearn clips the baseline rate to [ε, 1 − ε]. */
const EPSILON = 2.220446049250313e-16;

/** Logistic function, stable for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
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
 * (p = sigmoid(raw)), stored as float32 as sklearn does.
 */
export function logLossGradients(raw: Float64Array, labels: Uint8Array, gradients: Float32Array, hessians: Float32Array): void {
  for (let i = 0; i < raw.length; i++) {
    const p = sigmoid(raw[i]!);
    gradients[i] = p - labels[i]!;
    hessians[i] = p * (1 - p);
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
