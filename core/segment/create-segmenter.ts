import { flagAmountOutliers } from '../clean/flag-amount-outliers.js';
import { sampleSpotCheck } from '../clean/sample-spot-check.js';
import { createCustomerAccumulator, type CustomerTable } from '../features/accumulate-customers.js';
import { createTransactionAccumulator } from '../features/accumulate-transactions.js';
import {
  createOrderListAccumulator,
  type CountedIssue,
  type CustomerOrders,
  type LineTotals,
} from '../features/accumulate-order-lists.js';
import type { DateFormat } from '../parse/parse-date.js';
import { assignLifecycle } from '../features/assign-lifecycle.js';
import type { CustomerFeatures } from '../features/customer-features.js';
import { joinAttributes } from '../features/join-attributes.js';
import { detectColumns, type ColumnPlan } from '../headers/detect-columns.js';
import { DEFAULT_CURRENCY, type Currency } from '../money/currency.js';
import { CurrencyTally } from '../money/detect-currency.js';
import { label, type LabelKey, type MessageParams } from '../i18n/labels.js';
import { formatDay } from '../parse/civil-day.js';
import { DataValidationError, type CellIssue } from '../report/cell-issue.js';
import { IssueLog, type CleaningReport } from '../report/issue-log.js';
import { assignTags, withChurnTag, withSchemeChurnTag, type TagResult } from '../tags/assign-tags.js';
import type { Cell, RawRow } from '../table/cell.js';
import { summarizeSegments, type SegmentSummary } from '../summary/summarize-segments.js';
import type { SchemeResult } from './apply-scheme.js';
import { decideChurn, type ChurnTruth } from './decide-churn.js';
import { runScheme } from './run-scheme.js';
import { resolveSegmentOptions, type SegmentOptions, type SegmentOptionsInput } from './segment-options.js';

/** A remark about the run as a whole (not a cell), shown with the report. */
export interface RunNote {
  /** 'as-of', 'rule-skipped', 'no-variation', or the scheme's own note code (`k-above-guard`, `indicator-dropped`, …). */
  readonly code: string;
  /** English, or already in the run's locale for a scheme's own notes; faces render `formatNote(note, locale)`. */
  readonly message: string;
  /** The catalogue sentence and its parameters, when the note can be rendered in any locale. */
  readonly key?: LabelKey;
  readonly params?: MessageParams;
}

/** A note whose text comes from the catalogue (English `message` for logs). */
function noteOf(code: string, key: LabelKey, params?: MessageParams): RunNote {
  return { code, message: label(key, 'en', params), key, ...(params ? { params } : {}) };
}

/** Data-quality figures (SPEC §3 / §10 coverage). */
export interface DataQuality {
  readonly customers: number;
  readonly scored: number;
  /** Share of customers with recency, frequency and spend. */
  readonly coverage: number;
  /** With a joined customer table: share of transaction customers found in it (cross-source match rate). */
  readonly matchRate?: number;
}

/** Everything a segmentation run produces; columnar, one index per customer. */
export interface SegmentationResult {
  readonly options: SegmentOptions;
  readonly plan: ColumnPlan;
  readonly asOf: string;
  readonly features: CustomerFeatures;
  /** The money columns' currency (ISO code + symbol): detected, or the `currency` option; format with `formatMoney`. */
  readonly currency: Currency;
  readonly scheme: SchemeResult;
  /** The one churn decision (column, tag, counts, reasons, evidence): see ChurnTruth. */
  readonly churn: ChurnTruth;
  /** Tags, with 【流失风险】 set by `churn.atRisk` (the tag rule's reasons stay in churnReasons). */
  readonly tags: TagResult;
  readonly lifecycle: Uint8Array;
  readonly summary: readonly SegmentSummary[];
  readonly report: CleaningReport;
  readonly quality: DataQuality;
  readonly notes: readonly RunNote[];
  /** SPEC §3 spot check: customer indices sampled for manual review. */
  readonly spotCheck: Int32Array;
  /** For customer-row input: customer index of each data row (-1 = excluded), from `firstDataRow`. */
  readonly rowCustomer?: Int32Array;
  readonly firstDataRow?: number;
}

