import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../../core/optimize/nelder-mead.js';
import { OptionsError } from '../../../core/segment/segment-options.js';

const rosenbrock = (x: Float64Array): number => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;

describe('nelderMead', () => {
  it('finds the minimum of a shifted quadratic exactly enough', () => {
    const quadratic = (x: Float64Array): number => (x[0]! - 1) ** 2 + 10 * (x[1]! + 2) ** 2 + 0.5 * (x[2]! - 3) ** 2;
    const result = nelderMead(quadratic, [0, 0, 0], { xTolerance: 1e-10, fTolerance: 1e-14 });
    expect(result.converged).toBe(true);
    expect(result.reason).toBe('converged');
    expect([...result.x].map((v) => Number(v.toFixed(6)))).toEqual([1, -2, 3]);
    expect(result.value).toBeLessThan(1e-12);
  });

  it('walks the Rosenbrock valley from the classic start (−1.2, 1)', () => {
    const result = nelderMead(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
    expect(result.evaluations).toBeLessThan(400);
  });

  it('solves a 4-dimensional Rosenbrock with the adaptive coefficients', () => {
    const rosen4 = (x: Float64Array): number => {
      let sum = 0;
      for (let i = 0; i < 3; i++) sum += 100 * (x[i + 1]! - x[i]! ** 2) ** 2 + (1 - x[i]!) ** 2;
      return sum;
    };
    const result = nelderMead(rosen4, [-1, 1, -1, 1], {
      adaptive: true,
      maxIterations: 20_000,
      maxEvaluations: 40_000,
    });
    expect(result.converged).toBe(true);
    for (const v of result.x) expect(v).toBeCloseTo(1, 4);
  });

  it('is deterministic: same input, same path', () => {
    const a = nelderMead(rosenbrock, [-1.2, 1]);
    const b = nelderMead(rosenbrock, [-1.2, 1]);
    expect(b).toEqual(a);
  });

  it('treats NaN as +∞ and stops at its iteration limit', () => {
    const bowlWithHole = (x: Float64Array): number => (x[0]! < -0.5 ? Number.NaN : (x[0]! - 2) ** 2);
    expect(nelderMead(bowlWithHole, [0]).x[0]).toBeCloseTo(2, 6);
    const limited = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5 });
    expect(limited).toMatchObject({ converged: false, reason: 'max-iterations', iterations: 5 });
    expect(nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 10 }).reason).toBe('max-evaluations');
  });

  it('validates its options once', () => {
    expect(() => nelderMead(rosenbrock, [0, 0], { initialStep: -1 })).toThrow(OptionsError);
    expect(() => nelderMead(rosenbrock, [0, 0], { tolerance: 1 } as never)).toThrow(/Unknown option "tolerance"/);
  });
});
