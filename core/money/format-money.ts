import { groupDigits } from './group-digits.js';
import type { Locale } from '../i18n/labels.js';
import type { Currency } from './currency.js';

const formats = new Map<number, Intl.NumberFormat>();
function numberFormat(fractionDigits: number): Intl.NumberFormat {
  let format = formats.get(fractionDigits);
  if (!format)
    formats.set(
      fractionDigits,
      (format = new Intl.NumberFormat('en-US', {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      })),
    );
  return format;
}

/**
 * Money for people, in the data's currency: `£1,234.50`, `-£27.50`; yuan in
 * Chinese keeps the sources' wording `1,234.50元`. One function for every
 * face (tags, thresholds, summaries, reports, the add-in and the bot).
 * @example formatMoney(1000, { code: 'GBP', symbol: '£' }, 'en', 0) === '£1,000'
 * @example formatMoney(1000, { code: 'CNY', symbol: '¥' }, 'zh-CN', 0) === '1,000元'
 */
export function formatMoney(amount: number, currency: Currency, locale: Locale, fractionDigits = 2): string {
  if (!Number.isFinite(amount)) return '';
  // Whole amounts, and any amount to 0 places, without the ICU call (the same text: grouped digits, then as many
  // zeros as fraction digits; Math.round of a positive value rounds half up like Intl's halfExpand).
  const abs = Math.abs(amount);
  const digits = Number.isSafeInteger(amount)
    ? groupDigits(abs) + (fractionDigits > 0 ? '.' + '0'.repeat(fractionDigits) : '')
    : fractionDigits === 0 && abs < Number.MAX_SAFE_INTEGER
      ? groupDigits(Math.round(abs))
      : numberFormat(fractionDigits).format(abs);
  const sign = amount < 0 && digits.replace(/[0.,]/g, '') !== '' ? '-' : '';
  if (locale === 'zh-CN' && currency.code === 'CNY') return `${sign}${digits}元`;
  // A code used as symbol (no symbol known) reads better with a space: "CHF 1,000".
  const symbol =
    currency.symbol.length === 3 && currency.symbol === currency.code ? `${currency.symbol} ` : currency.symbol;
  return `${sign}${symbol}${digits}`;
}

/**
 * An Excel number format showing the currency (`"£"#,##0.00`), for the
 * add-in's and the xlsx report's money columns.
 * @example excelMoneyFormat({ code: 'GBP', symbol: '£' }) === '"£"#,##0.00'
 */
export function excelMoneyFormat(currency: Currency, fractionDigits = 2): string {
  const number = fractionDigits > 0 ? `#,##0.${'0'.repeat(fractionDigits)}` : '#,##0';
  return `"${currency.symbol}"${number}`;
}
