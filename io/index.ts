/**
 * Node-only table adapters for the CLI: streaming csv/xlsx readers and
 * writers. core never imports this folder.
 */
export { readTable, type ReadTableOptions, type ReadTableResult, type TableSink } from './read-table.js';
export { openTableWriter, type TableWriter, type TableWriterOptions } from './write-table.js';
export type { OutputCell } from './encode-xlsx-sheet.js';
export { formatCsvRow } from './format-csv-row.js';
