import type { z } from 'zod';

/** Raised for options that fail validation; each message names the key. */
export class OptionsError extends Error {
  readonly code = 'invalid-options';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'OptionsError';
  }
}

/**
 * Validates the options of an entry point once with their zod schema
 * (defaults inside the schema), naming every wrong key at once.
 * @throws OptionsError naming every wrong key.
 * @example parseOptions(bfgsOptionsSchema, {}).maxIterations === 500
 */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw new OptionsError(
    parsed.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys') return `Unknown option ${issue.keys.map((k) => `"${k}"`).join(', ')}.`;
      return `Option "${issue.path.join('.') || '(options)'}" ${issue.message}.`;
    }),
  );
}
