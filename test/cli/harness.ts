import type { CliHost, EntryKind } from '../../src/cli/host';
import { main } from '../../src/cli/main';

/** An in-memory file tree keyed by absolute POSIX path, so CLI tests touch no disk. */
export class MemoryHost implements CliHost {
  readonly files: Map<string, string>;
  readonly writes: string[] = [];

  constructor(files: Record<string, string>) {
    this.files = new Map(Object.entries(files));
  }

  async readFile(file: string): Promise<string | undefined> {
    return this.files.get(file);
  }

  async writeFile(file: string, text: string): Promise<void> {
    this.writes.push(file);
    this.files.set(file, text);
  }

  async kindOf(file: string): Promise<EntryKind | undefined> {
    if (this.files.has(file)) return 'file';
    const prefix = file.endsWith('/') ? file : `${file}/`;
    return [...this.files.keys()].some((key) => key.startsWith(prefix)) ? 'directory' : undefined;
  }

  async readDirectory(directory: string): Promise<{ name: string; kind: EntryKind }[]> {
    const prefix = directory.endsWith('/') ? directory : `${directory}/`;
    const entries = new Map<string, EntryKind>();
    for (const key of this.files.keys()) {
      if (!key.startsWith(prefix)) continue;
      const [name, ...rest] = key.slice(prefix.length).split('/');
      if (name) entries.set(name, rest.length > 0 ? 'directory' : 'file');
    }
    return [...entries].map(([name, kind]) => ({ name, kind }));
  }
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], host: CliHost, options: { cwd?: string; stdin?: string } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd: options.cwd ?? '/work',
    host,
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
    ...(options.stdin === undefined ? {} : { stdin: async () => options.stdin as string }),
  });
  return { code, stdout, stderr };
}

