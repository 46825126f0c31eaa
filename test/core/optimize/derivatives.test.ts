import { describe, expect, it } from 'vitest';
import { numericalGradient, numericalHessian } from '../../../core/optimize/derivatives.js';

// f(x, y) = x² y + e^y: ∇f = (2xy, x² + e^y), ∇²f = [[2y, 2x], [2x, e^y]].
const f = (p: Float64Array): number => p[0]! ** 2 * p[1]! + Math.exp(p[1]!);
const fWithGradient = (p: Float64Array, g: Float64Array): number => {
  g[0] = 2 * p[0]! * p[1]!;
  g[1] = p[0]! ** 2 + Math.exp(p[1]!);
  return f(p);
};

describe('numerical derivatives', () => {
  it('central-difference gradient to ~1e-9 and leaves x untouched', () => {
    const x = Float64Array.of(1.5, -0.5);
    const g = new Float64Array(2);
    expect(numericalGradient(f, x, g)).toBe(f(x));
    expect(g[0]).toBeCloseTo(2 * 1.5 * -0.5, 9);
    expect(g[1]).toBeCloseTo(1.5 ** 2 + Math.exp(-0.5), 9);
    expect([...x]).toEqual([1.5, -0.5]);
  });

  it('Hessian from values and from gradients agree with the exact one', () => {
    const x = Float64Array.of(1.5, -0.5);
    const exact = [2 * -0.5, 2 * 1.5, 2 * 1.5, Math.exp(-0.5)];
    const fromValues = numericalHessian(f, x);
    const fromGradient = numericalHessian(fWithGradient, x, { gradient: true });
    exact.forEach((v, i) => {
      expect(fromValues[i]).toBeCloseTo(v, 5);
      expect(fromGradient[i]).toBeCloseTo(v, 7);
    });
    expect(fromGradient[1]).toBe(fromGradient[2]);
  });
});
