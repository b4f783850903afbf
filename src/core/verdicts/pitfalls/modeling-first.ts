// Modelling first: the model architecture comes before the problem is scoped (or with no scoping).
import type { CoverageFact, LocatedFacts } from '../../analysis/facts';
import { pitfallSpec } from '../../framework/pitfalls';
import type { ElementId } from '../../types';
import type { ModelingFirstVerdict, VerdictModule } from '../verdict';

const spec = pitfallSpec('modeling-first');

export const modelingFirst: VerdictModule = {
  verdict: 'modeling-first',
  judge: (facts, before) => judgeModelingFirst(facts, before.elements),
};

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
  const firstScopeLine = scopeLines.length ? Math.min(...scopeLines) : undefined;
  const present =
    firstModelLine !== undefined &&
    elements['model.selection'].status === 'present' &&
    (firstScopeLine === undefined || firstModelLine < firstScopeLine);
  const verdict: ModelingFirstVerdict = { present };
  if (firstModelLine !== undefined) verdict.firstModelLine = firstModelLine;
  if (firstScopeLine !== undefined) verdict.firstScopeLine = firstScopeLine;
  return verdict;
}
