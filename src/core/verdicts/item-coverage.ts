// Coverage of the scenario's checklist items, plus any the configuration requires.
import type { CoverageFact, LocatedFacts } from '../analysis/facts';
import { checklistItemSpec, scenarioSpec } from '../framework/scenarios';
import type { ScenarioId } from '../types';
import { judgeCoverage, sectionsNaming } from './coverage';
import type { VerdictModule } from './verdict';

export const itemCoverage: VerdictModule = { verdict: 'items', judge: (facts, before) => judgeItems(facts, before.scenario.id) };

function judgeItems(facts: LocatedFacts, scenario: ScenarioId): Map<string, CoverageFact> {
  const itemIds = [...(scenarioSpec(scenario)?.items.map((item) => item.id) ?? [])];
  for (const id of facts.config.requiredItems ?? []) if (checklistItemSpec(id) && !itemIds.includes(id)) itemIds.push(id);
  if (itemIds.length === 0) return new Map();
  const naming = sectionsNaming(facts.sections, (section) => section.items);
  const items = new Map<string, CoverageFact>();
  for (const id of itemIds) {
    items.set(
      id,
      judgeCoverage(2, facts.itemHits.get(id) ?? [], naming.get(id) ?? [], (section) => (section.items.has(id) ? 'specific' : undefined)),
    );
  }
  return items;
}
