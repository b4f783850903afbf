// The learned element verdict, applied to the hand-written reading's facts: one call from the
// combiner once every element has its hand verdict. The model decides present / partial / missing;
// the guarantees the rest of mlsd relies on stay hard rules here, not weights:
// - an unfilled template (a skeleton, a snippet's prompts, a TODO) stays what the hand reading made
//   it (partial, reported as residue, worth no score), so inserting one never raises anything;
// - a constraint without a number stays partial (FRAMEWORK.md asks for a number with a unit), and
//   so do a business metric named by one outcome metric and a model metric with no business
//   metric to drive (the metric chain);
// - a verdict above missing always points at evidence, and a heading naming the element is never
//   called missing (its fix would insert a second section; an empty one stays residue);
// - a partial says what it lacks.
import type { CoverageFact, SectionNode } from '../analysis/facts';
import type { HollowReason, SegmentSignals } from '../analysis/signals';
import { RESIDUE_GAPS } from '../coverage-gaps';
import { ELEMENT_IDS, type CoverageGap, type ElementId, type Range } from '../types';
import { documentTotals, elementFeatures, type ContentStats, type ElementHitGroup, type FeatureDocument } from './features';
import { addScores, emptyScores, indexLexicon, scoreLines, tokenLines, type LexiconIndex, type LexiconScores } from './lexicon';
import { ELEMENT_MODEL, learnedStatus, statusAt, type ElementVerdictModel } from './model';

export interface LearnedVerdictInput {
  lines: readonly string[];
  signals: readonly SegmentSignals[];
  segments: readonly { startLine: number; lineCount: number; text: string }[];
  sectionAt: (line: number) => SectionNode | undefined;
  /** Cue hits per element, by segment, in document order. */
  hits: ReadonlyMap<string, readonly ElementHitGroup[]>;
  /** Sections whose headings name each element, in document order. */
  naming: ReadonlyMap<ElementId, readonly SectionNode[]>;
}

export function applyLearnedVerdicts(elements: Record<ElementId, CoverageFact>, input: LearnedVerdictInput, model: ElementVerdictModel = ELEMENT_MODEL): void {
  const doc: FeatureDocument = { lines: input.lines, signals: input.signals, segments: input.segments, sectionAt: input.sectionAt };
  const totals = documentTotals(input.signals, input.segments);
  const lexicon = documentLexiconScores(model, input);
  ELEMENT_IDS.forEach((id, element) => {
    const fact = elements[id];
    const named = (input.naming.get(id) ?? []).map((section) => ({ section, strength: section.elements.get(id)! }));
    const best = lexicon.best[element]!;
    const namedSpecific = named.find(({ section, strength }) => strength === 'specific' && section.hasContent) ?? named.find(({ strength }) => strength === 'specific');
    const features = elementFeatures({ id, hand: fact, groups: input.hits.get(id) ?? [], named, lexicon: { best, strongLines: lexicon.strongLines[element]! } }, doc, totals);
    const lexiconLine = lexicon.line[element]!;
    const lexiconEvidence: Range | undefined = lexiconLine >= 0 ? wholeLine(input.lines, lexiconLine) : undefined;
    const evidence = fact.evidence ?? features.bestHit ?? lexiconEvidence;
    const residue = fact.residueOnly || (fact.gap !== undefined && RESIDUE_GAPS.has(fact.gap));
    const reading = learnedStatus(model, features.values, {
      hand: fact.status,
      ...(residue || (fact.gap !== undefined && FRAMEWORK_GAPS.has(fact.gap)) ? { fixed: fact.status } : {}),
      atLeastPartial: namedSpecific !== undefined,
      hasEvidence: evidence !== undefined,
    });
    fact.learned = reading;
    const status = reading.status;
    if (status === fact.status) return;
    const onlyByTheFloor = status === 'partial' && statusAt(model.thresholds, reading.notMissing, reading.present, { ...reading.bounds, atLeastPartial: false }) === 'missing';
    if (onlyByTheFloor && namedSpecific && !namedSpecific.section.hasContent) {
      // Only the floor keeps it partial, and the heading has nothing under it: residue, as the hand reading reports it.
      const { section } = namedSpecific;
      Object.assign(fact, { status: 'partial', evidence: section.headingRange, section, residueOnly: section.hollow !== 'image' && section.hollow !== 'diagram', gap: section.hollow ? HOLLOW_GAP[section.hollow] : 'empty-section' });
    } else if (status === 'missing') {
      fact.status = 'missing';
      delete fact.gap;
      delete fact.evidence;
      delete fact.section;
    } else {
      if (evidence) fact.evidence = evidence;
      if (status === 'present') delete fact.gap;
      else fact.gap = fact.status === 'missing' ? 'passing-mention' : thinGap(features.content);
      fact.status = status;
    }
  });
}

/** A line's text without its indentation and list or quote marker. */
function wholeLine(lines: readonly string[], line: number): Range {
  const text = lines[line] ?? '';
  const start = /^\s*(?:(?:[-*+>]|\d{1,3}[.)])\s+)?/.exec(text)![0].length;
  return { start: { line, character: start }, end: { line, character: text.trimEnd().length } };
}

/**
 * Each segment's lexicon scores, remembered by segment text for each model (an edit rescores only
 * the segments it changed), added up over the document.
 */
const segmentScores = new WeakMap<ElementVerdictModel, { index: LexiconIndex; bySegmentText: Map<string, LexiconScores> }>();
const MAX_REMEMBERED_SEGMENTS = 10_000;

function documentLexiconScores(model: ElementVerdictModel, input: LearnedVerdictInput): LexiconScores {
  let remembered = segmentScores.get(model);
  if (!remembered) {
    remembered = { index: indexLexicon(model.lexicon), bySegmentText: new Map() };
    segmentScores.set(model, remembered);
  }
  const total = emptyScores();
  input.segments.forEach((segment, index) => {
    let scores = remembered.bySegmentText.get(segment.text);
    if (!scores) {
      scores = scoreLines(remembered.index, tokenLines(segment.text, input.signals[index]!));
      if (remembered.bySegmentText.size >= MAX_REMEMBERED_SEGMENTS) remembered.bySegmentText.clear();
      remembered.bySegmentText.set(segment.text, scores);
    }
    addScores(total, scores, segment.startLine);
  });
  return total;
}

/**
 * Partials that FRAMEWORK.md's own rules make, which the weights may not overrule: a constraint
 * needs a number with a unit, and the business metric and model metric are judged as a chain.
 */
const FRAMEWORK_GAPS: ReadonlySet<CoverageGap> = new Set(['no-number', 'single-outcome-metric', 'no-business-metric']);

const HOLLOW_GAP: Record<HollowReason, CoverageGap> = { empty: 'empty-section', placeholder: 'only-placeholder', bare: 'only-bare-bullets', image: 'only-image', diagram: 'only-diagram' };

/** Why content the hand reading took as present reads as partial. */
function thinGap(content: ContentStats): CoverageGap {
  return content.numbers === 0 && content.namedTerms === 0 ? 'no-specifics' : 'thin-content';
}
