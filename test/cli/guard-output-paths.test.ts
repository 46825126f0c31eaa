import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/console-io.js';
import { assertOutputsAreNotInputs } from '../../cli/guard-output-paths.js';

const dir = mkdtempSync(join(tmpdir(), 'tierline-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const input = join(dir, 'in.csv');
writeFileSync(input, 'id\nC1\n');
symlinkSync(input, join(dir, 'link.csv'));
linkSync(input, join(dir, 'hard.csv'));
mkdirSync(join(dir, 'sub'));
symlinkSync(dir, join(dir, 'alias'));

const file = { path: input, flag: '<file>' };
const refuse =
  (out: string, flag = '--out') =>
  () =>
    assertOutputsAreNotInputs([file], [{ path: out, flag }]);

describe('assertOutputsAreNotInputs', () => {
  it('refuses the same path, however it is written, naming both', () => {
    expect(refuse(input)).toThrow(
      new UsageError({ key: 'cli.usage.output-is-input', params: { out: `--out ${input}`, input } }),
    );
    expect(refuse(input)).toThrow(
      `--out ${input} is the input ${input}: writing it would destroy the source; choose another output name.`,
    );
    expect(refuse(relative(process.cwd(), input))).toThrow(UsageError);
    expect(refuse(`${dir}/sub/../in.csv`, '--issues')).toThrow(/^--issues .* is the same file as the input .*in\.csv/);
  });

  it('refuses a symlink, a hard link and a path through a symlinked folder', () => {
    expect(refuse(join(dir, 'link.csv'))).toThrow(/link\.csv is the same file as the input/);
    expect(refuse(join(dir, 'hard.csv'))).toThrow(/hard\.csv is the same file as the input/);
    expect(refuse(join(dir, 'alias', 'in.csv'), '--spot-check')).toThrow(
      /--spot-check .*alias\/in\.csv is the same file as the input/,
    );
  });

  it('checks --customers and --config inputs too, and two outputs on one file', () => {
    writeFileSync(join(dir, 'customers.csv'), 'id\n');
    writeFileSync(join(dir, 'rules.yaml'), 'a: 1\n');
    const inputs = [
      file,
      { path: join(dir, 'customers.csv'), flag: '--customers' },
      { path: join(dir, 'rules.yaml'), flag: '--config' },
    ];
    expect(() =>
      assertOutputsAreNotInputs(inputs, [
        { path: join(dir, 'x.csv'), flag: '--out' },
        { path: join(dir, 'customers.csv'), flag: '--issues' },
      ]),
    ).toThrow(/--issues .*customers\.csv is the input --customers/);
    expect(() => assertOutputsAreNotInputs(inputs, [{ path: join(dir, 'rules.yaml'), flag: '--out' }])).toThrow(
      /--out .*rules\.yaml is the input --config/,
    );
    expect(() =>
      assertOutputsAreNotInputs(
        [file],
        [
          { path: join(dir, 'x.csv'), flag: '--out' },
          { path: join(dir, 'x.csv'), flag: '--issues' },
        ],
      ),
    ).toThrow(/--issues .*x\.csv is the same file as --out .*x\.csv; give each output its own name/);
  });

  it('lets distinct files and missing outputs through, and skips flags not given', () => {
    expect(() =>
      assertOutputsAreNotInputs(
        [file, undefined],
        [
          { path: join(dir, 'new.csv'), flag: '--out' },
          undefined,
          { path: join(dir, 'missing', 'x.csv'), flag: '--issues' },
        ],
      ),
    ).not.toThrow();
  });
});
