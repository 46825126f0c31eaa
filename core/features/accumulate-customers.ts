import { checkContact } from '../clean/check-contact.js';
import { createIndustryMatcher, DEFAULT_INDUSTRIES } from '../clean/industries.js';
import { createCellContext, readDateCell, readNumberCell } from '../clean/read-cell.js';
import type { ColumnPlan } from '../headers/detect-columns.js';
import type { LabelKey } from '../i18n/labels.js';
import { formatDay } from '../parse/civil-day.js';
import { createIssue, DataValidationError, type CellIssue } from '../report/cell-issue.js';
import type { IssueLog } from '../report/issue-log.js';
import { getField, type FieldId, type FieldKind } from '../schema/fields.js';
import type { SegmentOptions } from '../segment/segment-options.js';
import { cellText, isEmptyCell, isFormulaError } from '../table/cell-text.js';
import type { RawRow } from '../table/cell.js';
import { CurrencyTally } from '../money/detect-currency.js';
import { normalizeText } from '../text/normalize-text.js';
import { GrowableColumn } from '../util/growable.js';
import {
  ATTRIBUTE_FIELDS,
  BEHAVIOUR_FIELDS,
  nanColumn,
  type AttributeField,
  type BehaviourField,
  type CustomerFeatures,
} from './customer-features.js';
import { logMissingId } from './log-missing-id.js';

/** Parsed customer rows: one record per customer, plus which input row went to whom. */
export interface CustomerTable {
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly firstRow: Int32Array;
  /** Customer index of each data row (offset by `firstDataRow`), -1 when excluded. */
  readonly rowCustomer: Int32Array;
  readonly firstDataRow: number;
  /** Numeric and date fields (dates as day numbers), NaN when missing. */
  readonly numbers: Readonly<Partial<Record<FieldId, Float64Array>>>;
  readonly texts: Readonly<Partial<Record<FieldId, readonly (string | undefined)[]>>>;
}

export interface CustomerAccumulator {
  addRows(rows: readonly RawRow[], firstRowNumber: number): void;
  /** The parsed table (attribute role), after the cleaning rules ran. */
  finishTable(): CustomerTable;
  /** Features for scoring (primary role), with the parsed table. @throws DataValidationError */
  finish(): { features: CustomerFeatures; table: CustomerTable };
  /** Currencies seen in money cells and headers. */
  readonly currency: CurrencyTally;
}

const TEXT_KINDS: ReadonlySet<FieldKind> = new Set(['text', 'category']);
const CATEGORY_FIELDS: readonly FieldId[] = [
  'industry',
  'region',
  'companySize',
  'channel',
  'gender',
  'membershipLevel',
  'accountManager',
];
const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
// Distinct category texts whose normalised form is kept (memory stays bounded when a column is unique per row).
const MAX_CACHED_CATEGORIES = 65_536;

/**
 * Streams one-row-per-customer tables (SPEC §2 customer basics and
 * aggregates), applying the SPEC §3 rules: duplicate ids resolved to the row
 * with most filled fields, logins filled with 0, registration date from the
 * first purchase, contacts and industries checked, impossible values flagged.
 */
