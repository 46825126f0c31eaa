import type { Cell } from '../../core/index.js';
import type { CellBox } from './cell-address.js';
import type { ColumnBlock } from './build-columns.js';
import { BLOCK_BUDGET_BYTES, measureRowBytes, type RowBlock } from './plan-blocks.js';

/** Tierline's header look: the analyst can tell its columns from their own at a glance. */
export const HEADER_STYLE = { fill: '#0F5C5C', font: '#FFFFFF' } as const;

/**
 * Sets one number format on every cell of a range. Excel applies a 1×1
 * format array (or a single value) to all cells of the range (Range.numberFormat
 * reference: "If the argument is a single value, it will be applied to all
 * cells"; OfficeDev/office-js-docs-reference#578, office-js-docs-pr#5400),
 * which keeps a 100,000-row column's format to a few bytes instead of a
 * 100,000-row array.
 */
export function setUniformFormat(range: Excel.Range, numberFormat: string): void {
  range.numberFormat = [[numberFormat]];
}

/** Queues removing Tierline's plain columns: their colour rules, values and formats. */
export function queueClearColumns(sheet: Excel.Worksheet, box: CellBox): void {
  const range = sheet.getRangeByIndexes(box.row, box.column, box.rowCount, box.columnCount);
  range.conditionalFormats.clearAll();
  range.clear('All');
}

/** Queues header text and style, and per-column number formats and widths. */
function queueHeaderAndFormats(
  sheet: Excel.Worksheet,
  origin: { row: number; column: number },
  block: ColumnBlock,
): void {
  const width = block.headers.length;
  const header = sheet.getRangeByIndexes(origin.row, origin.column, 1, width);
  header.values = [block.headers as Cell[]];
  header.format.font.bold = true;
  header.format.font.color = HEADER_STYLE.font;
  header.format.fill.color = HEADER_STYLE.fill;
  block.styles.forEach((style, j) => {
    sheet.getRangeByIndexes(origin.row, origin.column + j, 1, 1).format.columnWidth = style.width;
    if (block.rowCount > 0)
      setUniformFormat(
        sheet.getRangeByIndexes(origin.row + 1, origin.column + j, block.rowCount, 1),
        style.numberFormat,
      );
  });
}

/** How a column write went: the blocks and syncs it took. */
export interface ColumnWrite {
  readonly box: CellBox;
  readonly blocks: readonly RowBlock[];
  readonly syncs: number;
}

/**
 * Writes a column block with its header at `origin`: rows are built and
 * measured as they go and sent in blocks of at most 4 MB of JSON, one
 * `context.sync()` per block, calculation suspended for each (formulas that
 * depend on the sheet recalculate once at the end, not per block). `clear`
 * (Tierline's earlier columns) is cleared in the first batch, so a rerun
 * replaces them; formats go before values so `@` columns receive text.
 */
export async function writeColumnBlock(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  origin: { row: number; column: number },
  block: ColumnBlock,
  clear?: CellBox,
): Promise<ColumnWrite> {
  const width = block.headers.length;
  const application = context.workbook.application;
  application.suspendApiCalculationUntilNextSync();
  if (clear) queueClearColumns(sheet, clear);
  queueHeaderAndFormats(sheet, origin, block);
  const blocks: RowBlock[] = [];
  let syncs = 0;
  const sizes = new Map<string, number>();
  let pending: Cell[][] = [];
  let start = 0,
    bytes = 2;
  const flush = async () => {
    if (blocks.length > 0) application.suspendApiCalculationUntilNextSync();
    sheet.getRangeByIndexes(origin.row + 1 + start, origin.column, pending.length, width).values = pending;
    blocks.push({ start, end: start + pending.length, bytes });
    await context.sync();
    syncs++;
    start += pending.length;
    pending = [];
    bytes = 2;
  };
  for (let i = 0; i < block.rowCount; i++) {
    const row = block.row(i);
    const size = measureRowBytes(row, sizes);
    if (pending.length > 0 && bytes + size > BLOCK_BUDGET_BYTES) await flush();
    pending.push(row);
    bytes += size;
  }
  if (pending.length > 0 || blocks.length === 0) {
    if (pending.length > 0) await flush();
    else {
      await context.sync();
      syncs++;
    }
  }
  return {
    box: { row: origin.row, column: origin.column, rowCount: block.rowCount + 1, columnCount: width },
    blocks,
    syncs,
  };
}
