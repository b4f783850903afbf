import { CONFIG_FILE_NAMES, parseConfigText } from './parse';
import type { ConfigVocabulary } from './validate';
import type { ConfigError, MlsdConfig } from '../types';

/** The only file-system access config discovery needs; the CLI backs it with node:fs, the extension with vscode.workspace.fs. */
export interface ConfigHost {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined | Promise<string | undefined>;
}

export interface LoadedConfig {
  /** The config file used, or undefined when none was found. */
  file: string | undefined;
  config: MlsdConfig;
  problems: ConfigError[];
}

/**
 * Finds the nearest config file from the document's directory upward (to `stopAt` when given, else
 * the root; within a directory, the first of CONFIG_FILE_NAMES) and parses it. Paths use "/" or "\\".
 */
export async function loadNearestConfig(
  documentPath: string,
  host: ConfigHost,
  vocabulary: ConfigVocabulary,
  stopAt?: string,
): Promise<LoadedConfig> {
  for (const directory of ancestorDirectories(documentPath, stopAt)) {
    for (const [index, name] of CONFIG_FILE_NAMES.entries()) {
      const file = joinPath(directory, name);
      const text = await host.readFile(file);
      if (text === undefined) continue;
      const loaded = { file, ...parseConfigText(text, file, vocabulary) };
      // A second config file beside it is never read, which its writer cannot see.
      for (const other of CONFIG_FILE_NAMES.slice(index + 1))
        if ((await host.readFile(joinPath(directory, other))) !== undefined) loaded.problems.push(shadowed(file, name, other));
      return loaded;
    }
  }
  return { file: undefined, config: {}, problems: [] };
}

function shadowed(file: string, name: string, other: string): ConfigError {
  return {
    severity: 'warning',
    file,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: `${other} in the same folder is not read: ${name} comes first (${CONFIG_FILE_NAMES.join(', ')}). Merge the two into one file.`,
  };
}

/** Reads and parses one named config file (the CLI's --config). A missing file is a located problem, not an exception. */
export async function loadConfigFile(file: string, host: ConfigHost, vocabulary: ConfigVocabulary): Promise<LoadedConfig> {
  const text = await host.readFile(file);
  if (text === undefined) {
    return {
      file,
      config: {},
      problems: [
        {
          severity: 'error',
          file,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message: 'Cannot read the configuration file.',
        },
      ],
    };
  }
  return { file, ...parseConfigText(text, file, vocabulary) };
}

/** The directories containing `path`, nearest first, ending at `stopAt` (inclusive) or the root. */
export function ancestorDirectories(path: string, stopAt?: string): string[] {
  const stop = stopAt === undefined ? undefined : normalizeDirectory(stopAt);
  const directories: string[] = [];
  for (let current = parentOf(path); current !== undefined; current = parentOf(current)) {
    directories.push(current);
    if (stop !== undefined && normalizeDirectory(current) === stop) break;
  }
  return directories;
}

/** The parent directory, or undefined at a root or for a bare name. "/" and "C:/" are roots. */
function parentOf(path: string): string | undefined {
  const trimmed = normalizeDirectory(path);
  const index = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (index < 0) return undefined;
  let parent = trimmed.slice(0, index);
  if (parent === '') parent = trimmed[0] as string;
  else if (/^[A-Za-z]:$/.test(parent)) parent = `${parent}${trimmed[index] as string}`;
  return parent === path ? undefined : parent;
}

function normalizeDirectory(path: string): string {
  return /^(?:[A-Za-z]:)?[\\/]$/.test(path) ? path : path.replace(/[\\/]+$/, '');
}

function joinPath(directory: string, name: string): string {
  return /[\\/]$/.test(directory) ? `${directory}${name}` : `${directory}/${name}`;
}
