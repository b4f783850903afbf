import path from 'node:path';
import { matchesGlob } from '../core/analysis/glob';
import { loadConfigFile, loadNearestConfig, type ConfigHost, type LoadedConfig } from '../core/config';
import type { ConfigError } from '../core/types';
import type { DocumentSettings } from './check-document';
import type { CliContext } from './context';
import { decodeDocument } from './encoding';
import { reason } from './check-document';
import { expandOperands, isExclusion, toSlashes } from './files';
import type { ShownConfigProblem } from './formatters/types';
import { InputError } from './usage-error';
import { CONFIG_VOCABULARY } from '../core/config/vocabulary';

export const STDIN_OPERAND = '-';
export const STDIN_DISPLAY_PATH = '<stdin>';

/** A document to check with its configuration, before its text is read. */
export interface PlannedDocument extends DocumentSettings {
  /** Absolute path, or undefined for stdin. */
  absolutePath: string | undefined;
  displayPath: string;
}

export interface DocumentToCheck extends PlannedDocument {
  text: string;
}

/**
 * Resolves operands to documents with their configuration: the --config file when given, else the
 * nearest config file of each document (read once per directory). Documents matching the config's
 * `ignore` globs are left out. Configuration problems are collected once per file, with 1-based positions.
 */
export class DocumentSet {
  private readonly configByDirectory = new Map<string, Promise<LoadedConfig>>();
  private readonly problems = new Map<string, ShownConfigProblem>();
  private readonly explicitConfig: Promise<LoadedConfig> | undefined;
  private readonly explicitConfigFile: { given: string; absolute: string } | undefined;
  /** Sibling directories look for the same ancestors' config files: read each candidate once. */
  private readonly configHost: ConfigHost;

  /** How many documents `documents()` could not read. */
  failed = 0;

  constructor(
    private readonly context: CliContext,
    configFile: string | undefined,
  ) {
    const reads = new Map<string, Promise<string | undefined>>();
    this.configHost = {
      readFile: (file) => {
        let pending = reads.get(file);
        if (!pending) {
          pending = context.host.readFile(file);
          reads.set(file, pending);
        }
        return pending;
      },
    };
    if (configFile !== undefined) {
      this.explicitConfigFile = { given: configFile, absolute: path.resolve(context.cwd, configFile) };
      this.explicitConfig = loadConfigFile(this.explicitConfigFile.absolute, context.host, CONFIG_VOCABULARY);
    }
  }

  /** `--config` naming nothing to read is a usage error: nothing is checked with defaults instead. */
  private async checkExplicitConfig(): Promise<void> {
    if (!this.explicitConfigFile) return;
    const kind = await this.context.host.kindOf(this.explicitConfigFile.absolute);
    if (kind === 'directory') throw new InputError(`--config ${this.explicitConfigFile.given} is a directory, not a configuration file.`);
    if (kind !== 'file') throw new InputError(`No such configuration file: ${this.explicitConfigFile.given}`);
  }

  /**
   * The documents the operands name, in a stable order, with their configuration; stdin last.
   * Texts are not read yet, so they can be read by whichever thread checks them.
   */
  async plan(operands: readonly string[]): Promise<PlannedDocument[]> {
    await this.checkExplicitConfig();
    const fileOperands = operands.filter((operand) => operand !== STDIN_OPERAND);
    if (fileOperands.length > 0 && fileOperands.every(isExclusion) && !operands.includes(STDIN_OPERAND))
      throw new InputError(`Only exclusions given (${fileOperands.join(' ')}): name the files, folders or globs to check too.`);
    const files = await expandOperands(fileOperands, this.context.cwd, this.context.host);
    if (files.length === 0 && fileOperands.length > 0 && fileOperands.length === operands.length) {
      throw new InputError(`No Markdown files found in ${fileOperands.join(' ')}.`);
    }
    const planned: PlannedDocument[] = [];
    // The patterns that left out a file found in a folder or by a glob (not one named outright).
    const unnamedIgnores = new Set<string>();
    for (const file of files) {
      const loaded = await this.configFor(file);
      const pathForConfig = this.pathForConfig(loaded, file.absolute);
      // The core's glob semantics, so the CLI skips exactly what the editor would leave alone.
      const ignoredBy = loaded.config.ignore?.find((glob) => matchesGlob(pathForConfig, glob));
      if (ignoredBy !== undefined) {
        // A file named on the command line is not skipped in silence (as ESLint says too).
        if (file.named) this.context.stderr(`${file.display}: not checked: the config's ignore pattern "${ignoredBy}" matches it\n`);
        else unnamedIgnores.add(ignoredBy);
        continue;
      }
      planned.push({ absolutePath: file.absolute, displayPath: file.display, config: loaded.config, pathForConfig });
    }
    // As ESLint does: a run that checks nothing because the config ignores all it found is no pass.
    if (planned.length === 0 && unnamedIgnores.size > 0 && !operands.includes(STDIN_OPERAND)) {
      const patterns = [...unnamedIgnores].map((glob) => `"${glob}"`).join(', ');
      throw new InputError(
        `Every Markdown file in ${fileOperands.join(' ')} is ignored by the config's ignore pattern${unnamedIgnores.size > 1 ? 's' : ''} ${patterns}; nothing was checked.`,
      );
    }
    if (operands.includes(STDIN_OPERAND)) {
      // Standard input is taken as a document in the working directory, for config discovery and globs.
      const standIn = path.join(this.context.cwd, 'stdin.md');
      const loaded = await this.configFor({ absolute: standIn });
      planned.push({
        absolutePath: undefined,
        displayPath: STDIN_DISPLAY_PATH,
        config: loaded.config,
        pathForConfig: this.pathForConfig(loaded, standIn),
      });
    }
    return planned;
  }

