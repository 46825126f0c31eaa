import { describe, expect, it } from 'vitest';
import { describeAmountCells } from '../../../core/features/describe-amount-cells.js';

describe('describeAmountCells', () => {
  it('names an amount column with the amount', () => {
    const cell = describeAmountCells('Amount', undefined, undefined);
    expect(cell.column).toBe('Amount');
    expect(cell.describe(3, -30)).toEqual({ text: 'Amount = -30.00', value: '-30.00', computed: false });
  });

  it('names a computed amount by the quantity kept for its line position and the price it implies', () => {
    const cell = describeAmountCells('Quantity × UnitPrice', Int32Array.of(2, 7, 40), Float64Array.of(-1, -40, -3));
    expect(cell.describe(7, -67.6)).toEqual({
      text: 'Quantity × UnitPrice = -40 × 1.69',
      value: '-40 × 1.69',
      computed: true,
    });
    expect(cell.describe(2, -27.5).value).toBe('-1 × 27.50');
    expect(cell.describe(40, -14.8875).value).toBe('-3 × 4.9625');
  });
});
