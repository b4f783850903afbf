// Over-engineering: a complex model with no baseline and no reason given why simpler fails.
import type { CoverageFact, LocatedFacts, ModelMention, SectionNode } from '../../analysis/facts';
import { onlyResidueGaps } from '../../coverage-gaps';
import { pitfallSpec } from '../../framework/pitfalls';
import type { ElementId, Range } from '../../types';
import type { OverEngineeringVerdict, VerdictModule } from '../verdict';
import { pitfallFeatures, readPitfall } from './learned';

const spec = pitfallSpec('over-engineering');

export const overEngineering: VerdictModule = {
  verdict: 'over-engineering',
  judge: (facts, before) => judgeOverEngineering(facts, before.elements),
};

/**
 * The hand rule: complexity is earned by a baseline (a simple model or the current solution) or by
 * a reason given where the complex model is named; models named in reference sections are someone
 * else's, and an encoder named under feature engineering makes features (embeddings), it is not the
 * model chosen. The learned verdict must confirm it: on the corpus the rule alone is mostly wrong (LLM
 * services and outlines that name a network in passing), so the pitfall is reported rarely.
 */
function judgeOverEngineering(facts: LocatedFacts, elements: Record<ElementId, CoverageFact>): OverEngineeringVerdict {
  const judged = facts.models.filter((mention) => !mention.inReference && !featuresOnly(facts.sectionAt(mention.range.start.line)));
  const unjustified = judged.some((mention) => !mention.justified);
  const justifiedSomewhere = facts.simplerFails || judged.some((mention) => mention.justified);
  // A model baseline mentioned at all, or the current solution (the framing's baseline) covered. A
  // heading over a TODO is no baseline: fix-all's skeleton must not clear the pitfall it names.
  const baseline = spec.restsOn.some((id) =>
    id === 'model.baseline' ? elements[id].status !== 'missing' && !residueOnly(elements[id]) : elements[id].status === 'present',
  );
  const hand = unjustified && !justifiedSomewhere && !baseline;
  const verdict: OverEngineeringVerdict = readPitfall(spec.id, pitfallFeatures(spec, facts, elements, hand), hand);
  // Point at a model the verdict judged, unjustified, and named in the text, not in a link's text (a
  // table of contents, a documentation link) or a tag: that is where the writer chose it.
  const inText = (mention: ModelMention): boolean => !inLinkOrTag(facts.lines[mention.range.start.line] ?? '', mention.range);
  const first =
    judged.find((mention) => !mention.justified && inText(mention)) ??
    judged.find((mention) => !mention.justified) ??
    judged[0] ??
    facts.models[0];
  if (first) verdict.firstComplexModel = first.range;
  return verdict;
}

/** Whether the mention sits in a link's text ("[Two-Tower Architecture](#two-tower)") or a tag ("#two-tower-model"); a link's address holds no mention (content-scan). */
function inLinkOrTag(line: string, range: Range): boolean {
  if (range.start.line !== range.end.line) return false;
  const before = line.slice(0, range.start.character);
  const after = line.slice(range.end.character);
  const openBracket = before.lastIndexOf('[');
  const inBrackets = openBracket > before.lastIndexOf(']') && /^[^[\]]*\]\(/.test(after);
  return inBrackets || /#[\w-]*$/.test(before);
}

/** Partial only as an unfilled template section, and not mentioned elsewhere in the text. */
const residueOnly = (fact: CoverageFact): boolean => onlyResidueGaps([fact]) && !fact.mentionedElsewhere;

/** A section about features and not about the model. */
const featuresOnly = (section: SectionNode | undefined): boolean =>
  section !== undefined && section.parts.has('features') && !section.parts.has('model');
