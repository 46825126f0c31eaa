// Node-side chart rendering: Vega-Lite spec → SVG (vega, headless) → PNG (resvg).
export { renderSvg, renderPng, cjkFonts, ChartRenderError, type PngOptions, type PngResult } from './render-chart.js';
