import { dayFromExcelSerial } from '../parse/civil-day.js';
import { parseDate, type DateOrder, type ParsedDate } from '../parse/parse-date.js';
import { parseNumber, type DecimalMark, type NumberKind } from '../parse/parse-number.js';
import type { LabelKey, Message } from '../i18n/labels.js';
import { createIssue } from '../report/cell-issue.js';
import type { IssueLog } from '../report/issue-log.js';
import { cellText, isEmptyCell, isFormulaError } from '../table/cell-text.js';
import type { Cell } from '../table/cell.js';
import { checkDateDay, isPlaceholderDateCell } from './check-date.js';
import { DateFormatTally } from './format-tally.js';
import { markEvidence, NumberStyles } from './number-style.js';

/** What reading a cell needs besides the cell: where to report, and the rules. */
export interface CellContext {
  readonly log: IssueLog;
  readonly dates: DateFormatTally;
  readonly dateOrder: DateOrder;
  readonly todayDay: number | undefined;
  /** Dates before this day number are `invalid-date` (the `dateFloor` option). */
  readonly dateFloorDay: number;
  /** Each number column's decimal mark, forced or inferred from the column (`1.000,50`). */
  readonly numbers: NumberStyles;
  /** Appended to invalid-cell messages: "; row excluded" or "; treated as empty" (a catalogue key). */
  readonly consequence: LabelKey;
}

/** The reading rules of a run, from its resolved options: one way to build a CellContext. */
export function createCellContext(
  options: {
    readonly dateOrder: DateOrder;
    readonly todayDay: number | undefined;
    readonly dateFloorDay: number;
    readonly decimal?: 'auto' | DecimalMark;
  },
  log: IssueLog,
  consequence: LabelKey,
): CellContext {
  const numbers = new NumberStyles(
    options.decimal === undefined || options.decimal === 'auto' ? undefined : options.decimal,
  );
  return {
    log,
    dates: new DateFormatTally(),
    dateOrder: options.dateOrder,
    todayDay: options.todayDay,
    dateFloorDay: options.dateFloorDay,
    numbers,
    consequence,
  };
}

// Below Excel serial 20000 parseDate refuses numbers (an id is not a date);
// inside a date column they are old dates, judged against the floor below.
const SERIAL_MIN = 20000;

/**
 * Reads a date cell to a day number: `null` when the cell is empty, NaN when
 * it is present but unusable (the issue is logged: invalid, impossible,
 * ambiguous, formula error, a placeholder such as 1900-01-01, before the date
 * floor, or after `todayDay`).
 */
export function readDateCell(cell: Cell, row: number, column: string, ctx: CellContext): number | null {
  if (isEmptyCell(cell)) return null;
  if (typeof cell === 'boolean')
    return reportInvalid(cell, row, column, ctx, 'invalid-date', { key: 'clean.not-a-date' });
  if (isFormulaError(cell))
    return reportInvalid(cell, row, column, ctx, 'formula-error', { key: 'clean.formula-error' });
  const raw = cell as string | number;
  if (isPlaceholderDateCell(raw))
    return reportInvalid(cell, row, column, ctx, 'invalid-date', { key: 'clean.placeholder-date' });
  const parsed: ParsedDate =
    typeof raw === 'number' && raw >= 0 && raw < SERIAL_MIN
      ? { ok: true, day: dayFromExcelSerial(raw), format: 'excel-serial' }
      : parseDate(raw, ctx.dateOrder);
  const text = cellText(cell);
  if (!parsed.ok) {
    if (parsed.reason === 'impossible')
      return reportInvalid(cell, row, column, ctx, 'invalid-date', { key: 'clean.impossible-date' });
    if (parsed.reason === 'ambiguous') {
      return reportInvalid(cell, row, column, ctx, 'ambiguous-date', { key: 'clean.ambiguous-date' });
    }
    return reportInvalid(cell, row, column, ctx, 'invalid-date', { key: 'clean.not-a-date' });
  }
  const problem = checkDateDay(parsed.day, ctx.dateFloorDay, ctx.todayDay);
  if (problem) return reportInvalid(cell, row, column, ctx, problem.code, problem.text);
  ctx.dates.note(column, parsed.format, row, text);
  return parsed.day;
}

/**
 * Reads a numeric cell of the given kind: `null` when empty, NaN when present
 * but not a number (issue logged). Negative counts, days and rates are
 * impossible values: reported, never guessed.
 */
export function readNumberCell(
  cell: Cell,
  kind: NumberKind,
  row: number,
  column: string,
  ctx: CellContext,
): number | null {
  if (isEmptyCell(cell)) return null;
  if (isFormulaError(cell))
    return reportInvalid(cell, row, column, ctx, 'formula-error', { key: 'clean.formula-error' });
  let mark: DecimalMark = '.';
  if (typeof cell === 'string') {
    const known = ctx.numbers.markFor(column, cell);
    if (known) mark = known;
    // `1.000` in a column that has not shown its decimal mark: 1 or 1000? Asked, never guessed.
    else if (markEvidence(cell) === 'ambiguous-dot') {
      return reportInvalid(cell, row, column, ctx, 'ambiguous-number', { key: 'clean.ambiguous-number' });
    }
  }
  const parsed = parseNumber(cell as string | number | boolean, kind, mark);
  if (!parsed.ok)
    return reportInvalid(cell, row, column, ctx, 'invalid-number', {
      key: mark === ',' ? 'clean.not-a-number-comma' : 'clean.not-a-number',
    });
  if (parsed.value < 0 && (kind === 'count' || kind === 'days' || kind === 'rate')) {
    return reportInvalid(cell, row, column, ctx, 'negative-value', {
      key: kind === 'rate' ? 'clean.negative-rate' : kind === 'days' ? 'clean.negative-days' : 'clean.negative-count',
    });
  }
  return parsed.value;
}

function reportInvalid(
  cell: Cell,
  row: number,
  column: string,
  ctx: CellContext,
  code:
    | 'invalid-date'
    | 'ambiguous-date'
    | 'future-date'
    | 'formula-error'
    | 'invalid-number'
    | 'ambiguous-number'
    | 'negative-value',
  reason: Message,
): number {
  const value = cellText(cell);
  ctx.log.add(
    createIssue(code, row, column, value, {
      key: 'clean.cell',
      params: { row, column, value, reason, then: { key: ctx.consequence } },
    }),
  );
  return Number.NaN;
}