export interface SegmenterHooks {
  /** 1-based row of the header (default 1). */
  readonly headerRow?: number;
  /** Sees every issue as it is found (e.g. to stream a full cleaning log). */
  readonly onIssue?: (issue: CellIssue) => void;
  /** Keep each customer's purchase days in `features.purchaseDays` (transactions only; always kept when churn is enabled, the churn model reads them). */
  readonly keepPurchaseDays?: boolean;
}

/** A streaming segmentation run: header first, then batches of rows, then finish. */
export interface Segmenter {
  readonly plan: ColumnPlan;
  readonly options: SegmentOptions;
  addRows(rows: readonly RawRow[], firstRowNumber: number): void;
  /**
   * Aggregates, cleans, scores, tags and attaches strategies.
   * @throws DataValidationError when the data cannot be used at all.
   */
  finish(join?: AttributeTable): SegmentationResult;
}

/** A customer table read to be joined onto transactions. */
export interface AttributeTable {
  readonly plan: ColumnPlan;
  readonly table: CustomerTable;
}

/**
 * Starts a segmentation run for a table with this header: detects the columns
 * and the table shape, validates options once.
 * @throws OptionsError for bad options; DataValidationError `missing-columns`.
 * @example
 * const run = createSegmenter(['Customer ID', 'Order date', 'Amount']);
 * run.addRows([['C1', '2024-03-05', '120']], 2);
 * run.finish().summary
 */
export function createSegmenter(
  header: readonly Cell[],
  optionsInput: SegmentOptionsInput = {},
  hooks: SegmenterHooks = {},
): Segmenter {
  const options = resolveSegmentOptions(optionsInput);
  const log = new IssueLog(options.maxIssuesPerCode, hooks.onIssue);
  const plan = detectColumns(header, {
    mapping: options.mapping,
    shape: options.shape,
    headerRow: hooks.headerRow ?? 1,
  });
  for (const issue of plan.issues) log.add(issue);
  const transactions =
    plan.shape === 'transactions'
      ? createTransactionAccumulator(plan, options, log, (hooks.keepPurchaseDays ?? false) || options.churn.enabled)
      : undefined;
  const customers = plan.shape === 'customers' ? createCustomerAccumulator(plan, options, log) : undefined;

  function finish(join?: AttributeTable): SegmentationResult {
    if (transactions) return finishTransactions(transactions.finish(), transactions.currency, join, plan, options, log);
    const { features, table } = customers!.finish();
    const result = scoreFeatures(
      { ...features, currency: customers!.currency.resolve(options.currency, log) },
      plan,
      options,
      log,
    );
    return { ...result, rowCustomer: table.rowCustomer, firstDataRow: table.firstDataRow };
  }

  return {
    plan,
    options,
    addRows: (rows, first) => (transactions ?? customers!).addRows(rows, first),
    finish,
  };
}

/** A segmentation run fed per-customer order lists by an external engine (the warehouse's SQL). */
export interface OrderListSegmenter {
  readonly plan: ColumnPlan;
  readonly options: SegmentOptions;
  /**
   * Starts from the engine's line totals; returns the analysis day (the `asOf`
   * option, else the day after the newest accepted line, as the Node path).
   */
  start(totals: LineTotals): number;
  /** Customers in order of their first row, each with its orders (one row per customer reaches core). */
  addCustomers(batch: readonly CustomerOrders[]): void;
  /** The line rules the engine counted (missing ids, dates, duplicates, refunds …). */
  addCounted(issues: readonly CountedIssue[]): void;
  addDateFormats(formats: readonly { format: DateFormat; count: number; row: number; value: string }[]): void;
  /** Notes a money cell's currency (from the engine's sample), as the Node path notes every cell. */
  noteCurrency(cell: string, row: number): void;
  /**
   * Finishes exactly as a transaction file's run does after its line accumulator.
   * @throws DataValidationError when the data cannot be used at all.
   */
  finish(join?: AttributeTable): SegmentationResult;
}

/**
 * Starts a run for a transaction table whose lines another engine cleans and
 * groups into orders (SQL in DuckDB or PostgreSQL): the same column plan and
 * options as `createSegmenter`, and from the accumulated customers on the
 * same code, so both executions give the same result.
 * @throws OptionsError for bad options; DataValidationError `missing-columns`, or `unsupported-file` for a customer-row table.
 */
