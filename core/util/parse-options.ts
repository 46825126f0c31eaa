import type { z } from 'zod';
import { isLabelKey, label, type Message } from '../i18n/labels.js';

/** Raised for options that fail validation; each message names the key (`texts`: the same, from the catalogue). */
export class OptionsError extends Error {
  readonly code = 'invalid-options';
  readonly problems: readonly string[];
  constructor(readonly texts: readonly (string | Message)[]) {
    const problems = texts.map((m) => (typeof m === 'string' ? m : label(m.key, 'en', m.params)));
    super(problems.join('\n'));
    this.problems = problems;
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
    parsed.error.issues.map((issue): Message => {
      if (issue.code === 'unrecognized_keys')
        return { key: 'error.options.unknown', params: { keys: issue.keys.map((k) => `"${k}"`) } };
      // A schema's message may be a catalogue key (translated); zod's own stay as written.
      const problem = isLabelKey(issue.message) ? { key: issue.message } : issue.message;
      return { key: 'error.options.invalid', params: { option: issue.path.join('.') || '(options)', problem } };
    }),
  );
}