export function createCustomerAccumulator(
  plan: ColumnPlan,
  options: SegmentOptions,
  log: IssueLog,
): CustomerAccumulator {
  const col = plan.columns;
  const name = (field: FieldId): string => plan.headers[col[field]!] || field;
  const fields = (Object.keys(col) as FieldId[]).filter((f) => f !== 'customerId');
  const idCol = col.customerId!;
  const idName = name('customerId');
  const ctx = createCellContext(options, log, 'clean.then.treated-as-empty');
  const currency = new CurrencyTally();
  for (const f of fields) if (getField(f).kind === 'money') currency.noteHeader(name(f), 0);
  const dates = ctx.dates;
  const idMap = new Map(Object.entries(options.idMap));

  const index = new Map<string, number>();
  const ids: string[] = [];
  const firstRows = new GrowableColumn(Int32Array);
  const filledCounts = new GrowableColumn(Int32Array);
  const chosenRow = new GrowableColumn(Int32Array);
  const rowsOf = new Map<number, number[]>(); // duplicates only
  const rowCustomer = new GrowableColumn(Int32Array, 1 << 14);
  let firstDataRow = -1;
  const numbers = new Map<FieldId, GrowableColumn<Float64Array>>();
  const texts = new Map<FieldId, (string | undefined)[]>();
  for (const f of fields) {
    if (TEXT_KINDS.has(getField(f).kind)) texts.set(f, []);
    else numbers.set(f, new GrowableColumn(Float64Array));
  }
  const firstInvalid = new Map<FieldId, CellIssue>();
  const normalizedText = new Map<FieldId, { count: number; row: number; value: string }>();
  let dataRows = 0;

  // Per field, what parseRow needs for each cell, worked out once (the same order as `fields`).
  const plans = fields.map((f) => {
    const kind = getField(f).kind;
    return {
      field: f,
      column: col[f]!,
      header: name(f),
      kind,
      text: TEXT_KINDS.has(kind),
      category: CATEGORY_FIELDS.includes(f),
      numberKind: numberKindOf(kind),
    };
  });
  const numberColumns = fields.map((f) => numbers.get(f));
  const textColumns = fields.map((f) => texts.get(f));
  const validCounts = new Float64Array(fields.length);
  const contactAt = fields.indexOf('contact');
  // One row's values, by field position; reused: store() and the duplicate branch read it before the next row.
  const values: (number | string | undefined)[] = new Array<number | string | undefined>(fields.length);

  // Category values repeat across rows (a few regions, industries, managers): each distinct one is normalised once.
  const normalizedCategories = new Map<string, string>();
  const normalizeCategory = (raw: string): string => {
    let value = normalizedCategories.get(raw);
    if (value === undefined) {
      value = normalizeText(raw);
      if (normalizedCategories.size < MAX_CACHED_CATEGORIES) normalizedCategories.set(raw, value);
    }
    return value;
  };

  /** Parses row's fields into `values`; returns how many are filled. */
  function parseRow(row: RawRow, rowNumber: number): number {
    let filled = 0;
    for (let i = 0; i < plans.length; i++) {
      const { field: f, column, header, kind, text, category, numberKind } = plans[i]!;
      const cell = row[column];
      let value: number | string | undefined;
      if (text) {
        if (isFormulaError(cell)) {
          log.add(
            createIssue('formula-error', rowNumber, header, cellText(cell), {
              key: 'clean.customer.formula-error',
              params: { row: rowNumber, column: header, value: cellText(cell) },
            }),
          );
        } else if (!isEmptyCell(cell)) {
          const raw = cellText(cell).trim();
          value = category ? normalizeCategory(raw) : raw;
          if (value !== raw) {
            const seen = normalizedText.get(f);
            if (seen) seen.count++;
            else normalizedText.set(f, { count: 1, row: rowNumber, value: raw });
          }
        }
      } else {
        if (kind === 'money') currency.noteCell(cell, rowNumber, header);
        const parsed =
          kind === 'date'
            ? readDateCell(cell, rowNumber, header, ctx)
            : readNumberCell(cell, numberKind, rowNumber, header, ctx);
        if (parsed === null) value = undefined;
        else if (Number.isNaN(parsed)) {
          if (!firstInvalid.has(f))
            firstInvalid.set(f, {
              code: 'invalid-column',
              row: rowNumber,
              column: header,
              value: cellText(cell),
              message: '',
            });
          value = undefined;
        } else value = parsed;
      }
      if (value !== undefined) {
        filled++;
        validCounts[i]!++;
      }
      values[i] = value;
    }
    return filled;
  }

  function store(c: number): void {
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      const nums = numberColumns[i];
      if (nums) nums.data[c] = typeof value === 'number' ? value : Number.NaN;
      else textColumns[i]![c] = value as string | undefined;
    }
  }

  function addRows(rows: readonly RawRow[], firstRowNumber: number): void {
    if (firstDataRow < 0) firstDataRow = firstRowNumber;
    // Keep rowCustomer aligned with row numbers even if a batch skips ahead.
    while (firstDataRow + rowCustomer.length < firstRowNumber) rowCustomer.push(-1);
    // Decimal mark per column from the whole batch before any cell is read (1.000 above 2.500,50).
    for (const f of fields)
      if (!TEXT_KINDS.has(getField(f).kind) && getField(f).kind !== 'date') ctx.numbers.learn(rows, col[f], name(f));
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const rowNumber = firstRowNumber + i;
      const idCell = row[idCol];
      let id = cellText(idCell).trim();
      if (id === '' || isFormulaError(id)) {
        rowCustomer.push(-1);
        if (row.every(isEmptyCell)) continue;
        dataRows++;
        logMissingId(log, rowNumber, idName, idCell, id);
        continue;
      }
      dataRows++;
      const master = idMap.get(id);
      if (master !== undefined && master !== id) {
        log.add(
          createIssue('id-unified', rowNumber, idName, id, {
            key: 'clean.customer.id-unified',
            params: { row: rowNumber, column: idName, id, master },
          }),
        );
        id = master;
      }
      const filled = parseRow(row, rowNumber);
      let c = index.get(id);
      if (c === undefined) {
        c = ids.length;
        index.set(id, c);
        ids.push(id);
        firstRows.push(rowNumber);
        filledCounts.push(filled);
        chosenRow.push(rowNumber);
        for (const nums of numbers.values()) nums.push(Number.NaN);
        for (const list of texts.values()) list.push(undefined);
        store(c);
      } else {
        const rowsSeen = rowsOf.get(c) ?? [chosenRow.data[c]!];
        rowsSeen.push(rowNumber);
        rowsOf.set(c, rowsSeen);
        // SPEC §3 duplicate-id: keep the row with most filled fields, then the first.
        if (filled > filledCounts.data[c]!) {
          const previousContact = texts.get('contact')?.[c];
          store(c);
          filledCounts.data[c] = filled;
          chosenRow.data[c] = rowNumber;
          if (previousContact !== undefined && texts.get('contact')![c] === undefined)
            texts.get('contact')![c] = previousContact;
        } else {
          const contact = contactAt >= 0 ? values[contactAt] : undefined;
          const contacts = texts.get('contact');
          if (contacts && contacts[c] === undefined && typeof contact === 'string') {
            contacts[c] = contact;
            log.add(
              createIssue('contact-missing', chosenRow.data[c]!, name('contact'), contact, {
                key: 'clean.customer.contact-from-duplicate',
                params: { id, row: rowNumber },
              }),
            );
          }
        }
      }
      rowCustomer.push(c);
    }
  }

  /** SPEC §3 on the finished records, each rule a named step. */
  function applyCleaningRules(): void {
    const records: CustomerRecords = { ids, chosenRow: chosenRow.data, numbers, texts, name, log };
    logDuplicateIds(records, rowsOf, idName);
    logNormalizedText(records, normalizedText);
    dates.flush(log);
    fillMissingLogins(records);
    fillRegistrationDates(records);
    checkContacts(records);
    checkIndustries(records, options.industries ?? DEFAULT_INDUSTRIES);
    flagFrequencyOverLimit(records);
    flagNegativeSpend(records);
  }

  function checkUsable(required: readonly FieldId[]): void {
    const fatal: CellIssue[] = [];
    for (const f of required) {
      const bad = firstInvalid.get(f);
      const at = (fields as readonly FieldId[]).indexOf(f);
      if (col[f] !== undefined && dataRows > 0 && (at < 0 || validCounts[at] === 0) && bad) {
        fatal.push(
          createIssue('invalid-column', bad.row, bad.column, bad.value, {
            key: 'clean.column-no-value',
            params: { column: name(f), count: dataRows.toLocaleString('en-US'), row: bad.row, value: bad.value },
          }),
        );
      }
    }
    if (fatal.length > 0) throw new DataValidationError(fatal);
    if (ids.length === 0) {
      throw new DataValidationError([
        dataRows === 0
          ? createIssue('header-only', 0, '', '', { key: 'clean.header-only' })
          : createIssue('no-customers', 0, '', '', {
              key: 'clean.no-customer-ids',
              params: { count: dataRows.toLocaleString('en-US') },
            }),
      ]);
    }
  }

  function finishTable(): CustomerTable {
    checkUsable([]);
    applyCleaningRules();
    const numberViews: Partial<Record<FieldId, Float64Array>> = {};
    for (const [f, nums] of numbers) numberViews[f] = nums.view();
    const textViews: Partial<Record<FieldId, readonly (string | undefined)[]>> = {};
    for (const [f, list] of texts) textViews[f] = list;
    return {
      ids,
      index,
      firstRow: firstRows.view(),
      rowCustomer: rowCustomer.view(),
      firstDataRow: Math.max(firstDataRow, 0),
      numbers: numberViews,
      texts: textViews,
    };
  }

  function finish(): { features: CustomerFeatures; table: CustomerTable } {
    checkUsable([
      'lastPurchaseDate',
      'recencyDays',
      'frequency6m',
      'historicalFrequency',
      'annualFrequency',
      'cumulativeSpend',
      'amount6m',
      'orderAmount',
      'averageOrderValue',
    ]);
    const table = finishTable();
    return { features: featuresFromCustomerTable(table, plan, options, log), table };
  }

  return { addRows, finishTable, finish, currency };
}

