import type { Finding, Severity } from '../../core/types';

/** What the CLI shows about a rule (`mlsd rules`, SARIF rule metadata). */
export interface RuleInfo {
  id: string;
  defaultSeverity: Severity;
  description: string;
  url: string;
}

/**
 * What the formatters need of one checked file. The rest of the analysis (the design-doc model) is
 * dropped as soon as a file is checked, so a run over thousands of files keeps a small heap.
 */
export interface CheckedFile {
  /** The path as shown to people: relative to the working directory with "/" separators, or "<stdin>". */
  displayPath: string;
  isDesignDoc: boolean;
  findings: Finding[];
}

/** A configuration problem with 1-based positions, in the file that holds it. */
export interface ShownConfigProblem {
  displayPath: string;
  severity: 'error' | 'warning';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** `--fix` fixes it (an unused directive's removal). */
  fixable: boolean;
}

export interface CheckOutput {
  files: CheckedFile[];
  configProblems: ShownConfigProblem[];
  rules: readonly RuleInfo[];
  version: string;
  /** ANSI colours in the text format (a terminal that wants them). */
  color?: boolean;
}
