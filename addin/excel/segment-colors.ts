import { segmentColors, type Locale, type SegmentationResult } from '../../core/index.js';

/** One segment's colours, as the result column, the legend and the charts show it. */
export interface SegmentSwatch {
  readonly label: string;
  readonly count: number;
  /** core's palette colour (`segmentColors`), shared with every chart. */
  readonly fill: string;
  /** Black or white, whichever reads better on `fill`. */
  readonly font: string;
}

/** WCAG relative luminance of `#rrggbb`. */
function measureLuminance(hex: string): number {
  const channel = (at: number) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.040_45 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/**
 * The text colour for a fill: black or white, whichever has the higher WCAG
 * contrast ratio against it.
 * @example pickTextColor('#FFFF00') === '#000000'
 */
export function pickTextColor(fill: string): '#000000' | '#FFFFFF' {
  const l = measureLuminance(fill);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#FFFFFF';
}

/** Every segment of the run's scheme, in scheme order, with its palette colour and count. */
export function listSegmentSwatches(result: SegmentationResult, locale: Locale): SegmentSwatch[] {
  const fills = segmentColors(result.scheme.segments);
  return result.scheme.segments.map((_, s) => ({
    label: result.scheme.segmentLabel(s, locale),
    count: result.summary[s]?.count ?? 0,
    fill: fills[s]!,
    font: pickTextColor(fills[s]!),
  }));
}

/**
 * Colours a segment column: one conditional format per segment present
 * ("cell value equals <label>": palette fill, contrasting text). A dozen
 * rules whatever the row count, and the colour follows each value through
 * a sort or filter, since Excel evaluates the rule per cell.
 */
export function queueSegmentColors(range: Excel.Range, swatches: readonly SegmentSwatch[]): void {
  for (const swatch of swatches) {
    if (swatch.count === 0) continue;
    const format = range.conditionalFormats.add('CellValue');
    format.cellValue.format.fill.color = swatch.fill;
    format.cellValue.format.font.color = swatch.font;
    format.cellValue.rule = { formula1: `="${swatch.label.replaceAll('"', '""')}"`, operator: 'EqualTo' };
  }
}
