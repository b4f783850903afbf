// Each framework element's coverage (present, partial with a gap, missing) from the headings that
// name it and its cue phrases; then the offline and outcome metrics the document measures complete
// the evaluation, business-metric and model-metric elements.
import { isOfflineMention } from './metric-roles';
import type { CoverageFact, LocatedFacts, MetricFact, SectionNode } from '../analysis/facts';
import type { Steps } from '../analysis/steps';
import { ELEMENTS, type ElementSpec } from '../framework/elements';
import type { ElementId, Range } from '../types';
import { judgeCoverage, sectionsNaming } from './coverage';
import type { VerdictModule } from './verdict';
import { applyLearnedVerdicts } from '../learned/verdict';
import { paragraphAround } from '../learned/content-stats';

/** Hint weight that makes an element partial without a real cue (checklist items, named by hints more often, need less). */
const ELEMENT_HINTS_FOR_PARTIAL = 1;

export const elementCoverage: VerdictModule = {
  verdict: 'elements',
  judgeInSteps: (facts, before) => judgeElements(facts, before.metrics),
};

const elementsNamed = (section: SectionNode): Iterable<ElementId> => section.elements.keys();

/** One step per element. */
function* judgeElements(facts: LocatedFacts, metrics: readonly MetricFact[]): Steps<Record<ElementId, CoverageFact>> {
  const { sections, lines, sectionAt } = facts;
  const naming = sectionsNaming(sections, elementsNamed);
  const elements = {} as Record<ElementId, CoverageFact>;
  for (const spec of ELEMENTS) {
    const groups = facts.elementHits.get(spec.id) ?? [];
    const fact = judgeCoverage(
      spec.presentAt,
      groups,
      naming.get(spec.id) ?? [],
      (section) => section.elements.get(spec.id),
      ELEMENT_HINTS_FOR_PARTIAL,
    );
    // Constraints that raise latency but give no number are partial (the spec asks for a number
    // with a unit). Only where the problem is framed: latency logged by monitoring is no requirement.
    const required = spec.requires;
    // A placeholder anywhere ("Latency: TBD with eng") raises it too.
    if (
      required &&
      fact.status === 'present' &&
      !groups.some((group) => group.hits.some((hit) => hit.weight >= required.weight)) &&
      (raisedWhereFramed(required.raisedBy, spec, sections, lines) || raisedByPlaceholder(required.raisedBy, facts.placeholders, lines))
    )
      Object.assign(fact, { status: 'partial', gap: required.gap });
    elements[spec.id] = fact;
    yield;
  }
  completeByMetrics(elements, metrics);
  requireMeasures(elements, metrics, lines);
  requireFacets(elements, facts.elementFacets);
  yield;
  // The model fitted on the labelled corpus settles each element's status from that reading.
  yield* applyLearnedVerdicts(elements, {
    lines,
    segments: facts.segments,
    sectionAt,
    lexicon: facts.lexicon,
    hits: facts.elementHits,
    naming,
  });
  return elements;
}

/** Whether a section that frames the problem or names the element says `pattern` in its own body. */
function raisedWhereFramed(pattern: RegExp, spec: ElementSpec, sections: readonly SectionNode[], lines: readonly string[]): boolean {
  return sections.some(
    (section) =>
      (section.parts.has(spec.part) || section.elements.has(spec.id)) &&
      pattern.test(lines.slice(section.startLine, section.bodyEndLine + 1).join('\n')),
  );
}

function raisedByPlaceholder(pattern: RegExp, placeholders: readonly Range[], lines: readonly string[]): boolean {
  return placeholders.some((range) => pattern.test(lines[range.start.line] ?? ''));
}