/** The finished customer records the SPEC §3 rules read and fix (columns are per customer). */
interface CustomerRecords {
  readonly ids: readonly string[];
  /** The input row each customer's values came from. */
  readonly chosenRow: Int32Array;
  readonly numbers: ReadonlyMap<FieldId, GrowableColumn<Float64Array>>;
  readonly texts: ReadonlyMap<FieldId, (string | undefined)[]>;
  readonly name: (field: FieldId) => string;
  readonly log: IssueLog;
}

/** One issue per duplicated id, counted once per extra row (SPEC §3 duplicate-id). */
function logDuplicateIds(records: CustomerRecords, rowsOf: ReadonlyMap<number, number[]>, idName: string): void {
  for (const [c, rowsSeen] of rowsOf) {
    const id = records.ids[c]!;
    records.log.add(
      createIssue('duplicate-id', rowsSeen[1]!, idName, id, {
        key: 'clean.customer.duplicate-id',
        params: { id, rows: rowsSeen.join(', '), used: records.chosenRow[c]! },
      }),
      rowsSeen.length - 1,
    );
  }
}

/** One counted issue per text column whose values were normalised for matching. */
function logNormalizedText(
  records: CustomerRecords,
  normalizedText: ReadonlyMap<FieldId, { count: number; row: number; value: string }>,
): void {
  for (const [f, { count, row, value }] of normalizedText) {
    const column = records.name(f);
    records.log.add(
      createIssue('text-normalized', row, column, value, {
        key: count === 1 ? 'clean.customer.text-normalized-one' : 'clean.customer.text-normalized',
        params: { column, count: count.toLocaleString('en-US'), row, value },
      }),
      count,
    );
  }
}

