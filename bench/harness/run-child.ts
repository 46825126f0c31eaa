import { spawn } from 'node:child_process';
import { z } from 'zod';

/** [recencyDays (null = never purchased), frequency, monetary] of one customer, or null when absent. */
const sampleSchema = z.record(z.string(), z.tuple([z.number().nullable(), z.number(), z.number()]).nullable());

/** What every benchmark process (ours and the reference) prints as its last stdout line. */
export const childReportSchema = z.looseObject({
  /** Timed work, excluding interpreter start-up and imports. */
  seconds: z.number().nonnegative(),
  /** The process's own peak resident set size, in MiB. */
  peakMemoryMB: z.number().nonnegative(),
  customers: z.number().int().nonnegative(),
  /** What the clock covers, in words. */
  timing: z.string(),
  phases: z.record(z.string(), z.number()).optional(),
  sample: sampleSchema.optional(),
});

export type ChildReport = z.infer<typeof childReportSchema>;
export type CustomerSample = z.infer<typeof sampleSchema>;

export interface ChildRun {
  readonly report: ChildReport;
  /** Wall time of the whole process, start-up included. */
  readonly wallSeconds: number;
}

/**
 * Runs one benchmark process to completion and parses its report. Its stderr
 * is passed through (warnings stay visible); stdout must end with the JSON line.
 * @throws Error naming the command when it fails or prints no valid report.
 */
export function runChild(command: string, args: readonly string[]): Promise<ChildRun> {
  const label = [command, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => (stdout += text));
    child.on('error', (error) => reject(new Error(`${label}: ${error.message}`)));
    child.on('close', (code, signal) => {
      const wallSeconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        reject(new Error(`${label} failed (${signal ?? `exit code ${code}`})`));
        return;
      }
      const last = stdout.trimEnd().split('\n').pop() ?? '';
      let json: unknown;
      try {
        json = JSON.parse(last);
      } catch {
        reject(new Error(`${label} printed no JSON report; its last line was: ${last.slice(0, 200)}`));
        return;
      }
      const parsed = childReportSchema.safeParse(json);
      if (!parsed.success) reject(new Error(`${label} printed an invalid report: ${parsed.error.message}`));
      else resolve({ report: parsed.data, wallSeconds });
    });
  });
}
