import { cellText } from '../table/cell-text.js';
import type { RawRow } from '../table/cell.js';
import { fnv1a, GrowableColumn } from '../util/growable.js';
import type { AmountCell, LineColumns } from './aggregate-orders.js';
import { describeAmountCells } from './describe-amount-cells.js';
import { hashLine } from './hash-line.js';
import type { TransactionColumns } from './transaction-columns.js';

/**
 * The accepted transaction lines as compact typed columns (customer index,
 * day, amount, line hashes, order-id hash, sheet row), ~40 bytes a line and
 * no object per line, so 10M-line files fit in memory.
 */
export class TransactionLines {
  readonly customer = new GrowableColumn(Int32Array, 1 << 16);
  private readonly days = new GrowableColumn(Int32Array, 1 << 16);
  private readonly amounts = new GrowableColumn(Float64Array, 1 << 16);
  private readonly hashA = new GrowableColumn(Int32Array, 1 << 16);
  private readonly hashB = new GrowableColumn(Int32Array, 1 << 16);
  private readonly orderHash: GrowableColumn<Int32Array> | undefined;
  private readonly rowNumbers = new GrowableColumn(Int32Array, 1 << 16);
  // Quantity of each negative line (qty × price input only, ~2% of rows):
  // refund messages name the real cells without keeping every quantity.
  private readonly negativePositions: GrowableColumn<Int32Array> | undefined;
  private readonly negativeQuantities: GrowableColumn<Float64Array> | undefined;
  /** The two line hashes of the line being added (reused: no allocation per line). */
  private readonly lineHash = new Int32Array(2);
  private readonly orderColumn: number | undefined;
  /** Newest day of an accepted line (−Infinity before the first). */
  maxDay = -Infinity;

  constructor(columns: TransactionColumns) {
    this.orderColumn = columns.orderId;
    this.orderHash = columns.orderId !== undefined ? new GrowableColumn(Int32Array, 1 << 16) : undefined;
    const computed = columns.quantity !== undefined && columns.amount === undefined;
    this.negativePositions = computed ? new GrowableColumn(Int32Array, 1 << 10) : undefined;
    this.negativeQuantities = computed ? new GrowableColumn(Float64Array, 1 << 10) : undefined;
  }

  /** Lines added so far. */
  get length(): number {
    return this.customer.length;
  }

  /**
   * Adds the accepted `row` of customer index `customer`: its day, amount
   * (NaN when empty) and, for a computed amount, its quantity.
   */
  push(row: RawRow, customer: number, day: number, amount: number, quantity: number, rowNumber: number): void {
    hashLine(row, this.lineHash);
    this.customer.push(customer);
    this.days.push(day);
    this.amounts.push(amount);
    if (this.negativePositions && amount < 0) {
      this.negativePositions.push(this.customer.length - 1);
      this.negativeQuantities!.push(quantity);
    }
    this.hashA.push(this.lineHash[0]!);
    this.hashB.push(this.lineHash[1]!);
    this.rowNumbers.push(rowNumber);
    if (this.orderHash) this.orderHash.push(fnv1a(cellText(row[this.orderColumn!])));
    if (day > this.maxDay) this.maxDay = day;
  }

  /** The filled columns (views, not copies), as the order aggregator reads them. */
  view(): LineColumns {
    return {
      days: this.days.view(),
      amounts: this.amounts.view(),
      hashA: this.hashA.view(),
      hashB: this.hashB.view(),
      orderHash: this.orderHash?.view(),
      rowNumbers: this.rowNumbers.view(),
    };
  }

  /** How messages name a line's amount cell (`column` is `Amount` or `Quantity × UnitPrice`). */
  describeAmounts(column: string): AmountCell {
    return describeAmountCells(column, this.negativePositions?.view(), this.negativeQuantities?.view());
  }
}