export function createOrderListSegmenter(
  header: readonly Cell[],
  optionsInput: SegmentOptionsInput = {},
  hooks: SegmenterHooks = {},
): OrderListSegmenter {
  const options = resolveSegmentOptions(optionsInput);
  const log = new IssueLog(options.maxIssuesPerCode, hooks.onIssue);
  const plan = planOrderLines(header, optionsInput, hooks.headerRow ?? 1);
  for (const issue of plan.issues) log.add(issue);
  const keep = (hooks.keepPurchaseDays ?? false) || options.churn.enabled;
  const currency = new CurrencyTally();
  for (const i of [plan.columns.orderAmount, plan.columns.unitPrice])
    if (i !== undefined) currency.noteHeader(plan.headers[i] ?? '', 0);
  const moneyColumn = plan.columns.orderAmount ?? plan.columns.unitPrice;
  let lists: ReturnType<typeof createOrderListAccumulator> | undefined;
  let lineTotals: LineTotals | undefined;
  const started = () => {
    if (!lists) throw new Error('createOrderListSegmenter: call start(totals) first');
    return lists;
  };
  return {
    plan,
    options,
    start(totals) {
      lineTotals = totals;
      const asOfDay = options.asOfDay ?? totals.maxDay + 1;
      lists = createOrderListAccumulator(plan, options, log, keep, asOfDay);
      return asOfDay;
    },
    addCustomers: (batch) => started().addCustomers(batch),
    addCounted: (issues) => started().addCounted(issues),
    addDateFormats: (formats) => started().addDateFormats(plan.headers[plan.columns.orderDate!] ?? '', formats),
    noteCurrency: (cell, row) =>
      currency.noteCell(cell, row, moneyColumn === undefined ? '' : (plan.headers[moneyColumn] ?? '')),
    finish(join) {
      return finishTransactions(started().finish(lineTotals!), currency, join, plan, options, log);
    },
  };
}

/**
 * The column plan of a transaction table, as `createSegmenter` detects it.
 * @throws DataValidationError `missing-columns`; `unsupported-shape` when the table is one row per customer.
 */
export function planOrderLines(header: readonly Cell[], optionsInput: SegmentOptionsInput, headerRow = 1): ColumnPlan {
  const options = resolveSegmentOptions(optionsInput);
  const plan = detectColumns(header, { mapping: options.mapping, shape: options.shape, headerRow });
  if (plan.shape !== 'transactions')
    throw new DataValidationError([
      {
        code: 'unsupported-file',
        row: headerRow,
        column: '',
        value: '',
        message:
          'This table is one row per customer; the SQL engine reads order lines (customer id, order date, amount). Use --engine node.',
      },
    ]);
  return plan;
}

function finishTransactions(
  accumulated: CustomerFeatures,
  currency: { resolve(given: string | undefined, log: IssueLog): Currency },
  join: AttributeTable | undefined,
  plan: ColumnPlan,
  options: SegmentOptions,
  log: IssueLog,
): SegmentationResult {
  let features = accumulated;
  let matchRate: number | undefined;
  if (join) {
    let matched = 0;
    for (const id of features.ids) if (join.table.index.has(id)) matched++;
    matchRate = features.count > 0 ? matched / features.count : 0;
    const spendColumn =
      join.plan.columns.cumulativeSpend !== undefined
        ? join.plan.headers[join.plan.columns.cumulativeSpend]!
        : 'cumulativeSpend';
    features = joinAttributes(features, join.table, log, spendColumn);
  }
  features = { ...features, currency: currency.resolve(options.currency, log) };
  const scored = scoreFeatures(features, plan, options, log);
  return matchRate === undefined ? scored : { ...scored, quality: { ...scored.quality, matchRate } };
}

/**
 * Reads a customer table to join onto transactions (only the id is required).
 * @throws DataValidationError `missing-columns` without a customer id column.
 */
