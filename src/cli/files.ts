import path from 'node:path';
import picomatch from 'picomatch';
import type { CliHost } from './host';

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
 * as is, a directory means its `**\/*.md`, anything else is a glob relative to `cwd`. An operand
 * starting with `!` leaves out what it matches (a folder: everything in it), as in markdownlint-cli2.
 * A path that names nothing is kept as named, so reading it fails for that file alone and the
 * others are still checked. node_modules and dot-directories are never walked.
 */
export async function expandOperands(operands: readonly string[], cwd: string, host: CliHost): Promise<OperandFile[]> {
  const exclusions = operands.filter(isExclusion);
  const inclusions = operands.filter((operand) => !isExclusion(operand));
  const excluded = exclusionMatcher(exclusions, cwd);
  const found = new Map<string, OperandFile>();
  const add = (absolute: string, display = toSlashes(path.relative(cwd, absolute)), named = false): void => {
    if (!found.has(absolute) && !excluded(toSlashes(path.relative(cwd, absolute)))) found.set(absolute, { absolute, display, named });
  };
  for (const operand of inclusions) {
    const absolute = path.resolve(cwd, operand);
    const kind = await host.kindOf(absolute);
    if (kind === 'file') {
      add(absolute, operand, true);
      continue;
    }
    if (kind === 'directory') {
      for (const file of await walk(absolute, host)) if (isMarkdown(toSlashes(path.relative(absolute, file)))) add(file);
      continue;
    }
    const scan = picomatch.scan(toSlashes(operand));
    if (!scan.isGlob) {
      add(absolute, operand, true);
      continue;
    }
    const base = path.resolve(cwd, scan.base);
    const matches = picomatch(scan.glob, { dot: false });
    if ((await host.kindOf(base)) !== 'directory') continue;
    for (const file of await walk(base, host)) if (matches(toSlashes(path.relative(base, file)))) add(file);
  }
  return [...found.values()];
}

/** Whether a path relative to the working directory is one the `!` operands leave out: what a glob matches, or a file in a named folder. */
function exclusionMatcher(exclusions: readonly string[], cwd: string): (relative: string) => boolean {
  if (exclusions.length === 0) return () => false;
  const patterns = exclusions.map((exclusion) => {
    const pattern = exclusion.slice(1);
    return toSlashes(path.isAbsolute(pattern) ? path.relative(cwd, pattern) : path.normalize(pattern)).replace(/\/+$/, '');
  });
  return picomatch([...patterns, ...patterns.map((pattern) => `${pattern}/**`)], { dot: true });
}

/** A path with "/" separators, as shown to people and matched by globs. */
export function toSlashes(file: string): string {
  return file.split(path.sep).join('/');
}

/** An operand that leaves files out (`!build/**`) rather than naming files to check. */
export const isExclusion = (operand: string): boolean => operand.startsWith('!');

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
