import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';

// Issue 14: what each part may import, checked on every import/export-from and
// dynamic import(), with package specifiers really resolved from the part's own
// folder (TypeScript's Bundler resolution, as `tsc -b` does), so a forbidden
// package is rejected for being forbidden, not for failing to resolve.
const root = resolve(import.meta.dirname, '../..');

interface Rule {
  /** Other parts this part may import (its own files are always allowed). */
  readonly parts: readonly string[] | 'any';
  /** npm packages it may import. */
  readonly packages: readonly string[] | 'any';
  /** Whether node:* built-ins are allowed. */
  readonly node: boolean;
}

/** The allow-list (STYLE.md: core pure; io, addin and bot lean on core; cli and bench wire everything). */
const RULES: Readonly<Record<string, Rule>> = {
  core: { parts: [], packages: ['zod', 'yaml'], node: false },
  io: { parts: ['core'], packages: ['zod', 'exceljs', 'udsv', 'vega', 'vega-lite', '@resvg/resvg-js'], node: true },
  addin: { parts: ['core'], packages: ['zod'], node: false },
  // The add-in's Node-side tooling (vite config, icon generator): its own project, tsconfig.tools.json.
  'addin-tools': { parts: [], packages: ['vite', 'office-addin-dev-certs', '@resvg/resvg-js'], node: true },
  bot: { parts: ['core', 'io'], packages: ['zod', '@slack/bolt', '@slack/web-api', 'better-sqlite3', 'croner'], node: true },
  cli: { parts: 'any', packages: 'any', node: true },
  bench: { parts: 'any', packages: 'any', node: true },
};

/** Where the faces may enter core: its public surface, never a deep path. */
const CORE_ENTRY_POINTS = ['core/index.ts'];

const PARTS = ['core', 'io', 'addin', 'bot', 'cli', 'bench'];
const NODE_BUILTINS = new Set(builtinModules);

function partOf(file: string): string {
  const path = relative(root, file).split(sep);
  if (path[0] === 'addin' && (path[1] === 'tools' || path[1] === 'vite.config.ts')) return 'addin-tools';
  return path[0]!;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory() ? sourcesUnder(path) : /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const resolutionOptions: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, allowImportingTsExtensions: false, noEmit: true };

/** The package a bare specifier names: `@scope/name` or `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Every boundary violation of one file, as readable lines (empty when the file keeps to its part's rule). */
function checkFile(file: string): string[] {
  const from = partOf(file);
  const rule = RULES[from];
  if (!rule) return [`${relative(root, file)}: no rule for part "${from}"`];
  const text = readFileSync(file, 'utf8');
  const imports = ts.preProcessFile(text, true, true).importedFiles.map((ref) => ref.fileName);
  const where = relative(root, file);
  const problems: string[] = [];
  for (const specifier of imports) {
    if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier)) {
      if (!rule.node) problems.push(`${where}: ${from} may not import the Node built-in "${specifier}"`);
      continue;
    }
    const resolved = ts.resolveModuleName(specifier, file, resolutionOptions, ts.sys).resolvedModule;
    if (!resolved) {
      problems.push(`${where}: "${specifier}" does not resolve from ${from}/`);
      continue;
    }
    if (resolved.isExternalLibraryImport || !specifier.startsWith('.')) {
      // Types-only packages resolve to @types/x (or @types/scope__x): the rule names the package itself.
      const name = (resolved.packageId?.name ?? packageName(specifier)).replace(/^@types\/(?:(.+)__)?/, (_, scope?: string) => (scope ? `@${scope}/` : ''));
      if (rule.packages !== 'any' && !rule.packages.includes(name)) problems.push(`${where}: ${from} may not import the package "${name}"`);
      continue;
    }
    const target = resolved.resolvedFileName;
    const to = partOf(target);
    if (to === from || (from === 'addin-tools' && to === 'addin')) continue;
    if (!PARTS.includes(to)) problems.push(`${where}: "${specifier}" reaches outside the parts (${relative(root, target)})`);
    else if (rule.parts !== 'any' && !rule.parts.includes(to)) problems.push(`${where}: ${from} may not import ${to} ("${specifier}")`);
    else if (to === 'core' && !CORE_ENTRY_POINTS.includes(relative(root, target).split(sep).join('/'))) problems.push(`${where}: deep import of core ("${specifier}"); import from core/index.ts`);
  }
  return problems;
}

describe('import boundaries (issue 14)', () => {
  it.each(PARTS)('%s imports only what its rule allows', (part) => {
    const problems = sourcesUnder(join(root, part)).flatMap(checkFile);
    expect(problems).toEqual([]);
  });

  it('each project references exactly the parts its rule allows it to use', () => {
    const referenced = (part: string) => {
      const config = ts.readConfigFile(join(root, part, 'tsconfig.json'), ts.sys.readFile).config as { references?: { path: string }[] };
      return (config.references ?? []).map((r) => r.path.replace(/^\.\.\//, '')).sort();
    };
    expect(referenced('core')).toEqual([]);
    expect(referenced('io')).toEqual(['core']);
    expect(referenced('addin')).toEqual(['core']);
    expect(referenced('bot')).toEqual(['core', 'io']);
  });

  describe('rejects a deliberately bad probe in core/', () => {
    const probe = join(root, 'core', `__probe-${process.pid}__.ts`);
    afterEach(() => rmSync(probe, { force: true }));

    it('accepts an allowed import (the positive control)', () => {
      writeFileSync(probe, "import { z } from 'zod';\nimport { parseNumber } from './parse/parse-number.js';\nexport const p = [z, parseNumber];\n");
      expect(checkFile(probe)).toEqual([]);
    });

    it.each([
      ["import { App } from '@slack/bolt';\nexport const a = App;\n", 'core may not import the package "@slack/bolt"'],
      ["import ExcelJS from 'exceljs';\nexport const e = ExcelJS;\n", 'core may not import the package "exceljs"'],
      ["import Database from 'better-sqlite3';\nexport const d = Database;\n", 'core may not import the package "better-sqlite3"'],
      ["import { Cron } from 'croner';\nexport const c = Cron;\n", 'core may not import the package "croner"'],
      ["export { readCsv } from '../io/read-csv.js';\n", 'core may not import io ("../io/read-csv.js")'],
      ["export const load = () => import('../bot/app.js');\n", 'core may not import bot ("../bot/app.js")'],
      ["import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'core may not import the Node built-in "node:fs"'],
      ["import { z } from 'no-such-package-tierline';\nexport const q = z;\n", '"no-such-package-tierline" does not resolve from core/'],
    ])('rejects %j', (source, reason) => {
      writeFileSync(probe, source);
      const where = relative(root, probe);
      expect(checkFile(probe)).toEqual([`${where}: ${reason}`]);
    });
  });

  it('rejects a deep import of core from a face', () => {
    const probe = join(root, 'bot', `__probe-${process.pid}__.ts`);
    try {
      writeFileSync(probe, "import { createRng } from '../core/random/create-rng.js';\nimport { label } from '../core/index.js';\nexport const r = [createRng, label];\n");
      expect(checkFile(probe)).toEqual([`bot/${relative(join(root, 'bot'), probe)}: deep import of core ("../core/random/create-rng.js"); import from core/index.ts`]);
    } finally {
      rmSync(probe, { force: true });
    }
  });
});
