/** Line positions grouped by customer: customer `c`'s lines are `order[offsets[c]]` … `order[offsets[c + 1] - 1]`. */
export interface CustomerGroups {
  /** `customers + 1` entries, `offsets[0] = 0`. */
  readonly offsets: Int32Array;
  /** Line positions, customer by customer, each customer's in line order. */
  readonly order: Int32Array;
}

/**
 * Groups line positions by customer index with a counting sort (two passes,
 * no comparisons, stable), where `customerOf[r]` is line r's customer in `0 … customers - 1`.
 * @example groupLinesByCustomer(Int32Array.of(1, 0, 1), 2) // offsets [0, 1, 3], order [1, 0, 2]
 */
export function groupLinesByCustomer(customerOf: Int32Array, customers: number): CustomerGroups {
  const n = customerOf.length;
  const offsets = new Int32Array(customers + 1);
  for (let r = 0; r < n; r++) offsets[customerOf[r]! + 1]!++;
  for (let c = 0; c < customers; c++) offsets[c + 1]! += offsets[c]!;
  const order = new Int32Array(n);
  const fill = offsets.slice(0, customers);
  for (let r = 0; r < n; r++) order[fill[customerOf[r]!]!++] = r;
  return { offsets, order };
}
