import type { ColumnPlan } from '../headers/detect-columns.js';
import { createCellContext, readDateCell, readNumberCell } from '../clean/read-cell.js';
import { addMonths, formatDay } from '../parse/civil-day.js';
import { createIssue, DataValidationError, type CellIssue } from '../report/cell-issue.js';
import type { IssueLog } from '../report/issue-log.js';
import type { SegmentOptions } from '../segment/segment-options.js';
import { cellText, isEmptyCell, isFormulaError } from '../table/cell-text.js';
import type { RawRow } from '../table/cell.js';
import { logMissingId } from './log-missing-id.js';
import { GrowableColumn } from '../util/growable.js';
import { StringIndex } from '../util/string-index.js';
import { CurrencyTally } from '../money/detect-currency.js';
import { OrderAggregator, POSITION_BITS, type AggregateColumns, type AmountCell } from './aggregate-orders.js';
import { ATTRIBUTE_FIELDS, nanColumn, type AttributeField, type CustomerFeatures } from './customer-features.js';

/** Days added in sort keys so any four-digit-year date (≥ 1000-01-01, day −354285) keys positive. */
const KEY_DAY_OFFSET = 2 ** 19;

export interface TransactionAccumulator {
  /** Adds a batch of data rows; `firstRowNumber` is the sheet row of `rows[0]`. */
  addRows(rows: readonly RawRow[], firstRowNumber: number): void;
  /** Rows accepted so far. */
  readonly rowCount: number;
  /** Currencies seen in the amount (or unit price) cells and headers. */
  readonly currency: CurrencyTally;
  /**
   * Aggregates per customer (SPEC §2 derived metrics).
   * @throws DataValidationError when no row could be used.
   */
  finish(): CustomerFeatures;
}

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Streams transaction rows into compact typed columns (customer index, day,
 * amount, line hash), then aggregates per customer after a counting sort, so
 * 10M rows cost ~40 bytes each and no per-row objects.
 */
