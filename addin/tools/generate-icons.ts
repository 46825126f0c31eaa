/**
 * Renders the add-in's ribbon and manifest icons (16, 32, 64 and 80 px PNG)
 * from one SVG, so every size is drawn from the same shapes:
 *
 *   npx tsc -b addin/tsconfig.tools.json && node dist/addin-tools/tools/generate-icons.js
 *
 * The PNGs are committed in addin/assets/; rerun this only to change the mark.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

/** The sizes Office asks for: ribbon 16/32/80, manifest IconUrl 32 and HighResolutionIconUrl 64. */
export const ICON_SIZES = [16, 32, 64, 80] as const;

/** Three tiers on the brand teal: the top (most valuable) tier is the narrowest. */
export function renderIconSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <rect x="1" y="1" width="30" height="30" rx="6" fill="#0F5C5C"/>
  <rect x="11" y="7" width="10" height="4.5" rx="1.5" fill="#F2C14E"/>
  <rect x="8" y="13.75" width="16" height="4.5" rx="1.5" fill="#FFFFFF"/>
  <rect x="5" y="20.5" width="22" height="4.5" rx="1.5" fill="#9FD8CB"/>
</svg>`;
}

/** Writes icon-<size>.png for every size into `directory`. */
export function writeIcons(directory: string): string[] {
  return ICON_SIZES.map((size) => {
    const png = new Resvg(renderIconSvg(), { fitTo: { mode: 'width', value: size } }).render().asPng();
    const path = join(directory, `icon-${size}.png`);
    writeFileSync(path, png);
    return path;
  });
}

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // dist/addin-tools/tools → addin/assets
  for (const path of writeIcons(join(here, '../../../addin/assets'))) console.log(path);
}
