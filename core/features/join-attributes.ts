import type { CustomerTable } from './accumulate-customers.js';
import {
  ATTRIBUTE_FIELDS,
  BEHAVIOUR_FIELDS,
  type AttributeField,
  type BehaviourField,
  type CustomerFeatures,
} from './customer-features.js';
import type { IssueLog } from '../report/issue-log.js';

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Joins a customer table (attributes, behaviour counts) onto features built
 * from transactions, by customer id. Customers listed without any
 * transaction are kept with frequency 0 and spend 0 (never dropped); SPEC §3
 * spend-mismatch flags a cumulative spend that disagrees with the orders.
 */
export function joinAttributes(
  features: CustomerFeatures,
  table: CustomerTable,
  log: IssueLog,
  spendColumn: string,
): CustomerFeatures {
  const ids = [...features.ids];
  const byId = new Map<string, number>();
  ids.forEach((id, c) => byId.set(id, c));
  const extra: number[] = [];
  const leftOut = new Set(features.leftOut);
  table.ids.forEach((id, t) => {
    if (!byId.has(id) && !leftOut.has(id)) {
      byId.set(id, ids.length);
      ids.push(id);
      extra.push(t);
      log.add({
        code: 'no-purchases',
        row: table.firstRow[t]!,
        column: '',
        value: id,
        message: `Customer ${id} (customer table row ${table.firstRow[t]}) has no transactions; kept, not scored.`,
      });
    }
  });
  const n = ids.length,
    base = features.count;
  const grow = (column: Float64Array, fill: number): Float64Array => {
    const out = new Float64Array(n).fill(fill);
    out.set(column);
    return out;
  };
  const tableIndexOf = new Int32Array(n).fill(-1);
  for (let c = 0; c < n; c++) tableIndexOf[c] = table.index.get(ids[c]!) ?? -1;

  const behaviour: Partial<Record<BehaviourField, Float64Array>> = {};
  for (const f of BEHAVIOUR_FIELDS) {
    const source = table.numbers[f];
    if (!source) continue;
    const out = new Float64Array(n).fill(Number.NaN);
    for (let c = 0; c < n; c++) if (tableIndexOf[c]! >= 0) out[c] = source[tableIndexOf[c]!]!;
    behaviour[f] = out;
  }
  const attributes: Partial<Record<AttributeField, (string | undefined)[]>> = {};
  for (const f of ATTRIBUTE_FIELDS) {
    const fromTable = table.texts[f],
      fromTransactions = features.attributes[f];
    if (!fromTable && !fromTransactions) continue;
    const out: (string | undefined)[] = new Array(n);
    for (let c = 0; c < n; c++)
      out[c] = (tableIndexOf[c]! >= 0 ? fromTable?.[tableIndexOf[c]!] : undefined) ?? fromTransactions?.[c];
    attributes[f] = out;
  }
  const spend = table.numbers.cumulativeSpend;
  if (spend) {
    for (let c = 0; c < base; c++) {
      const t = tableIndexOf[c]!;
      if (t < 0 || Number.isNaN(spend[t]!)) continue;
      if (Math.abs(spend[t]! - features.monetary[c]!) > 0.005) {
        log.add({
          code: 'spend-mismatch',
          row: table.firstRow[t]!,
          column: spendColumn,
          value: money.format(spend[t]!),
          message: `Customer ${ids[c]}: ${spendColumn} ${money.format(spend[t]!)} differs from the orders' total ${money.format(features.monetary[c]!)}; orders used.`,
        });
      }
    }
  }
  const firstRow = new Int32Array(n);
  firstRow.set(features.firstRow);
  extra.forEach((t, j) => (firstRow[base + j] = table.firstRow[t]!));
  let purchaseDays = features.purchaseDays;
  if (purchaseDays) {
    // Customers known only from the customer table have no purchase days.
    const offsets = new Int32Array(n + 1).fill(purchaseDays.offsets[base]!);
    offsets.set(purchaseDays.offsets);
    purchaseDays = { ...purchaseDays, offsets };
  }
  return {
    ...features,
    ...(purchaseDays ? { purchaseDays } : {}),
    count: n,
    ids,
    firstRow,
    recencyDays: grow(features.recencyDays, Number.NaN),
    frequency: grow(features.frequency, 0),
    monetary: grow(features.monetary, 0),
    frequency6m: grow(features.frequency6m, 0),
    amount6m: grow(features.amount6m, 0),
    windowFrequency: grow(features.windowFrequency, 0),
    windowMonetary: grow(features.windowMonetary, 0),
    averageOrderValue: grow(features.averageOrderValue, Number.NaN),
    tenureDays: grow(features.tenureDays, Number.NaN),
    firstPurchaseDay: grow(features.firstPurchaseDay, Number.NaN),
    lastPurchaseDay: grow(features.lastPurchaseDay, Number.NaN),
    behaviour,
    attributes,
  };
}
