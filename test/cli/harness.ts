import type { CliHost, EntryKind } from '../../src/cli/host';
import { main } from '../../src/cli/main';

/**
 * An in-memory file tree keyed by absolute POSIX path, so CLI tests touch no disk. A file is text
 * (UTF-8) or raw bytes; paths in `failing` fail to read or write as a disk would, with an errno code.
 */
export class MemoryHost implements CliHost {
  readonly files: Map<string, string | Uint8Array>;
  readonly writes: string[] = [];
  readonly failing = new Map<string, 'read' | 'write'>();

  constructor(files: Record<string, string | Uint8Array>) {
    this.files = new Map(Object.entries(files));
  }

  async readFile(file: string): Promise<string | undefined> {
    const content = this.files.get(file);
    return content === undefined || typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
  }

  async readBytes(file: string): Promise<Uint8Array> {
    const content = this.files.get(file);
    if (content === undefined) throw systemError('ENOENT', `no such file or directory, open '${file}'`);
    if (this.failing.get(file) === 'read') throw systemError('EACCES', `permission denied, open '${file}'`);
    return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  }

  async writeFile(file: string, text: string): Promise<void> {
    this.writes.push(file);
    this.files.set(file, text);
  }

  async replaceFile(file: string, bytes: Uint8Array): Promise<void> {
    if (this.failing.get(file) === 'write') throw systemError('ENOSPC', `no space left on device, write '${file}'`);
    this.writes.push(file);
    this.files.set(file, bytes);
  }

  /** A file's content as text (UTF-8), whichever way it was stored. */
  text(file: string): string | undefined {
    const content = this.files.get(file);
    return content === undefined || typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
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
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    ...(options.stdin === undefined ? {} : { stdin: async () => options.stdin as string }),
  });
  return { code, stdout, stderr };
}

function systemError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}
