import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createAtomicTarget,
  removePendingTempFiles,
  TEMP_FILE_PATTERN,
  writeFileAtomic,
} from '../../io/write-file-atomic.js';
import { openTableWriter } from '../../io/index.js';
import { createTempDir } from './collect-table.js';

const temp = createTempDir('atomic');
afterAll(() => temp.cleanup());
let n = 0;
const folder = (): string => {
  const dir = join(temp.dir, `case-${++n}`);
  mkdirSync(dir);
  return dir;
};

describe('writeFileAtomic', () => {
  it('creates a file, then replaces it whole, leaving no temp file', async () => {
    const dir = folder();
    const file = join(dir, 'report.html');
    await writeFileAtomic(file, '<p>one</p>');
    await writeFileAtomic(file, '<p>two</p>');
    expect(readFileSync(file, 'utf8')).toBe('<p>two</p>');
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const file = join(folder(), 'private.csv');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    await writeFileAtomic(file, 'new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('writes through a symlink: the link stays, the file it points to changes', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'real.csv'), 'old');
    symlinkSync(join(dir, 'real.csv'), join(dir, 'link.csv'));
    await writeFileAtomic(join(dir, 'link.csv'), 'new');
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.csv'), 'utf8')).toBe('new');
  });

  it('fails naming the target (not the temp file) when the folder is missing', async () => {
    const file = join(temp.dir, 'no-such-folder', 'out.html');
    await expect(writeFileAtomic(file, 'x')).rejects.toMatchObject({ code: 'ENOENT', path: file });
  });

  it('names its temp file beside the target, hidden, with the pid', () => {
    const dir = folder();
    const target = createAtomicTarget(join(dir, 'out.csv'));
    expect(target.tempPath.startsWith(join(dir, `.out.csv.tierline-${process.pid}-`))).toBe(true);
    expect(TEMP_FILE_PATTERN.test(target.tempPath.slice(dir.length + 1))).toBe(true);
  });

  it('removePendingTempFiles removes writes in progress and nothing else', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'keep.csv'), 'keep');
    const writer = await openTableWriter(join(dir, 'keep.csv'));
    writer.writeRow(['half']);
    expect(readdirSync(dir).length).toBe(2);
    removePendingTempFiles();
    expect(readdirSync(dir)).toEqual(['keep.csv']);
    expect(readFileSync(join(dir, 'keep.csv'), 'utf8')).toBe('keep');
    await writer.abort();
  });
});
