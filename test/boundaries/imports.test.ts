import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { checkFile, PARTS, root, sourcesUnder } from './check-imports.js';

describe('import boundaries (issue 14)', () => {
  it.each(PARTS)('%s imports only what its rule allows', (part) => {
    const problems = sourcesUnder(join(root, part)).flatMap(checkFile);
    expect(problems).toEqual([]);
  });

  it('each project references exactly the parts its rule allows it to use', () => {
    const referenced = (part: string) => {
      const config = ts.readConfigFile(join(root, part, 'tsconfig.json'), ts.sys.readFile).config as {
        references?: { path: string }[];
      };
      return (config.references ?? []).map((r) => r.path.replace(/^\.\.\//, '')).sort();
    };
    expect(referenced('core')).toEqual([]);
    expect(referenced('io')).toEqual(['core']);
    expect(referenced('warehouse')).toEqual(['core', 'io']);
    expect(referenced('addin')).toEqual(['core']);
    expect(referenced('bot')).toEqual(['core', 'io']);
  });

  describe('rejects a deliberately bad probe in core/', () => {
    const probe = join(root, 'core', `__probe-${process.pid}__.ts`);
    afterEach(() => rmSync(probe, { force: true }));

    it('accepts an allowed import (the positive control)', () => {
      writeFileSync(
        probe,
        "import { z } from 'zod';\nimport { parseNumber } from './parse/parse-number.js';\nexport const p = [z, parseNumber];\n",
      );
      expect(checkFile(probe)).toEqual([]);
    });

    it.each([
      ["import { App } from '@slack/bolt';\nexport const a = App;\n", 'core may not import the package "@slack/bolt"'],
      ["import ExcelJS from 'exceljs';\nexport const e = ExcelJS;\n", 'core may not import the package "exceljs"'],
      [
        "import Database from 'better-sqlite3';\nexport const d = Database;\n",
        'core may not import the package "better-sqlite3"',
      ],
      ["import { Cron } from 'croner';\nexport const c = Cron;\n", 'core may not import the package "croner"'],
      ["export { readCsv } from '../io/read-csv.js';\n", 'core may not import io ("../io/read-csv.js")'],
      ["export const load = () => import('../bot/app.js');\n", 'core may not import bot ("../bot/app.js")'],
      [
        "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
        'core may not import the Node built-in "node:fs"',
      ],
      [
        "import { z } from 'no-such-package-tierline';\nexport const q = z;\n",
        '"no-such-package-tierline" does not resolve from core/',
      ],
    ])('rejects %j', (source, reason) => {
      writeFileSync(probe, source);
      const where = relative(root, probe);
      expect(checkFile(probe)).toEqual([`${where}: ${reason}`]);
    });

    it('fails the build: `npm run build` runs the compiled check after tsc -b, and it exits 1 naming the import', () => {
      const script = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { build: string } };
      expect(script.scripts.build).toBe('tsc -b && node dist/test/boundaries/check-boundaries.js');
      const check = (...files: string[]) =>
        spawnSync(process.execPath, [join(root, 'dist/test/boundaries/check-boundaries.js'), ...files], {
          cwd: root,
          encoding: 'utf8',
        });
      writeFileSync(probe, "import { App } from '@slack/bolt';\nexport const a = App;\n");
      const bad = check(probe);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain(
        `boundaries: ${relative(root, probe)}: core may not import the package "@slack/bolt"`,
      );
      // The whole tree as the build checks it: clean.
      const all = check();
      expect(all.stderr).toBe('');
      expect(all.status).toBe(0);
    });
  });

  /** The checker's verdict on a probe written into `part` for the duration of the call. */
  function checkProbe(part: string, source: string): { where: string; problems: string[] } {
    const probe = join(root, part, `__probe-${process.pid}__.ts`);
    try {
      writeFileSync(probe, source);
      return { where: relative(root, probe), problems: checkFile(probe) };
    } finally {
      rmSync(probe, { force: true });
    }
  }

  it.each([
    [
      'cli',
      "import { SqliteStore } from '../bot/store/sqlite-store.js';\nimport { importSnapshot } from '../bot/index.js';\nexport const s = [SqliteStore, importSnapshot];\n",
      'deep import of bot ("../bot/store/sqlite-store.js"); import from bot/index.ts',
    ],
    [
      'bot',
      "import { createRng } from '../core/random/create-rng.js';\nimport { label } from '../core/index.js';\nexport const r = [createRng, label];\n",
      'deep import of core ("../core/random/create-rng.js"); import from core/index.ts',
    ],
    [
      'io',
      "import { importSnapshot } from '../bot/index.js';\nexport const i = importSnapshot;\n",
      'io may not import bot ("../bot/index.js")',
    ],
    [
      'addin',
      "import { readTable } from '../io/index.js';\nexport const t = readTable;\n",
      'addin may not import io ("../io/index.js")',
    ],
    [
      'bot',
      "import { runSegment } from '../cli/commands/segment.js';\nexport const s = runSegment;\n",
      'bot may not import cli ("../cli/commands/segment.js")',
    ],
  ])('rejects a probe in %s: %j', (part, source, reason) => {
    const { where, problems } = checkProbe(part, source);
    expect(problems).toEqual([`${where}: ${reason}`]);
  });
});
