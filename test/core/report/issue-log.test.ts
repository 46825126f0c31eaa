import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, type CellIssue, type IssueCode } from '../../../core/report/cell-issue.js';
import { IssueLog } from '../../../core/report/issue-log.js';

const issue = (code: IssueCode, row: number): CellIssue => ({
  code,
  row,
  column: 'Amount',
  value: String(row),
  message: `row ${row}`,
});

describe('IssueLog', () => {
  it('keeps every issue under the cap, in the order found', () => {
    const log = new IssueLog(5);
    log.add(issue('invalid-date', 2));
    log.add(issue('invalid-number', 3));
    log.add(issue('invalid-date', 4));
    expect(log.toReport()).toEqual({
      counts: { 'invalid-date': 2, 'invalid-number': 1 },
      issues: [issue('invalid-date', 2), issue('invalid-number', 3), issue('invalid-date', 4)],
      omitted: 0,
    });
  });

  it('caps each code separately but counts exactly beyond the cap', () => {
    const log = new IssueLog(2);
    for (let row = 2; row < 12; row++) log.add(issue('invalid-date', row));
    log.add(issue('duplicate-id', 20));
    const report = log.toReport();
    expect(report.counts).toEqual({ 'invalid-date': 10, 'duplicate-id': 1 });
    expect(report.issues).toEqual([issue('invalid-date', 2), issue('invalid-date', 3), issue('duplicate-id', 20)]);
    expect(report.omitted).toBe(8);
    expect(log.count('invalid-date')).toBe(10);
    expect(log.count('duplicate-id')).toBe(1);
    expect(log.count('amount-outlier')).toBe(0);
  });

  it('keeps nothing with cap 0 and still counts', () => {
    const log = new IssueLog(0);
    log.add(issue('invalid-date', 2));
    log.add(issue('invalid-date', 3));
    expect(log.toReport()).toEqual({ counts: { 'invalid-date': 2 }, issues: [], omitted: 2 });
  });

  it('lets onIssue see every issue, kept or not', () => {
    const seen: CellIssue[] = [];
    const log = new IssueLog(1, (i) => seen.push(i));
    for (let row = 2; row < 6; row++) log.add(issue('logins-zero', row));
    expect(seen.map((i) => i.row)).toEqual([2, 3, 4, 5]);
    expect(log.toReport().issues).toHaveLength(1);
  });

  it('counts the cells one issue stands for', () => {
    const log = new IssueLog(10);
    log.add(issue('logins-zero', 2), 250);
    log.add(issue('logins-zero', 300), 3);
    log.add(issue('duplicate-id', 4), 0);
    const report = log.toReport();
    expect(report.counts).toEqual({ 'logins-zero': 253, 'duplicate-id': 0 });
    expect(report.issues).toHaveLength(3);
    expect(log.count('logins-zero')).toBe(253);
  });

  it('returns a snapshot that later issues do not change', () => {
    const log = new IssueLog(10);
    log.add(issue('invalid-date', 2));
    const report = log.toReport();
    log.add(issue('invalid-date', 3));
    expect(report.counts).toEqual({ 'invalid-date': 1 });
    expect(report.issues).toHaveLength(1);
    expect(log.toReport().issues).toHaveLength(2);
  });

  it('keeps min(cap, n) per code, counts n per code and omits the rest (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.array(fc.constantFrom(...ISSUE_CODES.slice(0, 4)), { maxLength: 60 }),
        (cap, codes) => {
          const seen: CellIssue[] = [];
          const log = new IssueLog(cap, (i) => seen.push(i));
          codes.forEach((code, i) => log.add(issue(code, i + 2)));
          const report = log.toReport();
          expect(seen).toHaveLength(codes.length);
          let kept = 0;
          for (const code of new Set(codes)) {
            const n = codes.filter((c) => c === code).length;
            expect(report.counts[code]).toBe(n);
            expect(report.issues.filter((i) => i.code === code)).toHaveLength(Math.min(cap, n));
            kept += Math.min(cap, n);
          }
          expect(report.issues).toHaveLength(kept);
          expect(report.omitted).toBe(codes.length - kept);
          // Kept issues stay in the order found.
          const rows = report.issues.map((i) => i.row);
          expect(rows).toEqual([...rows].sort((a, b) => a - b));
        },
      ),
    );
  });
});
