import type { CellIssue } from '../report/cell-issue.js';
import type { IssueLog } from '../report/issue-log.js';
import { currencyOf, DEFAULT_CURRENCY, type Currency } from './currency.js';

const SYMBOL_CODES: Readonly<Record<string, string>> = {
  '¥': 'CNY',
  '￥': 'CNY',
  $: 'USD',
  '＄': 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '￡': 'GBP',
  元: 'CNY',
  块: 'CNY',
  人民币: 'CNY',
};
const CODES = 'CNY|RMB|USD|EUR|GBP|JPY|HKD';
// What parse-number strips from money cells: a leading symbol or code, a trailing unit or code.
const CELL_PREFIX = new RegExp(`^[-+(（\\s]*([¥￥$＄€£￡]|${CODES})`, 'i');
const CELL_SUFFIX = new RegExp(`(元|块|人民币|${CODES})[)）\\s]*$`, 'i');
// Header units: `金额(元)`, `Amount (GBP)`, `UnitPrice (€)`, `Price [USD]`, `Sales GBP`.
const HEADER_UNIT = new RegExp(
  `[(（\\[【]\\s*([¥￥$＄€£￡]|元|人民币|${CODES})\\s*[)）\\]】]|(?:^|[\\s_-])(${CODES})$`,
  'i',
);

const codeOf = (token: string): string => SYMBOL_CODES[token] ?? currencyOf(token).code;

/**
 * The currency a header names in its unit, if any.
 * @example currencyOfHeader('Amount (GBP)') // 'GBP'
 * @example currencyOfHeader('金额(元)') // 'CNY'
 */
export function currencyOfHeader(header: string): string | undefined {
  const match = HEADER_UNIT.exec(header.trim());
  const token = match?.[1] ?? match?.[2];
  return token === undefined ? undefined : codeOf(token);
}

/**
 * The currency a money cell is written in (`£4.95`, `-¥1,200`, `3500元`,
 * `GBP 12`), or undefined for a bare number.
 * @example currencyOfCell('(¥1,234.50)') // 'CNY'
 */
export function currencyOfCell(text: string): string | undefined {
  const prefix = CELL_PREFIX.exec(text);
  if (prefix) return codeOf(prefix[1]!);
  const suffix = CELL_SUFFIX.exec(text);
  return suffix ? codeOf(suffix[1]!) : undefined;
}

interface Evidence {
  count: number;
  readonly row: number;
  readonly column: string;
  readonly value: string;
}

/**
 * Tallies the currencies seen in money cells while rows stream by (one
 * regex test per text cell; numbers carry no currency), then decides the
 * run's currency with the headers and the `currency` option.
 */
export class CurrencyTally {
  private readonly seen = new Map<string, Evidence>();

  /** Notes the currency of one money cell, if it shows one. */
  noteCell(cell: unknown, row: number, column: string): void {
    if (typeof cell !== 'string' || cell.length === 0) return;
    const code = currencyOfCell(cell);
    if (code !== undefined) this.add(code, row, column, cell);
  }

  /** Notes the currency a header names (`Amount (GBP)`). */
  noteHeader(header: string, row: number): void {
    const code = currencyOfHeader(header);
    if (code !== undefined) this.add(code, row, header, header);
  }

  private add(code: string, row: number, column: string, value: string): void {
    const evidence = this.seen.get(code);
    if (evidence) evidence.count++;
    else this.seen.set(code, { count: 1, row, column, value });
  }

  /**
   * The run's currency: the `currency` option when given, else the one the
   * data shows, else CNY (SPEC convention). Several currencies in the data
   * are one `mixed-currency` issue (amounts are not converted); the most
   * frequent one is used.
   */
  resolve(given: string | undefined, log: IssueLog): Currency {
    const found = [...this.seen].sort((a, b) => b[1].count - a[1].count);
    if (found.length > 1) {
      const [first, second] = found as [[string, Evidence], [string, Evidence]];
      const issue: CellIssue = {
        code: 'mixed-currency',
        row: second[1].row,
        column: second[1].column,
        value: second[1].value,
        message: `Row ${second[1].row}, ${second[1].column}: "${second[1].value}" is in ${second[0]}, but ${first[1].count.toLocaleString('en-US')} amount${first[1].count === 1 ? '' : 's'} (first: row ${first[1].row}, "${first[1].value}") are in ${first[0]}; amounts are not converted, ${given ? `shown as ${currencyOf(given).code} (currency option)` : `shown as ${first[0]}`}. Currencies seen: ${found.map(([code, e]) => `${code} ×${e.count.toLocaleString('en-US')}`).join(', ')}.`,
      };
      log.add(issue);
    }
    if (given !== undefined) return currencyOf(given);
    return found.length > 0 ? currencyOf(found[0]![0]) : DEFAULT_CURRENCY;
  }
}
