import { describe, expect, it } from 'vitest';
import { bfgs } from '../../../core/optimize/bfgs.js';
import { withNumericalGradient } from '../../../core/optimize/derivatives.js';

const rosenbrock = (x: Float64Array): number => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
const rosenbrockWithGradient = (x: Float64Array, g: Float64Array): number => {
  g[0] = -400 * x[0]! * (x[1]! - x[0]! ** 2) - 2 * (1 - x[0]!);
  g[1] = 200 * (x[1]! - x[0]! ** 2);
  return rosenbrock(x);
};

describe('bfgs', () => {
  it('minimizes Rosenbrock with the analytic gradient to machine precision', () => {
    const result = bfgs(rosenbrockWithGradient, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 10);
    expect(result.x[1]).toBeCloseTo(1, 10);
    expect(result.gradientNorm).toBeLessThanOrEqual(1e-9);
    expect(result.evaluations).toBeLessThan(100);
  });

  it('minimizes Rosenbrock with central-difference gradients', () => {
    const result = bfgs(withNumericalGradient(rosenbrock), [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it('solves an ill-conditioned quadratic in a few iterations (curvature learned)', () => {
    const scales = [1, 100, 1e4];
    const quadratic = (x: Float64Array, g: Float64Array): number => {
      let f = 0;
      for (let i = 0; i < 3; i++) {
        const d = x[i]! - (i + 1);
        f += 0.5 * scales[i]! * d * d;
        g[i] = scales[i]! * d;
      }
      return f;
    };
    const result = bfgs(quadratic, [0, 0, 0], { maxStep: 100 });
    expect(result.converged).toBe(true);
    expect([...result.x].map((v) => Number(v.toFixed(8)))).toEqual([1, 2, 3]);
    expect(result.iterations).toBeLessThan(40);
  });

  it('backs off from points where f is not finite', () => {
    // log barrier: f = 10(x − log x) is NaN for x < 0; the first full step from x = 3 (to −3.67) lands there.
    let sawNaN = false;
    const barrier = (x: Float64Array, g: Float64Array): number => {
      g[0] = 10 * (1 - 1 / x[0]!);
      const value = 10 * (x[0]! - Math.log(x[0]!));
      if (Number.isNaN(value)) sawNaN = true;
      return value;
    };
    const result = bfgs(barrier, [3], { maxStep: 10 });
    expect(sawNaN).toBe(true);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 8);
  });

  it('reports a non-finite start and an exhausted budget', () => {
    expect(bfgs((x, g) => ((g[0] = 0), Number.NaN), [1]).reason).toBe('non-finite-start');
    const limited = bfgs(rosenbrockWithGradient, [-1.2, 1], { maxIterations: 3 });
    expect(limited).toMatchObject({ converged: false, reason: 'max-iterations' });
  });

  it('is deterministic', () => {
    expect(bfgs(rosenbrockWithGradient, [-1.2, 1])).toEqual(bfgs(rosenbrockWithGradient, [-1.2, 1]));
  });
});
