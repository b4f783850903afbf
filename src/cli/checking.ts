// Checking one document, the same on the main thread and in a worker thread: so output never
// depends on which thread checked a file.
import { analyze, fixUntilStable } from '../core';
import type { AnalysisResult, ConfigError, Finding, MlsdConfig } from '../core/types';

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

export function analyzeDocument(settings: DocumentSettings, text: string): AnalysisResult {
  return analyze(text, { config: settings.config, path: settings.pathForConfig });
}

/**
 * Analyses `text`; with `fix`, applies fixes until nothing more applies (bounded) and returns the
 * fixed text when it differs, for the caller to write. The findings are those left after fixing.
 */
export function checkText(settings: DocumentSettings, text: string, fix: boolean): { check: DocumentCheck; fixedText: string | undefined } {
  if (!fix) return { check: keep(analyzeDocument(settings, text)), fixedText: undefined };
  const fixed = fixUntilStable(text, (current) => analyzeDocument(settings, current));
  return { check: keep(fixed.result), fixedText: fixed.text === text ? undefined : fixed.text };
}

function keep(result: AnalysisResult): DocumentCheck {
  return { isDesignDoc: result.model.isDesignDoc, findings: result.findings, configErrors: result.configErrors };
}