/** Offline metrics complete the evaluation and model-metric elements; outcome metrics the business metric. */
function completeByMetrics(elements: Record<ElementId, CoverageFact>, metrics: readonly MetricFact[]): void {
  const offline = metrics.filter(isOfflineMention);
  const evaluation = elements['evaluation.offline'];
  const firstOffline = offline.find((metric) => metric.inEvaluation) ?? offline[0];
  if (firstOffline && evaluation.status !== 'present') setPresent(evaluation, firstOffline.range);
  const business = elements['framing.business-metric'];
  // Outcome metrics the document measures (business, or online ones such as prevalence and
  // conversion rate) show what success is: two distinct ones cover the business metric.
  const outcomes = metrics.filter(isOutcomeMention);
  const outcomeNames = new Set(outcomes.map((metric) => metric.text.toLowerCase()));
  if (outcomes[0] && business.status !== 'present') {
    if (outcomeNames.size >= 2) setPresent(business, outcomes[0].range);
    else if (business.status === 'missing')
      Object.assign(business, { status: 'partial', evidence: outcomes[0].range, gap: 'single-outcome-metric' });
  }
  const modelMetric = elements['framing.model-metric'];
  if (firstOffline && modelMetric.status !== 'present') {
    // A business-metric skeleton still waiting to be filled in has nothing for the model metric to drive.
    if (business.status !== 'missing' && !business.residueOnly) setPresent(modelMetric, firstOffline.range);
    else if (modelMetric.status === 'missing')
      Object.assign(modelMetric, { status: 'partial', evidence: firstOffline.range, gap: 'no-business-metric' });
  }
}

/**
 * An element whose spec asks for a measure (`measuredBy`) and that the document neither measures by
 * an outcome metric nor states with a measure where it gives it is partial: a goal is not yet a
 * measure of success.
 */
function requireMeasures(elements: Record<ElementId, CoverageFact>, metrics: readonly MetricFact[], lines: readonly string[]): void {
  if (metrics.some(isOutcomeMention)) return;
  for (const spec of ELEMENTS) {
    const fact = elements[spec.id];
    if (!spec.measuredBy || fact.status !== 'present') continue;
    const givenIn: [number, number][] = [];
    if (fact.section) givenIn.push([fact.section.startLine + 1, fact.section.bodyEndLine]);
    if (fact.evidence) givenIn.push(paragraphAround(lines, fact.evidence.start.line));
    if (givenIn.length === 0) continue;
    const text = givenIn.map(([from, to]) => lines.slice(from, to + 1).join('\n')).join('\n');
    if (!spec.measuredBy.pattern.test(text.replace(ORDERED_LIST_MARKER, '')))
      Object.assign(fact, { status: 'partial', gap: spec.measuredBy.gap });
  }
}

/**
 * An element whose spec names its parts (`facets`) and that the document addresses with at most one
 * of them, never said with how, is partial whatever its cue weights: "A/B testing" as a bullet
 * names a rollout step, not a rollout plan. A partial one keeps that gap, so the learned verdict
 * does not raise it. Read in the real content only: a skeleton's prompts name every part.
 */
function requireFacets(elements: Record<ElementId, CoverageFact>, segmentFacets: LocatedFacts['elementFacets']): void {
  for (const spec of ELEMENTS) {
    const fact = elements[spec.id];
    if (!spec.facets || fact.status === 'missing' || fact.residueOnly || (fact.gap !== undefined && fact.gap !== 'passing-mention'))
      continue;
    let named = 0;
    let detailed = false;
    for (const facets of segmentFacets) {
      const reading = facets[spec.id];
      if (!reading) continue;
      named |= reading.named;
      detailed ||= reading.detailed;
    }
    if (!detailed && bitCount(named) <= 1) Object.assign(fact, { status: 'partial', gap: spec.facets.gap });
  }
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest; rest &= rest - 1) count++;
  return count;
}

/** "1. Reduce review time": a list's numbering is not a number the text states. */
const ORDERED_LIST_MARKER = /^\s*(?:[-*+>]\s+)?\d{1,3}[.)]\s+/gm;

/** A business or online metric the document measures (not one it argues against). */
const isOutcomeMention = (metric: MetricFact): boolean => (metric.role === 'business' || metric.role === 'online') && !metric.negated;

function setPresent(fact: CoverageFact, evidence: Range): void {
  fact.status = 'present';
  fact.residueOnly = false;
  delete fact.mentionedElsewhere;
  delete fact.gap;
  if (!fact.evidence || !fact.section) fact.evidence = evidence;
}
