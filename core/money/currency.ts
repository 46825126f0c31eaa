/**
 * The currencies Tierline names by symbol. Money is shown in the data's
 * currency (SPEC §1 assumes yuan; real exports are often pounds, dollars,
 * euros), never assumed: detected from cells and headers, or given.
 */
export interface Currency {
  /** ISO 4217 code, e.g. `GBP`. */
  readonly code: string;
  /** Display symbol, e.g. `£`; the code itself for currencies not listed here. */
  readonly symbol: string;
}

const SYMBOLS: Readonly<Record<string, string>> = { CNY: '¥', GBP: '£', USD: '$', EUR: '€', JPY: 'JP¥', HKD: 'HK$' };

/** The default when neither the data nor the options say: SPEC conventions, money is CNY yuan. */
export const DEFAULT_CURRENCY: Currency = { code: 'CNY', symbol: '¥' };

/**
 * The currency of an ISO code (case-insensitive); `RMB` is read as CNY.
 * @example currencyOf('gbp') // { code: 'GBP', symbol: '£' }
 */
export function currencyOf(code: string): Currency {
  const upper = code.trim().toUpperCase();
  const iso = upper === 'RMB' ? 'CNY' : upper;
  return { code: iso, symbol: SYMBOLS[iso] ?? iso };
}
