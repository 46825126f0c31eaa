import type { ColumnPlan } from '../headers/detect-columns.js';
import { createCellContext, readDateCell, readNumberCell } from '../clean/read-cell.js';
import { addMonths, civilFromDay, formatDay } from '../parse/civil-day.js';
import { DataValidationError, type CellIssue } from '../report/cell-issue.js';
import type { IssueLog } from '../report/issue-log.js';
import type { SegmentOptions } from '../segment/segment-options.js';
import { cellText, isEmptyCell, isFormulaError } from '../table/cell-text.js';
import type { RawRow } from '../table/cell.js';
import { GrowableColumn } from '../util/growable.js';
import { StringIndex } from '../util/string-index.js';
import { ATTRIBUTE_FIELDS, nanColumn, type AttributeField, type CustomerFeatures } from './customer-features.js';

/** SPEC §3 frequency-over-limit: more than 20 orders in one calendar month. */
const MONTHLY_ORDER_LIMIT = 20;
const POSITION_BITS = 2 ** 27;
/** Days added in sort keys so any four-digit-year date (≥ 1000-01-01, day −354285) keys positive. */
const KEY_DAY_OFFSET = 2 ** 19;

export interface TransactionAccumulator {
  /** Adds a batch of data rows; `firstRowNumber` is the sheet row of `rows[0]`. */
  addRows(rows: readonly RawRow[], firstRowNumber: number): void;
  /** Rows accepted so far. */
  readonly rowCount: number;
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
export function createTransactionAccumulator(plan: ColumnPlan, options: SegmentOptions, log: IssueLog, keepPurchaseDays = false): TransactionAccumulator {
  const col = plan.columns;
  const header = (i: number | undefined): string => (i === undefined ? '' : plan.headers[i] || `Column ${i + 1}`);
  const idCol = col.customerId!;
  const dateCol = col.orderDate!;
  const amountCol = col.orderAmount;
  const qtyCol = col.quantity;
  const priceCol = col.unitPrice;
  const orderCol = col.orderId;
  const idName = header(idCol), dateName = header(dateCol), amountName = header(amountCol ?? qtyCol), priceName = header(priceCol);
  const attributeCols = ATTRIBUTE_FIELDS.filter((f) => col[f] !== undefined).map((f) => [f, col[f]!] as const);
  const idMap = new Map(Object.entries(options.idMap));

  const ctx = createCellContext(options, log, '; row excluded');
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
  const emptyAmounts = new GrowableColumn(Int32Array, 16); // customers with an empty amount
  let maxDay = -Infinity;
  let validDates = 0, validAmounts = 0, dataRows = 0;
  const firstBad: { date?: CellIssue; amount?: CellIssue } = {};

  function addRows(rows: readonly RawRow[], firstRowNumber: number): void {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const rowNumber = firstRowNumber + i;
      const idCell = row[idCol];
      let id = typeof idCell === 'string' ? idCell : idCell === null || idCell === undefined ? '' : String(idCell);
      if (id.length > 0 && (id.charCodeAt(0) <= 32 || id.charCodeAt(id.length - 1) <= 32)) id = id.trim();
      if (id === '' || isFormulaError(id)) {
        if (row.every(isEmptyCell)) continue;
        dataRows++;
        log.add({ code: 'missing-id', row: rowNumber, column: idName, value: cellText(idCell), message: id === '' ? `Row ${rowNumber}: no customer ID; row excluded.` : `Row ${rowNumber}, ${idName}: formula error ${id} instead of a customer ID; row excluded.` });
        continue;
      }
      dataRows++;
      if (idMap.size > 0) {
        const master = idMap.get(id);
        if (master !== undefined && master !== id) {
          log.add({ code: 'id-unified', row: rowNumber, column: idName, value: id, message: `Row ${rowNumber}, ${idName}: ${id} counted as ${master} (ID mapping).` });
          id = master;
        }
      }

      const day = readDateCell(row[dateCol], rowNumber, dateName, ctx);
      let amount: number | null;
      if (amountCol !== undefined) amount = readNumberCell(row[amountCol], 'money', rowNumber, amountName, ctx);
      else {
        const qty = readNumberCell(row[qtyCol!], 'number', rowNumber, amountName, ctx);
        const price = readNumberCell(row[priceCol!], 'money', rowNumber, priceName, ctx);
        amount = qty === null || price === null ? (Number.isNaN(qty) || Number.isNaN(price) ? Number.NaN : null) : qty * price;
      }
      if (day === null) log.add({ code: 'missing-value', row: rowNumber, column: dateName, value: '', message: `Row ${rowNumber}, ${dateName}: empty; row excluded.` });
      const dateOk = day !== null && !Number.isNaN(day);
      // SPEC §3 amount-filled: an empty amount is kept and filled in finish()
      // from the customer's recent orders; an unreadable one is excluded.
      const amountEmpty = amount === null;
      const amountOk = amount !== null && !Number.isNaN(amount);
      if (dateOk) validDates++;
      else firstBad.date ??= { code: 'invalid-column', row: rowNumber, column: dateName, value: cellText(row[dateCol]), message: '' };
      if (amountOk) validAmounts++;
      else firstBad.amount ??= { code: 'invalid-column', row: rowNumber, column: amountName, value: cellText(row[amountCol ?? qtyCol!]), message: '' };
      if (!dateOk || !(amountOk || amountEmpty)) continue;

      const known = index.size;
      const c = index.intern(id);
      if (c === known) {
        firstRows.push(rowNumber);
        for (const [field] of attributeCols) attributes[field]!.push(undefined);
      }
      for (const [field, ci] of attributeCols) {
        const list = attributes[field]!;
        if (list[c] === undefined && !isEmptyCell(row[ci]) && !isFormulaError(row[ci])) list[c] = cellText(row[ci]).trim();
      }
      // Two independent 32-bit hashes of the whole line: exact-duplicate
      // detection without keeping the line (collision odds ~2^-64 per pair).
      let h1 = 0x811c9dc5, h2 = 0x9747b28c;
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
      cust.push(c);
      days.push(day!);
      amounts.push(amountEmpty ? Number.NaN : amount!);
      if (amountEmpty) emptyAmounts.push(c);
      hashA.push(h1);
      hashB.push(h2);
      rowNumbers.push(rowNumber);
      if (orderHash) {
        const text = cellText(row[orderCol!]);
        let h = 0x811c9dc5;
        for (let j = 0; j < text.length; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
        orderHash.push(h);
      }
      if (day! > maxDay) maxDay = day!;
    }
  }

  function failIfUnusable(): void {
    const fatal: CellIssue[] = [];
    if (dataRows > 0 && validDates === 0 && firstBad.date) {
      fatal.push({ ...firstBad.date, message: `Column "${dateName}": none of the ${dataRows.toLocaleString('en-US')} rows has a valid date (row ${firstBad.date.row}: "${firstBad.date.value}"). Check the column mapping or the date format.` });
    }
    if (dataRows > 0 && validAmounts === 0 && firstBad.amount) {
      fatal.push({ ...firstBad.amount, message: `Column "${amountName}": none of the ${dataRows.toLocaleString('en-US')} rows has a valid amount (row ${firstBad.amount.row}: "${firstBad.amount.value}"). Check the column mapping.` });
    }
    if (fatal.length > 0) throw new DataValidationError(fatal);
    if (ids.length === 0) {
      throw new DataValidationError([
        { code: dataRows === 0 ? 'header-only' : 'no-customers', row: 0, column: '', value: '', message: dataRows === 0 ? 'The table has a header but no data rows.' : `None of the ${dataRows.toLocaleString('en-US')} data rows could be used; see the cleaning report.` },
      ]);
    }
  }

  function finish(): CustomerFeatures {
    dates.flush(log);
    failIfUnusable();
    const n = cust.length;
    const m = ids.length;
    const custV = cust.view(), dayV = days.view(), amtV = amounts.view(), hA = hashA.view(), hB = hashB.view(), rowV = rowNumbers.view();
    const ordV = orderHash?.view();
    const asOfDay = options.asOfDay ?? maxDay + 1;
    const start6 = addMonths(asOfDay, -6);
    const start3 = addMonths(asOfDay, -3);
    const needsFill = new Uint8Array(m);
    for (const c of emptyAmounts.view()) needsFill[c] = 1;
    const startWindow = options.window === 'all' ? -Infinity : addMonths(asOfDay, -options.window);
    const net = options.refunds === 'net';

    // Counting sort of row positions by customer.
    const offsets = new Int32Array(m + 1);
    for (let r = 0; r < n; r++) offsets[custV[r]! + 1]!++;
    for (let c = 0; c < m; c++) offsets[c + 1]! += offsets[c]!;
    const order = new Int32Array(n);
    const fill = offsets.slice(0, m);
    for (let r = 0; r < n; r++) order[fill[custV[r]!]!++] = r;

    const recencyDays = nanColumn(m), frequency = new Float64Array(m), monetary = new Float64Array(m);
    const frequency6m = new Float64Array(m), amount6m = new Float64Array(m), windowFrequency = new Float64Array(m), windowMonetary = new Float64Array(m);
    const averageOrderValue = nanColumn(m), tenureDays = nanColumn(m), firstPurchaseDay = nanColumn(m), lastPurchaseDay = nanColumn(m);

    const dayList = keepPurchaseDays ? new GrowableColumn(Int32Array, 1 << 16) : undefined;
    const dayAmount = keepPurchaseDays ? new GrowableColumn(Float64Array, 1 << 16) : undefined;
    const dayOffsets = keepPurchaseDays ? new Int32Array(m + 1) : undefined;
    let keys = new Float64Array(64);
    let orderKeys: Int32Array<ArrayBuffer> = new Int32Array(64);
    for (let c = 0; c < m; c++) {
      const from = offsets[c]!, to = offsets[c + 1]!, len = to - from;
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

      let purchases = 0, refunds = 0, days6 = 0, spend6 = 0, purchase6 = 0, orders6 = 0, ordersAll = 0;
      let daysAll = 0, daysWindow = 0, spendWindow = 0;
      let lastCountedDay = -Infinity, first = Number.NaN, last = Number.NaN;
      let monthKey = -1, monthOrders = 0, monthFlagged = false;
      let orderCount = 0;
      let dayStart = 0; // index in `sorted` where the current day's rows begin
      const fillAmount = needsFill[c] ? meanRecentOrder(sorted, start3, asOfDay) : Number.NaN;
      for (let k = 0; k < len; k++) {
        const key = sorted[k]!;
        const r = key % POSITION_BITS;
        const day = dayV[r]!;
        if (k > 0 && dayV[sorted[k - 1]! % POSITION_BITS] !== day) dayStart = k;
        if (day >= asOfDay) {
          log.add({ code: 'after-as-of', row: rowV[r]!, column: dateName, value: formatDay(day), message: `Row ${rowV[r]}, ${dateName}: ${formatDay(day)} is on or after the analysis date ${formatDay(asOfDay)}; row excluded.` });
          continue;
        }
        let amount = amtV[r]!;
        let duplicateOf = -1;
        for (let j = dayStart; j < k; j++) {
          const q = sorted[j]! % POSITION_BITS;
          if (hA[q] === hA[r] && hB[q] === hB[r] && (amtV[q] === amount || (amount !== amount && amtV[q] !== amtV[q])) && (!ordV || ordV[q] === ordV[r])) {
            duplicateOf = q;
            break;
          }
        }
        if (duplicateOf >= 0) {
          log.add({ code: 'duplicate-transaction', row: rowV[r]!, column: '', value: ids[c]!, message: `Row ${rowV[r]}: exact duplicate of row ${rowV[duplicateOf]}; dropped.` });
          continue;
        }
        if (amount !== amount) {
          const window = `the 3 months before ${formatDay(asOfDay)}`;
          log.add({
            code: 'amount-filled',
            row: rowV[r]!,
            column: amountName,
            value: '',
            message: Number.isNaN(fillAmount)
              ? `Row ${rowV[r]}, ${amountName}: empty and ${ids[c]} has no other order in ${window}; counted as a purchase without value.`
              : `Row ${rowV[r]}, ${amountName}: empty, filled with ${money.format(fillAmount)}, ${ids[c]}'s mean order amount over ${window}.`,
          });
          amount = Number.isNaN(fillAmount) ? 0 : fillAmount;
        }
        if (amount < 0) {
          log.add({
            code: 'refund-excluded',
            row: rowV[r]!,
            column: amountName,
            value: money.format(amount),
            message: net
              ? `Row ${rowV[r]}, ${amountName}: ${money.format(amount)} is a refund: not counted as a purchase; netted against ${ids[c]}'s spend.`
              : `Row ${rowV[r]}, ${amountName}: ${money.format(amount)} is a refund: not counted as a purchase; ignored (refunds: exclude).`,
          });
          if (net) {
            refunds += amount;
            if (day >= start6) spend6 += amount;
            if (day >= startWindow) spendWindow += amount;
          }
          continue;
        }
        purchases += amount;
        if (ordV) orderKeys = appendOrderKey(orderKeys, orderCount++, ordV[r]!);
        else ordersAll++;
        const newDay = day !== lastCountedDay;
        if (newDay) {
          daysAll++;
          lastCountedDay = day;
          dayList?.push(day);
          dayAmount?.push(amount);
        } else if (dayAmount) dayAmount.data[dayAmount.length - 1]! += amount;
        if (Number.isNaN(first)) first = day;
        last = day;
        if (day >= start6) {
          spend6 += amount;
          purchase6 += amount;
          orders6++;
          if (newDay) days6++;
        }
        if (day >= startWindow) {
          spendWindow += amount;
          if (newDay) daysWindow++;
        }
        const mk = monthOf(day);
        if (mk !== monthKey) {
          monthKey = mk;
          monthOrders = 0;
          monthFlagged = false;
        }
        if (++monthOrders > MONTHLY_ORDER_LIMIT && !monthFlagged) {
          monthFlagged = true;
          log.add({ code: 'frequency-over-limit', row: rowV[r]!, column: idName, value: ids[c]!, message: `Customer ${ids[c]}: more than ${MONTHLY_ORDER_LIMIT} orders in ${formatDay(day).slice(0, 7)} (row ${rowV[r]}); please verify.` });
        }
      }
      if (ordV) {
        ordersAll = countDistinct(orderKeys, orderCount);
      }
      if (dayOffsets) dayOffsets[c + 1] = dayList!.length;
      const byOrder = options.frequencyBy === 'order';
      frequency[c] = byOrder ? ordersAll : daysAll;
      monetary[c] = purchases + refunds;
      frequency6m[c] = byOrder ? orders6 : days6;
      amount6m[c] = spend6;
      windowFrequency[c] = options.window === 'all' ? frequency[c]! : byOrder ? countWindowOrders() : daysWindow;
      windowMonetary[c] = options.window === 'all' ? monetary[c]! : spendWindow;
      if (!Number.isNaN(last)) {
        recencyDays[c] = asOfDay - last;
        tenureDays[c] = asOfDay - first;
        firstPurchaseDay[c] = first;
        lastPurchaseDay[c] = last;
        // SPEC §2: AOV over the 6-month window; customers silent for 6 months
        // fall back to their whole history so the value stays meaningful.
        averageOrderValue[c] = orders6 > 0 ? purchase6 / orders6 : purchases / Math.max(1, ordersAll);
      } else {
        log.add({ code: 'no-purchases', row: firstRows.data[c]!, column: idName, value: ids[c]!, message: `Customer ${ids[c]} has no purchase before ${formatDay(asOfDay)} (only refunds or later rows); not scored.` });
      }
      if (monetary[c]! < 0) {
        log.add({ code: 'negative-spend', row: firstRows.data[c]!, column: amountName, value: money.format(monetary[c]!), message: `Customer ${ids[c]}: refunds exceed purchases (net ${money.format(monetary[c]!)}); kept as is, please verify.` });
      }

      // Orders in the scoring window when counting by order id: recount the
      // rows in the window (rare option, so a second short pass is fine).
      /** Mean non-refund order amount in [from, to) over the customer's rows (SPEC §3 amount-filled). */
      function meanRecentOrder(rows: Float64Array, from: number, to: number): number {
        let sum = 0, count = 0;
        for (let k = 0; k < rows.length; k++) {
          const r = rows[k]! % POSITION_BITS;
          const a = amtV[r]!;
          if (dayV[r]! >= from && dayV[r]! < to && a >= 0) {
            sum += a;
            count++;
          }
        }
        return count > 0 ? sum / count : Number.NaN;
      }
      function countWindowOrders(): number {
        let count = 0;
        for (let k = 0; k < len; k++) {
          const r = sorted[k]! % POSITION_BITS;
          if (dayV[r]! >= startWindow && dayV[r]! < asOfDay && amtV[r]! >= 0) count++;
        }
        return count;
      }
    }

    return {
      count: m,
      ids,
      firstRow: firstRows.view().slice(),
      asOfDay,
      asOfSource: options.asOfDay !== undefined ? 'given' : 'newest-transaction',
      recencyDays,
      frequency,
      monetary,
      frequency6m,
      amount6m,
      windowFrequency,
      windowMonetary,
      averageOrderValue,
      tenureDays,
      firstPurchaseDay,
      lastPurchaseDay,
      behaviour: {},
      attributes,
      ...(dayOffsets ? { purchaseDays: { offsets: dayOffsets, days: dayList!.view(), amounts: dayAmount!.view() } } : {}),
    };
  }

  return {
    addRows,
    get rowCount() {
      return cust.length;
    },
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

function appendOrderKey(keys: Int32Array<ArrayBuffer>, at: number, value: number): Int32Array<ArrayBuffer> {
  let out = keys;
  if (at >= out.length) {
    out = new Int32Array(out.length * 2);
    out.set(keys);
  }
  out[at] = value;
  return out;
}

function countDistinct(keys: Int32Array, count: number): number {
  if (count === 0) return 0;
  const view = keys.subarray(0, count).sort();
  let distinct = 1;
  for (let i = 1; i < count; i++) if (view[i] !== view[i - 1]) distinct++;
  return distinct;
}

/** A month key (year × 12 + month) of a day number. */
function monthOf(day: number): number {
  const { year, month } = civilFromDay(day);
  return year * 12 + month;
}
