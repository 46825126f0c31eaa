import { detectColumns } from '../../../core/headers/detect-columns.js';
import { IssueLog } from '../../../core/report/issue-log.js';
import { resolveSegmentOptions, type SegmentOptionsInput } from '../../../core/segment/segment-options.js';
import { resolveTransactionColumns } from '../../../core/features/transaction-columns.js';

/** A transactions plan, its resolved columns, options and an empty log for step tests. */
export function transactionSetup(header: readonly string[], input: SegmentOptionsInput = {}) {
  const options = resolveSegmentOptions(input);
  const plan = detectColumns(header, { mapping: options.mapping, shape: options.shape, headerRow: 1 });
  return { plan, columns: resolveTransactionColumns(plan), options, log: new IssueLog(100) };
}

/** The logged issues as `code row column: message`. */
export function issuesOf(log: IssueLog): string[] {
  return log.toReport().issues.map((i) => `${i.code} ${i.row} ${i.column}: ${i.message}`);
}
