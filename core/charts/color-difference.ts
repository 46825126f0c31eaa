/** A colour as CIELAB (D65 white): lightness 0–100 and the a*, b* axes. */
export interface Lab {
  readonly l: number;
  readonly a: number;
  readonly b: number;
}

/** The colour-vision deficiencies the palette is checked against (Machado, Oliveira & Fernandes 2009, severity 1). */
export type ColorVision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';

// Machado et al. 2009, "A Physiologically-based Model for Simulation of Color
// Vision Deficiency", Table at severity 1.0; applied to linear RGB.
const MACHADO: Readonly<Record<Exclude<ColorVision, 'normal'>, readonly (readonly number[])[]>> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** The 0–255 channels of `#rrggbb` or `#rgb`. @throws Error for anything else. */
export function parseHexColor(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a hex colour: "${hex}"`);
  const digits = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

const toLinear = (channel: number): number => {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** Linear sRGB of a hex colour as seen with `vision` (Machado 2009 simulation; clamped to the gamut). */
function linearRgb(hex: string, vision: ColorVision): [number, number, number] {
  const rgb = parseHexColor(hex).map(toLinear) as [number, number, number];
  if (vision === 'normal') return rgb;
  const m = MACHADO[vision];
  return m.map((row) => clamp01(row[0]! * rgb[0] + row[1]! * rgb[1] + row[2]! * rgb[2])) as [number, number, number];
}

/**
 * CIELAB of an sRGB hex colour (D65), optionally as a viewer with a colour
 * vision deficiency sees it.
 * @example hexToLab('#ffffff') // { l: 100, a: ≈0, b: ≈0 }
 */
export function hexToLab(hex: string, vision: ColorVision = 'normal'): Lab {
  const [r, g, b] = linearRgb(hex, vision);
  // sRGB → XYZ (D65), normalised by the white point.
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  const fx = f(x),
    fy = f(y),
    fz = f(z);
  return { l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

const deg = (rad: number): number => (rad * 180) / Math.PI;
const rad = (d: number): number => (d * Math.PI) / 180;

/**
 * CIEDE2000 colour difference of two CIELAB colours (Sharma, Wu & Dalal
 * 2005, kL = kC = kH = 1). About 1 is a just-noticeable difference; chart
 * categories want 10 or more.
 * @example deltaE2000({ l: 50, a: 2.6772, b: -79.7751 }, { l: 50, a: 0, b: -82.7485 }) // 2.0425
 */
export function deltaE2000(x: Lab, y: Lab): number {
  const c1 = Math.hypot(x.a, x.b),
    c2 = Math.hypot(y.a, y.b);
  const cMean7 = ((c1 + c2) / 2) ** 7;
  const g = 0.5 * (1 - Math.sqrt(cMean7 / (cMean7 + 25 ** 7)));
  const a1 = (1 + g) * x.a,
    a2 = (1 + g) * y.a;
  const cp1 = Math.hypot(a1, x.b),
    cp2 = Math.hypot(a2, y.b);
  const hue = (a: number, b: number): number => (a === 0 && b === 0 ? 0 : (deg(Math.atan2(b, a)) + 360) % 360);
  const h1 = hue(a1, x.b),
    h2 = hue(a2, y.b);
  const dL = y.l - x.l,
    dC = cp2 - cp1;
  let dh = 0;
  if (cp1 * cp2 !== 0) {
    dh = h2 - h1;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  const dH = 2 * Math.sqrt(cp1 * cp2) * Math.sin(rad(dh / 2));
  const lMean = (x.l + y.l) / 2,
    cpMean = (cp1 + cp2) / 2;
  let hMean = h1 + h2;
  if (cp1 * cp2 !== 0) {
    if (Math.abs(h1 - h2) <= 180) hMean /= 2;
    else hMean = h1 + h2 < 360 ? (hMean + 360) / 2 : (hMean - 360) / 2;
  }
  const t =
    1 -
    0.17 * Math.cos(rad(hMean - 30)) +
    0.24 * Math.cos(rad(2 * hMean)) +
    0.32 * Math.cos(rad(3 * hMean + 6)) -
    0.2 * Math.cos(rad(4 * hMean - 63));
  const sl = 1 + (0.015 * (lMean - 50) ** 2) / Math.sqrt(20 + (lMean - 50) ** 2);
  const sc = 1 + 0.045 * cpMean;
  const sh = 1 + 0.015 * cpMean * t;
  const cpMean7 = cpMean ** 7;
  const rt = -2 * Math.sqrt(cpMean7 / (cpMean7 + 25 ** 7)) * Math.sin(rad(60 * Math.exp(-(((hMean - 275) / 25) ** 2))));
  return Math.sqrt((dL / sl) ** 2 + (dC / sc) ** 2 + (dH / sh) ** 2 + rt * (dC / sc) * (dH / sh));
}

/**
 * The smallest CIEDE2000 difference between any two colours of `colors` as
 * a viewer with `vision` sees them, and the pair that has it.
 * @example smallestColorDifference(segmentColors(RFM_SEGMENTS), 'deuteranopia').deltaE
 */
export function smallestColorDifference(
  colors: readonly string[],
  vision: ColorVision = 'normal',
): { deltaE: number; pair: [number, number] } {
  const labs = colors.map((c) => hexToLab(c, vision));
  let best = { deltaE: Infinity, pair: [-1, -1] as [number, number] };
  for (let i = 0; i < labs.length; i++)
    for (let j = i + 1; j < labs.length; j++) {
      const d = deltaE2000(labs[i]!, labs[j]!);
      if (d < best.deltaE) best = { deltaE: d, pair: [i, j] };
    }
  return best;
}
