// Vega-Lite chart specs (SPEC §9): plain JSON, shared by the CLI report, the add-in and the bot.
export { VEGA_LITE_SCHEMA, chartOptionsSchema, segmentColors, segmentName, type VegaLiteSpec } from './chart-spec.js';
export { radarChartSpec, radarOptionsSchema, type RadarOptions } from './radar-chart.js';
export { shareBarChartSpec, sharePieChartSpec, pieOptionsSchema, type PieOptions } from './share-charts.js';
export { scatterChartSpec, sampleScatterPoints, scatterOptionsSchema, type ScatterOptions } from './scatter-chart.js';
export { migrationHeatmapSpec, heatmapOptionsSchema, type HeatmapOptions } from './migration-heatmap.js';
