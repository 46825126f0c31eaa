import { cellText, isEmptyCell, isFormulaError } from '../table/cell-text.js';
import type { RawRow } from '../table/cell.js';
import { GrowableColumn } from '../util/growable.js';
import { StringIndex } from '../util/string-index.js';
import type { AttributeField } from './customer-features.js';
import type { TransactionColumns } from './transaction-columns.js';

/**
 * The customers of a transaction table in first-seen order: a dense index
 * per id, each customer's first row, and its text attributes (region,
 * owner, …) taken from the first of its rows where the cell is filled.
 */
export class TransactionCustomers {
  private readonly index = new StringIndex();
  /** Ids by customer index. */
  readonly ids: readonly string[] = this.index.keys;
  /** First accepted row of each customer (1-based, as the user sees it). */
  readonly firstRows = new GrowableColumn(Int32Array);
  /** Attribute values by field, one entry per customer (undefined: never filled). */
  readonly attributes: Partial<Record<AttributeField, (string | undefined)[]>> = {};
  private readonly attributeColumns: readonly number[];
  private readonly attributeLists: (string | undefined)[][];

  constructor(columns: TransactionColumns) {
    this.attributeColumns = columns.attributeColumns;
    this.attributeLists = columns.attributeFields.map((field) => (this.attributes[field] = []));
  }

  /** Customers seen so far. */
  get count(): number {
    return this.index.size;
  }

  /** The index of customer `id`, whose accepted `row` is sheet row `rowNumber`. */
  add(id: string, row: RawRow, rowNumber: number): number {
    const known = this.index.size;
    const c = this.index.intern(id);
    const lists = this.attributeLists;
    if (c === known) {
      this.firstRows.push(rowNumber);
      for (let k = 0; k < lists.length; k++) lists[k]!.push(undefined);
    }
    for (let k = 0; k < lists.length; k++) {
      const list = lists[k]!;
      const cell = row[this.attributeColumns[k]!];
      if (list[c] === undefined && !isEmptyCell(cell) && !isFormulaError(cell)) list[c] = cellText(cell).trim();
    }
    return c;
  }
}
