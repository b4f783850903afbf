// The rule list, in the order findings are reported for the same spot.
import { frontMatter } from './front-matter';
import { hiddenContent } from './hidden-content';
import { ignoredData } from './ignored-data';
import { metricChain } from './metric-chain';
import { metricTaskMismatch } from './metric-task-mismatch';
import { missingElement } from './missing-element';
import { missingTradeoffs } from './missing-tradeoffs';
import { modelingFirst } from './modeling-first';
import { noOnlineMetric } from './no-online-metric';
import { overEngineering } from './over-engineering';
import { productionGaps } from './production-gaps';
import type { Rule } from './rule';
import { scenarioChecklist } from './scenario-checklist';
import { templateResidue } from './template-residue';
import { trainingObjectiveMismatch } from './training-objective-mismatch';

export const RULES: readonly Rule[] = [
  frontMatter,
  missingElement,
  templateResidue,
  hiddenContent,
  metricTaskMismatch,
  metricChain,
  noOnlineMetric,
  trainingObjectiveMismatch,
  modelingFirst,
  ignoredData,
  overEngineering,
  productionGaps,
  scenarioChecklist,
  missingTradeoffs,
];

/** Every ID a configuration or a suppression comment may name: rule IDs and "rule-id/sub" IDs. */
export function allRuleIds(): string[] {
  return RULES.flatMap((rule) => [rule.id, ...(rule.subIds ?? []).map((sub) => `${rule.id}/${sub}`)]);
}

export type { Rule, RuleReport } from './rule';
export { ruleDocsPath, ruleDocsUrl, RULE_DOCS_BASE_URL } from './rule';
