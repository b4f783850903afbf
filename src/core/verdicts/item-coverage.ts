// Coverage of the scenario's checklist items, plus any the configuration requires: the hand reading
// (a heading naming the item, else its cue phrases) and then the model fitted on the labelled
// corpus, which settles each item's status from that reading and the context of its phrases.
import type { CoverageFact, LocatedFacts } from '../analysis/facts';
import { RESIDUE_GAPS } from '../coverage-gaps';
import { checklistItemSpec, scenarioSpec } from '../framework/scenarios';
import { documentTotals } from '../learned/features';
import { itemFeatures, type ItemFeatureDocument } from '../learned/item-features';
import { ITEM_MODEL, learnedItemStatus, type ItemVerdictModel } from '../learned/item-model';
import type { ScenarioId } from '../types';
import { judgeCoverage, sectionsNaming } from './coverage';
import type { VerdictModule } from './verdict';

export const itemCoverage: VerdictModule = {
  verdict: 'items',
  judge: (facts, before) => judgeItems(facts, before.scenario.id),
};

export function judgeItems(facts: LocatedFacts, scenario: ScenarioId, model: ItemVerdictModel = ITEM_MODEL): Map<string, CoverageFact> {
  const itemIds = [...(scenarioSpec(scenario)?.items.map((item) => item.id) ?? [])];
  for (const id of facts.config.requiredItems ?? []) if (checklistItemSpec(id) && !itemIds.includes(id)) itemIds.push(id);
  if (itemIds.length === 0) return new Map();
  const naming = sectionsNaming(facts.sections, (section) => section.items);
  const doc: ItemFeatureDocument = {
    lines: facts.lines,
    segments: facts.segments,
    sectionAt: facts.sectionAt,
    totals: documentTotals(facts.segments),
  };
  const items = new Map<string, CoverageFact>();
  for (const id of itemIds) {
    const groups = facts.itemHits.get(id) ?? [];
    const named = naming.get(id) ?? [];
    const fact = judgeCoverage(2, groups, named, (section) => (section.items.has(id) ? 'specific' : undefined), facts.sectionAt);
    settleByModel(
      fact,
      itemFeatures({ id, hand: fact, groups, named }, doc),
      named.some((section) => section.hasContent),
      model,
    );
    items.set(id, fact);
  }
  return items;
}

/**
 * The model's status, within hard bounds: an unfilled template stays what the hand reading made it
 * (residue, so inserting a skeleton raises nothing), a heading naming the item with content is
 * never missing, and a verdict above missing always points at evidence.
 */
function settleByModel(fact: CoverageFact, features: ReturnType<typeof itemFeatures>, named: boolean, model: ItemVerdictModel): void {
  const residue = fact.residueOnly || (fact.gap !== undefined && RESIDUE_GAPS.has(fact.gap));
  const evidence = fact.evidence ?? features.bestHit;
  const reading = learnedItemStatus(model, features.values, {
    hand: fact.status,
    ...(residue ? { fixed: fact.status } : {}),
    atLeastPartial: named,
    hasEvidence: evidence !== undefined,
  });
  fact.learned = reading;
  if (reading.status === fact.status) return;
  fact.status = reading.status;
  if (reading.status === 'missing') {
    delete fact.evidence;
    delete fact.section;
    delete fact.gap;
    return;
  }
  fact.evidence = evidence;
  if (reading.status === 'present') delete fact.gap;
  else fact.gap = 'passing-mention';
}
