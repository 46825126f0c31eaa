import type { ColumnPlan } from '../headers/detect-columns.js';
import { CurrencyTally } from '../money/detect-currency.js';
import type { TransactionColumns } from './transaction-columns.js';

/**
 * Starts a transaction run's currency tally from the headers of its amount
 * and unit price columns (`Amount (GBP)`, `金额(元)`); the row reader then
 * notes every money cell (`£4.00`).
 * @example noteCurrencyHeaders(plan, resolveTransactionColumns(plan)).resolve(undefined, log).code // "GBP" for `Amount (GBP)`
 */
export function noteCurrencyHeaders(plan: ColumnPlan, columns: TransactionColumns): CurrencyTally {
  const currency = new CurrencyTally();
  for (const i of [columns.amount, columns.unitPrice])
    if (i !== undefined) currency.noteHeader(plan.headers[i] ?? '', 0);
  return currency;
}
