import { DataValidationError, type IssueCode } from '../core/index.js';

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
  return new DataValidationError([{ code, row: where.row ?? 0, column: '', value: where.value ?? '', message }]);
}

/**
 * Names `path` on a Node fs error (ENOSPC from a write, errors on a temp
 * file), so the message the user sees is about their file. Other values pass
 * through unchanged.
 * @example withPath(Object.assign(new Error('x'), { code: 'ENOSPC' }), 'out.csv').path === 'out.csv'
 */
export function withPath<T>(error: T, path: string): T {
  if (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === 'string' &&
    /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code!)
  ) {
    (error as NodeJS.ErrnoException).path = path;
  }
  return error;
}
