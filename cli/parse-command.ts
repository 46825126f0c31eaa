import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Message } from '../core/index.js';
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
    throw new UsageError(parseArgsMessage(error as NodeJS.ErrnoException));
  }
}

/** Node's parseArgs error as a catalogue sentence (its code and the option it names), else its own text. */
function parseArgsMessage(error: NodeJS.ErrnoException): Message | string {
  const named = /'(-[^' ]*)/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && named)
    return { key: 'cli.usage.unknown-option', params: { option: named } };
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && named)
    return {
      key: error.message.includes('ambiguous') ? 'cli.usage.option-ambiguous' : 'cli.usage.option-missing-value',
      params: { option: named },
    };
  const argument = /^Unexpected argument '([^']*)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && argument !== undefined)
    return { key: 'cli.usage.unexpected-argument', params: { argument } };
  return error.message;
}
