import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './console-io.js';

type OptionTable = NonNullable<ParseArgsConfig['options']>;
/** What parseArgs returns for a strict command line with positionals and these options. */
export type ParsedCommand<T extends OptionTable> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
>;

/**
 * Parses a command's arguments strictly (unknown flags are errors) with
 * positionals allowed; a malformed command line becomes a UsageError (exit 1).
 * @throws UsageError
 * @example parseCommandArgs(['a.csv', '--locale', 'zh-CN'], { locale: { type: 'string' } }).values.locale
 */
export function parseCommandArgs<const T extends OptionTable>(argv: readonly string[], options: T): ParsedCommand<T> {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
