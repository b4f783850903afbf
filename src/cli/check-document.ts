// Checking one document, the same on the main thread and in a worker thread: so output never
// depends on which thread checked a file.
import { analyze, fixUntilStable } from '../core';
import type { AnalysisResult, ConfigError, Finding, MlsdConfig } from '../core/types';
import { decodeDocument, encodeDocument } from './encoding';

/** A document's configuration, as resolved on the main thread (plain data, so it crosses to workers). */
export interface DocumentSettings {
  config: MlsdConfig;
  /** The path the core matches `include`/`ignore` against: relative to the config file's directory. */
  pathForConfig: string;
}

/** What `check` keeps of one document's analysis. */
export interface DocumentCheck {
  isDesignDoc: boolean;
  findings: Finding[];
  /** Problems in the front-matter `mlsd:` block. */
  configErrors: ConfigError[];
}

/**
 * What happened to one file: checked (and with --fix left as it was), changed (fixed and written),
 * skipped (not text, or text --fix cannot write back exactly) or failed (not read, not analysed or
 * not written). `note` says why, for the file's line on stderr.
 */
export interface FileOutcome {
  status: 'checked' | 'changed' | 'skipped' | 'failed';
  /** The findings; absent when the file was skipped as binary or could not be read or analysed. */
  check?: DocumentCheck;
  note?: string;
}

/** The file access a check needs, from the CLI's host on the main thread or node:fs in a worker. */
export interface DocumentFiles {
  readBytes(path: string): Promise<Uint8Array>;
  replaceFile(path: string, bytes: Uint8Array): Promise<void>;
}

export function analyzeWithSettings(settings: DocumentSettings, text: string): AnalysisResult {
  return analyze(text, { config: settings.config, path: settings.pathForConfig });
}

/**
 * Analyses `text`; with `fix`, applies fixes until nothing more applies and returns the fixed text
 * when it differs, for the caller to write. The findings are those left after fixing.
 */
export function checkText(settings: DocumentSettings, text: string, fix: boolean): { check: DocumentCheck; fixedText: string | undefined } {
  if (!fix) return { check: keep(analyzeWithSettings(settings, text)), fixedText: undefined };
  const fixed = fixUntilStable(text, (current) => analyzeWithSettings(settings, current));
  return { check: keep(fixed.result), fixedText: fixed.text === text ? undefined : fixed.text };
}

/**
 * Reads, checks and (with `fix`) rewrites one file, never throwing: whatever goes wrong is this
 * file's outcome, and the run goes on with the next file.
 */
export async function checkFile(
  absolutePath: string,
  settings: DocumentSettings,
  fix: boolean,
  files: DocumentFiles,
): Promise<FileOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = await files.readBytes(absolutePath);
  } catch (error) {
    return { status: 'failed', note: `cannot read: ${reason(error)}` };
  }
  const decoded = decodeDocument(bytes);
  if (decoded.kind === 'binary') return { status: 'skipped', note: `skipped: ${decoded.reason}` };
  const refused = fix ? decoded.notWritable : undefined;
  let checked: { check: DocumentCheck; fixedText: string | undefined };
  try {
    checked = checkText(settings, decoded.text, fix && refused === undefined);
  } catch (error) {
    return { status: 'failed', note: `internal error while analysing (please report it): ${reason(error)}` };
  }
  const { check, fixedText } = checked;
  if (refused !== undefined) return { status: 'skipped', check, note: `not fixed: ${refused}; the file was left untouched` };
  const warning = decoded.notWritable === undefined ? {} : { note: `warning: ${decoded.notWritable}` };
  if (fixedText === undefined) return { status: 'checked', check, ...warning };
  try {
    await files.replaceFile(absolutePath, encodeDocument(fixedText, decoded));
  } catch (error) {
    // The file is as it was, so its findings are the unfixed text's: they are still reported.
    const unfixed = checkText(settings, decoded.text, false).check;
    return { status: 'failed', check: unfixed, note: `cannot write the fixes (the file is unchanged): ${reason(error)}` };
  }
  return { status: 'changed', check };
}

/** What went wrong, in words: the system's own for the usual file errors, not its code and path. */
export function reason(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}

function keep(result: AnalysisResult): DocumentCheck {
  return { isDesignDoc: result.model.isDesignDoc, findings: result.findings, configErrors: result.configErrors };
}
