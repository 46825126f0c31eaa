import type { LabelKey } from '../../core/index.js';

/** The segment table's columns in the HTML report and the xlsx summary: one list, so the two stay alike. */
export const SEGMENT_SUMMARY_COLUMNS: readonly LabelKey[] = [
  'column.segment',
  'column.count',
  'column.share',
  'column.revenue',
  'column.revenueShare',
  'column.meanRecency',
  'column.medianRecency',
  'column.meanFrequency',
  'column.medianFrequency',
  'column.meanMonetary',
  'column.medianMonetary',
];