export function createAttributeReader(
  header: readonly Cell[],
  optionsInput: SegmentOptionsInput = {},
  hooks: SegmenterHooks = {},
) {
  const options = resolveSegmentOptions({ ...optionsInput, mapping: {}, shape: 'auto' });
  const log = new IssueLog(options.maxIssuesPerCode, hooks.onIssue);
  const plan = detectColumns(header, { role: 'attributes', shape: 'customers', headerRow: hooks.headerRow ?? 1 });
  const accumulator = createCustomerAccumulator(plan, options, log);
  return {
    plan,
    addRows: (rows: readonly RawRow[], first: number) => accumulator.addRows(rows, first),
    /** The parsed table and its own cleaning report. */
    finish: (): AttributeTable & { report: CleaningReport } => ({
      plan,
      table: accumulator.finishTable(),
      report: log.toReport(),
    }),
  };
}

function scoreFeatures(
  features: CustomerFeatures,
  plan: ColumnPlan,
  options: SegmentOptions,
  log: IssueLog,
): SegmentationResult {
  const spendColumn =
    plan.columns.orderAmount !== undefined
      ? plan.headers[plan.columns.orderAmount]!
      : plan.columns.cumulativeSpend !== undefined
        ? plan.headers[plan.columns.cumulativeSpend]!
        : 'spend';
  flagAmountOutliers(features, log, spendColumn);
  const ruleTags = assignTags(features);
  const schemeRun = runScheme(options, features, ruleTags);
  const churn = decideChurn(features, schemeRun, options, features.currency ?? DEFAULT_CURRENCY);
  // One decision drives the 【流失风险】 tag of every scheme (issue 11 §3).
  const tags = withChurnTag(ruleTags, churn.atRisk);
  const scheme = schemeRun.tags ? { ...schemeRun, tags: withSchemeChurnTag(schemeRun.tags, churn.atRisk) } : schemeRun;
  const notes: RunNote[] = [];
  const asOf = Number.isFinite(features.asOfDay) ? formatDay(features.asOfDay) : '';
  const asOfKey =
    features.asOfSource === 'given'
      ? 'note.as-of.given'
      : features.asOfSource === 'none'
        ? 'note.as-of.none'
        : features.asOfSource === 'newest-transaction'
          ? 'note.as-of.newest-transaction'
          : 'note.as-of.newest-purchase';
  notes.push(noteOf('as-of', asOfKey, { asOf }));
  // A scheme with its own tags (rule presets) reports its own skipped rules.
  if (!scheme.tags)
    for (const { ruleKey, columnKey } of tags.skipped)
      notes.push(noteOf('rule-skipped', 'note.rule-skipped', { column: { key: columnKey }, rule: { key: ruleKey } }));
  notes.push(...scheme.notes);
  if (scheme.bins) {
    for (const [name, bins] of [
      ['R', scheme.bins.r],
      ['F', scheme.bins.f],
      ['M', scheme.bins.m],
    ] as const) {
      if (bins.length === 1)
        notes.push(noteOf('no-variation', 'note.no-variation.one', { name, score: bins[0]!.score }));
      else if (bins.length < 5)
        notes.push(
          noteOf('no-variation', 'note.no-variation.few', {
            name,
            count: bins.length,
            scores: bins.map((b) => b.score).join(', '),
          }),
        );
    }
  }
  let scored = 0;
  for (let c = 0; c < features.count; c++) if (scheme.r[c]! > 0) scored++;
  const summary = summarizeSegments(features, scheme);
  return {
    options,
    plan,
    asOf,
    features,
    currency: features.currency ?? DEFAULT_CURRENCY,
    scheme,
    churn,
    tags,
    lifecycle: assignLifecycle(features),
    summary,
    report: log.toReport(),
    quality: { customers: features.count, scored, coverage: features.count > 0 ? scored / features.count : 0 },
    notes,
    spotCheck: sampleSpotCheck(features.count, options.spotCheckShare, options.seed),
  };
}

/**
 * Segments an in-memory table (header + rows, as the add-in reads a range).
 * Data rows are numbered from `headerRow + 1`.
 * @throws OptionsError, DataValidationError
 */
export function segmentTable(
  header: readonly Cell[],
  rows: readonly RawRow[],
  options: SegmentOptionsInput = {},
  hooks: SegmenterHooks = {},
): SegmentationResult {
  const run = createSegmenter(header, options, hooks);
  run.addRows(rows, (hooks.headerRow ?? 1) + 1);
  return run.finish();
}
