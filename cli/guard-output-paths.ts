import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './console-io.js';

/** A path given on the command line and the flag (or argument) that named it. */
export interface NamedPath {
  readonly path: string;
  /** How the user gave it: '<file>', '--out', '--customers' … */
  readonly flag: string;
}

interface Identity {
  readonly real: string;
  readonly inode?: string;
}

/** Where a path really points: realpath (symlinks) and dev:ino (hard links) when it exists. */
function identify(path: string): Identity {
  try {
    const stats = statSync(path);
    return { real: realpathSync(path), inode: `${stats.dev}:${stats.ino}` };
  } catch {
    // Not there yet: the realpath of its folder plus its name (the folder may be a symlink).
    try {
      return { real: join(realpathSync(dirname(path)), basename(path)) };
    } catch {
      return { real: resolve(path) };
    }
  }
}

const same = (a: Identity, b: Identity): boolean => a.real === b.real || (a.inode !== undefined && a.inode === b.inode);

/**
 * Refuses, before anything is opened or read, an output that is one of the
 * inputs (same path, a symlink or a hard link to it) or another output:
 * writing it would destroy the source the output is made from.
 * @throws UsageError naming both paths.
 * @example assertOutputsAreNotInputs([{ path: 'a.csv', flag: '<file>' }], [{ path: './a.csv', flag: '--out' }]) // throws
 */
export function assertOutputsAreNotInputs(
  inputs: readonly (NamedPath | undefined)[],
  outputs: readonly (NamedPath | undefined)[],
): void {
  const ins = inputs
    .filter((x): x is NamedPath => x !== undefined && x.path !== '')
    .map((x) => ({ ...x, id: identify(x.path) }));
  const outs = outputs
    .filter((x): x is NamedPath => x !== undefined && x.path !== '')
    .map((x) => ({ ...x, id: identify(x.path) }));
  for (const [i, out] of outs.entries()) {
    const input = ins.find((x) => same(x.id, out.id));
    if (input) {
      throw new UsageError({
        key: input.path === out.path ? 'cli.usage.output-is-input' : 'cli.usage.output-same-as-input',
        params: {
          out: `${out.flag} ${out.path}`,
          input: `${input.flag === '<file>' ? '' : `${input.flag} `}${input.path}`,
        },
      });
    }
    const other = outs.slice(0, i).find((x) => same(x.id, out.id));
    if (other)
      throw new UsageError({
        key: 'cli.usage.output-same-as-output',
        params: { out: `${out.flag} ${out.path}`, other: `${other.flag} ${other.path}` },
      });
  }
}