/** SPEC §3: an empty login count is 0 (no login recorded = no activity). */
function fillMissingLogins({ ids, chosenRow, numbers, name, log }: CustomerRecords): void {
  const logins = numbers.get('logins3m');
  if (!logins) return;
  for (let c = 0; c < ids.length; c++) {
    if (!Number.isNaN(logins.data[c]!)) continue;
    logins.data[c] = 0;
    const row = chosenRow[c]!;
    log.add(
      createIssue('logins-zero', row, name('logins3m'), '', {
        key: 'clean.customer.logins-zero',
        params: { row, column: name('logins3m') },
      }),
    );
  }
}

/** SPEC §3: an empty registration date is the first purchase date. */
function fillRegistrationDates({ ids, chosenRow, numbers, name, log }: CustomerRecords): void {
  const registration = numbers.get('registrationDate');
  const firstPurchase = numbers.get('firstPurchaseDate');
  if (!registration || !firstPurchase) return;
  for (let c = 0; c < ids.length; c++) {
    if (!Number.isNaN(registration.data[c]!) || Number.isNaN(firstPurchase.data[c]!)) continue;
    registration.data[c] = firstPurchase.data[c]!;
    const row = chosenRow[c]!;
    log.add(
      createIssue('registration-date-filled', row, name('registrationDate'), '', {
        key: 'clean.customer.registration-filled',
        params: { row, column: name('registrationDate'), date: formatDay(firstPurchase.data[c]!) },
      }),
    );
  }
}

// checkContact's reasons (core/clean/check-contact.ts) as catalogue sentences.
const CONTACT_PROBLEMS: Readonly<Record<string, LabelKey>> = {
  'is not a valid e-mail address': 'clean.contact.not-email',
  'is not a phone number': 'clean.contact.not-phone',
  'is not an 11-digit mobile number starting with 1': 'clean.contact.not-mobile',
};

