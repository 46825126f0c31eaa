import type { Objective, ObjectiveWithGradient } from './objective.js';

/**
 * Central-difference gradient of f at x into `out`; returns f(x). Step
 * hᵢ = step·max(1, |xᵢ|) (default ε^⅓ ≈ 6e-6, which balances truncation and
 * rounding error for smooth f). Costs 2n + 1 evaluations; `x` is restored.
 * @example numericalGradient((x) => x[0]! ** 2, Float64Array.of(3), new Float64Array(1)) // out ≈ [6]
 */
export function numericalGradient(f: Objective, x: Float64Array, out: Float64Array, step = 6e-6): number {
  const fx = f(x);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const h = step * Math.max(1, Math.abs(xi));
    x[i] = xi + h;
    const up = f(x);
    x[i] = xi - h;
    const down = f(x);
    x[i] = xi;
    out[i] = (up - down) / (2 * h);
  }
  return fx;
}

/**
 * Wraps a value-only objective as value-and-gradient by central differences.
 * @example bfgs(withNumericalGradient((x) => (x[0]! - 3) ** 2), [0]).x // ≈ [3]
 */
export function withNumericalGradient(f: Objective, step?: number): ObjectiveWithGradient {
  return (x, gradient) => numericalGradient(f, x, gradient, step);
}

/**
 * Numerical Hessian of f at x (row-major n×n, symmetric). With a gradient it
 * differences the gradient (2n calls, error O(h²) on smooth f); without, it
 * uses the four-point second difference of values (error O(h²), 2n² + 1
 * calls). Default steps: 1e-4 with a gradient, 1e-3 without (ε^¼ territory,
 * where rounding and truncation errors balance for f ~ 1…1e4).
 * @example numericalHessian((x) => x[0]! * x[1]!, Float64Array.of(1, 2)) // ≈ [0, 1, 1, 0]
 */
export function numericalHessian(
  f: Objective | ObjectiveWithGradient,
  x: Float64Array,
  options: { gradient?: boolean; step?: number } = {},
): Float64Array {
  const n = x.length;
  const hessian = new Float64Array(n * n);
  const point = x.slice();
  if (options.gradient) {
    const grad = f as ObjectiveWithGradient;
    const step = options.step ?? 1e-4;
    const up = new Float64Array(n),
      down = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const h = step * Math.max(1, Math.abs(x[j]!));
      point[j] = x[j]! + h;
      grad(point, up);
      point[j] = x[j]! - h;
      grad(point, down);
      point[j] = x[j]!;
      for (let i = 0; i < n; i++) hessian[i * n + j] = (up[i]! - down[i]!) / (2 * h);
    }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const mean = (hessian[i * n + j]! + hessian[j * n + i]!) / 2;
        hessian[i * n + j] = mean;
        hessian[j * n + i] = mean;
      }
    }
    return hessian;
  }
  const value = f as Objective;
  const step = options.step ?? 1e-3;
  const h = Float64Array.from(x, (xi) => step * Math.max(1, Math.abs(xi)));
  const f0 = value(point);
  for (let i = 0; i < n; i++) {
    point[i] = x[i]! + h[i]!;
    const up = value(point);
    point[i] = x[i]! - h[i]!;
    const down = value(point);
    point[i] = x[i]!;
    hessian[i * n + i] = (up - 2 * f0 + down) / (h[i]! * h[i]!);
    for (let j = i + 1; j < n; j++) {
      const at = (si: number, sj: number): number => {
        point[i] = x[i]! + si * h[i]!;
        point[j] = x[j]! + sj * h[j]!;
        const v = value(point);
        point[i] = x[i]!;
        point[j] = x[j]!;
        return v;
      };
      const mixed = (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * h[i]! * h[j]!);
      hessian[i * n + j] = mixed;
      hessian[j * n + i] = mixed;
    }
  }
  return hessian;
}
