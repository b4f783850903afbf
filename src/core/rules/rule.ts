// What a rule is: a stable kebab-case ID, a default severity, one sentence, a docs page, and a check
// that reads the analysed document and reports located problems. The engine stamps the ID, the
// configured severity and the suppression fix on every report, so rules stay small.
import type { DocumentFacts } from '../analysis/facts';
import type { FindingSubject, Fix, Range, RelatedLocation, Severity } from '../types';

/** Docs pages live in the repository as docs/rules/<id>.md; every link is built from this one base. */
export const RULE_DOCS_BASE_URL = 'https://example.invalid/mlsd/blob/main/';

export interface RuleReport {
  /** Appended to the rule ID as "rule-id/sub" (e.g. the element a finding is about). */
  sub?: string;
  subject: FindingSubject;
  message: string;
  range: Range;
  fixes?: Fix[];
  related?: RelatedLocation[];
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  description: string;
  /** Every sub-ID this rule can report, for configuration and suppression vocabularies. */
  subIds?: readonly string[];
  check(facts: DocumentFacts): RuleReport[];
}

/** Where a rule's page lives in the repository and in the packages, given its ID or a "rule-id/sub" finding ID. */
export function ruleDocsPath(ruleId: string): string {
  return `docs/rules/${ruleId.split('/')[0]}.md`;
}

/** The docs page of a rule on the web, given its ID or a "rule-id/sub" finding ID. */
export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}${ruleDocsPath(ruleId)}`;
}
