import type { CliHost } from './host';
import type { SpawnWorker } from './threads';

/** What every command gets: where it runs, the file system and the three standard streams. */
export interface CliContext {
  cwd: string;
  host: CliHost;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  /** Whether stdout is a terminal that wants ANSI colours. */
  color: boolean;
  /** Starts a thread that checks files; undefined when files are checked on this thread only. */
  spawnWorker: SpawnWorker | undefined;
  /** CPU cores this process may use, for `--concurrency auto`. */
  cores: number;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
