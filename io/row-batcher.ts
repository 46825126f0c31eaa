import type { Cell } from '../core/index.js';
import { createFileError } from './file-error.js';
import type { TableSink } from './read-table.js';

/** Numbers rows, finds the header and hands data rows to a sink in batches. */
export interface RowBatcher {
  /** Adds the next row (its number is one past the previous row's). */
  addRow(cells: readonly Cell[]): void;
  /** Counts `count` blank rows: they get numbers but are not handed over as data. */
  addBlankRows(count: number): void;
  /** Hands over the last partial batch. */
  finish(): void;
  /** 1-based number the next added row will get. */
  readonly nextRow: number;
  /** Row number of the header, 0 while none has been seen. */
  readonly headerRow: number;
  /** Non-blank rows after the header handed over so far. */
  readonly dataRows: number;
}

export interface RowBatcherOptions {
  /** File name for messages. */
  readonly fileName: string;
  readonly maxColumns: number;
  readonly batchSize?: number;
}

/** Rows per batch: big enough to amortise a call, small enough to stay in cache. */
export const DEFAULT_BATCH_SIZE = 4096;

/**
 * Blank rows inside a batch are handed over as this (frozen, shared) empty
 * row so that batch[i] stays row firstRowNumber + i.
 */
export const BLANK_ROW: readonly Cell[] = Object.freeze([]);

// A run of blank rows this long or shorter travels inside the batch as
// BLANK_ROWs; a longer run (say an xlsx jumping from row 10 to row 90,000)
// ends the batch instead, and the next batch starts at its true row number.
const MAX_INLINE_BLANKS = 64;

/**
 * Creates the batcher shared by the csv and xlsx readers. The header is the
 * first row with a non-blank cell (blank = empty, null or whitespace only);
 * rows before it are only counted. Blank rows after it are never counted in
 * `dataRows`; trailing blank rows are dropped.
 * @throws DataValidationError `too-many-columns` when a row is wider than `maxColumns`.
 * @example createRowBatcher(sink, { fileName: 'a.csv', maxColumns: 16384 }).addRow(['id'])
 */
export function createRowBatcher(sink: TableSink, options: RowBatcherOptions): RowBatcher {
  return new Batcher(sink, options.fileName, options.maxColumns, options.batchSize ?? DEFAULT_BATCH_SIZE);
}

class Batcher implements RowBatcher {
  nextRow = 1;
  headerRow = 0;
  dataRows = 0;
  private batch: (readonly Cell[])[] = [];
  private batchStart = 0;
  private pendingBlanks = 0;

  constructor(
    private readonly sink: TableSink,
    private readonly fileName: string,
    private readonly maxColumns: number,
    private readonly batchSize: number,
  ) {}

  addRow(cells: readonly Cell[]): void {
    if (cells.length > this.maxColumns) this.throwTooWide(cells.length);
    if (isBlankRow(cells)) {
      this.addBlankRows(1);
      return;
    }
    if (this.headerRow === 0) {
      this.headerRow = this.nextRow++;
      this.pendingBlanks = 0;
      this.sink.header(cells.map(toHeaderText), this.headerRow);
      return;
    }
    if (this.pendingBlanks > 0) {
      if (this.batch.length > 0) {
        if (this.pendingBlanks <= MAX_INLINE_BLANKS && this.batch.length + this.pendingBlanks < this.batchSize) {
          for (let i = 0; i < this.pendingBlanks; i++) this.batch.push(BLANK_ROW);
        } else {
          this.flush();
        }
      }
      this.pendingBlanks = 0;
    }
    if (this.batch.length === 0) this.batchStart = this.nextRow;
    this.batch.push(cells);
    this.nextRow++;
    this.dataRows++;
    if (this.batch.length >= this.batchSize) this.flush();
  }

  addBlankRows(count: number): void {
    this.nextRow += count;
    this.pendingBlanks += count;
  }

  finish(): void {
    this.flush();
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    this.sink.rows(batch, this.batchStart);
  }

  private throwTooWide(columns: number): never {
    throw createFileError(
      'too-many-columns',
      `${this.fileName} has ${columns} columns in row ${this.nextRow}; at most ${this.maxColumns} are supported`,
      { row: this.nextRow, value: String(columns) },
    );
  }
}

/**
 * True when every cell is empty, null or only whitespace. Checks the first
 * cell first, which settles almost every real row at once.
 * @example isBlankRow(['', ' ', null]) === true
 */
export function isBlankRow(cells: readonly Cell[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    if (!isBlankCell(cells[i])) return false;
  }
  return true;
}

function isBlankCell(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  if (cell.length === 0) return true;
  const first = cell.charCodeAt(0);
  // Cheap reject before trim(): most cells start with a visible ASCII character.
  if (first > 32 && first < 0xa0) return false;
  return cell.trim().length === 0;
}

function toHeaderText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}
