import type { z } from 'zod';
import { OptionsError } from '../segment/segment-options.js';

/**
 * Validates the options of a summary, chart or migration entry point once,
 * with the defaults inside `schema`, naming every wrong key the way segment
 * options do.
 * @throws OptionsError naming every wrong key.
 */
export function parseSummaryOptions<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw new OptionsError(
    parsed.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys') return `Unknown option ${issue.keys.map((k) => `"${k}"`).join(', ')}.`;
      return `Option "${issue.path.join('.') || '(options)'}" ${issue.message}.`;
    }),
  );
}
