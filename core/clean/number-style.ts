import type { DecimalMark } from '../parse/parse-number.js';
import { cellText } from '../table/cell-text.js';
import type { Cell, RawRow } from '../table/cell.js';

/** What one cell says about its column's decimal mark. */
export type MarkEvidence = DecimalMark | 'ambiguous-dot' | 'ambiguous-comma' | undefined;

const CORE = /\d[\d.,\s]*\d|\d/;
const DOT_GROUPS = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const COMMA_GROUPS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const ONE_MARK = /^(\d+)[.,](\d+)$/;

/**
 * The decimal mark a number's text proves, if any: `1.000,50` and `2.500.000`
 * prove ','; `1,000.50`, `1,234,567` and `12.5` prove '.'; `12,5` proves ',';
 * `1.000` is 'ambiguous-dot' (1 or 1000), `1,000` 'ambiguous-comma'; plain
 * digits and malformed text (`1.2.3`) prove nothing.
 * @example markEvidence('1.000,50') === ','
 */
export function markEvidence(text: string): MarkEvidence {
  if (text.indexOf('.') < 0 && text.indexOf(',') < 0) return undefined;
  const core = CORE.exec(text)?.[0].replace(/\s/g, '');
  if (!core) return undefined;
  const one = ONE_MARK.exec(core);
  if (one) {
    const mark = core.includes('.') ? '.' : ',';
    // Only d.ddd / dd.ddd / ddd.ddd can be a thousands group.
    if (one[2]!.length !== 3 || one[1]!.length > 3 || one[1]![0] === '0') return mark;
    return mark === '.' ? 'ambiguous-dot' : 'ambiguous-comma';
  }
  if (DOT_GROUPS.test(core)) return ',';
  if (COMMA_GROUPS.test(core)) return '.';
  return undefined;
}

/**
 * Decides each number column's decimal mark from its own cells (SPEC §2
 * value parsing, extended to European exports): the first cell that proves
 * a mark decides the column; `learn` lets a reader look through a whole
 * batch first, so `1.000` above `2.500,50` in the same batch is read as 1000.
 * A forced mark (option `decimal`) decides every column.
 */
export class NumberStyles {
  private readonly marks = new Map<string, DecimalMark>();
  private lastColumn = '';
  private lastMark: DecimalMark | undefined;

  constructor(private readonly forced: DecimalMark | undefined) {}

  /** The column's mark so far, learning from `text` when still undecided. */
  markFor(column: string, text: string): DecimalMark | undefined {
    if (this.forced) return this.forced;
    // Cells of one column arrive in runs: skip the Map on the hot path.
    if (column === this.lastColumn && this.lastMark) return this.lastMark;
    let mark = this.marks.get(column);
    if (!mark) {
      const evidence = markEvidence(text);
      if (evidence === '.' || evidence === ',') this.marks.set(column, (mark = evidence));
    }
    this.lastColumn = column;
    this.lastMark = mark;
    return mark;
  }

  /** Looks through column `index` of a batch for a cell that proves the column's mark. */
  learn(rows: readonly RawRow[], index: number | undefined, column: string): void {
    if (this.forced || index === undefined || this.marks.has(column)) return;
    for (const row of rows) {
      const cell: Cell = row[index];
      if (typeof cell !== 'string') continue;
      const evidence = markEvidence(cellText(cell));
      if (evidence === '.' || evidence === ',') {
        this.marks.set(column, evidence);
        if (column === this.lastColumn) this.lastMark = evidence;
        return;
      }
    }
  }
}
