import { formatBox, qualifyAddress } from './cell-address.js';
import {
  queueSettingsLoad,
  queueSettingsSave,
  readSettingsItem,
  type TierlineSettings,
  type WrittenColumns,
} from './run-settings.js';
import { queueClearColumns } from './write-columns.js';

/** What Remove took out, for the pane and the ribbon. */
export interface RemovalOutcome {
  /** Result columns removed (deleted from a table or cleared beside a range). */
  readonly columns: number;
  /** Names of the sheets Tierline had made and Remove deleted. */
  readonly sheets: readonly string[];
  /** Tierline's columns left in place because their headers are no longer Tierline's (`Sheet1!M1:AL1`). */
  readonly kept: readonly string[];
  /** True when the workbook held no Tierline results at all. */
  readonly nothing: boolean;
}

/** One sheet's written columns with what Remove has to look at before it acts. */
interface Target {
  readonly written: WrittenColumns;
  readonly sheet: Excel.Worksheet;
  readonly header: Excel.Range;
  readonly table?: Excel.Table;
  readonly tableRange?: Excel.Range;
  readonly frozen: Excel.Range;
}

/**
 * The "Remove Tierline results" command, in one `Excel.run`: removes exactly
 * what Segment wrote, as recorded in the workbook's settings: its result
 * columns (deleted from the analyst's Excel table, or cleared with their
 * colour rules and formats beside a plain range), the table it made over a
 * plain range (converted back to a range), the frozen header row when
 * Tierline froze it, and the summary and customers sheets it created.
 * Columns whose header row someone has since changed are the analyst's now
 * and stay. The analyst's choices (scheme, mapping …) are kept; nothing
 * else in the workbook is touched. Office.js cannot undo a whole run, so
 * this is the pane's undo.
 */
export async function removeResults(context: Excel.RequestContext): Promise<RemovalOutcome> {
  const { workbook } = context;
  const settings = readSettingsItem(await loadItem(context));

  // First which sheets and tables still exist, then (only on those) what they hold.
  const found = Object.entries(settings.written).map(([sheetId, written]) => {
    const sheet = workbook.worksheets.getItemOrNullObject(sheetId);
    sheet.load('name');
    const table = written.table && workbook.tables.getItemOrNullObject(written.table.id);
    table?.load('id');
    return { written, sheet, table };
  });
  const made = Object.values(settings.sheets).map((id) => {
    const sheet = workbook.worksheets.getItemOrNullObject(id);
    sheet.load('name');
    return sheet;
  });
  await context.sync();
  const targets: Target[] = found
    .filter(({ sheet }) => !sheet.isNullObject)
    .map(({ written, sheet, table }) => {
      const header = sheet.getRangeByIndexes(written.headerRow, written.firstColumn, 1, written.columnCount);
      header.load('values');
      const frozen = sheet.freezePanes.getLocationOrNullObject();
      frozen.load('rowCount');
      if (!table || table.isNullObject) return { written, sheet, header, frozen };
      const tableRange = table.getRange();
      tableRange.load('columnIndex,columnCount,rowIndex');
      return { written, sheet, header, frozen, table, tableRange };
    });
  await context.sync();

  let columns = 0;
  const kept: string[] = [];
  for (const target of targets) {
    const { written, sheet } = target;
    const current = (target.header.values[0] ?? []).map((cell) => String(cell ?? ''));
    if (current.length !== written.headers.length || current.some((text, i) => text !== written.headers[i])) {
      kept.push(
        qualifyAddress(
          sheet.name,
          formatBox({
            row: written.headerRow,
            column: written.firstColumn,
            rowCount: 1,
            columnCount: written.columnCount,
          }),
        ),
      );
      continue;
    }
    const box = {
      row: written.headerRow,
      column: written.firstColumn,
      rowCount: written.rowCount,
      columnCount: written.columnCount,
    };
    const { table, tableRange: range } = target;
    const inTable =
      table !== undefined &&
      range !== undefined &&
      range.rowIndex === written.headerRow &&
      range.columnIndex < written.firstColumn &&
      written.firstColumn + written.columnCount <= range.columnIndex + range.columnCount;
    if (inTable && written.table!.created) {
      // Tierline's own table: back to a range, then its columns go as plain cells.
      table.convertToRange();
      queueClearColumns(sheet, box);
    } else if (inTable) {
      // The analyst's table: delete Tierline's table columns, last first; the table keeps its own.
      for (let j = written.columnCount - 1; j >= 0; j--)
        table.columns.getItemAt(written.firstColumn - range.columnIndex + j).delete();
    } else {
      queueClearColumns(sheet, box);
    }
    // The columns' widths as they were before Tierline sized them.
    written.widths?.forEach((width, j) => {
      sheet.getRangeByIndexes(written.headerRow, written.firstColumn + j, 1, 1).format.columnWidth = width;
    });
    if (written.frozeRows !== undefined && !target.frozen.isNullObject && target.frozen.rowCount === written.frozeRows)
      sheet.freezePanes.unfreeze();
    columns += written.columnCount;
  }
  const sheets: string[] = [];
  for (const sheet of made)
    if (!sheet.isNullObject) {
      sheets.push(sheet.name);
      sheet.delete();
    }
  const nothing = found.length === 0 && made.length === 0;
  if (!nothing) {
    const rest: TierlineSettings = { ...settings, written: {}, sheets: {} };
    queueSettingsSave(context, rest);
  }
  await context.sync();
  return { columns, sheets, kept, nothing };
}

async function loadItem(context: Excel.RequestContext): Promise<Excel.Setting> {
  const item = queueSettingsLoad(context);
  await context.sync();
  return item;
}
