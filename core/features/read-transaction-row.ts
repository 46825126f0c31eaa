import { createCellContext, readDateCell, readNumberCell, type CellContext } from '../clean/read-cell.js';
import type { CurrencyTally } from '../money/detect-currency.js';
import { createIssue } from '../report/cell-issue.js';
import type { IssueLog } from '../report/issue-log.js';
import type { SegmentOptions } from '../segment/segment-options.js';
import { cellText, isEmptyCell, isFormulaError } from '../table/cell-text.js';
import type { RawRow } from '../table/cell.js';
import type { LineTotals } from './accumulate-order-lists.js';
import { logMissingId } from './log-missing-id.js';
import type { TransactionColumns } from './transaction-columns.js';

/** The first rejected cell of a column: named when no row of the column is usable. */
export interface FirstBadCell {
  readonly row: number;
  readonly value: string;
}

/**
 * Reads and checks one transaction row at a time (SPEC §3: missing id, id
 * unification, unreadable date or amount, empty date), logging what it
 * rejects and counting what the finish step needs to name an unusable
 * column. An accepted row's values are left in `id`, `day`, `amount` and
 * `quantity`, overwritten by the next row: the hot loop makes no object per row.
 */
export class TransactionRowReader implements Omit<LineTotals, 'maxDay'> {
  /** Non-blank data rows read. */
  dataRows = 0;
  validDates = 0;
  validAmounts = 0;
  firstBadDate: FirstBadCell | undefined = undefined;
  firstBadAmount: FirstBadCell | undefined = undefined;
  /** The accepted row's customer id (after the id map). */
  id = '';
  day = 0;
  /** NaN for an empty amount, to be filled from the customer's orders (SPEC §3 amount-filled). */
  amount = Number.NaN;
  /** The row's quantity when the amount is quantity × unit price (NaN otherwise or when unreadable). */
  quantity = Number.NaN;
  private readonly ctx: CellContext;
  private readonly idMap: ReadonlyMap<string, string>;

  constructor(
    private readonly columns: TransactionColumns,
    options: SegmentOptions,
    private readonly log: IssueLog,
    private readonly currency: CurrencyTally,
  ) {
    this.ctx = createCellContext(options, log, 'clean.then.row-excluded');
    this.idMap = new Map(Object.entries(options.idMap));
  }

  /** Decides each number column's decimal mark from the whole batch before any cell is read (1.000 above 2.500,50). */
  learnBatch(rows: readonly RawRow[]): void {
    const c = this.columns;
    this.ctx.numbers.learn(rows, c.amount ?? c.quantity, c.amountName);
    this.ctx.numbers.learn(rows, c.unitPrice, c.priceName);
  }

  /**
   * Reads row `rowNumber` (as the user sees it): true when it is usable, its
   * values then in `id`, `day`, `amount` and `quantity`; false for a blank
   * row or one excluded (its issues logged).
   */
  read(row: RawRow, rowNumber: number): boolean {
    const c = this.columns;
    const log = this.log;
    const idCell = row[c.id];
    let id = typeof idCell === 'string' ? idCell : idCell === null || idCell === undefined ? '' : String(idCell);
    if (id.length > 0 && (id.charCodeAt(0) <= 32 || id.charCodeAt(id.length - 1) <= 32)) id = id.trim();
    if (id === '' || isFormulaError(id)) {
      if (row.every(isEmptyCell)) return false;
      this.dataRows++;
      logMissingId(log, rowNumber, c.idName, idCell, id);
      return false;
    }
    this.dataRows++;
    if (this.idMap.size > 0) id = this.unify(id, rowNumber);

    if (c.money !== undefined) this.currency.noteCell(row[c.money], rowNumber, c.moneyName);
    const ctx = this.ctx;
    const day = readDateCell(row[c.date], rowNumber, c.dateName, ctx);
    let amount: number | null;
    if (c.amount !== undefined) amount = readNumberCell(row[c.amount], 'money', rowNumber, c.amountName, ctx);
    else {
      const qty = readNumberCell(row[c.quantity!], 'number', rowNumber, c.amountName, ctx);
      const price = readNumberCell(row[c.unitPrice!], 'money', rowNumber, c.priceName, ctx);
      amount =
        qty === null || price === null ? (Number.isNaN(qty) || Number.isNaN(price) ? Number.NaN : null) : qty * price;
      this.quantity = qty ?? Number.NaN;
    }
    if (day === null)
      log.add(
        createIssue('missing-value', rowNumber, c.dateName, '', {
          key: 'clean.transaction.date-empty',
          params: { row: rowNumber, column: c.dateName },
        }),
      );
    const dateOk = day !== null && !Number.isNaN(day);
    // SPEC §3 amount-filled: an empty amount is kept and filled at the finish
    // from the customer's recent orders; an unreadable one is excluded.
    const amountEmpty = amount === null;
    const amountOk = amount !== null && !Number.isNaN(amount);
    if (dateOk) this.validDates++;
    else this.firstBadDate ??= { row: rowNumber, value: cellText(row[c.date]) };
    if (amountOk) this.validAmounts++;
    else this.firstBadAmount ??= { row: rowNumber, value: cellText(row[c.amount ?? c.quantity!]) };
    if (!dateOk || !(amountOk || amountEmpty)) return false;
    this.id = id;
    this.day = day;
    this.amount = amountEmpty ? Number.NaN : amount!;
    return true;
  }

  /** Logs the cleaning steps that only report at the end (dates read from a non-ISO form). */
  flush(): void {
    this.ctx.dates.flush(this.log);
  }

  /** The master id of `id` under the `idMap` option, logged when it changes (SPEC §3 id-unified). */
  private unify(id: string, rowNumber: number): string {
    const master = this.idMap.get(id);
    if (master === undefined || master === id) return id;
    const column = this.columns.idName;
    this.log.add(
      createIssue('id-unified', rowNumber, column, id, {
        key: 'clean.transaction.id-unified',
        params: { row: rowNumber, column, id, master },
      }),
    );
    return master;
  }
}
