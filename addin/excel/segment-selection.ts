import {
  DataValidationError,
  formatConfigError,
  formatNote,
  isFieldId,
  label,
  OptionsError,
  renderMessage,
  RESULT_COLUMNS,
  resultHeaders,
  segmentTable,
  type CellIssue,
  type CleaningReport,
  type ConfigError,
  type IssueCode,
  type Locale,
  type SegmentationResult,
  type TableShape,
} from '../../core/index.js';
import { createAddinError } from './addin-error.js';
import { buildCustomerColumns, buildRowColumns, type ColumnBlock } from './build-columns.js';
import {
  formatBox,
  formatColumn,
  MAX_SHEET_COLUMNS,
  parseAreas,
  qualifyAddress,
  subtractBox,
  type CellBox,
} from './cell-address.js';
import { formatFieldName } from './field-names.js';
import { filterMapping } from './preview-columns.js';
import { probeSource, readSource, type SourceTable } from './read-source.js';
import { queueSettingsSave, type TierlineSettings } from './run-settings.js';
import { listSegmentSwatches, queueSegmentColors } from './segment-colors.js';
import { isTableSafeHeader, makeUniqueHeaders } from './table-headers.js';
import { queueClearColumns, writeColumnBlock } from './write-columns.js';
import { queueSummarySheet, formatSummaryLabel } from './write-summary.js';

/** What the analyst chose in the pane (or the stored settings, for the ribbon button). */
export interface SegmentRequest {
  readonly scheme?: string;
  readonly asOf?: string;
  /** Today's date from the pane's clock: core has none (future-date checks). */
  readonly today?: string;
  readonly locale: Locale;
  readonly mapping?: Readonly<Record<string, string>>;
  /** Threshold overrides (core `config`). */
  readonly config?: unknown;
  readonly k?: 'auto' | number;
}

/** One cleaning issue with the cell it points at, for the pane's links. */
export interface LinkedIssue extends CellIssue {
  /** `Sheet1!C7`, or the row inside the table for a whole-row issue. */
  readonly address: string;
}

/** What a run did, for the pane. */
export interface SegmentOutcome {
  readonly sheetName: string;
  readonly source: string;
  readonly shape: TableShape;
  readonly customers: number;
  readonly dataRows: number;
  readonly schemeId: string;
  readonly asOf: string;
  /** Where the result columns went (`Sheet1!M1:AJ101`, or the customers sheet). */
  readonly target: string;
  readonly summarySheet: string;
  readonly replacedEarlierColumns: boolean;
  readonly segments: readonly {
    readonly label: string;
    readonly count: number;
    readonly share: number;
    readonly revenueShare: number;
  }[];
  /** `unlisted`: issues counted but not in `issues` (over core's cap per code, or over the pane's). */
  readonly report: {
    readonly counts: CleaningReport['counts'];
    readonly unlisted: number;
    readonly issues: readonly LinkedIssue[];
  };
  readonly notes: readonly string[];
  /** Syncs this run made, counted here (the tests count them independently at the fake). */
  readonly syncs: number;
}

/** The segment column's place among the result columns. */
const SEGMENT_AT = RESULT_COLUMNS.indexOf('segment');
/** Tierline freezes the header row only when it is among the sheet's first rows (0-based index below this). */
const FREEZE_HEADER_WITHIN = 10;

/**
 * Where the result columns go: into the analyst's Excel table as table
 * columns (`drop`: Tierline's earlier columns in it, relative to the
 * table), into a table Tierline makes over data + results, or beside a
 * plain range whose header Excel would have to rename.
 */
type TableLayout =
  | { mode: 'existing'; id: string; created: boolean; drop?: { from: number; count: number } }
  | { mode: 'create' }
  | { mode: 'none' };

/** The block with other header texts (the names Excel keeps in a table). */
function renameColumns(block: ColumnBlock, headers: readonly string[]): ColumnBlock {
  return { ...block, headers, row: (i) => block.row(i) };
}

/** The most issues handed to the pane: each is a link; the counts stay exact. */
const PANE_ISSUES = 500;

/**
 * The Segment action, run inside one `Excel.run`: reads the table around the
 * selection, segments it with core, and only when all of that succeeded
 * writes the result columns (right of the data, or on a customers sheet for
 * order lists), the summary sheet and the settings. Nothing is written when
 * any check fails.
 * @throws AddinError (`empty-selection`, `missing-columns`, `merged-cells`,
 *   `too-many-rows`, `sheet-protected`, `workbook-protected`,
 *   `sheet-name-taken`, `target-occupied`, `no-room`, `invalid-options`,
 *   `excel-failed`); DataValidationError for data core cannot use.
 */
