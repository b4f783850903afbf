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
 * The framework gives two signals: the model before the scoping, and the scoping thin next to a
 * detailed model. The learned verdict reads both as degrees (the scoping's status and section size,
 * how much deeper the text goes into the model than into the scoping, how much later it reaches the
 * scoping than the model); the hand rule (no scoping at all next to a present model) decides where
 * the model does not beat it. Either is reported only where there is a model to point at.
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
  // Or where the model selection is evidenced, for a model named without a section of its own.
  const selection = elements['model.selection'];
  if (
    selection.status !== 'missing' &&
    selection.evidence &&
    (firstModelLine === undefined || selection.evidence.start.line < firstModelLine)
  )
    firstModelLine = selection.evidence.start.line;
  // Scoping is the elements the pitfall rests on, where covered.
  const scopeLines = spec.restsOn
    .map((id) => elements[id])
    .filter((fact) => fact.status !== 'missing' && fact.evidence)
    .map((fact) => fact.evidence!.start.line);
  // A framing section with content ("Objective", "Clarify and scope") scopes the problem too.
  const framing = sections.find((section) => section.parts.has('framing') && !section.parts.has('model') && !section.hollow);
  if (framing) scopeLines.push(framing.startLine);
  const hand = firstModelLine !== undefined && elements['model.selection'].status === 'present' && scopeLines.length === 0;
  // A model line to point at, and a model the text at least touches on: no model, no modelling first.
  const reportable = firstModelLine !== undefined && elements['model.selection'].status !== 'missing';
  const verdict: ModelingFirstVerdict = readPitfall(spec.id, pitfallFeatures(spec, facts, elements, hand), reportable);
  if (firstModelLine !== undefined) verdict.firstModelLine = firstModelLine;
  return verdict;
}
