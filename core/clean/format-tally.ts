import { DATE_FORMAT_LABEL, type DateFormat } from '../parse/parse-date.js';
import { createIssue } from '../report/cell-issue.js';
import type { IssueLog } from '../report/issue-log.js';

interface Tally {
  count: number;
  row: number;
  value: string;
}

/**
 * Counts date cells written in a non-ISO form per column and format, and
 * reports one `date-normalized` issue per (column, format) that stands for all
 * of them (SPEC §3: "normalise and report") — a 10M-row file in `2024/3/5`
 * form gives one line with an exact count, not 10M lines.
 */
export class DateFormatTally {
  private readonly tallies = new Map<string, Map<DateFormat, Tally>>();

  note(column: string, format: DateFormat, row: number, value: string): void {
    if (format === 'iso') return;
    let byFormat = this.tallies.get(column);
    if (!byFormat) this.tallies.set(column, (byFormat = new Map()));
    const tally = byFormat.get(format);
    if (tally) tally.count++;
    else byFormat.set(format, { count: 1, row, value });
  }

  /** Notes `count` cells of one format at once (an engine that counted them, such as SQL); `row`/`value` the first. */
  noteMany(column: string, format: DateFormat, count: number, row: number, value: string): void {
    if (format === 'iso' || count <= 0) return;
    let byFormat = this.tallies.get(column);
    if (!byFormat) this.tallies.set(column, (byFormat = new Map()));
    const tally = byFormat.get(format);
    if (tally) tally.count += count;
    else byFormat.set(format, { count, row, value });
  }

  flush(log: IssueLog): void {
    for (const [column, byFormat] of this.tallies) {
      for (const [format, { count, row, value }] of byFormat) {
        log.add(
          createIssue('date-normalized', row, column, value, {
            key: 'clean.dates-normalized',
            params: {
              column,
              count: count.toLocaleString('en-US'),
              dates: { key: count === 1 ? 'clean.date' : 'clean.dates' },
              format: format === 'excel-serial' ? { key: 'clean.format.excel-serial' } : DATE_FORMAT_LABEL[format],
              row,
              value,
            },
          }),
          count,
        );
      }
    }
    this.tallies.clear();
  }
}
