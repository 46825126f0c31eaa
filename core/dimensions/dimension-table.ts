import { isLabelKey, label, type Locale } from '../i18n/labels.js';
import type { Cell } from '../table/cell.js';
import { dimensionName, type DimensionEvaluation } from './evaluate-dimensions.js';

/** A localized table: headers and rows of cells. */
export interface LocalizedTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Table 3 细分维度评估表 (SPEC §4) in `locale`, headers from the glossary, with
 * Pearson r beside relevance: 维度名称, 维度定义, 数据可获取性 (band and share),
 * r, 与业务目标相关性, 可操作性, 综合评分, 是否选用. Missing values are empty cells.
 * @example dimensionTable(evaluateDimensions(features), 'zh-CN').headers[0] === '维度名称'
 */
export function dimensionTable(evaluation: DimensionEvaluation, locale: Locale): LocalizedTable {
  const headers = [
    label('dimensions.column.name', locale),
    label('dimensions.column.definition', locale),
    label('dimensions.column.availability', locale),
    label('dimensions.column.r', locale, { goal: dimensionName(evaluation.goal, locale) }),
    label('dimensions.column.relevance', locale),
    label('dimensions.column.operability', locale),
    label('dimensions.column.score', locale),
    label('dimensions.column.selected', locale),
  ];
  const rows = evaluation.rows.map((row): Cell[] => {
    const definitionKey = `dimensions.definition.${row.field}`;
    return [
      dimensionName(row.field, locale),
      isLabelKey(definitionKey) ? label(definitionKey, locale) : null,
      `${label(`level.${row.availabilityBand}`, locale)} (${round(row.availability * 100, 1)}%)`,
      row.r === null ? null : round(row.r, 3),
      row.relevance,
      row.operability,
      row.score === null ? null : round(row.score, 2),
      label(row.selected ? 'yes' : 'no', locale),
    ];
  });
  return { headers, rows };
}
