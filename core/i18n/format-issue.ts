import type { CellIssue } from '../report/cell-issue.js';
import { label, type LabelKey, type Locale, type MessageParams } from './labels.js';

/**
 * A cleaning issue as the user reads it in `locale`: its catalogue sentence
 * when it has one; in English otherwise its logged `message`; in Chinese the
 * issue's name with its row, column and value, so a stable code is never the
 * text a zh-CN reader sees.
 * @example formatIssue({ code: 'refund-excluded', row: 3, column: 'Amount', value: '-5', message: '…' }, 'zh-CN') === 'Amount列第3行：退款已排除（“-5”）'
 */
export function formatIssue(issue: CellIssue, locale: Locale): string {
  if (issue.key) return label(issue.key, locale, issue.params);
  if (locale === 'en') return issue.message;
  const name = label(`issue.${issue.code}` as LabelKey, locale);
  if (issue.row > 0 && issue.column !== '')
    return label(issue.value === '' ? 'issue.cell-empty' : 'issue.cell', locale, {
      column: issue.column,
      row: issue.row,
      name,
      value: issue.value,
    });
  if (issue.row > 0) return label('issue.row', locale, { row: issue.row, name });
  return name;
}

/** A run note as the user reads it in `locale` (notes without a key were written in the run's locale). */
export function formatNote(
  note: { readonly message: string; readonly key?: LabelKey; readonly params?: MessageParams },
  locale: Locale,
): string {
  return note.key ? label(note.key, locale, note.params) : note.message;
}
