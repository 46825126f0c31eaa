// `npm run build` runs this after `tsc -b` (compiled to dist/test/boundaries/):
// a forbidden import in any part fails the build, not only the tests (issue 14).
// With file arguments it checks just those files (the test's probe).
import { join, resolve } from 'node:path';
import { checkFile, PARTS, root, sourcesUnder } from './check-imports.js';

const files = process.argv.slice(2).map((file) => resolve(file));
const problems = (files.length > 0 ? files : PARTS.flatMap((part) => sourcesUnder(join(root, part)))).flatMap(
  checkFile,
);
for (const problem of problems) console.error(`boundaries: ${problem}`);
if (problems.length > 0) {
  console.error(
    `boundaries: ${problems.length} forbidden import(s); see test/boundaries/check-imports.ts for the rules`,
  );
  process.exitCode = 1;
}