/** SPEC §3 contacts: missing ones and ones that are not a phone or e-mail (kept, to verify). */
function checkContacts({ ids, chosenRow, texts, name, log }: CustomerRecords): void {
  const contacts = texts.get('contact');
  if (!contacts) return;
  const column = name('contact');
  for (let c = 0; c < ids.length; c++) {
    const contact = contacts[c];
    const row = chosenRow[c]!;
    if (contact === undefined) {
      log.add(
        createIssue('contact-missing', row, column, '', {
          key: 'clean.customer.contact-missing',
          params: { row, column, id: ids[c]! },
        }),
      );
      continue;
    }
    const problem = checkContact(contact);
    // Contacts are personal data: the message names the row, never the number.
    if (problem) {
      const key = CONTACT_PROBLEMS[problem];
      log.add(
        createIssue('contact-invalid', row, column, contact, {
          key: 'clean.customer.contact-invalid',
          params: { row, column, problem: key ? { key } : problem },
        }),
      );
    }
  }
}

/** Industries outside the list (GB/T 4754 sections by default) are kept and flagged. */
function checkIndustries({ ids, chosenRow, texts, name, log }: CustomerRecords, list: readonly string[]): void {
  const industries = texts.get('industry');
  if (!industries) return;
  const known = createIndustryMatcher(list);
  for (let c = 0; c < ids.length; c++) {
    const value = industries[c];
    if (value === undefined || known(value)) continue;
    const row = chosenRow[c]!;
    log.add(
      createIssue('industry-unrecognized', row, name('industry'), value, {
        key: 'clean.customer.industry-unrecognized',
        params: { row, column: name('industry'), value },
      }),
    );
  }
}

/** SPEC §3: more than 20 orders a month over 6 months is flagged for checking. */
function flagFrequencyOverLimit({ ids, chosenRow, numbers, name, log }: CustomerRecords): void {
  const f6 = numbers.get('frequency6m');
  if (!f6) return;
  for (let c = 0; c < ids.length; c++) {
    if (!(f6.data[c]! / 6 > 20)) continue;
    const row = chosenRow[c]!;
    const value = String(f6.data[c]);
    log.add(
      createIssue('frequency-over-limit', row, name('frequency6m'), value, {
        key: 'clean.customer.frequency-over-limit',
        params: { row, column: name('frequency6m'), value },
      }),
    );
  }
}

/** Negative spend is impossible for a total: kept and flagged. */
function flagNegativeSpend({ ids, chosenRow, numbers, name, log }: CustomerRecords): void {
  for (const f of ['cumulativeSpend', 'amount6m'] as const) {
    const spend = numbers.get(f);
    if (!spend) continue;
    for (let c = 0; c < ids.length; c++) {
      if (!(spend.data[c]! < 0)) continue;
      const row = chosenRow[c]!;
      const value = money.format(spend.data[c]!);
      log.add(
        createIssue('negative-spend', row, name(f), value, {
          key: 'clean.customer.negative-spend',
          params: { row, column: name(f), value },
        }),
      );
    }
  }
}

/** The number kind readNumberCell checks a non-text, non-date field as. */
function numberKindOf(kind: FieldKind): 'days' | 'count' | 'rate' | 'money' | 'number' {
  return kind === 'days' || kind === 'count' || kind === 'rate' || kind === 'money' ? kind : 'number';
}

function first(...columns: (Float64Array | undefined)[]): (c: number) => number {
  const present = columns.filter((x): x is Float64Array => x !== undefined);
  return (c) => {
    for (const column of present) if (!Number.isNaN(column[c]!)) return column[c]!;
    return Number.NaN;
  };
}

