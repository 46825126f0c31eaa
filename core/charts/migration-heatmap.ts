import { z } from 'zod';
import { label } from '../i18n/labels.js';
import type { Migration } from '../summary/compare-snapshots.js';
import { parseOptions } from '../util/parse-options.js';
import { chartOptionsSchema, roundTo, segmentName, VEGA_LITE_SCHEMA, type VegaLiteSpec } from './chart-spec.js';

export const heatmapOptionsSchema = chartOptionsSchema
  .extend({
    /** How the two snapshots are named in the subtitle, e.g. their analysis dates. */
    beforeName: z.string().optional(),
    afterName: z.string().optional(),
  })
  .strict();
export type HeatmapOptions = z.input<typeof heatmapOptionsSchema>;

/**
 * Heat map of the from → to migration matrix (rect + text marks): rows are
 * the earlier segments, columns the later ones, in scheme order; rows and
 * columns with nobody in them are left out. Empty cells stay blank.
 * @throws OptionsError for invalid options.
 * @example migrationHeatmapSpec(compareSnapshots(before, after), { beforeName: '2026-07-31', afterName: '2026-10-31' })
 */
export function migrationHeatmapSpec(migration: Migration, optionsInput: HeatmapOptions = {}): VegaLiteSpec {
  const { locale, names, beforeName, afterName } = parseOptions(heatmapOptionsSchema, optionsInput);
  const rowTotal = migration.matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotal = migration.to.map((_, t) => migration.matrix.reduce((sum, row) => sum + row[t]!, 0));
  const rows = migration.from.map((_, f) => f).filter((f) => rowTotal[f]! > 0);
  const columns = migration.to.map((_, t) => t).filter((t) => columnTotal[t]! > 0);
  let max = 0;
  const values = rows.flatMap((f) =>
    columns.map((t) => {
      const count = migration.matrix[f]![t]!;
      if (count > max) max = count;
      return {
        from: migration.from[f]!,
        to: migration.to[t]!,
        fromLabel: segmentName(migration.from[f]!, locale, names),
        toLabel: segmentName(migration.to[t]!, locale, names),
        count,
        rowShare: roundTo(count / rowTotal[f]!, 4),
        text: count > 0 ? count.toLocaleString('en-US') : '',
      };
    }),
  );
  const before = label('chart.migration.from', locale),
    after = label('chart.migration.to', locale);
  const customers = label('column.count', locale);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: label('chart.migration.title', locale),
      subtitle: label('chart.migration.subtitle', locale, { before: beforeName ?? before, after: afterName ?? after }),
      anchor: 'start',
    },
    data: { values },
    width: { step: 44 },
    height: { step: 24 },
    encoding: {
      x: {
        field: 'toLabel',
        type: 'ordinal',
        sort: columns.map((t) => segmentName(migration.to[t]!, locale, names)),
        title: after,
        axis: { orient: 'top', labelAngle: -40, labelAlign: 'left' },
      },
      y: {
        field: 'fromLabel',
        type: 'ordinal',
        sort: rows.map((f) => segmentName(migration.from[f]!, locale, names)),
        title: before,
      },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          color: {
            condition: { test: 'datum.count === 0', value: '#f7f7f7' },
            field: 'count',
            type: 'quantitative',
            scale: { scheme: 'blues' },
            title: customers,
          },
          tooltip: [
            { field: 'fromLabel', type: 'nominal', title: before },
            { field: 'toLabel', type: 'nominal', title: after },
            { field: 'count', type: 'quantitative', title: customers, format: ',d' },
            {
              field: 'rowShare',
              type: 'quantitative',
              title: label('chart.migration.rowShare', locale),
              format: '.1%',
            },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          text: { field: 'text', type: 'nominal' },
          color: { condition: { test: `datum.count > ${max / 2}`, value: '#ffffff' }, value: '#252525' },
        },
      },
    ],
    config: { view: { stroke: null }, axis: { grid: false, ticks: false, domain: false } },
  };
}