export async function segmentSelection(
  context: Excel.RequestContext,
  request: SegmentRequest,
): Promise<SegmentOutcome> {
  const { locale } = request;
  const summaryName = formatSummaryLabel('summarySheet', locale);
  const customersName = formatSummaryLabel('customersSheet', locale);
  const probe = await probeSource(context, locale, [summaryName, customersName]);
  if (probe.workbookProtected) throw createAddinError('workbook-protected', locale, { summary: summaryName });
  const ownedSheet = (name: string, role: string) => {
    const id = probe.sheetIds.get(name);
    if (id !== undefined && probe.settings.sheets[role] !== id)
      throw createAddinError('sheet-name-taken', locale, { sheet: name });
    return id;
  };
  const oldSummary = ownedSheet(summaryName, 'summary');
  const table = await readSource(context, probe, locale);
  let syncs = table.readSyncs;

  const result = computeSegments(table, request);
  const headerRow = table.box.row + 1;
  const outcomeBase = { sheetName: table.sheetName, source: qualifyAddress(table.sheetName, formatBox(table.box)) };

  // Plan the write and check that it only touches empty cells or Tierline's own.
  let block: ColumnBlock;
  let target: CellBox;
  let clear: CellBox | undefined;
  let oldCustomers: string | undefined;
  let layout: TableLayout = { mode: 'none' };
  let freezeRows: number | undefined;
  let keptFreeze: number | undefined;
  let widths: number[] | undefined;
  const notes: string[] = [];
  if (result.plan.shape === 'customers') {
    if (table.sheetProtected) throw createAddinError('sheet-protected', locale, { sheet: table.sheetName });
    block = buildRowColumns(result, table.rows.length, locale);
    const column = table.box.column + table.box.columnCount;
    if (column + block.headers.length > MAX_SHEET_COLUMNS)
      throw createAddinError('no-room', locale, { count: block.headers.length, address: formatBox(table.box) });
    target = { row: table.box.row, column, rowCount: table.box.rowCount, columnCount: block.headers.length };
    const earlier = table.written;
    const earlierBox = earlier && {
      row: earlier.headerRow,
      column: earlier.firstColumn,
      rowCount: earlier.rowCount,
      columnCount: earlier.columnCount,
    };
    // Earlier columns inside the same Excel table are deleted as table columns; any others are cleared.
    const sameTable = earlier?.table !== undefined && earlier.table.id === table.tableId;
    clear = sameTable ? undefined : earlierBox;
    if (table.tableId !== undefined)
      layout = {
        mode: 'existing',
        id: table.tableId,
        created: sameTable && earlier!.table!.created,
        ...(sameTable ? { drop: { from: earlier!.firstColumn - table.box.column, count: earlier!.columnCount } } : {}),
      };
    else if (isTableSafeHeader(table.header)) layout = { mode: 'create' };
    else
      notes.push(
        label('pane.tableSkipped', locale, {
          address: qualifyAddress(table.sheetName, formatBox({ ...table.box, rowCount: 1 })),
        }),
      );
    // Excel keeps table column names unique: write the names it would keep.
    if (layout.mode !== 'none')
      block = renameColumns(block, makeUniqueHeaders(table.header.map(String), block.headers));
    const whole = { ...table.box, columnCount: table.box.columnCount + block.headers.length };
    const check = await checkTarget(context, table.sheetName, target, earlierBox, locale, {
      tables: layout.mode === 'create' ? whole : undefined,
      // Excel inserts table columns into the table's rows: anything right of them would move.
      toSheetEnd: layout.mode === 'existing',
    });
    syncs++;
    // The analyst's column widths before Tierline sized the columns: the earlier run's record where it wrote before.
    widths = check.widths.map((width, j) => {
      const at = target.column + j - (earlier?.firstColumn ?? Infinity);
      return earlier?.widths !== undefined && at >= 0 && at < earlier.widths.length ? earlier.widths[at]! : width;
    });
    // Freeze the header row when the sheet has no frozen panes and the header is near the top.
    if (check.frozenRows === 0 && table.box.row < FREEZE_HEADER_WITHIN) freezeRows = table.box.row + 1;
    else if (earlier?.frozeRows !== undefined && check.frozenRows === earlier.frozeRows) keptFreeze = earlier.frozeRows;
  } else {
    oldCustomers = ownedSheet(customersName, 'customers');
    block = buildCustomerColumns(result, locale);
    block = renameColumns(block, makeUniqueHeaders([], block.headers));
    target = { row: 0, column: 0, rowCount: block.rowCount + 1, columnCount: block.headers.length };
  }
  const swatches = listSegmentSwatches(result, locale);
  // The segment column: after the customer-sheet's identity columns, at its place among the results.
  const segmentColumn = target.column + block.headers.length - resultHeaders(result, locale).length + SEGMENT_AT;

  // Write. From here on a failure undoes what this run wrote.
  // Names of the sheets this run adds (the old ones were deleted in the same batch).
  const created: string[] = [];
  let written: CellBox | undefined;
  let newTable: Excel.Table | undefined;
  try {
    const worksheets = context.workbook.worksheets;
    let sheet: Excel.Worksheet;
    if (result.plan.shape === 'customers') {
      sheet = worksheets.getItem(table.sheetName);
      if (clear) queueClearColumns(sheet, clear);
      if (layout.mode === 'existing') {
        const excelTable = context.workbook.tables.getItem(layout.id);
        if (layout.drop)
          for (let j = layout.drop.count - 1; j >= 0; j--) excelTable.columns.getItemAt(layout.drop.from + j).delete();
        for (const name of block.headers) excelTable.columns.add(undefined, undefined, name);
      }
    } else {
      if (oldCustomers !== undefined) worksheets.getItem(oldCustomers).delete();
      sheet = worksheets.add(customersName);
      created.push(customersName);
    }
    written = target;
    const write = await writeColumnBlock(context, sheet, { row: target.row, column: target.column }, block);
    syncs += write.syncs;

    // The table over data + results, the frozen header and the segment colours.
    if (result.plan.shape === 'customers') {
      if (layout.mode === 'create') {
        newTable = sheet.tables.add(
          sheet.getRangeByIndexes(
            table.box.row,
            table.box.column,
            table.box.rowCount,
            table.box.columnCount + block.headers.length,
          ),
          true,
        );
        newTable.load('id');
      }
      if (freezeRows !== undefined) sheet.freezePanes.freezeRows(freezeRows);
    } else {
      sheet.tables.add(sheet.getRangeByIndexes(0, 0, target.rowCount, target.columnCount), true);
      sheet.freezePanes.freezeRows(1);
    }
    if (block.rowCount > 0)
      queueSegmentColors(sheet.getRangeByIndexes(target.row + 1, segmentColumn, block.rowCount, 1), swatches);

    if (oldSummary !== undefined) worksheets.getItem(oldSummary).delete();
    const summary = queueSummarySheet(context, result, { source: outcomeBase.source, locale });
    created.push(summaryName);
    summary.sheet.load('id');
    if (result.plan.shape === 'transactions') sheet.load('id');
    await context.sync();
    syncs++;

    const settings: TierlineSettings = {
      ...table.settings,
      scheme: result.scheme.id,
      ...(request.asOf ? { asOf: request.asOf } : {}),
      locale,
      mapping: { ...(request.mapping ?? {}) },
      ...(request.config !== undefined ? { config: request.config } : {}),
      ...(request.k !== undefined ? { k: request.k } : {}),
      written: { ...table.settings.written },
      sheets: { ...table.settings.sheets, summary: summary.sheet.id },
    };
    if (!request.asOf) delete settings.asOf;
    if (result.plan.shape === 'customers') {
      const tableRecord =
        layout.mode === 'existing'
          ? { id: layout.id, created: layout.created }
          : newTable
            ? { id: newTable.id, created: true }
            : undefined;
      const froze = freezeRows ?? keptFreeze;
      settings.written[table.sheetId] = {
        headerRow: target.row,
        firstColumn: target.column,
        columnCount: target.columnCount,
        rowCount: target.rowCount,
        headers: [...block.headers],
        ...(tableRecord ? { table: tableRecord } : {}),
        ...(froze !== undefined ? { frozeRows: froze } : {}),
        ...(widths ? { widths } : {}),
      };
    } else {
      settings.sheets.customers = sheet.id;
    }
    queueSettingsSave(context, settings);
    await context.sync();
    syncs++;
  } catch (error) {
    await undoWrite(context, table.sheetName, result.plan.shape === 'customers' ? written : undefined, created, {
      added:
        layout.mode === 'existing'
          ? { id: layout.id, from: table.box.columnCount, count: block.headers.length }
          : undefined,
      table: newTable,
      unfreeze: freezeRows !== undefined,
    });
    throw createAddinError('excel-failed', locale, { detail: error instanceof Error ? error.message : String(error) });
  }

  const targetAddress =
    result.plan.shape === 'customers'
      ? qualifyAddress(table.sheetName, formatBox(target))
      : qualifyAddress(customersName, formatBox(target));
  return {
    ...outcomeBase,
    shape: result.plan.shape,
    customers: result.features.count,
    dataRows: table.rows.length,
    schemeId: result.scheme.id,
    asOf: result.asOf,
    target: targetAddress,
    summarySheet: summaryName,
    replacedEarlierColumns: clear !== undefined || (layout.mode === 'existing' && layout.drop !== undefined),
    segments: result.summary.map((s, i) => ({
      label: result.scheme.segmentLabel(i, locale),
      count: s.count,
      share: s.share,
      revenueShare: s.revenueShare,
    })),
    report: {
      counts: result.report.counts,
      unlisted: result.report.omitted + Math.max(0, result.report.issues.length - PANE_ISSUES),
      issues: linkIssues(result.report.issues.slice(0, PANE_ISSUES), table, headerRow),
    },
    notes: [...result.notes.map((n) => formatNote(n, locale)), ...notes],
    syncs,
  };
}

