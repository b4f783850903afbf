import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ConfigHost } from '../core/config';

export type EntryKind = 'file' | 'directory';

/** Everything the CLI asks of the file system, so tests can run `main` on an in-memory tree. */
export interface CliHost extends ConfigHost {
  readFile(path: string): Promise<string | undefined>;
  /** A document's bytes; rejects with the system's error (which names the path) when it cannot. */
  readBytes(path: string): Promise<Uint8Array>;
  /** Writes a new file (`mlsd init`). */
  writeFile(path: string, text: string): Promise<void>;
  /** Replaces an existing document's content all at once (see `replaceFileAtomically`). */
  replaceFile(path: string, bytes: Uint8Array): Promise<void>;
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
    readBytes: (file) => fs.readFile(file),
    async writeFile(file, text) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, text, 'utf8');
    },
    replaceFile: replaceFileAtomically,
    kindOf,
    async readDirectory(directory) {
      const entries = await fs.readdir(directory, { withFileTypes: true });
      const listed: { name: string; kind: EntryKind }[] = [];
      for (const entry of entries) {
        if (entry.isDirectory()) listed.push({ name: entry.name, kind: 'directory' });
        else if (entry.isFile()) listed.push({ name: entry.name, kind: 'file' });
        // A link to a file is read like the file; links to directories are not walked (they can loop).
        else if (entry.isSymbolicLink() && (await kindOf(path.join(directory, entry.name))) === 'file')
          listed.push({ name: entry.name, kind: 'file' });
      }
      return listed;
    },
  };
}

/**
 * Writes `bytes` to a temporary file in the same folder (so the rename stays on one file system),
 * with the original's permissions, then renames it over the original: a crash or a full disk leaves
 * either the old content or the new, never a truncated doc. The temporary file is removed on failure.
 */
export async function replaceFileAtomically(file: string, bytes: Uint8Array): Promise<void> {
  // Through a symbolic link, replace the file it points to, not the link.
  const target = await fs.realpath(file);
  const { mode } = await fs.stat(target);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.mlsd-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temporary, 'wx', 0o600);
    try {
      await handle.chmod(mode & 0o7777);
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
