import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { checkFile, sourcesUnder } from '../boundaries/check-imports.js';

const root = resolve(import.meta.dirname, '../..');
const core = join(root, 'core');
// The probe lives inside core/ and compiles under core's own tsconfig, so packages
// resolve exactly as they do for core's sources: a rejection names the forbidden
// module or global, never "cannot find" for a package that merely is not reachable.
const probe = join(core, `__purity-probe-${process.pid}__.ts`);
const probeConfig = join(core, `tsconfig.purity-probe-${process.pid}.json`);
afterEach(() => {
  rmSync(probe, { force: true });
  rmSync(probeConfig, { force: true });
});

/** Type-checks one file inside core's project (its tsconfig, its folder); returns tsc's output ('' when clean). */
function checkAsCore(source: string): string {
  writeFileSync(probe, source);
  writeFileSync(
    probeConfig,
    JSON.stringify({
      extends: './tsconfig.json',
      compilerOptions: {
        noEmit: true,
        composite: false,
        incremental: false,
        declaration: false,
        declarationMap: false,
      },
      include: [],
      files: [relative(core, probe)],
    }),
  );
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', probeConfig], {
      encoding: 'utf8',
    });
    return '';
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

describe('core/ stays a pure engine (STYLE.md project references)', () => {
  it('compiles plain ES2022 code under core options', () => {
    expect(checkAsCore('export const x: number = [1, 2].reduce((a, b) => a + b, 0);\n')).toBe('');
  });

  it.each([
    ["import { readFileSync } from 'node:fs';\nreadFileSync('x');\n", "Cannot find name 'node:fs'"],
    ['export const w = window.innerWidth;\n', "Cannot find name 'window'"],
    ['export const d = document.title;\n', "Cannot find name 'document'"],
    ['export const e = Excel.run;\n', "Cannot find name 'Excel'"],
    ['export const p = process.argv;\n', "Cannot find name 'process'"],
  ])(
    'tsc rejects %j inside core',
    (source, error) => {
      const output = checkAsCore(source);
      expect(output).toContain('error TS');
      expect(output).toContain(error);
    },
    60_000,
  );

  // tsc alone lets a package compile in core/ (and better-sqlite3's types make
  // `process` legal): each resolves from core/, so the boundary checker is what
  // rejects it, by name.
  it.each(['@slack/bolt', 'exceljs', 'croner', 'vega', 'better-sqlite3'])(
    'the boundary checker rejects %s in core, which does resolve there',
    (name) => {
      const resolved = ts.resolveModuleName(
        name,
        probe,
        { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext },
        ts.sys,
      ).resolvedModule;
      expect(resolved?.isExternalLibraryImport).toBe(true);
      writeFileSync(probe, `import * as forbidden from '${name}';\nexport const f = forbidden;\n`);
      expect(checkFile(probe)).toEqual([`core/${relative(core, probe)}: core may not import the package "${name}"`]);
    },
  );

  it('has no clock, no unseeded randomness and no Node/Excel/Slack imports in its sources', () => {
    const offenders = sourcesUnder(join(root, 'core')).filter((file) => {
      const text = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
      return /Date\.now\(|Math\.random\(|new Date\(|from ['"](node:|fs|path|os|child_process|exceljs|better-sqlite3|@slack\/|udsv)/.test(
        text,
      );
    });
    expect(offenders).toEqual([]);
  });
});