  /**
   * The document's text as the editor shows it (decoded by its byte order mark, which is left out),
   * from its file or from stdin. `check` reads files through `checkFile` instead, which also writes.
   */
  async read(document: PlannedDocument): Promise<string> {
    if (document.absolutePath === undefined) return stripByteOrderMark(await this.context.readStdin());
    let bytes: Uint8Array;
    try {
      bytes = await this.context.host.readBytes(document.absolutePath);
    } catch (error) {
      throw unreadable(document, error);
    }
    const decoded = decodeDocument(bytes);
    if (decoded.kind === 'binary') throw new SkippedDocument(`skipped: ${decoded.reason}`);
    return decoded.text;
  }

  /**
   * The documents with their texts, as `check` takes them: a binary file is skipped and a file that
   * cannot be read fails, each named on stderr, and the others are still read. `failed` counts those.
   */
  async *documents(operands: readonly string[]): AsyncGenerator<DocumentToCheck> {
    for (const document of await this.plan(operands)) {
      let text: string;
      try {
        text = await this.read(document);
      } catch (error) {
        if (error instanceof SkippedDocument) this.context.stderr(`${document.displayPath}: ${error.message}\n`);
        else if (error instanceof InputError) {
          this.failed++;
          this.context.stderr(`${error.message}\n`);
        } else throw error;
        continue;
      }
      yield { ...document, text };
    }
  }

  /**
   * Front-matter problems come back from analysis; they are shown in the document they belong to.
   */
  addProblems(displayPath: string, problems: readonly ConfigError[]): void {
    for (const problem of problems) {
      const shown: ShownConfigProblem = {
        displayPath,
        severity: problem.severity,
        message: problem.message,
        line: problem.range.start.line + 1,
        column: problem.range.start.character + 1,
        endLine: problem.range.end.line + 1,
        endColumn: problem.range.end.character + 1,
        fixable: problem.fix?.isPreferred === true,
      };
      this.problems.set(`${displayPath}:${shown.line}:${shown.column}:${shown.message}`, shown);
    }
  }

  get configProblems(): ShownConfigProblem[] {
    return [...this.problems.values()];
  }

  private configFor(file: { absolute: string }): Promise<LoadedConfig> {
    const pending = this.explicitConfig ?? this.nearestConfig(path.dirname(file.absolute));
    return pending.then((loaded) => {
      if (loaded.file) this.addProblems(this.display(loaded.file), loaded.problems);
      return loaded;
    });
  }

  /** Globs in a config file are relative to its directory (to the working directory without one). */
  private pathForConfig(loaded: LoadedConfig, absolute: string): string {
    return toSlashes(path.relative(loaded.file ? path.dirname(loaded.file) : this.context.cwd, absolute));
  }

  private nearestConfig(directory: string): Promise<LoadedConfig> {
    let pending = this.configByDirectory.get(directory);
    if (!pending) {
      // The search starts in the directory of the path it is given; any file name in `directory` will do.
      pending = loadNearestConfig(path.join(directory, 'document.md'), this.configHost, CONFIG_VOCABULARY);
      this.configByDirectory.set(directory, pending);
    }
    return pending;
  }

  private display(absolute: string): string {
    return toSlashes(path.relative(this.context.cwd, absolute)) || '.';
  }
}

/** A document that is not text (binary): left out with a note, as `check` does. */
class SkippedDocument extends Error {}

export function unreadable(document: PlannedDocument, error?: unknown): InputError {
  return new InputError(`Cannot read ${document.displayPath}${error === undefined ? '' : `: ${reason(error)}`}.`);
}

/** An editor hides a UTF-8 byte order mark, so the analysis must not see it either (the first line would not be a heading). */
function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
