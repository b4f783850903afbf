// What the learned element verdict sees: for one framework element of one analysed document, a
// named numeric feature vector built from what the analysis already has (the hand-written reading's
// status and score, the headings that name the element, the cue phrases found and where, and how
// much specific content sits under the evidence). The phrase lists and thresholds of the hand
// reading are inputs here, not verdicts: the weights fitted on the labelled corpus decide.
// Pure: no Node built-ins (the web bundle runs it). Nothing here may depend on text a template
// writes (placeholders and skeletons count no words), so inserting one never moves another verdict.
import type { CueHit } from '../analysis/signals';
import type { CoverageFact, LocatedSegment, SectionNode } from '../analysis/facts';
import { ELEMENT_IDS, type ElementId, type Range } from '../types';
import { lastAtOrBefore } from '../sorted';
import { contentOf, paragraphAround, type ContentStats } from './content-stats';
import { bestOfEachPhrase, type PhraseEvidence } from './cue-phrases';

export type { ContentStats } from './content-stats';

/** One segment's cue hits for the element, the document line the segment starts on, and the innermost section holding it. */
export interface ElementHitGroup {
  startLine: number;
  hits: readonly CueHit[];
  section: SectionNode | undefined;
}

/** The document as the features read it: the combiner's own facts, nothing recomputed from scratch. */
export interface FeatureDocument {
  lines: readonly string[];
  segments: readonly LocatedSegment[];
  sectionAt: (line: number) => SectionNode | undefined;
}

/** What the analysis found for one element before the learned verdict. */
export interface ElementObservation {
  id: ElementId;
  /** The hand-written reading's verdict (heading match, cue phrases, metrics). */
  hand: CoverageFact;
  groups: readonly ElementHitGroup[];
  /** Sections whose headings name the element, with how strongly. */
  named: readonly { section: SectionNode; strength: 'specific' | 'broad' }[];
  /** The learned lexicon's best line for the element (its score) and how many lines score high. */
  lexicon: { best: number; strongLines: number };
}

export const CONTENT_FEATURES = ['words', 'numbers', 'quantities', 'listItems', 'tableRows', 'namedTerms'] as const;

/** The element-independent features, in the order the weights file lists them. */
export const SHARED_FEATURES = [
  'hand.present',
  'hand.partial',
  'hand.score',
  'hand.gap.passing-mention',
  'hand.gap.no-number',
  'hand.gap.metric-only',
  'hand.gap.image-or-diagram',
  'heading.specific.content',
  'heading.specific.hollow',
  'heading.broad.content',
  'heading.count',
  'heading.ownWords',
  'cues.phrases',
  'cues.strong',
  'cues.hints',
  'cues.substantive',
  'cues.underHeading',
  'cues.segments',
  'cues.maxWeight',
  'cues.lineWords',
  ...CONTENT_FEATURES.map((name) => `evidence.${name}`),
  'evidence.none',
  'evidence.relativeWords',
  'evidence.specificShare',
  'lexicon.best',
  'lexicon.strongLines',
  'doc.words',
  'doc.position',
] as const;

/**
 * Every feature name: the shared ones, one bias per element, and per element whether the only
 * evidence is the lexicon's (no heading, cue phrase or hand evidence): how much a lexicon line alone
 * says differs by element (a data source named in passing is a mention; an architecture word is not).
 */
export const FEATURE_NAMES: readonly string[] = [
  ...SHARED_FEATURES,
  ...ELEMENT_IDS.map((id) => `element.${id}`),
  ...ELEMENT_IDS.map((id) => `cueless.${id}`),
];

export type FeatureVector = Record<string, number>;

// Feature names built once: the features of every element are built on every keystroke.
const EVIDENCE_FEATURES = CONTENT_FEATURES.map((name) => `evidence.${name}`);
const ELEMENT_BIAS = Object.fromEntries(ELEMENT_IDS.map((id) => [id, `element.${id}`])) as Record<ElementId, string>;
const CUELESS = Object.fromEntries(ELEMENT_IDS.map((id) => [id, `cueless.${id}`])) as Record<ElementId, string>;

export interface ElementFeatures {
  values: FeatureVector;
  /** The strongest cue phrase, earliest on a tie: evidence when the hand reading had none. */
  bestHit?: Range;
}

/** Per-document figures the features share across elements (computed once per combine). */
export interface DocumentTotals {
  /** Content words of the document (templates and placeholders count none). */
  words: number;
  /** Content words in the segments before each segment. */
  wordsBefore: readonly number[];
  /** First line of each segment, ascending. */
  segmentStarts: readonly number[];
}

export function documentTotals(segments: readonly LocatedSegment[]): DocumentTotals {
  const wordsBefore: number[] = [];
  let words = 0;
  for (const segment of segments) {
    wordsBefore.push(words);
    words += segment.words;
  }
  return { words, wordsBefore, segmentStarts: segments.map((segment) => segment.startLine) };
}

const log1p = (value: number): number => Math.log(1 + value);

