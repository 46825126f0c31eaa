import { runCli } from '../../cli/main.js';

/** Runs the CLI in-process with captured output and a fixed "today". */
export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    now: () => new Date('2026-11-25T12:00:00Z'),
    timeZone: 'UTC',
    interactive: false,
  });
  return { code, out, err };
}
