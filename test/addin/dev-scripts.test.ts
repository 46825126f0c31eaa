/**
 * The add-in's development commands follow Microsoft's Office add-in template
 * (issue 13): `npm start` / `npm stop` sideload through office-addin-debugging
 * with our own vite dev server, `npm run validate` runs office-addin-manifest.
 * Checked offline from package.json, the manifest and the vite config.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
};

describe('add-in development scripts', () => {
  it('start, stop and validate use the template tools on manifest.xml, with the dev server the manifest points at', () => {
    expect(pkg.scripts.start).toBe(
      'office-addin-debugging start manifest.xml --app excel --dev-server "npm run addin:start" --dev-server-port 3000',
    );
    expect(pkg.scripts.stop).toBe('office-addin-debugging stop manifest.xml');
    expect(pkg.scripts.validate).toBe('office-addin-manifest validate manifest.xml');
    // The port office-addin-debugging waits on is the one vite serves and the manifest loads.
    expect(readFileSync(join(repo, 'addin/vite.config.ts'), 'utf8')).toMatch(/port: 3000,\s*strictPort: true/);
    expect(readFileSync(join(repo, 'manifest.xml'), 'utf8')).toContain(
      '<SourceLocation DefaultValue="https://localhost:3000/taskpane/taskpane.html"/>',
    );
  });

  it('pins the template tools and keeps install-time binary downloads out (keytar, pulled in by the M365 sideload CLI)', () => {
    expect(pkg.devDependencies['office-addin-debugging']).toBe('7.0.0');
    expect(pkg.devDependencies['office-addin-manifest']).toBe('3.0.0');
    // keytar's install script is prebuild-install, which downloads a binary; npm's allowScripts denies it.
    expect(pkg.allowScripts.keytar).toBe(false);
  });
});