/** Runs core; its option and mapping problems become pane messages. */
function computeSegments(table: SourceTable, request: SegmentRequest): SegmentationResult {
  const { locale } = request;
  try {
    return segmentTable(
      table.header,
      table.rows,
      {
        ...(request.scheme ? { scheme: request.scheme } : {}),
        ...(request.asOf ? { asOf: request.asOf } : {}),
        ...(request.today ? { today: request.today } : {}),
        locale,
        mapping: filterMapping(request.mapping ?? {}, table.header),
        ...(request.config !== undefined ? { config: request.config } : {}),
        ...(request.k !== undefined ? { k: request.k } : {}),
      },
      { headerRow: table.box.row + 1 },
    );
  } catch (error) {
    if (error instanceof DataValidationError && error.code === 'missing-columns') {
      // core puts the missing field ids in the issue value ("customerId,orderDate").
      const missing = error.issues.flatMap((issue) => issue.value.split(',')).filter(isFieldId);
      if (missing.length > 0)
        throw createAddinError(
          'missing-columns',
          locale,
          { missing: missing.map((f) => formatFieldName(f, locale)).join(', ') },
          missing,
        );
    }
    // The problems in the pane's language (issue 14), never the English of the error.
    if (error instanceof OptionsError)
      throw createAddinError('invalid-options', locale, {
        problems: error.texts.map((m) => (typeof m === 'string' ? m : renderMessage(m, locale))).join('\n'),
      });
    if (error instanceof Error && error.name === 'ConfigError')
      throw createAddinError('invalid-options', locale, { problems: formatConfigError(error as ConfigError, locale) });
    throw error;
  }
}

