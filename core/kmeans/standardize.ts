/**
 * Z-score standardisation of feature columns into one row-major matrix
 * (SPEC §5c step 2: every dimension mean 0, standard deviation 1), as
 * sklearn's StandardScaler: population standard deviation (divide by n).
 */

export interface StandardizeOptions {
  /** Per column: put the column through log1p(max(x, 0)) before scaling (skewed money). */
  readonly log1p?: readonly boolean[];
  /** Rows to use, as indices into the columns (default: every row), e.g. the rows with finite values. */
  readonly rows?: Int32Array;
}

export interface Standardization {
  /** Row-major `rows × dimensions` z-scores. */
  readonly values: Float64Array;
  readonly rows: number;
  readonly dimensions: number;
  /** Per column mean and population standard deviation, after log1p when logged. */
  readonly means: Float64Array;
  /** 0 for a zero-variance column, whose z-scores are all 0. */
  readonly stds: Float64Array;
  readonly logged: readonly boolean[];
  /** Per column, how many negative values were clamped at 0 for log1p (0 for unlogged columns). */
  readonly clampedNegatives: readonly number[];
  /** Columns with zero variance (every value equal), reported because they cannot separate clusters. */
  readonly zeroVarianceColumns: readonly number[];
}

/**
 * Standardizes `columns` (each of the same length) into a row-major matrix.
 * The mean is a plain sum / n; the variance is the two-pass sum of squared
 * deviations with the rounding correction sklearn applies
 * (`_incremental_mean_and_var`): Σ(x − m)² − (Σ(x − m))² / n. A column whose
 * variance is 0 up to rounding (sklearn's `_is_constant_feature` test) gets
 * z = 0 everywhere (sklearn divides by 1 instead, leaving rounding noise) and
 * is listed in `zeroVarianceColumns`.
 * @example standardize([new Float64Array([1, 2, 3])]).values // [-1.2247…, 0, 1.2247…]
 */
export function standardize(columns: readonly Float64Array[], options: StandardizeOptions = {}): Standardization {
  const d = columns.length;
  const rowIndex = options.rows;
  const n = rowIndex ? rowIndex.length : (columns[0]?.length ?? 0);
  const values = new Float64Array(n * d);
  const means = new Float64Array(d),
    stds = new Float64Array(d);
  const logged = columns.map((_, j) => options.log1p?.[j] ?? false);
  const clampedNegatives: number[] = [];
  const zeroVarianceColumns: number[] = [];
  for (let j = 0; j < d; j++) {
    const column = columns[j]!;
    let clamped = 0;
    let sum = 0;
    // Gather (and transform) the column into its strided place first, then scale in place.
    for (let r = 0; r < n; r++) {
      let x = column[rowIndex ? rowIndex[r]! : r]!;
      if (logged[j]) {
        if (x < 0) {
          clamped++;
          x = 0;
        }
        x = Math.log1p(x);
      }
      values[r * d + j] = x;
      sum += x;
    }
    const mean = n > 0 ? sum / n : 0;
    let squares = 0,
      correction = 0;
    for (let r = 0; r < n; r++) {
      const deviation = values[r * d + j]! - mean;
      correction += deviation;
      squares += deviation * deviation;
    }
    const variance = n > 0 ? Math.max(0, (squares - (correction * correction) / n) / n) : 0;
    // sklearn's `_is_constant_feature`: a variance within rounding noise of 0 is a constant column.
    const constant = variance <= n * Number.EPSILON * variance + (n * mean * Number.EPSILON) ** 2;
    const std = constant ? 0 : Math.sqrt(variance);
    means[j] = mean;
    stds[j] = std;
    clampedNegatives.push(clamped);
    if (std === 0) zeroVarianceColumns.push(j);
    for (let r = 0; r < n; r++) {
      const at = r * d + j;
      values[at] = std === 0 ? 0 : (values[at]! - mean) / std;
    }
  }
  return { values, rows: n, dimensions: d, means, stds, logged, clampedNegatives, zeroVarianceColumns };
}

/**
 * Maps row-major points from z-scores back to the original units:
 * x = z·std + mean, then expm1 for logged columns (so a logged centroid maps
 * to a geometric-type mean of money, not its arithmetic mean).
 * @example unstandardize(new Float64Array([0]), standardize([new Float64Array([1, 3])]))[0] === 2
 */
export function unstandardize(points: Float64Array, standardization: Standardization): Float64Array {
  const { dimensions: d, means, stds, logged } = standardization;
  const out = new Float64Array(points.length);
  for (let i = 0; i < points.length; i++) {
    const j = i % d;
    const x = points[i]! * stds[j]! + means[j]!;
    out[i] = logged[j] ? Math.expm1(x) : x;
  }
  return out;
}
