import type { AmountCell } from './aggregate-orders.js';

const quantityFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4, useGrouping: false });
const priceFormat = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
  useGrouping: false,
});
const amountFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Names a line's amount cell as the user sees it: `Amount = -30.00`, or for a
 * computed amount `Quantity × UnitPrice = -1 × 4.95` (quantities kept for
 * negative lines only, at ascending line `positions`, found by binary search).
 * @example describeAmountCells('Amount', undefined, undefined).describe(0, -30).text // "Amount = -30.00"
 */
export function describeAmountCells(
  column: string,
  positions: Int32Array | undefined,
  quantities: Float64Array | undefined,
): AmountCell {
  return {
    column,
    describe(r, amount) {
      if (!positions) {
        const value = amountFormat.format(amount);
        return { text: `${column} = ${value}`, value, computed: false };
      }
      let lo = 0,
        hi = positions.length - 1,
        qty = Number.NaN;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (positions[mid]! < r) lo = mid + 1;
        else if (positions[mid]! > r) hi = mid - 1;
        else {
          qty = quantities![mid]!;
          break;
        }
      }
      // Filled amounts are never negative, so a negative line has its quantity.
      const value = `${quantityFormat.format(qty)} × ${priceFormat.format(amount / qty)}`;
      return { text: `${column} = ${value}`, value, computed: true };
    },
  };
}
