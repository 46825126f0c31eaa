/**
 * Small dense linear algebra for n ≤ ~10 (parameter covariance, BFGS):
 * row-major Float64Array matrices.
 */

/**
 * Cholesky factor L (lower, row-major) of a symmetric positive-definite
 * matrix, or undefined when it is not positive definite.
 * @example cholesky(Float64Array.of(4, 2, 2, 3), 2) // [2, 0, 1, √2]
 */
export function cholesky(matrix: Float64Array, n: number): Float64Array | undefined {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(sum > 0)) return undefined;
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j]!;
      }
    }
  }
  return l;
}

/**
 * Inverse of a symmetric positive-definite matrix via its Cholesky factor,
 * or undefined when the matrix is not positive definite.
 * @example invertSymmetric(Float64Array.of(2, 0, 0, 4), 2) // [0.5, 0, 0, 0.25]
 */
export function invertSymmetric(matrix: Float64Array, n: number): Float64Array | undefined {
  const l = cholesky(matrix, n);
  if (!l) return undefined;
  // Solve L Lᵀ X = I column by column.
  const inverse = new Float64Array(n * n);
  const column = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    for (let i = 0; i < n; i++) {
      let sum = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) sum -= l[i * n + k]! * column[k]!;
      column[i] = sum / l[i * n + i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = column[i]!;
      for (let k = i + 1; k < n; k++) sum -= l[k * n + i]! * column[k]!;
      column[i] = sum / l[i * n + i]!;
    }
    for (let i = 0; i < n; i++) inverse[i * n + c] = column[i]!;
  }
  return inverse;
}
