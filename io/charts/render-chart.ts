import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import type { VegaLiteSpec } from '../../core/index.js';
import { measureText } from './text-width.js';

/** Raised when a chart spec cannot be compiled or rendered. */
export class ChartRenderError extends Error {
  readonly code = 'chart-render-failed';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ChartRenderError';
  }
}

// Rendering never touches the network or the disk: every spec carries its
// data inline, and a loader that refuses all URLs makes that a guarantee.
const offlineLoader = (): vega.Loader => {
  const refuse = (uri: string): Promise<never> =>
    Promise.reject(new ChartRenderError(`charts render offline; refused to load ${uri}`));
  return { load: refuse, sanitize: (uri) => refuse(uri), http: (uri) => refuse(uri), file: refuse };
};

// vega measures text with a canvas when there is one; headless it guesses,
// so it gets a measure from the real DejaVu Sans widths instead (the same
// hook vl-convert uses). Process-wide, set once: it only affects layout.
(vega as unknown as { textMetrics: { width: typeof measureText } }).textMetrics.width = measureText;

const isVegaLite = (spec: VegaLiteSpec): boolean =>
  typeof spec.$schema !== 'string' || spec.$schema.includes('vega-lite');

/**
 * Renders a Vega-Lite (or, by its `$schema`, Vega) spec to an SVG string with
 * vega's headless view (`renderer: 'none'`): no browser, no canvas, no
 * network. Text widths are vega's estimates (no canvas to measure with).
 * @throws ChartRenderError when the spec does not compile or render.
 * @example const svg = await renderSvg(radarChartSpec(result.summary));
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  let view: vega.View | undefined;
  try {
    const compiled = isVegaLite(spec)
      ? vegaLite.compile(spec as unknown as vegaLite.TopLevelSpec).spec
      : (spec as unknown as vega.Spec);
    view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: offlineLoader(), logLevel: vega.Error });
    return await view.toSVG();
  } catch (error) {
    if (error instanceof ChartRenderError) throw error;
    throw new ChartRenderError(`chart could not be rendered: ${(error as Error).message}`, { cause: error });
  } finally {
    view?.finalize();
  }
}

const CJK_TEXT = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const CJK_FONT_FILE =
  /cjk|han[ _-]?sans|han[ _-]?serif|wqy|wenquanyi|droidsansfallback|simhei|simsun|msyh|yahei|pingfang|hiragino|ukai|uming|arphic|zcool|notosanssc|notoserifsc/i;

let cjkFontCache: readonly string[] | undefined;

/** Font files under `dir` whose names look like CJK fonts (fallback when fc-list is missing). */
function scanFontDir(dir: string, found: string[], depth = 0): void {
  if (depth > 4 || !existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      continue;
    }
    if (isDir) scanFontDir(path, found, depth + 1);
    else if (/\.(ttf|ttc|otf|otc)$/i.test(name) && CJK_FONT_FILE.test(name)) found.push(path);
  }
}

/**
 * Installed fonts that cover Chinese: `fc-list :lang=zh` when fontconfig is
 * there, else a scan of the usual font folders by file name. Cached.
 */
export function cjkFonts(): readonly string[] {
  if (cjkFontCache) return cjkFontCache;
  let fonts: string[];
  try {
    fonts = execFileSync('fc-list', [':lang=zh', 'file'], {
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .split('\n')
      .map((line) => line.trim().replace(/:$/, ''))
      .filter((line) => line.length > 0)
      .sort();
  } catch {
    fonts = [];
    for (const dir of [
      '/usr/share/fonts',
      '/usr/local/share/fonts',
      join(homedir(), '.fonts'),
      join(homedir(), '.local/share/fonts'),
      '/System/Library/Fonts',
      '/Library/Fonts',
      'C:\\Windows\\Fonts',
    ])
      scanFontDir(dir, fonts);
    fonts.sort();
  }
  cjkFontCache = fonts;
  return fonts;
}

export interface PngOptions {
  /** Pixels per SVG unit (default 2, for sharp text). */
  readonly scale?: number;
  /** Extra font files, e.g. a CJK font shipped with the deployment. */
  readonly fontFiles?: readonly string[];
}

export interface PngResult {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  /** Why the picture may be imperfect, e.g. Chinese text without a CJK font. */
  readonly warnings: readonly string[];
}

/**
 * Rasterises an SVG (or a spec, rendered first) to PNG with resvg, using the
 * system fonts (DejaVu Sans for the generic sans-serif). When the text has
 * Chinese characters and no CJK font is installed the PNG is still produced —
 * those glyphs are missing — and a warning says so.
 * @throws ChartRenderError when the SVG cannot be rasterised.
 * @example const { png, warnings } = await renderPng(radarChartSpec(summary, { locale: 'zh-CN' }));
 */
export async function renderPng(svgOrSpec: string | VegaLiteSpec, options: PngOptions = {}): Promise<PngResult> {
  const svg = typeof svgOrSpec === 'string' ? svgOrSpec : await renderSvg(svgOrSpec);
  const warnings: string[] = [];
  const extra = [...(options.fontFiles ?? [])];
  if (CJK_TEXT.test(svg) && extra.length === 0 && cjkFonts().length === 0) {
    warnings.push(
      'No CJK font is installed (fc-list :lang=zh is empty): Chinese labels are missing from the PNG. Install one (e.g. Debian fonts-noto-cjk) or pass fontFiles; the SVG is unaffected.',
    );
  }
  try {
    const resvg = new Resvg(svg, {
      font: {
        loadSystemFonts: true,
        fontFiles: extra,
        defaultFontFamily: 'DejaVu Sans',
        sansSerifFamily: 'DejaVu Sans',
      },
      fitTo: { mode: 'zoom', value: options.scale ?? 2 },
      background: 'white',
      logLevel: 'off',
    });
    const image = resvg.render();
    return { png: image.asPng(), width: image.width, height: image.height, warnings };
  } catch (error) {
    throw new ChartRenderError(`SVG could not be rasterised: ${(error as Error).message}`, { cause: error });
  }
}
