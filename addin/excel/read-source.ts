import type { Cell, Locale } from '../../core/index.js';
import { formatBox, intersectBoxes, type CellBox } from './cell-address.js';
import { createAddinError } from './addin-error.js';
import { findResultColumns } from './find-result-columns.js';
import { BLOCK_BUDGET_BYTES, measureRowBytes } from './plan-blocks.js';
import { queueSettingsLoad, readSettingsItem, type TierlineSettings, type WrittenColumns } from './run-settings.js';

/**
 * The most data rows the add-in reads. A task pane holds the sheet in
 * browser memory and moves it through 4 MB requests: 500,000 rows × 12
 * columns is about 50 requests and 0.5 GB of JavaScript values, the most a
 * pane can take without the browser killing it. Larger sheets go to the CLI,
 * which streams.
 */
export const MAX_DATA_ROWS = 500_000;
/** The first read block, before the row size is known: small enough for long texts. */
const FIRST_BLOCK_CELLS = 24_000;

const BOX_PROPERTIES = ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'] as const;

/** Where the data is and what the workbook already holds. */
export interface SourceProbe {
  readonly sheetId: string;
  readonly sheetName: string;
  readonly sheetProtected: boolean;
  readonly workbookProtected: boolean;
  /** The table: header row first, Tierline's own earlier columns excluded. */
  readonly box: CellBox;
  /** The Excel table's name and id when the data is a table. */
  readonly tableName?: string;
  readonly tableId?: string;
  readonly settings: TierlineSettings;
  /** Tierline's earlier columns on this sheet, when their headers are still Tierline's. */
  readonly written?: WrittenColumns;
  /** Existing sheets by name among the names Tierline may create: name → id. */
  readonly sheetIds: ReadonlyMap<string, string>;
}

/** The table read: header and data rows as core takes them. */
export interface SourceTable extends SourceProbe {
  readonly header: readonly Cell[];
  readonly rows: readonly (readonly Cell[])[];
  /** Syncs spent reading (probe included). */
  readonly readSyncs: number;
}

const boxOf = (range: Excel.Range): CellBox => ({
  row: range.rowIndex,
  column: range.columnIndex,
  rowCount: range.rowCount,
  columnCount: range.columnCount,
});

const isEmptyValue = (value: unknown): boolean => value === '' || value === null || value === undefined;

/**
 * Finds the table around the selection: the Excel table that holds the
 * active cell; else, for a single cell, the region around it bounded by
 * blank rows and columns; else the selection cut to the used range (so a
 * whole-column selection reads only the rows that hold data). Hidden and
 * filtered rows are part of the box: results stay aligned with every row.
 * @throws AddinError `empty-selection`, `summary-sheet-selected`, `too-many-rows`, `header-only`.
 */
export async function probeSource(
  context: Excel.RequestContext,
  locale: Locale,
  reservedNames: readonly string[],
): Promise<SourceProbe & { syncs: number }> {
  const { workbook } = context;
  const selection = workbook.getSelectedRange();
  selection.load([...BOX_PROPERTIES]);
  const active = selection.getCell(0, 0);
  active.load('values');
  const sheet = selection.worksheet;
  sheet.load('id,name');
  sheet.protection.load('protected');
  workbook.protection.load('protected');
  const tables = selection.getTables(false);
  tables.load('items/id,items/name,items/showTotals');
  const region = active.getSurroundingRegion();
  region.load([...BOX_PROPERTIES]);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load([...BOX_PROPERTIES]);
  const settingsItem = queueSettingsLoad(context);
  const named = reservedNames.map((name) => {
    const found = workbook.worksheets.getItemOrNullObject(name);
    found.load('id,name');
    return found;
  });
  await context.sync();
  let syncs = 1;

  const settings = readSettingsItem(settingsItem);
  const sheetIds = new Map<string, string>();
  for (const found of named) if (!found.isNullObject) sheetIds.set(found.name, found.id);
  if (Object.values(settings.sheets).includes(sheet.id))
    throw createAddinError('summary-sheet-selected', locale, { sheet: sheet.name });

  let box: CellBox;
  let tableName: string | undefined;
  let tableId: string | undefined;
  const table = tables.items[0];
  if (table) {
    const tableRange = table.getRange();
    tableRange.load([...BOX_PROPERTIES]);
    await context.sync();
    syncs++;
    const whole = boxOf(tableRange);
    // The totals row is arithmetic on the data, not a customer.
    box = table.showTotals ? { ...whole, rowCount: whole.rowCount - 1 } : whole;
    tableName = table.name;
    tableId = table.id;
  } else if (selection.rowCount === 1 && selection.columnCount === 1) {
    box = boxOf(region);
    if (box.rowCount === 1 && box.columnCount === 1 && isEmptyValue(active.values[0]?.[0]))
      throw createAddinError('empty-selection', locale, { address: formatBox(box) });
  } else {
    const cut = used.isNullObject ? undefined : intersectBoxes(boxOf(selection), boxOf(used));
    if (!cut) throw createAddinError('empty-selection', locale, { address: formatBox(boxOf(selection)) });
    box = cut;
  }

  // Tierline's own earlier columns sit right of the data: they are output, not input.
  const written = settings.written[sheet.id];
  if (
    written &&
    written.headerRow === box.row &&
    written.firstColumn > box.column &&
    written.firstColumn < box.column + box.columnCount
  ) {
    box = { ...box, columnCount: written.firstColumn - box.column };
  }

  const dataRows = box.rowCount - 1;
  if (dataRows > MAX_DATA_ROWS)
    throw createAddinError('too-many-rows', locale, { address: formatBox(box), rows: dataRows, max: MAX_DATA_ROWS });
  if (dataRows < 1) throw createAddinError('header-only', locale, { address: formatBox(box) });

  return {
    sheetId: sheet.id,
    sheetName: sheet.name,
    sheetProtected: sheet.protection.protected,
    workbookProtected: workbook.protection.protected,
    box,
    ...(tableName !== undefined ? { tableName } : {}),
    ...(tableId !== undefined ? { tableId } : {}),
    settings,
    ...(written ? { written } : {}),
    sheetIds,
    syncs,
  };
}

