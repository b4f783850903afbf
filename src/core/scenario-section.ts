// "Insert Scenario Section…" for a scenario's checklist: only the items the document does not cover
// yet, as one section where the template puts the checklist (after everything else), so inserting it
// never repeats what the doc already says nor lowers its score with skeletons of covered items.
import { analyzeFacts } from './analyze';
import { checklistInsertion } from './fixes/insert';
import { scenarioSpec, type ChecklistScenarioId } from './framework/scenarios';
import type { TextEdit } from './types';

/** The insertion for the scenario's missing checklist items; undefined when the doc covers them all. */
export function scenarioSectionInsertion(text: string, scenario: ChecklistScenarioId): TextEdit | undefined {
  const items = scenarioSpec(scenario)?.items ?? [];
  // Requiring the items judges them whatever scenario the document itself is about.
  const facts = analyzeFacts(text, { config: { requiredItems: items.map((item) => item.id) } });
  const missing = items.filter((item) => facts.items.get(item.id)?.status === 'missing');
  return missing.length > 0 ? checklistInsertion(facts, scenario, missing) : undefined;
}
