// Runs every rule over the analysed document: applies the configured severity (or skips the rule),
// stamps IDs, adds the suppression fix, drops what inline comments suppress, and sorts by position.
import type { DocumentFacts } from '../analysis/facts';
import { lineBreakOf, withLineBreak } from '../fixes/edits';
import { createSuppression, suppressionFix, type UnusedDirective } from '../suppression';
import type { Finding, Fix, RuleSetting } from '../types';
import { RULES } from './index';

export function settingFor(facts: DocumentFacts, ruleId: string, base: string): RuleSetting | undefined {
  const rules = facts.config.rules;
  return rules?.[ruleId] ?? rules?.[base];
}

/** The findings no comment silences, and the directive IDs that silenced none. */
export function runRules(facts: DocumentFacts): { findings: Finding[]; unusedDirectives: UnusedDirective[] } {
  const findings: Finding[] = [];
  // Fixes are written with "\n"; a CRLF document gets CRLF in every line a fix adds.
  const lineBreak = lineBreakOf(facts.text);
  const inDocumentLineBreaks = (fix: Fix): Fix =>
    lineBreak === '\n' ? fix : { ...fix, edits: fix.edits.map((edit) => ({ ...edit, newText: withLineBreak(edit.newText, lineBreak) })) };
  for (const rule of RULES) {
    for (const report of rule.check(facts)) {
      const ruleId = report.sub ? `${rule.id}/${report.sub}` : rule.id;
      const setting = settingFor(facts, ruleId, rule.id) ?? rule.defaultSeverity;
      if (setting === 'off') continue;
      findings.push({
        ruleId,
        subject: report.subject,
        severity: setting,
        message: report.message,
        range: report.range,
        fixes: [...(report.fixes ?? []), disableFix(facts, ruleId, report.range.start.line)].map(inDocumentLineBreaks),
        related: report.related ?? [],
      });
    }
  }
  const suppression = createSuppression(facts.directives);
  const kept = findings
    .filter((finding) => !suppression.isSuppressed(finding))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { findings: kept, unusedDirectives: suppression.unused() };
}

/** "Disable … for this line", or for the code or HTML block the line sits in when no comment can go on or above the line. */
function disableFix(facts: DocumentFacts, ruleId: string, line: number): Fix {
  const { scope, edits } = suppressionFix(facts, ruleId, line);
  return { kind: 'disable-line', title: `Disable ${ruleId} for this ${scope}`, edits };
}
