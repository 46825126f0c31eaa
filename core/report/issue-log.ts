import type { CellIssue, IssueCode } from './cell-issue.js';

/** The cleaning report: how many cells each rule touched, and the issues kept. */
export interface CleaningReport {
  /** Cells affected per code; can exceed the issues kept. */
  readonly counts: Readonly<Partial<Record<IssueCode, number>>>;
  /** Issues in the order found, at most `maxIssuesPerCode` per code. */
  readonly issues: readonly CellIssue[];
  /** Issues counted but not kept because a code reached its cap. */
  readonly omitted: number;
}

/**
 * Collects cell issues. Counts are always exact; each code keeps its first
 * `maxPerCode` issues so a 10M-row file with a systematic problem cannot
 * exhaust memory; `onIssue` sees every issue (the CLI streams them to a file).
 */
export class IssueLog {
  private readonly counts: Partial<Record<IssueCode, number>> = {};
  private readonly kept: CellIssue[] = [];
  private readonly keptPerCode: Partial<Record<IssueCode, number>> = {};
  private omitted = 0;

  constructor(
    private readonly maxPerCode: number,
    private readonly onIssue?: (issue: CellIssue) => void,
  ) {}

  /** Records one issue that stands for `cells` affected cells (default 1). */
  add(issue: CellIssue, cells = 1): void {
    this.counts[issue.code] = (this.counts[issue.code] ?? 0) + cells;
    this.onIssue?.(issue);
    const kept = this.keptPerCode[issue.code] ?? 0;
    if (kept < this.maxPerCode) {
      this.kept.push(issue);
      this.keptPerCode[issue.code] = kept + 1;
    } else this.omitted++;
  }

  /** How many cells a code has affected so far. */
  count(code: IssueCode): number {
    return this.counts[code] ?? 0;
  }

  /** A snapshot of the report. */
  toReport(): CleaningReport {
    return { counts: { ...this.counts }, issues: [...this.kept], omitted: this.omitted };
  }
}
