// The public entry of the core: analysis, rules, fixes, templates, and the shared types.
export { analyze, configVocabulary } from './analyze';
export { computeSegmentSignals } from './analysis/signals';
export type { SegmentSignals } from './analysis/signals';
export { applyEdits } from './fixes/edits';
export { applyPreferredFixes, fixUntilStable } from './fixes/preferred';
export type { FixPass } from './fixes/preferred';
export { createAnalysisSession } from './incremental';
export type { AnalysisSession } from './incremental';
export { RULES, allRuleIds, ruleDocsPath, ruleDocsUrl, RULE_DOCS_BASE_URL } from './rules/index';
export type { Rule } from './rules/index';
export { renderTemplate, renderElementSkeleton, renderChecklistSkeleton } from './templates';
export type { TemplateKind } from './templates';
export * from './types';
