import { parseArgs } from 'node:util';
import { UsageError } from './usage-error';

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export interface ParsedCommandLine {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Node's own parser, strict, with its verbose errors rewritten into one line that names the command. */
export function parseCommandLine(command: string, args: readonly string[], options: OptionSpec): ParsedCommandLine {
  try {
    const { values, positionals } = parseArgs({
      args: attachNegativeNumbers(args, options),
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values: { ...values }, positionals };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`Unknown option ${option} for "mlsd ${command}".`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(message.includes('does not take') ? `Option ${option} takes no value.` : `Option ${option} needs a value.`);
    }
    throw new UsageError(message);
  }
}

/**
 * "--max-warnings -1": Node's parser takes "-1" for an option and says the value is missing; joined
 * as "--max-warnings=-1" it reaches the option's own check, which says what is wrong with it.
 */
function attachNegativeNumbers(args: readonly string[], options: OptionSpec): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const next = args[index + 1];
    if (arg.startsWith('--') && options[arg.slice(2)]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      index++;
    } else joined.push(arg);
  }
  return joined;
}

export function oneOf<T extends string>(option: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Invalid value "${String(value)}" for --${option}; expected one of ${allowed.join(', ')}.`);
}
