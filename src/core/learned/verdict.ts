// The learned element verdict, applied to the hand-written reading's facts: one call from the
// combiner once every element has its hand verdict. The model decides present / partial / missing;
// the guarantees the rest of mlsd relies on stay hard rules here, not weights:
// - an unfilled template (a skeleton, a snippet's prompts, a TODO) stays what the hand reading made
//   it (partial, reported as residue, worth no score), so inserting one never raises anything;
// - a constraint without a number stays partial (FRAMEWORK.md asks for a number with a unit);
// - a verdict above missing always points at evidence, and a heading naming the element with
//   content under it is never called missing (the fix would insert a second section);
// - a partial says what it lacks.
import type { CoverageFact, SectionNode } from '../analysis/facts';
import type { SegmentSignals } from '../analysis/signals';
import { RESIDUE_GAPS } from '../coverage-gaps';
import { ELEMENT_IDS, type ElementId } from '../types';
import { documentTotals, elementFeatures, type ElementHitGroup, type FeatureDocument } from './features';
import { ELEMENT_MODEL, learnedStatus, type ElementVerdictModel } from './model';

export interface LearnedVerdictInput {
  lines: readonly string[];
  signals: readonly SegmentSignals[];
  segments: readonly { startLine: number }[];
  sectionAt: (line: number) => SectionNode | undefined;
  /** Cue hits per element, by segment, in document order. */
  hits: ReadonlyMap<string, readonly ElementHitGroup[]>;
  /** Sections whose headings name each element, in document order. */
  naming: ReadonlyMap<ElementId, readonly SectionNode[]>;
}

export function applyLearnedVerdicts(elements: Record<ElementId, CoverageFact>, input: LearnedVerdictInput, model: ElementVerdictModel = ELEMENT_MODEL): void {
  const doc: FeatureDocument = { lines: input.lines, signals: input.signals, sectionAt: input.sectionAt };
  const totals = documentTotals(input.signals, input.segments);
  for (const id of ELEMENT_IDS) {
    const fact = elements[id];
    const named = (input.naming.get(id) ?? []).map((section) => ({ section, strength: section.elements.get(id)! }));
    const features = elementFeatures({ id, hand: fact, groups: input.hits.get(id) ?? [], named }, doc, totals);
    const evidence = fact.evidence ?? features.bestHit;
    const residue = fact.residueOnly || (fact.gap !== undefined && RESIDUE_GAPS.has(fact.gap));
    const reading = learnedStatus(model, features.values, {
      ...(residue || fact.gap === 'no-number' ? { fixed: fact.status } : {}),
      atLeastPartial: named.some(({ section, strength }) => strength === 'specific' && section.hasContent),
      hasEvidence: evidence !== undefined,
    });
    fact.learned = reading;
  }
}