export function createTransactionAccumulator(
  plan: ColumnPlan,
  options: SegmentOptions,
  log: IssueLog,
  keepPurchaseDays = false,
): TransactionAccumulator {
  const col = plan.columns;
  const header = (i: number | undefined): string => (i === undefined ? '' : plan.headers[i] || `Column ${i + 1}`);
  const idCol = col.customerId!;
  const dateCol = col.orderDate!;
  const amountCol = col.orderAmount;
  const qtyCol = col.quantity;
  const priceCol = col.unitPrice;
  const orderCol = col.orderId;
  const idName = header(idCol),
    dateName = header(dateCol),
    amountName = header(amountCol ?? qtyCol),
    priceName = header(priceCol);
  const attributeCols = ATTRIBUTE_FIELDS.filter((f) => col[f] !== undefined).map((f) => [f, col[f]!] as const);
  const idMap = new Map(Object.entries(options.idMap));

  const ctx = createCellContext(options, log, 'clean.then.row-excluded');
  const dates = ctx.dates;

  const index = new StringIndex();
  const ids = index.keys;
  const firstRows = new GrowableColumn(Int32Array);
  const attributes: Partial<Record<AttributeField, (string | undefined)[]>> = {};
  for (const [field] of attributeCols) attributes[field] = [];

  const cust = new GrowableColumn(Int32Array, 1 << 16);
  const days = new GrowableColumn(Int32Array, 1 << 16);
  const amounts = new GrowableColumn(Float64Array, 1 << 16);
  const hashA = new GrowableColumn(Int32Array, 1 << 16);
  const hashB = new GrowableColumn(Int32Array, 1 << 16);
  const orderHash = orderCol !== undefined ? new GrowableColumn(Int32Array, 1 << 16) : undefined;
  const rowNumbers = new GrowableColumn(Int32Array, 1 << 16);
  // Quantity of each negative line (qty × price input only, ~2% of rows):
  // refund messages name the real cells without keeping every quantity.
  const negativePositions =
    qtyCol !== undefined && amountCol === undefined ? new GrowableColumn(Int32Array, 1 << 10) : undefined;
  const negativeQuantities = negativePositions ? new GrowableColumn(Float64Array, 1 << 10) : undefined;
  let maxDay = -Infinity;
  let lastQuantity = Number.NaN;
  const currency = new CurrencyTally();
  const moneyCol = amountCol ?? priceCol;
  for (const i of [amountCol, priceCol]) if (i !== undefined) currency.noteHeader(plan.headers[i] ?? '', 0);
  let validDates = 0,
    validAmounts = 0,
    dataRows = 0;
  const firstBad: { date?: CellIssue; amount?: CellIssue } = {};

  // The two line hashes of the row being read (reused: no allocation per row).
  const lineHash = new Int32Array(2);

  function addRows(rows: readonly RawRow[], firstRowNumber: number): void {
    // Decimal mark per column from the whole batch before any cell is read (1.000 above 2.500,50).
    ctx.numbers.learn(rows, amountCol ?? qtyCol, amountName);
    ctx.numbers.learn(rows, priceCol, priceName);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const rowNumber = firstRowNumber + i;
      const idCell = row[idCol];
      let id = typeof idCell === 'string' ? idCell : idCell === null || idCell === undefined ? '' : String(idCell);
      if (id.length > 0 && (id.charCodeAt(0) <= 32 || id.charCodeAt(id.length - 1) <= 32)) id = id.trim();
      if (id === '' || isFormulaError(id)) {
        if (row.every(isEmptyCell)) continue;
        dataRows++;
        logMissingId(log, rowNumber, idName, idCell, id);
        continue;
      }
      dataRows++;
      if (idMap.size > 0) {
        const master = idMap.get(id);
        if (master !== undefined && master !== id) {
          log.add(
            createIssue('id-unified', rowNumber, idName, id, {
              key: 'clean.transaction.id-unified',
              params: { row: rowNumber, column: idName, id, master },
            }),
          );
          id = master;
        }
      }

      if (moneyCol !== undefined) currency.noteCell(row[moneyCol], rowNumber, header(moneyCol));
      const day = readDateCell(row[dateCol], rowNumber, dateName, ctx);
      let amount: number | null;
      if (amountCol !== undefined) amount = readNumberCell(row[amountCol], 'money', rowNumber, amountName, ctx);
      else {
        const qty = readNumberCell(row[qtyCol!], 'number', rowNumber, amountName, ctx);
        const price = readNumberCell(row[priceCol!], 'money', rowNumber, priceName, ctx);
        amount =
          qty === null || price === null ? (Number.isNaN(qty) || Number.isNaN(price) ? Number.NaN : null) : qty * price;
        lastQuantity = qty ?? Number.NaN;
      }
      if (day === null)
        log.add(
          createIssue('missing-value', rowNumber, dateName, '', {
            key: 'clean.transaction.date-empty',
            params: { row: rowNumber, column: dateName },
          }),
        );
      const dateOk = day !== null && !Number.isNaN(day);
      // SPEC §3 amount-filled: an empty amount is kept and filled in finish()
      // from the customer's recent orders; an unreadable one is excluded.
      const amountEmpty = amount === null;
      const amountOk = amount !== null && !Number.isNaN(amount);
      if (dateOk) validDates++;
      else
        firstBad.date ??= {
          code: 'invalid-column',
          row: rowNumber,
          column: dateName,
          value: cellText(row[dateCol]),
          message: '',
        };
      if (amountOk) validAmounts++;
      else
        firstBad.amount ??= {
          code: 'invalid-column',
          row: rowNumber,
          column: amountName,
          value: cellText(row[amountCol ?? qtyCol!]),
          message: '',
        };
      if (!dateOk || !(amountOk || amountEmpty)) continue;

      const known = index.size;
      const c = index.intern(id);
      if (c === known) {
        firstRows.push(rowNumber);
        for (const [field] of attributeCols) attributes[field]!.push(undefined);
      }
      for (const [field, ci] of attributeCols) {
        const list = attributes[field]!;
        if (list[c] === undefined && !isEmptyCell(row[ci]) && !isFormulaError(row[ci]))
          list[c] = cellText(row[ci]).trim();
      }
      hashLine(row, lineHash);
      cust.push(c);
      days.push(day!);
      amounts.push(amountEmpty ? Number.NaN : amount!);
      if (negativePositions && amount! < 0) {
        negativePositions.push(cust.length - 1);
        negativeQuantities!.push(lastQuantity);
      }
      hashA.push(lineHash[0]!);
      hashB.push(lineHash[1]!);
      rowNumbers.push(rowNumber);
      if (orderHash) orderHash.push(hashText(cellText(row[orderCol!])));
      if (day! > maxDay) maxDay = day!;
    }
  }

  function failIfUnusable(): void {
    const fatal: CellIssue[] = [];
    if (dataRows > 0 && validDates === 0 && firstBad.date) {
      fatal.push(
        createIssue('invalid-column', firstBad.date.row, firstBad.date.column, firstBad.date.value, {
          key: 'clean.column-no-date',
          params: {
            column: dateName,
            count: dataRows.toLocaleString('en-US'),
            row: firstBad.date.row,
            value: firstBad.date.value,
          },
        }),
      );
    }
    if (dataRows > 0 && validAmounts === 0 && firstBad.amount) {
      fatal.push(
        createIssue('invalid-column', firstBad.amount.row, firstBad.amount.column, firstBad.amount.value, {
          key: 'clean.column-no-amount',
          params: {
            column: amountName,
            count: dataRows.toLocaleString('en-US'),
            row: firstBad.amount.row,
            value: firstBad.amount.value,
          },
        }),
      );
    }
    if (fatal.length > 0) throw new DataValidationError(fatal);
    if (ids.length === 0) {
      throw new DataValidationError([
        dataRows === 0
          ? createIssue('header-only', 0, '', '', { key: 'clean.header-only' })
          : createIssue('no-customers', 0, '', '', {
              key: 'clean.no-usable-rows',
              params: { count: dataRows.toLocaleString('en-US') },
            }),
      ]);
    }
  }

  function finish(): CustomerFeatures {
    dates.flush(log);
    failIfUnusable();
    const n = cust.length;
    const m = ids.length;
    const custV = cust.view(),
      dayV = days.view(),
      amtV = amounts.view(),
      hA = hashA.view(),
      hB = hashB.view(),
      rowV = rowNumbers.view();
    const ordV = orderHash?.view();
    const asOfDay = options.asOfDay ?? maxDay + 1;
    const start6 = addMonths(asOfDay, -6);
    const start3 = addMonths(asOfDay, -3);
    const startWindow = options.window === 'all' ? -Infinity : addMonths(asOfDay, -options.window);
    const net = options.refunds === 'net';

    // Counting sort of row positions by customer.
    const offsets = new Int32Array(m + 1);
    for (let r = 0; r < n; r++) offsets[custV[r]! + 1]!++;
    for (let c = 0; c < m; c++) offsets[c + 1]! += offsets[c]!;
    const order = new Int32Array(n);
    const fill = offsets.slice(0, m);
    for (let r = 0; r < n; r++) order[fill[custV[r]!]!++] = r;

    const amountCell = describeAmountCells(
      amountCol !== undefined ? amountName : `${amountName} × ${priceName}`,
      negativePositions?.view(),
      negativeQuantities?.view(),
    );
    const columns: AggregateColumns = {
      recencyDays: nanColumn(m),
      frequency: new Float64Array(m),
      monetary: new Float64Array(m),
      frequency6m: new Float64Array(m),
      amount6m: new Float64Array(m),
      windowFrequency: new Float64Array(m),
      windowMonetary: new Float64Array(m),
      averageOrderValue: nanColumn(m),
      tenureDays: nanColumn(m),
      firstPurchaseDay: nanColumn(m),
      lastPurchaseDay: nanColumn(m),
    };
    const aggregator = new OrderAggregator(
      { days: dayV, amounts: amtV, hashA: hA, hashB: hB, orderHash: ordV, rowNumbers: rowV },
      {
        asOfDay,
        start6,
        start3,
        startWindow,
        netRefunds: net,
        frequencyByDay: options.frequencyBy === 'day',
        keepPurchaseDays,
        dateName,
        idName,
        amount: amountCell,
      },
      columns,
      log,
    );
    const dayOffsets = keepPurchaseDays ? new Int32Array(m + 1) : undefined;
    // Customers without a purchase (refunds only, or only rows on/after
    // asOf) are reported once and left out, so no summary, cluster, churn
    // list or joined table counts them as customers.
    const kept = new Int32Array(m);
    const keptIds: string[] = [];
    const left: string[] = [];
    let keys = new Float64Array(64);
    for (let c = 0; c < m; c++) {
      const from = offsets[c]!,
        to = offsets[c + 1]!,
        len = to - from;
      if (keys.length < len) keys = new Float64Array(len * 2);
      for (let k = 0; k < len; k++) {
        const r = order[from + k]!;
        // Offset so the key stays positive: `key % POSITION_BITS` of a
        // negative key (a date before 1970) is negative, not the row.
        keys[k] = (dayV[r]! + KEY_DAY_OFFSET) * POSITION_BITS + r;
      }
      const sorted = keys.subarray(0, len);
      if (len > 24) sorted.sort();
      else insertionSort(sorted);
      const at = keptIds.length;
      const outcome = aggregator.aggregate(ids[c]!, sorted, at);
      if (outcome === 'kept') {
        kept[at] = c;
        keptIds.push(ids[c]!);
        if (dayOffsets) dayOffsets[at + 1] = aggregator.dayList!.length;
        if (columns.monetary[at]! < 0) {
          log.add({
            code: 'negative-spend',
            row: firstRows.data[c]!,
            column: amountCell.column,
            value: money.format(columns.monetary[at]!),
            message: `Customer ${ids[c]}: refunds exceed purchases (net ${money.format(columns.monetary[at]!)}); kept as is, please verify.`,
          });
        }
        continue;
      }
      left.push(ids[c]!);
      log.add(
        outcome === 'refund-only'
          ? {
              code: 'refund-only',
              row: firstRows.data[c]!,
              column: idName,
              value: ids[c]!,
              message: `Customer ${ids[c]} has refunds but no purchase before ${formatDay(asOfDay)}; left out of segments, totals and churn lists.`,
            }
          : {
              code: 'no-purchases',
              row: firstRows.data[c]!,
              column: idName,
              value: ids[c]!,
              message: `Customer ${ids[c]} has no purchase before ${formatDay(asOfDay)} (only later rows or duplicates); left out of segments, totals and churn lists.`,
            },
      );
    }
    if (keptIds.length === 0) {
      throw new DataValidationError([
        {
          code: 'no-customers',
          row: 0,
          column: '',
          value: '',
          message: `None of the ${ids.length.toLocaleString('en-US')} customers has a purchase before ${formatDay(asOfDay)}; see the cleaning report.`,
        },
      ]);
    }
    const count = keptIds.length;
    const trim = (column: Float64Array): Float64Array => (count === m ? column : column.slice(0, count));
    const keptAttributes: Partial<Record<AttributeField, (string | undefined)[]>> = {};
    for (const [field, list] of Object.entries(attributes) as [AttributeField, (string | undefined)[]][]) {
      keptAttributes[field] = count === m ? list : Array.from({ length: count }, (_, k) => list[kept[k]!]);
    }
    const firstRow = new Int32Array(count);
    for (let k = 0; k < count; k++) firstRow[k] = firstRows.data[kept[k]!]!;

    return {
      count,
      ids: count === m ? ids : keptIds,
      firstRow,
      asOfDay,
      asOfSource: options.asOfDay !== undefined ? 'given' : 'newest-transaction',
      recencyDays: trim(columns.recencyDays),
      frequency: trim(columns.frequency),
      monetary: trim(columns.monetary),
      frequency6m: trim(columns.frequency6m),
      amount6m: trim(columns.amount6m),
      windowFrequency: trim(columns.windowFrequency),
      windowMonetary: trim(columns.windowMonetary),
      averageOrderValue: trim(columns.averageOrderValue),
      tenureDays: trim(columns.tenureDays),
      firstPurchaseDay: trim(columns.firstPurchaseDay),
      lastPurchaseDay: trim(columns.lastPurchaseDay),
      behaviour: {},
      attributes: keptAttributes,
      ...(left.length > 0 ? { leftOut: left } : {}),
      ...(dayOffsets
        ? {
            purchaseDays: {
              offsets: count === m ? dayOffsets : dayOffsets.slice(0, count + 1),
              days: aggregator.dayList!.view(),
              amounts: aggregator.dayAmount!.view(),
            },
          }
        : {}),
    };
  }

  return {
    addRows,
    get rowCount() {
      return cust.length;
    },
    currency,
    finish,
  };
}

