import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Temp folders for uploads, which hold customer data (the download and the
 * segmented file): each is removed once its upload is answered, and
 * `removeAll` clears any still open when the bot exits (SIGTERM mid-upload).
 */
export interface TempDirs {
  create(): Promise<string>;
  remove(dir: string): Promise<void>;
  /** Synchronous: it runs on the way out, when no promise may be awaited. */
  removeAll(): void;
  /** Folders created and not yet removed (tests check it is empty). */
  readonly open: ReadonlySet<string>;
}

/** Tracks folders named `<root>/tierline-upload-*` (root: the system temp folder). */
export function createTempDirs(root: string = tmpdir()): TempDirs {
  const open = new Set<string>();
  return {
    open,
    async create() {
      const dir = await mkdtemp(join(root, 'tierline-upload-'));
      open.add(dir);
      return dir;
    },
    async remove(dir) {
      await rm(dir, { recursive: true, force: true });
      open.delete(dir);
    },
    removeAll() {
      for (const dir of open) rmSync(dir, { recursive: true, force: true });
      open.clear();
    },
  };
}
