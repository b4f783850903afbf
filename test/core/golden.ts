// The golden summary of one fixture: the whole model and every finding in a diff-friendly form.
import { analyze } from '../../src/core';

export function goldenOf(text: string, file: string): unknown {
  const { model, findings, configErrors } = analyze(text, { path: file });
  return {
    model,
    findings: findings.map((finding) => ({
      at: `${finding.range.start.line + 1}:${finding.range.start.character + 1}-${finding.range.end.line + 1}:${finding.range.end.character + 1}`,
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      fixes: finding.fixes.map((fix) => fix.title),
    })),
    configErrors,
  };
}
