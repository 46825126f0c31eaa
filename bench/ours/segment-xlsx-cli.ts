/**
 * The reference side of `addin-100k-rows`: the same customer sheet segmented
 * the other way an analyst can, with the command line on the saved workbook:
 *
 *   node dist/bench/ours/segment-xlsx-cli.js SHEET.xlsx OUT.xlsx
 *
 * runs `tierline segment SHEET.xlsx --out OUT.xlsx` in process (streaming
 * xlsx read, core, streaming xlsx write of the input plus the same 24
 * result columns). Not pandas: there is no pandas equivalent of an Excel
 * add-in; this is the route the add-in saves the analyst. The clock starts
 * after the imports.
 */
import { runCli } from '../../cli/main.js';
import { AS_OF } from '../addin/customer-sheet.js';

async function main(argv: readonly string[]): Promise<void> {
  const [input, output] = argv;
  if (!input || !output) throw new Error('usage: segment-xlsx-cli.js SHEET.xlsx OUT.xlsx');
  const errors: string[] = [];
  const printed: string[] = [];
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const code = await runCli(['segment', input, '--as-of', AS_OF, '--today', '2026-11-02', '--out', output], {
    out: (text) => printed.push(text),
    err: (text) => errors.push(text),
    now: () => new Date('2026-11-02T12:00:00Z'),
    timeZone: 'UTC',
    interactive: false,
  });
  const finished = performance.now();
  const cpu = process.cpuUsage(cpuStarted);
  if (code !== 0) throw new Error(`tierline segment exited ${code}: ${errors.join('\n')}`);
  console.log(
    JSON.stringify({
      seconds: (finished - started) / 1000,
      peakMemoryMB: process.resourceUsage().maxRSS / 1024,
      // CPU seconds (user + system) of the same span: steadier than wall time on a busy machine.
      phases: { cpu: (cpu.user + cpu.system) / 1e6 },
      // The summary's first line: "<file>: customer rows, 100,000 customers, …".
      customers: Number(/([\d,]+) customers/.exec(printed.join('\n'))?.[1]?.replaceAll(',', '') ?? 0),
      timing: 'tierline segment SHEET.xlsx --out OUT.xlsx, after imports',
    }),
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
