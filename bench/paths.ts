import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root, found by walking up from this module to the folder
 * that holds both package.json and bench/: the same answer whether this runs
 * compiled (dist/bench/paths.js) or from source.
 */
function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bench', 'reference'))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('bench: cannot find the repository root (package.json next to bench/reference/)');
    dir = parent;
  }
}

export const REPO_ROOT = findRepoRoot();
/** Generated inputs (git-ignored), reused across runs. */
export const DATA_DIR = join(REPO_ROOT, 'bench', 'data');
/** The pandas reference scripts stay in the source tree: tsc does not copy them. */
export const REFERENCE_DIR = join(REPO_ROOT, 'bench', 'reference');
/** Our child scripts, compiled next to this module. */
export const OURS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'ours');
/**
 * Debian's interpreter, which has python3-pandas; the `python3` on PATH may be
 * a pyenv build without it. TIERLINE_BENCH_PYTHON overrides.
 */
export const PYTHON = process.env['TIERLINE_BENCH_PYTHON'] ?? '/usr/bin/python3';
