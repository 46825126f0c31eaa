// The boundary checker behind test/boundaries/imports.test.ts, test/core/purity.test.ts and the
// build (`npm run build` runs check-boundaries.ts after tsc -b).
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

// Issue 14: what each part may import, checked on every import/export-from and
// dynamic import(), with package specifiers really resolved from the part's own
// folder (TypeScript's Bundler resolution, as `tsc -b` does), so a forbidden
// package is rejected for being forbidden, not for failing to resolve.
export const root = findRoot(import.meta.dirname);

/** The repository: the nearest folder up with a package.json (from test/boundaries/ or from dist/test/boundaries/). */
function findRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

interface Rule {
  /** Other parts this part may import (its own files are always allowed). */
  readonly parts: readonly string[] | 'any';
  /** npm packages it may import. */
  readonly packages: readonly string[] | 'any';
  /** Whether node:* built-ins are allowed. */
  readonly node: boolean;
}

/** The allow-list (STYLE.md: core pure; io, addin and bot lean on core; cli and bench wire everything). */
export const RULES: Readonly<Record<string, Rule>> = {
  core: { parts: [], packages: ['zod', 'yaml'], node: false },
  io: { parts: ['core'], packages: ['zod', 'exceljs', 'udsv', 'vega', 'vega-lite', '@resvg/resvg-js'], node: true },
  addin: { parts: ['core'], packages: ['zod'], node: false },
  // The add-in's Node-side tooling (vite config, icon generator): its own project, tsconfig.tools.json.
  'addin-tools': { parts: [], packages: ['vite', 'office-addin-dev-certs', '@resvg/resvg-js'], node: true },
  bot: {
    parts: ['core', 'io'],
    // pg: the store on PostgreSQL for several bot instances (issue 12).
    packages: ['zod', '@slack/bolt', '@slack/web-api', 'better-sqlite3', 'croner', 'pg'],
    node: true,
  },
  // Issue 12: the SQL engine (embedded DuckDB, PostgreSQL); feeds core per-customer rows.
  warehouse: { parts: ['core', 'io'], packages: ['zod', '@duckdb/node-api', 'pg', 'pg-cursor'], node: true },
  cli: { parts: 'any', packages: 'any', node: true },
  bench: { parts: 'any', packages: 'any', node: true },
};

/** Where the faces may enter core: its public surface, never a deep path. */
export const CORE_ENTRY_POINTS = ['core/index.ts'];
/** Where the CLI and benchmarks may enter the bot: its one façade. */
export const BOT_ENTRY_POINTS = ['bot/index.ts'];

export const PARTS = ['core', 'io', 'warehouse', 'addin', 'bot', 'cli', 'bench'];
const NODE_BUILTINS = new Set(builtinModules);

function partOf(file: string): string {
  const path = relative(root, file).split(sep);
  if (path[0] === 'addin' && (path[1] === 'tools' || path[1] === 'vite.config.ts')) return 'addin-tools';
  return path[0]!;
}

export function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // node_modules, and the short-lived probes the boundary and purity tests write (a parallel run must not see them).
    if (name === 'node_modules' || /^__.*probe.*__\.ts$/.test(name)) return [];
    return statSync(path).isDirectory()
      ? sourcesUnder(path)
      : /\.tsx?$/.test(name) && !name.endsWith('.d.ts')
        ? [path]
        : [];
  });
}

const resolutionOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: false,
  noEmit: true,
};

/** The package a bare specifier names: `@scope/name` or `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Every boundary violation of one file, as readable lines (empty when the file keeps to its part's rule). */
export function checkFile(file: string): string[] {
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
      const name = (resolved.packageId?.name ?? packageName(specifier)).replace(
        /^@types\/(?:(.+)__)?/,
        (_, scope?: string) => (scope ? `@${scope}/` : ''),
      );
      if (rule.packages !== 'any' && !rule.packages.includes(name))
        problems.push(`${where}: ${from} may not import the package "${name}"`);
      continue;
    }
    const target = resolved.resolvedFileName;
    const to = partOf(target);
    if (to === from || (from === 'addin-tools' && to === 'addin')) continue;
    if (!PARTS.includes(to))
      problems.push(`${where}: "${specifier}" reaches outside the parts (${relative(root, target)})`);
    else if (rule.parts !== 'any' && !rule.parts.includes(to))
      problems.push(`${where}: ${from} may not import ${to} ("${specifier}")`);
    else if (to === 'core' && !CORE_ENTRY_POINTS.includes(relative(root, target).split(sep).join('/')))
      problems.push(`${where}: deep import of core ("${specifier}"); import from core/index.ts`);
    else if (to === 'bot' && !BOT_ENTRY_POINTS.includes(relative(root, target).split(sep).join('/')))
      problems.push(`${where}: deep import of bot ("${specifier}"); import from bot/index.ts`);
  }
  return problems;
}
