import type { ColumnPlan } from '../headers/detect-columns.js';
import { ATTRIBUTE_FIELDS, type AttributeField } from './customer-features.js';

/**
 * Where a transaction table keeps each field, and the header each message
 * names: resolved once from the column plan so the row loop only indexes.
 */
export interface TransactionColumns {
  readonly id: number;
  readonly date: number;
  /** The amount column; without it the amount is quantity × unit price. */
  readonly amount: number | undefined;
  readonly quantity: number | undefined;
  readonly unitPrice: number | undefined;
  readonly orderId: number | undefined;
  /** The column whose cells show a currency: the amount, else the unit price. */
  readonly money: number | undefined;
  readonly idName: string;
  readonly dateName: string;
  /** The amount header, or the quantity header for a computed amount. */
  readonly amountName: string;
  readonly priceName: string;
  readonly moneyName: string;
  /** Named in refund messages: `Amount`, or `Quantity × UnitPrice` for a computed amount. */
  readonly amountCell: string;
  /** Attribute fields the table has, and their columns, in ATTRIBUTE_FIELDS order. */
  readonly attributeFields: readonly AttributeField[];
  readonly attributeColumns: readonly number[];
}

/**
 * Resolves a transactions plan's columns and the headers its messages name
 * (an empty header reads `Column N`, 1-based).
 * @example resolveTransactionColumns(plan).amountCell // "Quantity × UnitPrice"
 */
export function resolveTransactionColumns(plan: ColumnPlan): TransactionColumns {
  const col = plan.columns;
  const header = (i: number | undefined): string => (i === undefined ? '' : plan.headers[i] || `Column ${i + 1}`);
  const amount = col.orderAmount;
  const quantity = col.quantity;
  const unitPrice = col.unitPrice;
  const money = amount ?? unitPrice;
  const amountName = header(amount ?? quantity);
  const priceName = header(unitPrice);
  const attributeFields = ATTRIBUTE_FIELDS.filter((f) => col[f] !== undefined);
  return {
    id: col.customerId!,
    date: col.orderDate!,
    amount,
    quantity,
    unitPrice,
    orderId: col.orderId,
    money,
    idName: header(col.customerId),
    dateName: header(col.orderDate),
    amountName,
    priceName,
    moneyName: header(money),
    amountCell: amount !== undefined ? amountName : `${amountName} × ${priceName}`,
    attributeFields,
    attributeColumns: attributeFields.map((f) => col[f]!),
  };
}