export function elementFeatures(observation: ElementObservation, doc: FeatureDocument, totals: DocumentTotals): ElementFeatures {
  const { hand, id } = observation;
  const values: FeatureVector = {};
  addHandFeatures(hand, values);
  const specific = addHeadingFeatures(observation, doc, values);
  const best = addCueFeatures(observation, doc, totals, values);

  // The content under the evidence: the naming section's body, else the paragraph of the evidence.
  const bestHit: Range | undefined = best
    ? { start: { line: best.line, character: best.hit.start }, end: { line: best.line, character: best.hit.end } }
    : undefined;
  const evidenceLine = hand.evidence?.start.line ?? bestHit?.start.line;
  const namingSection = specific.find(({ section }) => !section.hollow)?.section ?? specific[0]?.section;
  let content: ContentStats = { words: 0, numbers: 0, quantities: 0, listItems: 0, tableRows: 0, namedTerms: 0 };
  if (namingSection)
    content = contentOf(doc, totals, namingSection.startLine + 1, namingSection.hollow ? namingSection.endLine : namingSection.bodyEndLine);
  else if (evidenceLine !== undefined) {
    const [from, to] = paragraphAround(doc.lines, evidenceLine);
    content = contentOf(doc, totals, from, to);
  }
  for (let index = 0; index < CONTENT_FEATURES.length; index++)
    values[EVIDENCE_FEATURES[index]!] = log1p(content[CONTENT_FEATURES[index]!]);
  values['evidence.none'] = evidenceLine === undefined ? 1 : 0;
  // Relative to the doc, so a short, dense doc's paragraph is not read as thin: the evidence's words
  // against the doc's mean words per segment, and the share of its words that are specific.
  values['evidence.relativeWords'] =
    evidenceLine === undefined ? 0 : log1p(content.words) - log1p(totals.words / Math.max(1, totals.segmentStarts.length));
  values['evidence.specificShare'] = content.words ? Math.min(1, (content.quantities + content.namedTerms) / content.words) : 0;
  Object.assign(values, lexiconFeatures(observation.lexicon));

  values['doc.words'] = log1p(totals.words) / 10;
  values['doc.position'] = evidenceLine === undefined || totals.words === 0 ? 0 : wordsBeforeLine(evidenceLine, totals) / totals.words;

  // One bias per element: only this element's is set, the others read as 0.
  values[ELEMENT_BIAS[id]] = 1;
  values[CUELESS[id]] = values['evidence.none'];
  const features: ElementFeatures = { values };
  if (bestHit) features.bestHit = bestHit;
  return features;
}

function addHandFeatures(hand: CoverageFact, values: FeatureVector): void {
  values['hand.present'] = hand.status === 'present' ? 1 : 0;
  values['hand.partial'] = hand.status === 'partial' ? 1 : 0;
  values['hand.score'] = Math.min(hand.score, 6);
  values['hand.gap.passing-mention'] = hand.gap === 'passing-mention' ? 1 : 0;
  values['hand.gap.no-number'] = hand.gap === 'no-number' ? 1 : 0;
  values['hand.gap.metric-only'] = hand.gap === 'single-outcome-metric' || hand.gap === 'no-business-metric' ? 1 : 0;
  values['hand.gap.image-or-diagram'] = hand.gap === 'only-image' || hand.gap === 'only-diagram' ? 1 : 0;
}

/** Headings: only sections with content count, so a skeleton heading changes nothing here. Returns the specific ones with content. */
function addHeadingFeatures(observation: ElementObservation, doc: FeatureDocument, values: FeatureVector): ElementObservation['named'] {
  const withContent = observation.named.filter(({ section }) => section.hasContent);
  const specific = withContent.filter(({ strength }) => strength === 'specific');
  values['heading.specific.content'] = specific.length > 0 ? 1 : 0;
  values['heading.specific.hollow'] = observation.named.some(({ section, strength }) => strength === 'specific' && !section.hasContent)
    ? 1
    : 0;
  values['heading.broad.content'] = withContent.some(({ strength }) => strength === 'broad') ? 1 : 0;
  values['heading.count'] = log1p(withContent.length);
  const ownWords = specific.reduce((sum, { section }) => sum + (doc.segments[section.segment]?.words ?? 0), 0);
  values['heading.ownWords'] = log1p(ownWords);
  return specific;
}

/** Cue phrases: each phrase once, where it weighs most (as the hand reading counts them). Returns the best. */
function addCueFeatures(
  observation: ElementObservation,
  doc: FeatureDocument,
  totals: DocumentTotals,
  values: FeatureVector,
): PhraseEvidence | undefined {
  const { phrases, segmentsWithHits } = bestOfEachPhrase(observation.groups, observation.id);
  let strong = 0;
  let hints = 0;
  let substantive = 0;
  let underHeading = 0;
  let best: PhraseEvidence | undefined;
  for (const weighed of phrases) {
    if (weighed.hit.weight >= 1) strong++;
    else hints++;
    if (weighed.hit.substantive) substantive++;
    if (weighed.underHeading) underHeading++;
    if (!best || weighed.value > best.value || (weighed.value === best.value && weighed.line < best.line)) best = weighed;
  }
  values['cues.phrases'] = log1p(phrases.length);
  values['cues.strong'] = log1p(strong);
  values['cues.hints'] = log1p(hints);
  values['cues.substantive'] = log1p(substantive);
  values['cues.underHeading'] = log1p(underHeading);
  values['cues.segments'] = log1p(segmentsWithHits);
  values['cues.maxWeight'] = best ? best.value : 0;
  values['cues.lineWords'] = best ? log1p(contentOf(doc, totals, best.line, best.line).words) : 0;
  return best;
}

/** The lexicon's features, apart so the trainer can recompute them with the lexicon of another fold. */
export function lexiconFeatures(lexicon: ElementObservation['lexicon']): FeatureVector {
  return { 'lexicon.best': Math.min(lexicon.best, 20) / 4, 'lexicon.strongLines': log1p(lexicon.strongLines) };
}

/** Content words in the segments before the one holding `line`: where the evidence sits in the doc. */
function wordsBeforeLine(line: number, totals: DocumentTotals): number {
  return totals.wordsBefore[lastAtOrBefore(totals.segmentStarts, line)] ?? 0;
}
