import { describe, expect, it } from 'vitest';
import {
  churnSummaryLines,
  DataValidationError,
  formatIssue,
  formatNote,
  segmentTable,
  type CellIssue,
  type RunNote,
} from '../../../core/index.js';
import { CORPUS, type CorpusCase } from './bad-input-corpus.js';
import { findEnglish } from './find-english.js';

const renderIssue = (i: CellIssue): string => formatIssue(i, 'zh-CN');
const renderNote = (n: RunNote): string => formatNote(n, 'zh-CN');

/** Everything a face shows a zh-CN user for one input: cleaning issues, notes, churn lines, or the fatal error. */
function zhOutput(c: CorpusCase): string[] {
  try {
    const result = segmentTable(c.header, c.rows, { ...c.options, locale: 'zh-CN' });
    return [
      ...result.report.issues.map(renderIssue),
      ...result.notes.map(renderNote),
      ...churnSummaryLines(result.churn, result.features.count, 'zh-CN'),
    ];
  } catch (error) {
    if (error instanceof DataValidationError) return error.issues.map(renderIssue);
    throw error;
  }
}

const userText = (c: CorpusCase): string[] =>
  [...c.header, ...c.rows.flat()].filter((v) => v !== null && v !== undefined).map(String);

describe('findEnglish', () => {
  it("flags a run of three Latin words and spares the user's own data and kept names", () => {
    expect(findEnglish('第2行：The table has a header.')).toEqual(['The table has a header']);
    expect(
      findEnglish('Last purchase date列第2行：日期无效（“not a date”）', ['Last purchase date', 'not a date']),
    ).toEqual([]);
    expect(findEnglish('排序模型：BG/NBD；回测 AUC 0.81 · Tierline')).toEqual([]);
    expect(findEnglish('two words')).toEqual([]);
  });
});

describe('zh-CN output of the bad-input corpus', () => {
  it('contains no English sentence', () => {
    const found = CORPUS.flatMap((c) =>
      zhOutput(c).flatMap((line) => findEnglish(line, userText(c)).map((run) => `${c.name}: ${run}  ⟵ ${line}`)),
    );
    expect(found).toEqual([]);
  });
});
