import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The version in Tierline's package.json, found by walking up from this
 * module (cli/ from source in tests, dist/cli/ in the binary), so it can
 * never drift from the package.
 * @throws Error when no package.json named "tierline" is above this module (a broken install).
 * @example readVersion() === '0.1.0'
 */
export function readVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (json.name === 'tierline' && typeof json.version === 'string') return json.version;
    } catch {
      // No package.json here: keep walking up.
    }
    if (dirname(dir) === dir) throw new Error('cannot find the tierline package.json to read the version from');
  }
}
