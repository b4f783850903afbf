import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ConfigHost } from '../core/config';

export type EntryKind = 'file' | 'directory';

/** Everything the CLI asks of the file system, so tests can run `main` on an in-memory tree. */
export interface CliHost extends ConfigHost {
  readFile(path: string): Promise<string | undefined>;
  writeFile(path: string, text: string): Promise<void>;
  kindOf(path: string): Promise<EntryKind | undefined>;
  readDirectory(path: string): Promise<{ name: string; kind: EntryKind }[]>;
}

/** What is at `file`, links followed. */
async function kindOf(file: string): Promise<EntryKind | undefined> {
  try {
    const stats = await fs.stat(file);
    if (stats.isDirectory()) return 'directory';
    return stats.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

export function createNodeHost(): CliHost {
  return {
    async readFile(file) {
      try {
        return await fs.readFile(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    async writeFile(file, text) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, text, 'utf8');
    },
    kindOf,
    async readDirectory(directory) {
      const entries = await fs.readdir(directory, { withFileTypes: true });
      const listed: { name: string; kind: EntryKind }[] = [];
      for (const entry of entries) {
        if (entry.isDirectory()) listed.push({ name: entry.name, kind: 'directory' });
        else if (entry.isFile()) listed.push({ name: entry.name, kind: 'file' });
        // A link to a file is read like the file; links to directories are not walked (they can loop).
        else if (entry.isSymbolicLink() && (await kindOf(path.join(directory, entry.name))) === 'file') listed.push({ name: entry.name, kind: 'file' });
      }
      return listed;
    },
  };
}
