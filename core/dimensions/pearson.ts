/** A Pearson correlation and the number of pairs it was computed on. */
export interface Correlation {
  /** NaN when undefined: fewer than 3 pairs, or a column without variation. */
  readonly r: number;
  readonly pairs: number;
}

/**
 * Pearson's r over the customers where both values are finite (SPEC §4
 * pseudo-correlation guard), two-pass for numerical stability.
 * @example pearson(new Float64Array([1, 2, 3]), new Float64Array([2, 4, 7])).r ≈ 0.9934
 */
export function pearson(x: Float64Array, y: Float64Array): Correlation {
  const n = Math.min(x.length, y.length);
  let pairs = 0,
    sx = 0,
    sy = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i]!,
      b = y[i]!;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    pairs++;
    sx += a;
    sy += b;
  }
  if (pairs < 3) return { r: Number.NaN, pairs };
  const mx = sx / pairs,
    my = sy / pairs;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i]!,
      b = y[i]!;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    const dx = a - mx,
      dy = b - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return { r: Number.NaN, pairs };
  // Clamp the last-bit overshoot of perfectly collinear columns.
  return { r: Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))), pairs };
}
