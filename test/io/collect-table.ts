import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { DataValidationError } from '../../core/report/cell-issue.js';
import type { Cell } from '../../core/table/cell.js';
import { readTable, type ReadTableOptions, type ReadTableResult, type TableSink } from '../../io/index.js';

/** Everything a readTable sink saw, with the batch contract checked on the way. */
export interface CollectedTable {
  readonly result: ReadTableResult;
  readonly header: readonly string[] | undefined;
  readonly headerRow: number;
  /** Row number → cells, for every row handed over (blank rows inside batches are []). */
  readonly rows: ReadonlyMap<number, readonly Cell[]>;
  /** Non-blank rows in order, as [rowNumber, cells]. */
  readonly dataRows: readonly (readonly [number, readonly Cell[]])[];
  readonly batches: readonly { readonly first: number; readonly size: number }[];
}

/**
 * Reads a table into memory (tests only) and checks the sink contract: one
 * header call before any rows; batches non-empty, starting and ending with a
 * non-blank row, in increasing row order, never overlapping the header or
 * each other; dataRows equal to the non-blank rows handed over.
 */
export async function collectTable(path: string, options?: ReadTableOptions): Promise<CollectedTable> {
  let header: readonly string[] | undefined;
  let headerRow = 0;
  let nextFree = 0;
  const rows = new Map<number, readonly Cell[]>();
  const dataRows: [number, readonly Cell[]][] = [];
  const batches: { first: number; size: number }[] = [];
  const result = await readTable(
    path,
    {
      header(cells, rowNumber) {
        expect(header).toBeUndefined();
        header = [...cells];
        headerRow = rowNumber;
        nextFree = rowNumber + 1;
      },
      rows(batch, firstRowNumber) {
        expect(header).toBeDefined();
        expect(batch.length).toBeGreaterThan(0);
        expect(batch[0]!.length * batch.at(-1)!.length).toBeGreaterThan(0);
        expect(firstRowNumber).toBeGreaterThanOrEqual(nextFree);
        batches.push({ first: firstRowNumber, size: batch.length });
        batch.forEach((cells, i) => {
          rows.set(firstRowNumber + i, cells);
          if (cells.length > 0) dataRows.push([firstRowNumber + i, cells]);
        });
        nextFree = firstRowNumber + batch.length;
      },
    },
    options,
  );
  expect(result.dataRows).toBe(dataRows.length);
  return { result, header, headerRow, rows, dataRows, batches };
}

/** A temp folder for one test file, removed by the returned cleanup. */
export function createTempDir(prefix: string): {
  readonly dir: string;
  file(name: string, content: string | Uint8Array): string;
  cleanup(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), `tierline-${prefix}-`));
  return {
    dir,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The DataValidationError a promise rejects with. */
export async function rejection(promise: Promise<unknown>): Promise<DataValidationError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataValidationError);
  return error as DataValidationError;
}

/** A sink that keeps nothing (for calls expected to fail). */
export const noSink: TableSink = { header: () => {}, rows: () => {} };
