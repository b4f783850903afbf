import path from 'node:path';
import picomatch from 'picomatch';
import type { CliHost } from './host';
import { UsageError } from './usage-error';

const SKIPPED_DIRECTORIES = new Set(['node_modules']);
const isMarkdown = picomatch('**/*.md', { dot: false });

export interface OperandFile {
  absolute: string;
  /** As given on the command line for a file operand; relative to `cwd` with "/" for expanded ones. */
  display: string;
  /** Named on the command line itself, not found in a directory or by a glob. */
  named: boolean;
}

/**
 * Expands command-line operands into files, in a stable order without duplicates: a file is taken
 * as is, a directory means its `**\/*.md`, anything else is a glob relative to `cwd`.
 * node_modules and dot-directories are never walked.
 */
export async function expandOperands(operands: readonly string[], cwd: string, host: CliHost): Promise<OperandFile[]> {
  const found = new Map<string, OperandFile>();
  const add = (absolute: string, display = path.relative(cwd, absolute).split(path.sep).join('/'), named = false): void => {
    if (!found.has(absolute)) found.set(absolute, { absolute, display, named });
  };
  for (const operand of operands) {
    const absolute = path.resolve(cwd, operand);
    const kind = await host.kindOf(absolute);
    if (kind === 'file') {
      add(absolute, operand, true);
      continue;
    }
    if (kind === 'directory') {
      for (const file of await walk(absolute, host)) if (isMarkdown(path.relative(absolute, file).split(path.sep).join('/'))) add(file);
      continue;
    }
    const scan = picomatch.scan(operand.split(path.sep).join('/'));
    if (!scan.isGlob) throw new UsageError(`No such file or directory: ${operand}`);
    const base = path.resolve(cwd, scan.base);
    const matches = picomatch(scan.glob, { dot: false });
    if ((await host.kindOf(base)) !== 'directory') continue;
    for (const file of await walk(base, host)) if (matches(path.relative(base, file).split(path.sep).join('/'))) add(file);
  }
  return [...found.values()];
}

async function walk(directory: string, host: CliHost): Promise<string[]> {
  const files: string[] = [];
  const entries = (await host.readDirectory(directory)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.kind === 'file') files.push(full);
    else if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) files.push(...(await walk(full, host)));
  }
  return files;
}
