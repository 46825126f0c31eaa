import type { AggregateColumns } from './aggregate-orders.js';
import type { KeptCustomers } from './aggregate-customers.js';
import type { AttributeField, CustomerFeatures } from './customer-features.js';

/** Every customer seen, by input index, before the aggregation left some out. */
export interface SeenCustomers {
  readonly ids: readonly string[];
  readonly firstRows: Int32Array;
  readonly attributes: Partial<Record<AttributeField, (string | undefined)[]>>;
}

/**
 * The features of the kept customers only: `out`'s columns (written at kept
 * indexes) cut to the kept count, and ids, first rows and attributes picked
 * from `seen` by input index. When every customer was kept, nothing is copied.
 */
export function selectKeptFeatures(
  kept: KeptCustomers,
  seen: SeenCustomers,
  out: AggregateColumns,
  asOf: Pick<CustomerFeatures, 'asOfDay' | 'asOfSource'>,
  purchaseDays: { readonly days: Int32Array; readonly amounts: Float64Array } | undefined,
): CustomerFeatures {
  const count = kept.ids.length;
  const all = count === seen.ids.length;
  const trim = (column: Float64Array): Float64Array => (all ? column : column.slice(0, count));
  const attributes: Partial<Record<AttributeField, (string | undefined)[]>> = {};
  for (const [field, list] of Object.entries(seen.attributes) as [AttributeField, (string | undefined)[]][]) {
    attributes[field] = all ? list : Array.from({ length: count }, (_, k) => list[kept.index[k]!]);
  }
  const firstRow = new Int32Array(count);
  for (let k = 0; k < count; k++) firstRow[k] = seen.firstRows[kept.index[k]!]!;
  const { dayOffsets } = kept;
  return {
    count,
    ids: all ? seen.ids : kept.ids,
    firstRow,
    asOfDay: asOf.asOfDay,
    asOfSource: asOf.asOfSource,
    recencyDays: trim(out.recencyDays),
    frequency: trim(out.frequency),
    monetary: trim(out.monetary),
    frequency6m: trim(out.frequency6m),
    amount6m: trim(out.amount6m),
    windowFrequency: trim(out.windowFrequency),
    windowMonetary: trim(out.windowMonetary),
    averageOrderValue: trim(out.averageOrderValue),
    tenureDays: trim(out.tenureDays),
    firstPurchaseDay: trim(out.firstPurchaseDay),
    lastPurchaseDay: trim(out.lastPurchaseDay),
    behaviour: {},
    attributes,
    ...(kept.leftOut.length > 0 ? { leftOut: kept.leftOut } : {}),
    ...(dayOffsets && purchaseDays
      ? {
          purchaseDays: {
            offsets: all ? dayOffsets : dayOffsets.slice(0, count + 1),
            days: purchaseDays.days,
            amounts: purchaseDays.amounts,
          },
        }
      : {}),
  };
}
