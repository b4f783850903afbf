import os from 'node:os';
import { runCheck } from './check-command';
import { EXIT_USAGE, type CliContext } from './context';
import { createNodeHost, type CliHost } from './host';
import { runInit } from './init';
import { runLsp } from './lsp';
import { runReport } from './report-command';
import { runRules } from './rules';
import type { SpawnWorker } from './threads';
import { USAGE, commandUsage } from './usage';
import { UsageError } from './usage-error';
import { VERSION } from './version';

export interface CliParams {
  /** Arguments after the program name. */
  argv: readonly string[];
  cwd: string;
  /** The file system; node:fs when omitted. */
  host?: CliHost;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input; needed only for `check -`. */
  stdin?: () => Promise<string>;
  /** ANSI colours in text output; off unless the caller knows stdout is a colour terminal. */
  color?: boolean;
  /**
   * Starts a worker thread running `serveFileJobs` (dist/cli.js loaded in a worker does), so `check`
   * can use every core. Workers read and write files with node:fs, so this is ignored when `host` is given.
   */
  spawnWorker?: SpawnWorker;
  /** CPU cores for `check --concurrency auto`; os.availableParallelism() when omitted. */
  cores?: number;
}

const COMMANDS: Record<string, (args: readonly string[], context: CliContext) => Promise<number>> = {
  check: runCheck,
  report: runReport,
  init: runInit,
  rules: runRules,
  lsp: runLsp,
};

/**
 * The whole CLI as a function: tests and other tools call it in-process with their own streams and
 * file system. Resolves to the exit code; never throws and never prints a stack trace for a user error.
 */
export async function main(params: CliParams): Promise<number> {
  const context: CliContext = {
    cwd: params.cwd,
    host: params.host ?? createNodeHost(),
    stdout: params.stdout,
    stderr: params.stderr,
    readStdin: params.stdin ?? (() => Promise.reject(new UsageError('Standard input is not available.'))),
    color: params.color === true,
    spawnWorker: params.host === undefined ? params.spawnWorker : undefined,
    cores: params.cores ?? os.availableParallelism(),
  };
  const [command, ...rest] = params.argv;
  try {
    if (command === undefined) {
      context.stderr(USAGE);
      return EXIT_USAGE;
    }
    if (command === '-h' || command === '--help' || command === 'help') {
      context.stdout(rest[0] === undefined ? USAGE : helpOf(rest[0]));
      return 0;
    }
    if (command === '-v' || command === '--version') {
      context.stdout(`${VERSION}\n`);
      return 0;
    }
    const run = COMMANDS[command];
    if (!run) throw unknownCommand(command);
    if (rest.includes('--help') || rest.includes('-h')) {
      context.stdout(helpOf(command));
      return 0;
    }
    return await run(rest, context);
  } catch (error) {
    if (error instanceof UsageError) {
      context.stderr(`mlsd: ${error.message}\n${error.pointsToHelp ? 'Run "mlsd --help" for usage.\n' : ''}`);
    } else if (isSystemError(error)) {
      // The file system said no (permissions, a vanished file): its message names the path.
      context.stderr(`mlsd: ${error.message}\n`);
    } else {
      // A bug in mlsd, not the user's doing: say so, with enough detail to report it.
      context.stderr(`mlsd: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    return EXIT_USAGE;
  }
}

function helpOf(command: string): string {
  const help = commandUsage(command);
  if (help === undefined) throw unknownCommand(command);
  return help;
}

const unknownCommand = (command: string): UsageError =>
  new UsageError(`Unknown command "${command}"; expected one of ${Object.keys(COMMANDS).join(', ')}.`);

function isSystemError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}
