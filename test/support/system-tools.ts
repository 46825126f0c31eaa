import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Chromium, which the browser tests drive with playwright-core (nothing downloads a browser). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const onPath = (command: string): boolean => {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

// CI installs both (.ci/run) and must run every test: there a missing tool
// fails the test instead of skipping it. A developer machine without them
// skips those tests, and vitest lists them as skipped.
const inCi = process.env.CI === 'true';

/** True when the headless-Chromium tests can run (or must, in CI). */
export const HAVE_CHROMIUM = inCi || existsSync(CHROMIUM_PATH);

/** True when xmllint (Debian libxml2-utils) is there to check the manifest (or must be, in CI). */
export const HAVE_XMLLINT = inCi || onPath('xmllint');
