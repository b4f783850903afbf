// Core values → VS Code values. Core positions are already LSP-style (0-based, UTF-16), so ranges
// map one to one.
import * as vscode from 'vscode';
import type { RuleDocs } from './ruleDocs';
import type { ConfigError, Finding, Range, Severity, TextEdit } from '../core/types';

export const DIAGNOSTIC_SOURCE = 'mlsd';

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toVsRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function toVsSeverity(severity: Severity): vscode.DiagnosticSeverity {
  return SEVERITIES[severity];
}

/** A configuration problem, shown where it is written (a config file, or the doc's front matter). */
export function configErrorToDiagnostic(problem: ConfigError): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toVsRange(problem.range), problem.message, toVsSeverity(problem.severity));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}

export function toDiagnostic(finding: Finding, uri: vscode.Uri, docs: RuleDocs): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toVsRange(finding.range), finding.message, toVsSeverity(finding.severity));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: docs.uriOf(finding.ruleId) };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map(
      (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toVsRange(related.range)), related.message),
    );
  }
  return diagnostic;
}

export function toVsTextEdit(edit: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toVsRange(edit.range), edit.newText);
}

/** The rule ID of one of our diagnostics, or undefined for anybody else's. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

/** Whether a diagnostic shown in the editor is the one made from this problem of the document's comments or front matter. */
export function sameProblem(diagnostic: vscode.Diagnostic, problem: ConfigError): boolean {
  return diagnostic.code === undefined && diagnostic.range.isEqual(toVsRange(problem.range)) && diagnostic.message === problem.message;
}

/** Whether a diagnostic shown in the editor is the one made from this finding. */
export function sameFinding(diagnostic: vscode.Diagnostic, finding: Finding): boolean {
  return (
    ruleIdOf(diagnostic) === finding.ruleId && diagnostic.range.isEqual(toVsRange(finding.range)) && diagnostic.message === finding.message
  );
}
