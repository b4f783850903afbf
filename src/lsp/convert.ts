// Core values → protocol values. Core positions are already LSP positions (0-based lines, UTF-16
// characters), so ranges pass through unchanged.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ConfigError, Finding, Range, Severity } from '../core/types';

export const DIAGNOSTIC_SOURCE = 'mlsd';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A configuration problem, shown where it is written (a config file, or the doc's front matter). */
export function configErrorToDiagnostic(problem: ConfigError): Diagnostic {
  return { range: problem.range, message: problem.message, severity: SEVERITIES[problem.severity], source: DIAGNOSTIC_SOURCE };
}

export function toDiagnostic(finding: Finding, uri: string, docsUrl: (ruleId: string) => string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    message: finding.message,
    severity: SEVERITIES[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
  };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri, range: related.range },
      message: related.message,
    }));
  }
  return diagnostic;
}

/** Whether a diagnostic the client sends back (with a code action request) is the one made from this finding. */
export function sameFinding(diagnostic: Diagnostic, finding: Finding): boolean {
  return String(diagnostic.code) === finding.ruleId && sameShown(diagnostic, finding);
}

/** Whether a diagnostic the client sends back is the one made from this problem of the document's comments or front matter. */
export function sameProblem(diagnostic: Diagnostic, problem: ConfigError): boolean {
  return diagnostic.code === undefined && sameShown(diagnostic, problem);
}

function sameShown(diagnostic: Diagnostic, shown: { message: string; range: Range }): boolean {
  const { start, end } = diagnostic.range;
  const range = shown.range;
  return (
    diagnostic.source === DIAGNOSTIC_SOURCE &&
    diagnostic.message === shown.message &&
    start.line === range.start.line &&
    start.character === range.start.character &&
    end.line === range.end.line &&
    end.character === range.end.character
  );
}
