// The `.mlsd.json|jsonc|yaml|yml` that applies to a document: the nearest one upward from it, up to
// its workspace folder, read from the client's buffer when the file is open there (an unsaved edit
// counts) and from disk otherwise. A broken config file gets diagnostics at its located ranges, and
// documents are still checked with whatever part of it was valid.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { configVocabulary } from '../core';
import { CONFIG_FILE_NAMES, loadNearestConfig, type LoadedConfig } from '../core/config';
import { configErrorToDiagnostic } from './convert';
import { filePathOf, fileUriOf } from './uris';

const NO_CONFIG: LoadedConfig = { file: undefined, config: {}, problems: [] };

export function isConfigFile(uri: string): boolean {
  const file = filePathOf(uri);
  return file !== undefined && (CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(file));
}

export interface ConfigHooks {
  /** The text of an open document, by file path; undefined when it is not open. */
  openText(file: string): string | undefined;
  /** The workspace folder (a path) that holds this file, if any: discovery stops there. */
  folderOf(file: string): string | undefined;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** A config could not be read for a reason other than its content (a bug, not the user's doing). */
  logError(message: string): void;
}

export class ProjectConfigs {
  /** Per document directory: the config that applies there. */
  private readonly byDirectory = new Map<string, Promise<LoadedConfig>>();
  /** Config files whose problems are shown, so they can be cleared when the file changes. */
  private readonly shown = new Set<string>();
  private generation = 0;

  constructor(private readonly hooks: ConfigHooks) {}

  /** Changes whenever the configs may have changed; cached analyses compare it. */
  get stamp(): number {
    return this.generation;
  }

  /** The config for a document; never rejects (an unreadable file is as good as none). */
  forDocument(uri: string): Promise<LoadedConfig> {
    const file = filePathOf(uri);
    if (file === undefined) return Promise.resolve(NO_CONFIG);
    const directory = path.dirname(file);
    let config = this.byDirectory.get(directory);
    if (!config) {
      config = this.load(file);
      this.byDirectory.set(directory, config);
    }
    return config;
  }

  /** A config file was created, edited or deleted: read them all again on the next check. */
  invalidate(): void {
    this.generation++;
    this.byDirectory.clear();
    for (const uri of this.shown) this.hooks.publish(uri, []);
    this.shown.clear();
  }

  private async load(documentPath: string): Promise<LoadedConfig> {
    const generation = this.generation;
    try {
      const loaded = await loadNearestConfig(
        documentPath,
        { readFile: (file) => this.read(file) },
        configVocabulary(),
        this.hooks.folderOf(documentPath),
      );
      if (loaded.file !== undefined && generation === this.generation) {
        const uri = fileUriOf(loaded.file);
        this.shown.add(uri);
        this.hooks.publish(uri, loaded.problems.map(configErrorToDiagnostic));
      }
      return loaded;
    } catch (error) {
      this.hooks.logError(
        `reading the mlsd config for ${documentPath} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return NO_CONFIG;
    }
  }

  private async read(file: string): Promise<string | undefined> {
    const open = this.hooks.openText(file);
    if (open !== undefined) return open;
    try {
      return await fs.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
  }
}
