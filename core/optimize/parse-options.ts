import type { z } from 'zod';
import { OptionsError } from '../segment/segment-options.js';

/**
 * Validates options once at an entry point with their zod schema (defaults
 * inside the schema), reporting every wrong key the way segment options do.
 * @throws OptionsError naming every wrong key.
 * @example parseOptions(bfgsOptionsSchema, {}).maxIterations === 500
 */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw new OptionsError(
    parsed.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys') return `Unknown option ${issue.keys.map((k) => `"${k}"`).join(', ')}.`;
      const key = issue.path.join('.') || '(options)';
      return `Option "${key}" ${issue.message}.`;
    }),
  );
}
