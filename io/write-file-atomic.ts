import { randomBytes } from 'node:crypto';
import { realpathSync, rmSync, statSync } from 'node:fs';
import { chmod, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { withPath } from './file-error.js';

/** Temp files not yet renamed into place, removed by removePendingTempFiles on exit. */
const pending = new Set<string>();

/** An output being written beside its final name, renamed into place on commit. */
export interface AtomicTarget {
  /** Where the output ends up (a symlink's target when `path` is a symlink). */
  readonly path: string;
  /** The temp file in the same folder: `.<name>.tierline-<pid>-<hex>.tmp`. */
  readonly tempPath: string;
  /** Renames the temp file over `path` (atomic on one filesystem, POSIX rename(2)). */
  commit(): Promise<void>;
  /** Removes the temp file; `path` is left as it was. Never throws. */
  abort(): Promise<void>;
}

/** The temp file name an output at `path` is written under (exported for the fault tests). */
export const TEMP_FILE_PATTERN = /^\..+\.tierline-\d+-[0-9a-f]{8}\.tmp$/;

/**
 * Reserves a temp file beside `path` for an atomic write: same folder, so the
 * final rename never crosses filesystems, and a kill -9 or a full disk leaves
 * either the previous file or none, never a half-written one.
 * @example const target = createAtomicTarget('out.csv'); // write target.tempPath, then await target.commit()
 */
export function createAtomicTarget(path: string): AtomicTarget {
  // Writing through a symlink keeps the link: the file it points to is replaced.
  let final = path;
  let mode: number | undefined;
  try {
    final = realpathSync(path);
    mode = statSync(final).mode & 0o7777;
  } catch {
    // No file yet: it is created.
  }
  const tempPath = join(
    dirname(final),
    `.${basename(final)}.tierline-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  pending.add(tempPath);
  return {
    path: final,
    tempPath,
    async commit() {
      try {
        if (mode !== undefined) await chmod(tempPath, mode);
        await rename(tempPath, final);
      } catch (error) {
        await rm(tempPath, { force: true }).catch(() => {});
        throw withPath(error, path);
      } finally {
        pending.delete(tempPath);
      }
    },
    async abort() {
      pending.delete(tempPath);
      await rm(tempPath, { force: true }).catch(() => {});
    },
  };
}

/**
 * Writes a whole file atomically: temp file, fsync, rename.
 * @throws the fs error, its `path` set to `path` (not the temp file's).
 * @example await writeFileAtomic('report.html', html)
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const target = createAtomicTarget(path);
  try {
    const handle = await open(target.tempPath, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await target.abort();
    throw withPath(error, path);
  }
  await target.commit();
}

/** Removes the temp files of writes still in progress (for the process's 'exit' and signal handlers). */
export function removePendingTempFiles(): void {
  for (const path of pending) rmSync(path, { force: true });
  pending.clear();
}
