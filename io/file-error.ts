import { DataValidationError, type IssueCode } from '../core/report/cell-issue.js';

/**
 * Builds the fatal error for a problem with a whole file (row 0, column '')
 * or with one row of it (`row` is the 1-based row the user sees).
 * @example createFileError('empty-file', 'a.csv is empty').code === 'empty-file'
 */
export function createFileError(
  code: IssueCode,
  message: string,
  where: { readonly row?: number; readonly value?: string } = {},
): DataValidationError {
  return new DataValidationError([
    { code, row: where.row ?? 0, column: '', value: where.value ?? '', message },
  ]);
}
