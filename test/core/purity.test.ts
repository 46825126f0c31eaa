import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const coreConfig = JSON.parse(readFileSync(join(root, 'core/tsconfig.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { compilerOptions: Record<string, unknown> };
const probeDir = mkdtempSync(join(tmpdir(), 'tierline-purity-'));
afterAll(() => rmSync(probeDir, { recursive: true, force: true }));

/** Type-checks one file under core's compiler options; returns tsc's output ('' when clean). */
function checkAsCore(source: string): string {
  const file = join(probeDir, `probe-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, source);
  const config = join(probeDir, `tsconfig-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(config, JSON.stringify({ extends: join(root, 'tsconfig.base.json'), compilerOptions: { lib: coreConfig.compilerOptions.lib, types: coreConfig.compilerOptions.types, noEmit: true, composite: false, declaration: false, declarationMap: false, typeRoots: [join(root, 'node_modules/@types')] }, files: [file] }));
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', config], { encoding: 'utf8' });
    return '';
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('core/ stays a pure engine (STYLE.md project references)', () => {
  it('compiles plain ES2022 code under core options', () => {
    expect(checkAsCore('export const x: number = [1, 2].reduce((a, b) => a + b, 0);\n')).toBe('');
  });

  it.each([
    ["import { readFileSync } from 'node:fs';\nreadFileSync('x');\n", 'node:fs'],
    ["export const w = window.innerWidth;\n", 'window'],
    ["export const d = document.title;\n", 'document'],
    ["export const e = Excel.run;\n", 'Excel'],
    ["export const p = process.argv;\n", 'process'],
    ["import { App } from '@slack/bolt';\nexport const a = App;\n", '@slack/bolt'],
  ])('rejects %j', (source, name) => {
    const output = checkAsCore(source);
    expect(output).toContain('error TS');
    expect(output).toContain(name);
  }, 60_000);

  it('has no clock, no unseeded randomness and no Node/Excel/Slack imports in its sources', () => {
    const offenders = sourcesUnder(join(root, 'core')).filter((file) => {
      const text = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
      return /Date\.now\(|Math\.random\(|new Date\(|from ['"](node:|fs|path|os|child_process|exceljs|better-sqlite3|@slack\/|udsv)/.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