/**
 * Reads the probed table in row blocks, one sync each. The first block is
 * small; later blocks are sized from the largest row seen so far so each
 * response stays under the 4 MB budget. The first sync also checks for
 * merged cells and whether Tierline's earlier header cells are still its own.
 * @throws AddinError `merged-cells`.
 */
export async function readSource(
  context: Excel.RequestContext,
  probe: SourceProbe & { syncs: number },
  locale: Locale,
): Promise<SourceTable> {
  const sheet = context.workbook.worksheets.getItem(probe.sheetName);
  const { box } = probe;
  // Checked with the first block; queued again if that batch has to be retried.
  let merged!: Excel.RangeAreas;
  let writtenHeader: Excel.Range | undefined;
  const queueChecks = () => {
    merged = sheet.getRangeByIndexes(box.row, box.column, box.rowCount, box.columnCount).getMergedAreasOrNullObject();
    merged.load('address,areaCount');
    if (probe.written) {
      writtenHeader = sheet.getRangeByIndexes(
        probe.written.headerRow,
        probe.written.firstColumn,
        1,
        probe.written.columnCount,
      );
      writtenHeader.load('values');
    }
  };
  const values: Cell[][] = [];
  let syncs = probe.syncs;
  let next = 0;
  let rowsPerBlock = Math.max(1, Math.min(box.rowCount, Math.floor(FIRST_BLOCK_CELLS / box.columnCount)));
  let largestRow = 0;
  let first = true;
  const sizes = new Map<string, number>();
  while (next < box.rowCount) {
    if (first) queueChecks();
    const count = Math.min(rowsPerBlock, box.rowCount - next);
    const block = sheet.getRangeByIndexes(box.row + next, box.column, count, box.columnCount);
    block.load('values');
    try {
      await context.sync();
    } catch (error) {
      // Rows longer than any seen so far can push a block past Excel's
      // response limit: halve the block and read it again.
      if (
        count > 1 &&
        error instanceof Error &&
        /PayloadSizeLimitExceeded/.test(`${error.message} ${(error as { code?: string }).code ?? ''}`)
      ) {
        rowsPerBlock = Math.ceil(count / 2);
        continue;
      }
      throw error;
    }
    syncs++;
    if (first) {
      if (!merged.isNullObject && merged.areaCount > 0)
        throw createAddinError('merged-cells', locale, {
          address: formatBox(box),
          areas: merged.address.replace(/[^!,]*!/g, ''),
        });
      first = false;
    }
    for (const row of block.values as Cell[][]) {
      const bytes = measureRowBytes(row, sizes);
      if (bytes > largestRow) largestRow = bytes;
      values.push(row);
    }
    next += count;
    // 20% headroom: later rows may carry longer texts than the ones seen.
    rowsPerBlock = Math.max(1, Math.floor((BLOCK_BUDGET_BYTES * 0.8) / Math.max(largestRow, 8)));
  }
  let written = probe.written;
  if (written && writtenHeader) {
    const current = (writtenHeader.values[0] ?? []).map((cell) => String(cell ?? ''));
    // Someone replaced Tierline's headers: the cells are theirs now, never overwrite them.
    if (current.length !== written.headers.length || current.some((text, i) => text !== written!.headers[i]))
      written = undefined;
  }
  // No record of earlier columns, but the header ends in Tierline's own: they are output, not input.
  let cut = box;
  if (!written) {
    const first = findResultColumns(values[0] ?? []);
    if (first !== undefined) {
      const headers = (values[0] ?? []).slice(first).map((cell) => String(cell ?? ''));
      written = {
        headerRow: box.row,
        firstColumn: box.column + first,
        columnCount: headers.length,
        rowCount: box.rowCount,
        headers,
        ...(probe.tableId !== undefined ? { table: { id: probe.tableId, created: false } } : {}),
      };
      cut = { ...box, columnCount: first };
      for (const row of values) row.length = first;
    }
  }
  const [header = [], ...rows] = values;
  const { written: _dropped, ...rest } = probe;
  return { ...rest, box: cut, ...(written ? { written } : {}), header, rows, readSyncs: syncs };
}