/**
 * Stops when the target area holds anything Tierline did not write: values
 * or formulas outside `owned` (Tierline's earlier columns), or merged cells;
 * or, for a table Tierline is about to make, when that area overlaps
 * another Excel table. `toSheetEnd` (the analyst's table) checks the table's
 * rows up to the sheet's last column: Excel inserts table columns into those
 * rows, so anything right of them would move. Also reads how many rows the
 * sheet has frozen and the target columns' widths.
 * Uses special-cell lookups, so checking 100,000 rows costs one small sync.
 */
async function checkTarget(
  context: Excel.RequestContext,
  sheetName: string,
  target: CellBox,
  owned: CellBox | undefined,
  locale: Locale,
  also: { tables?: CellBox | undefined; toSheetEnd?: boolean },
): Promise<{ frozenRows: number; widths: number[] }> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const lookups: Excel.RangeAreas[] = [];
  const checked = also.toSheetEnd ? { ...target, columnCount: MAX_SHEET_COLUMNS - target.column } : target;
  for (const part of subtractBox(checked, owned)) {
    const range = sheet.getRangeByIndexes(part.row, part.column, part.rowCount, part.columnCount);
    for (const kind of ['Constants', 'Formulas'] as const) {
      const found = range.getSpecialCellsOrNullObject(kind);
      found.load('address,cellCount');
      lookups.push(found);
    }
  }
  const merged = sheet
    .getRangeByIndexes(target.row, target.column, target.rowCount, target.columnCount)
    .getMergedAreasOrNullObject();
  merged.load('address,areaCount');
  const frozen = sheet.freezePanes.getLocationOrNullObject();
  frozen.load('rowCount');
  const columns = Array.from({ length: target.columnCount }, (_, j) => {
    const cell = sheet.getRangeByIndexes(target.row, target.column + j, 1, 1);
    cell.load('format/columnWidth');
    return cell;
  });
  const overlapping =
    also.tables &&
    sheet
      .getRangeByIndexes(also.tables.row, also.tables.column, also.tables.rowCount, also.tables.columnCount)
      .getTables(false);
  overlapping?.load('items/name');
  await context.sync();
  const occupied = lookups
    .filter((found) => !found.isNullObject && found.cellCount > 0)
    .flatMap((found) => parseAreas(found.address));
  if (!merged.isNullObject && merged.areaCount > 0) occupied.push(...parseAreas(merged.address));
  if (occupied.length > 0) {
    const shown = occupied.slice(0, 3).map(formatBox).join(', ') + (occupied.length > 3 ? ', …' : '');
    throw createAddinError('target-occupied', locale, {
      count: target.columnCount,
      target: formatBox(target),
      cells: shown,
    });
  }
  const other = overlapping?.items[0];
  if (other && also.tables)
    throw createAddinError('table-overlap', locale, {
      target: qualifyAddress(sheetName, formatBox(also.tables)),
      table: other.name,
    });
  return {
    frozenRows: frozen.isNullObject ? 0 : frozen.rowCount,
    widths: columns.map((cell) => cell.format.columnWidth),
  };
}

