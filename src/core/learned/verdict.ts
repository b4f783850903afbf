// The learned element verdict, applied to the hand-written reading's facts: one call from the
// element-coverage verdict once every element has its hand verdict. The model may raise an
// element's status above the hand reading's, never lower it; the guarantees the rest of mlsd relies
// on stay hard rules here, not weights:
// - an unfilled template (a skeleton, a snippet's prompts, a TODO) stays what the hand reading made
//   it (partial, reported as residue, worth no score), so inserting one never raises anything;
// - a constraint without a number stays partial (the framework asks for a number with a unit), and
//   so do a business metric named by one outcome metric and a model metric with no business
//   metric to drive (the metric chain);
// - a verdict above missing always points at evidence, and a heading naming the element is never
//   called missing (its fix would insert a second section; an empty one stays residue);
// - a partial says what it lacks.
import type { CoverageFact, LocatedSegment, SectionNode } from '../analysis/facts';
import type { Steps } from '../analysis/steps';
import { RESIDUE_GAPS } from '../coverage-gaps';
import { ELEMENTS } from '../framework/elements';
import { ELEMENT_IDS, type CoverageGap, type ElementId, type Range } from '../types';
import { documentTotals, elementFeatures, type ElementHitGroup, type FeatureDocument } from './features';
import type { LexiconScores } from './lexicon';
import { ELEMENT_MODEL, learnedStatus, type ElementVerdictModel } from './model';

export interface LearnedVerdictInput {
  lines: readonly string[];
  segments: readonly LocatedSegment[];
  sectionAt: (line: number) => SectionNode | undefined;
  /** The learned lexicon's scores of the document's lines (a located fact). */
  lexicon: LexiconScores;
  /** Cue hits per element, by segment, in document order. */
  hits: ReadonlyMap<string, readonly ElementHitGroup[]>;
  /** Sections whose headings name each element, in document order. */
  naming: ReadonlyMap<ElementId, readonly SectionNode[]>;
}

/** One step per element: on a long document each reads a good share of it (content under its evidence). */
export function* applyLearnedVerdicts(
  elements: Record<ElementId, CoverageFact>,
  input: LearnedVerdictInput,
  model: ElementVerdictModel = ELEMENT_MODEL,
): Steps<void> {
  const doc: FeatureDocument = { lines: input.lines, segments: input.segments, sectionAt: input.sectionAt };
  const totals = documentTotals(input.segments);
  const { lexicon } = input;
  for (const [element, id] of ELEMENT_IDS.entries()) {
    if (element > 0) yield;
    const fact = elements[id];
    const named = (input.naming.get(id) ?? []).map((section) => ({ section, strength: section.elements.get(id)! }));
    const best = lexicon.best[element]!;
    const namedSpecific =
      named.find(({ section, strength }) => strength === 'specific' && section.hasContent) ??
      named.find(({ strength }) => strength === 'specific');
    const features = elementFeatures(
      { id, hand: fact, groups: input.hits.get(id) ?? [], named, lexicon: { best, strongLines: lexicon.strongLines[element]! } },
      doc,
      totals,
    );
    const lexiconLine = lexicon.line[element]!;
    const lexiconEvidence: Range | undefined = lexiconLine >= 0 ? wholeLine(input.lines, lexiconLine) : undefined;
    const evidence = fact.evidence ?? features.bestHit ?? lexiconEvidence;
    const residue = fact.residueOnly || (fact.gap !== undefined && RESIDUE_GAPS.has(fact.gap));
    const reading = learnedStatus(model, features.values, {
      hand: fact.status,
      ...(residue || (fact.gap !== undefined && FRAMEWORK_GAPS.has(fact.gap)) ? { fixed: fact.status } : {}),
      // A heading naming the element, or a real cue phrase said in a sentence of substance, is a mention: never missing.
      atLeastPartial: namedSpecific !== undefined || (features.values['cues.strong']! > 0 && features.values['cues.substantive']! > 0),
      hasEvidence: evidence !== undefined,
    });
    fact.learned = reading;
    const status = reading.status;
    if (status === fact.status) continue;
    // The model only raises the hand reading (see statusAt): a mention it missed, or content that is really there.
    if (evidence) fact.evidence = evidence;
    if (status === 'present') delete fact.gap;
    else fact.gap = 'passing-mention';
    fact.status = status;
  }
  // The model metric was read before the business metric was raised: once there is one, what the
  // model metric lacks is the link to it (as metric-chain says), not a business metric.
  const [business, modelMetric] = [elements['framing.business-metric'], elements['framing.model-metric']];
  if (modelMetric.gap === 'no-business-metric' && business.status !== 'missing' && !business.residueOnly) modelMetric.gap = 'not-linked';
}

/** A line's text without its indentation and list or quote marker. */
function wholeLine(lines: readonly string[], line: number): Range {
  const text = lines[line] ?? '';
  const start = /^\s*(?:(?:[-*+>]|\d{1,3}[.)])\s+)?/.exec(text)![0].length;
  return { start: { line, character: start }, end: { line, character: text.trimEnd().length } };
}

/**
 * Partials that the framework's own rules make, which the weights may not overrule: what an element's
 * spec asks for (a constraint's number with a unit, a business goal's measure, a rollout's or a
 * monitoring plan's parts), and the business metric and model metric judged as a chain.
 */
const FRAMEWORK_GAPS: ReadonlySet<CoverageGap> = new Set([
  ...ELEMENTS.flatMap((spec) => [spec.requires?.gap, spec.measuredBy?.gap, spec.facets?.gap].filter((gap) => gap !== undefined)),
  'single-outcome-metric',
  'no-business-metric',
]);
