// Coverage of the scenario's checklist items, plus any the configuration requires: a heading naming
// the item with content below, else its cue phrases, of which one alone names the item without
// covering it.
import type { CoverageFact, LocatedFacts, SectionNode } from '../analysis/facts';
import { checklistItemSpec, scenarioSpec } from '../framework/scenarios';
import type { ScenarioId } from '../types';
import { judgeCoverage, sectionsNaming } from './coverage';
import { addressingPhrases, onlyExcluded } from './item-phrases';
import type { VerdictModule } from './verdict';

export const itemCoverage: VerdictModule = { verdict: 'items', judge: (facts, before) => judgeItems(facts, before.scenario.id) };

/** Distinct phrases that make cue phrases alone cover an item: one names it ("cold start" in a list of challenges). */
const PHRASES_FOR_PRESENT = 2;

const itemsNamed = (section: SectionNode): Iterable<string> => section.items;

function judgeItems(facts: LocatedFacts, scenario: ScenarioId): Map<string, CoverageFact> {
  const itemIds = [...(scenarioSpec(scenario)?.items.map((item) => item.id) ?? [])];
  for (const id of facts.config.requiredItems ?? []) if (checklistItemSpec(id) && !itemIds.includes(id)) itemIds.push(id);
  if (itemIds.length === 0) return new Map();
  const naming = sectionsNaming(facts.sections, itemsNamed);
  const items = new Map<string, CoverageFact>();
  for (const id of itemIds) {
    const groups = facts.itemHits.get(id) ?? [];
    const fact = judgeCoverage(2, groups, naming.get(id) ?? [], (section) => (section.items.has(id) ? 'specific' : undefined));
    if (fact.status === 'missing' || fact.section) items.set(id, fact);
    // Cue phrases said only to put the item out of the design do not address it at all.
    else if (onlyExcluded(groups, facts.lines)) items.set(id, { status: 'missing', residueOnly: false, score: fact.score });
    // Present by cue phrases (no naming section): it takes two phrases that address the item, not
    // one however strong, nor phrases said only to put it out of scope or ask about it.
    else if (fact.status === 'present' && addressingPhrases(groups, facts.lines, PHRASES_FOR_PRESENT) < PHRASES_FOR_PRESENT)
      items.set(id, { ...fact, status: 'partial', gap: 'passing-mention' });
    else items.set(id, fact);
  }
  return items;
}