function insertionSort(a: Float64Array): void {
  for (let i = 1; i < a.length; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

const quantityFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4, useGrouping: false });
const priceFormat = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
  useGrouping: false,
});
const amountFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Names a line's amount cell as the user sees it: `Amount = -30.00`, or for a
 * computed amount `Quantity × UnitPrice = -1 × 4.95` (quantities kept for
 * negative lines only, looked up by binary search over their positions).
 */
function describeAmountCells(
  column: string,
  positions: Int32Array | undefined,
  quantities: Float64Array | undefined,
): AmountCell {
  return {
    column,
    describe(r, amount) {
      if (!positions) {
        const value = amountFormat.format(amount);
        return { text: `${column} = ${value}`, value, computed: false };
      }
      let lo = 0,
        hi = positions.length - 1,
        qty = Number.NaN;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (positions[mid]! < r) lo = mid + 1;
        else if (positions[mid]! > r) hi = mid - 1;
        else {
          qty = quantities![mid]!;
          break;
        }
      }
      // Filled amounts are never negative, so a negative line has its quantity.
      const value = `${quantityFormat.format(qty)} × ${priceFormat.format(amount / qty)}`;
      return { text: `${column} = ${value}`, value, computed: true };
    },
  };
}

/**
 * Two independent 32-bit hashes of a whole line into `out`: exact-duplicate
 * detection without keeping the line (collision odds ~2^-64 per pair).
 */
function hashLine(row: RawRow, out: Int32Array): void {
  let h1 = 0x811c9dc5,
    h2 = 0x9747b28c;
  for (let k = 0; k < row.length; k++) {
    const cell = row[k];
    const text = typeof cell === 'string' ? cell : cell === null || cell === undefined ? '' : String(cell);
    for (let j = 0; j < text.length; j++) {
      const ch = text.charCodeAt(j);
      h1 = Math.imul(h1 ^ ch, 0x01000193);
      h2 = Math.imul(h2 ^ ch, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
    h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995);
  }
  out[0] = h1;
  out[1] = h2;
}

/** FNV-1a of a text (an order id), for grouping lines into orders without keeping the ids. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let j = 0; j < text.length; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
  return h;
}