/**
 * Best-effort undo after Excel failed mid-write: take out the table columns
 * this run added to the analyst's table (only when they are all there) or
 * the table it made, clear the columns, then drop the sheets this run
 * added. Separate batches, because Excel stops a batch at its first failing
 * command and a sheet that was never added cannot be deleted.
 */
async function undoWrite(
  context: Excel.RequestContext,
  sheetName: string,
  columns: CellBox | undefined,
  created: readonly string[],
  tables: {
    added?: { id: string; from: number; count: number } | undefined;
    table?: Excel.Table | undefined;
    unfreeze: boolean;
  },
): Promise<void> {
  const attempt = async (queue: () => void) => {
    try {
      queue();
      await context.sync();
    } catch {
      // The workbook refused this step; the pane's message says what to check.
    }
  };
  const { added } = tables;
  if (added) {
    const excelTable = context.workbook.tables.getItemOrNullObject(added.id);
    await attempt(() => excelTable.load('id'));
    const columns = excelTable.columns;
    if (!excelTable.isNullObject) await attempt(() => columns.load('count'));
    let count: number | undefined;
    try {
      count = columns.count;
    } catch {
      count = undefined;
    }
    if (count === added.from + added.count)
      await attempt(() => {
        for (let j = added.count - 1; j >= 0; j--) excelTable.columns.getItemAt(added.from + j).delete();
      });
  } else if (tables.table) await attempt(() => tables.table!.convertToRange());
  if (columns && !added)
    await attempt(() => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      queueClearColumns(sheet, columns);
      if (tables.unfreeze) sheet.freezePanes.unfreeze();
    });
  const sheets = created.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
  await attempt(() => {
    for (const sheet of sheets) sheet.load('id');
  });
  await attempt(() => {
    for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
  });
}

/** Points every issue at its cell: the column by header text, the row as core numbered it. */
function linkIssues(issues: readonly CellIssue[], table: SourceTable, headerRow: number): LinkedIssue[] {
  const columnOf = new Map<string, number>();
  table.header.forEach((cell, j) => {
    const text = String(cell ?? '').trim();
    if (!columnOf.has(text)) columnOf.set(text, table.box.column + j);
  });
  const lastColumn = formatColumn(table.box.column + table.box.columnCount - 1);
  return issues.map((issue) => {
    const row = issue.row >= headerRow ? issue.row : headerRow;
    const column = columnOf.get(issue.column.trim());
    const local =
      column !== undefined
        ? `${formatColumn(column)}${row}`
        : `${formatColumn(table.box.column)}${row}:${lastColumn}${row}`;
    return { ...issue, address: qualifyAddress(table.sheetName, local) };
  });
}

/** Codes the pane shows first: the ones that excluded rows. */
export const EXCLUDING_CODES: readonly IssueCode[] = [
  'missing-id',
  'invalid-date',
  'future-date',
  'formula-error',
  'invalid-number',
  'duplicate-id',
  'duplicate-transaction',
];