/** Customer-row aggregates → the features scoring needs (SPEC §2 derived metrics). */
function featuresFromCustomerTable(
  table: CustomerTable,
  plan: ColumnPlan,
  options: SegmentOptions,
  log: IssueLog,
): CustomerFeatures {
  const n = table.ids.length;
  const num = table.numbers;
  const name = (field: FieldId): string => plan.headers[plan.columns[field]!] || field;
  const last = num.lastPurchaseDate;
  let maxLast = -Infinity;
  if (last) for (let c = 0; c < n; c++) if (last[c]! > maxLast) maxLast = last[c]!;
  const asOfDay = options.asOfDay ?? (Number.isFinite(maxLast) ? maxLast + 1 : Number.NaN);
  const asOfSource =
    options.asOfDay !== undefined ? 'given' : Number.isFinite(maxLast) ? 'newest-last-purchase' : 'none';

  const all = first(num.historicalFrequency, num.frequency6m, num.annualFrequency);
  const six = first(num.frequency6m, num.historicalFrequency, num.annualFrequency);
  const spendAll = first(num.cumulativeSpend, num.amount6m, num.orderAmount);
  const spendSix = first(num.amount6m, num.cumulativeSpend, num.orderAmount);
  const aov = num.averageOrderValue;

  const recencyDays = nanColumn(n),
    frequency = nanColumn(n),
    monetary = nanColumn(n),
    frequency6m = nanColumn(n),
    amount6m = nanColumn(n);
  const averageOrderValue = nanColumn(n),
    tenureDays = nanColumn(n),
    firstPurchaseDay = nanColumn(n),
    lastPurchaseDay = nanColumn(n);
  for (let c = 0; c < n; c++) {
    const row = table.firstRow[c]!;
    if (last && !Number.isNaN(last[c]!)) {
      if (last[c]! >= asOfDay) {
        log.add({
          code: 'after-as-of',
          row,
          column: name('lastPurchaseDate'),
          value: formatDay(last[c]!),
          message: `Row ${row}, ${name('lastPurchaseDate')}: ${formatDay(last[c]!)} is on or after the analysis date ${formatDay(asOfDay)}; not scored.`,
        });
      } else {
        recencyDays[c] = asOfDay - last[c]!;
        lastPurchaseDay[c] = last[c]!;
      }
    } else if (num.recencyDays && !Number.isNaN(num.recencyDays[c]!)) recencyDays[c] = num.recencyDays[c]!;
    frequency[c] = all(c);
    frequency6m[c] = num.frequency6m ? num.frequency6m[c]! : Number.NaN;
    const f = frequency[c]!;
    monetary[c] = spendAll(c);
    if (Number.isNaN(monetary[c]!) && aov && !Number.isNaN(aov[c]!) && !Number.isNaN(f)) monetary[c] = aov[c]! * f;
    amount6m[c] = num.amount6m ? num.amount6m[c]! : Number.NaN;
    averageOrderValue[c] =
      aov && !Number.isNaN(aov[c]!)
        ? aov[c]!
        : !Number.isNaN(amount6m[c]!) && frequency6m[c]! > 0
          ? amount6m[c]! / frequency6m[c]!
          : f > 0
            ? monetary[c]! / f
            : Number.NaN;
    const since = first(num.firstPurchaseDate, num.registrationDate)(c);
    if (!Number.isNaN(since) && !Number.isNaN(asOfDay)) tenureDays[c] = asOfDay - since;
    if (num.firstPurchaseDate) firstPurchaseDay[c] = num.firstPurchaseDate[c]!;
    const missing = [
      Number.isNaN(recencyDays[c]!) ? 'recency' : '',
      Number.isNaN(frequency[c]!) ? 'frequency' : '',
      Number.isNaN(monetary[c]!) ? 'spend' : '',
    ].filter(Boolean);
    if (missing.length > 0) {
      log.add({
        code: 'missing-value',
        row,
        column: '',
        value: table.ids[c]!,
        message: `Row ${row}: customer ${table.ids[c]} has no usable ${missing.join(', ')}; not scored.`,
      });
      if (missing.includes('spend') && plan.columns.cumulativeSpend !== undefined) {
        log.add({
          code: 'amount-filled',
          row,
          column: name('cumulativeSpend'),
          value: '',
          message: `Row ${row}, ${name('cumulativeSpend')}: empty and no orders to fill it from; left empty.`,
        });
      }
    }
  }
  const windowed = options.window !== 'all';
  const windowFrequency = new Float64Array(n),
    windowMonetary = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    windowFrequency[c] = windowed ? six(c) : frequency[c]!;
    windowMonetary[c] = windowed ? spendSix(c) : monetary[c]!;
  }
  const behaviour: Partial<Record<BehaviourField, Float64Array>> = {};
  for (const f of BEHAVIOUR_FIELDS) if (num[f]) behaviour[f] = num[f];
  const attributes: Partial<Record<AttributeField, readonly (string | undefined)[]>> = {};
  for (const f of ATTRIBUTE_FIELDS) if (table.texts[f]) attributes[f] = table.texts[f];
  return {
    count: n,
    ids: table.ids,
    firstRow: table.firstRow,
    asOfDay,
    asOfSource,
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
    behaviour,
    attributes,
  };
}
