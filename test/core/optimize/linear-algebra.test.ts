import { describe, expect, it } from 'vitest';
import { cholesky, invertSymmetric } from '../../../core/optimize/linear-algebra.js';

describe('cholesky / invertSymmetric', () => {
  it('factors a positive-definite matrix: L Lᵀ = A', () => {
    const a = Float64Array.of(4, 2, 0.4, 2, 3, 0.5, 0.4, 0.5, 2);
    const l = cholesky(a, 3)!;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let sum = 0;
        for (let k = 0; k < 3; k++) sum += l[i * 3 + k]! * l[j * 3 + k]!;
        expect(sum).toBeCloseTo(a[i * 3 + j]!, 12);
      }
    }
    expect(l[1]).toBe(0);
  });

  it('inverts: A A⁻¹ = I', () => {
    const a = Float64Array.of(4, 2, 0.4, 2, 3, 0.5, 0.4, 0.5, 2);
    const inverse = invertSymmetric(a, 3)!;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let sum = 0;
        for (let k = 0; k < 3; k++) sum += a[i * 3 + k]! * inverse[k * 3 + j]!;
        expect(sum).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });

  it('refuses matrices that are not positive definite', () => {
    expect(cholesky(Float64Array.of(1, 2, 2, 1), 2)).toBeUndefined();
    expect(invertSymmetric(Float64Array.of(0, 0, 0, 1), 2)).toBeUndefined();
  });
});
