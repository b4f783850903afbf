// Modelling first: a detailed model with the problem never scoped.
import type { CoverageFact, LocatedFacts } from '../../analysis/facts';
import { pitfallSpec } from '../../framework/pitfalls';
import type { ElementId } from '../../types';
import type { ModelingFirstVerdict, VerdictModule } from '../verdict';
import { pitfallFeatures, readPitfall } from './learned';

const spec = pitfallSpec('modeling-first');

export const modelingFirst: VerdictModule = {
  verdict: 'modeling-first',
  judge: (facts, before) => judgeModelingFirst(facts, before.elements),
};

/**
 * The framework gives two signals: the model before the scoping, and no scoping at all next to a
 * detailed model. Only the second is reported: on the corpus's train and dev docs the labellers
 * agreed with the order alone on 2 of 15 docs (the scoping usually follows a model named in the
 * overview), and the learned features cannot tell the pitfall from noise either (see
 * scripts/train/pitfalls.ts), so the clear case is all that is reported.
 */
function judgeModelingFirst(facts: LocatedFacts, elements: Record<ElementId, CoverageFact>): ModelingFirstVerdict {
  const { sections } = facts;
  const modelSection = sections.find(
    (section) => section.elements.get('model.selection') === 'specific' || section.elements.has('model.baseline'),
  );
  let firstModelLine = modelSection?.startLine;
  const firstModel = facts.models.find((mention) => !mention.inReference);
  if (firstModel && (firstModelLine === undefined || firstModel.range.start.line < firstModelLine))
    firstModelLine = firstModel.range.start.line;
  // Scoping is the elements the pitfall rests on, where covered.
  const scopeLines = spec.restsOn
    .map((id) => elements[id])
    .filter((fact) => fact.status !== 'missing' && fact.evidence)
    .map((fact) => fact.evidence!.start.line);
  // A framing section with content ("Objective", "Clarify and scope") scopes the problem too.
  const framing = sections.find((section) => section.parts.has('framing') && !section.parts.has('model') && !section.hollow);
  if (framing) scopeLines.push(framing.startLine);
  const hand = firstModelLine !== undefined && elements['model.selection'].status === 'present' && scopeLines.length === 0;
  const verdict: ModelingFirstVerdict = readPitfall(spec.id, pitfallFeatures(spec, facts, elements, hand), hand);
  if (firstModelLine !== undefined) verdict.firstModelLine = firstModelLine;
  return verdict;
}
