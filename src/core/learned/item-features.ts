// What the learned checklist-item verdict sees: for one scenario checklist item of one analysed
// document, a named numeric feature vector built from what the analysis already has: the hand
// reading's status and cue weight, the headings that name the item, the cue phrases found (how
// many, how strong, in a sentence of substance or on a bare bullet, under a naming heading) and in
// what context (declined: "out of scope", "future work", "no personalisation"), how much specific
// content sits around the evidence. The phrase lists are inputs here; the weights fitted on the labelled corpus decide.
// Pure: no Node built-ins. Per edit it reads only the item's own hits (a few per document).
import type { CoverageFact, HitGroup, LocatedSegment, SectionNode } from '../analysis/facts';
import type { CueHit } from '../analysis/signals';
import { CHECKLIST_ITEMS } from '../framework/scenarios';
import type { Range } from '../types';
import { contentOf, paragraphAround } from './content-stats';
import type { DocumentTotals, FeatureVector } from './features';

/** The element-independent features, in the order the weights file lists them. */
export const ITEM_SHARED_FEATURES = [
  'hand.present',
  'hand.partial',
  'hand.score',
  'heading.content',
  'heading.hollow',
  'heading.ownWords',
  'cues.phrases',
  'cues.top',
  'cues.strong',
  'cues.hints',
  'cues.substantive',
  'cues.underHeading',
  'cues.segments',
  'cues.maxValue',
  'cues.declined',
  'cues.allDeclined',
  'evidence.words',
  'evidence.numbers',
  'evidence.listItems',
  'evidence.namedTerms',
  'evidence.none',
  'doc.words',
] as const;

/** Every feature name: the shared ones, then one bias per checklist item. */
export const ITEM_FEATURE_NAMES: readonly string[] = [...ITEM_SHARED_FEATURES, ...CHECKLIST_ITEMS.map((item) => `item.${item.id}`)];

/** What the analysis found for one checklist item before the learned verdict. */
export interface ItemObservation {
  id: string;
  hand: CoverageFact;
  groups: readonly HitGroup[];
  /** Sections whose headings name the item, in document order. */
  named: readonly SectionNode[];
}

export interface ItemFeatureDocument {
  lines: readonly string[];
  segments: readonly LocatedSegment[];
  sectionAt: (line: number) => SectionNode | undefined;
  totals: DocumentTotals;
}

export interface ItemFeatures {
  values: FeatureVector;
  /** The strongest cue phrase that is not declined, earliest on a tie: evidence when the hand reading had none. */
  bestHit?: Range;
}

/**
 * A line that declines the concept rather than addresses it: out of scope, left for later, negated
 * ("no personalisation is required", "we do not focus on"), or only asked about (a question). Scope
 * words in any heading above count too.
 */
const DECLINED_LINE =
  /\b(?:out of (?:the )?scope|not in scope|non-?goals?|for simplicity|future (?:work|improvements?|iterations?|versions?|enhancements?|extensions?)|(?:could|can|may|might) (?:later|eventually) be|in (?:a )?(?:later|future) (?:phase|version|iteration|release)|not (?:yet )?(?:covered|addressed|handled|considered|included|implemented|supported|modell?ed|planned|required|needed|necessary|focus\w*)|(?:do|does|did|will|would|should|need) not|don't|doesn't|won't|isn't|aren't|no\s|without\s|excluded?\b|ignored?\b|skip\w*)/i;
const DECLINED_HEADING = /\b(?:out of scope|non-?goals?|future|next steps|limitations|roadmap|open questions|not covered|todo)\b/i;
const QUESTION = /\?\s*(?:\*\*|__)?\s*$/;

const log1p = (value: number): number => Math.log(1 + value);

function declinedAt(doc: ItemFeatureDocument, hit: CueHit, line: number): boolean {
  const text = doc.lines[line] ?? '';
  if (QUESTION.test(text)) return true;
  // Only the words shortly before and after the cue: a long line may decline something else.
  if (DECLINED_LINE.test(text.slice(Math.max(0, hit.start - 60), Math.min(text.length, hit.end + 40)))) return true;
  for (let node = doc.sectionAt(line); node; node = node.parent) if (DECLINED_HEADING.test(node.title)) return true;
  return false;
}

interface WeighedPhrase {
  hit: CueHit;
  line: number;
  value: number;
  /** Every use of the phrase declines the concept. */
  declined: boolean;
}

/**
 * Each cue phrase once, where it weighs most (earliest on a tie) among the uses that do not decline
 * the concept; a phrase only ever declined is kept, marked. Hits in unfilled templates do not count.
 */
function phrasesOf(observation: ItemObservation, doc: ItemFeatureDocument): { phrases: WeighedPhrase[]; segments: number } {
  const byPhrase = new Map<string, WeighedPhrase>();
  let segments = 0;
  for (const group of observation.groups) {
    const section = doc.sectionAt(group.startLine);
    if (section?.hollow && section.hollow !== 'image' && section.hollow !== 'diagram') continue;
    if (group.hits.length) segments++;
    for (const hit of group.hits) {
      const line = group.startLine + hit.line;
      const candidate = { hit, line, value: hit.weight * (hit.substantive ? 1 : 0.5), declined: declinedAt(doc, hit, line) };
      const previous = byPhrase.get(hit.phrase);
      if (previous && !betterUse(candidate, previous)) continue;
      byPhrase.set(hit.phrase, candidate);
    }
  }
  return { phrases: [...byPhrase.values()], segments };
}

/** A use that addresses the concept beats one that declines it; then the heavier, then the earlier. */
function betterUse(candidate: WeighedPhrase, previous: WeighedPhrase): boolean {
  if (candidate.declined !== previous.declined) return !candidate.declined;
  return candidate.value > previous.value || (candidate.value === previous.value && candidate.line < previous.line);
}

function underNamingHeading(section: SectionNode | undefined, id: string): boolean {
  for (let node = section; node; node = node.parent) if (node.items.has(id)) return true;
  return false;
}

export function itemFeatures(observation: ItemObservation, doc: ItemFeatureDocument): ItemFeatures {
  const { hand, id } = observation;
  const values: FeatureVector = {};
  values['hand.present'] = hand.status === 'present' ? 1 : 0;
  values['hand.partial'] = hand.status === 'partial' ? 1 : 0;
  values['hand.score'] = Math.min(hand.score, 6);

  // Headings: only sections with content count, so a skeleton heading changes nothing here.
  const withContent = observation.named.filter((section) => section.hasContent);
  values['heading.content'] = withContent.length > 0 ? 1 : 0;
  values['heading.hollow'] = observation.named.some((section) => !section.hasContent) ? 1 : 0;
  values['heading.ownWords'] = log1p(withContent.reduce((sum, section) => sum + (doc.segments[section.segment]?.words ?? 0), 0));

  const { phrases, segments } = phrasesOf(observation, doc);
  let best: WeighedPhrase | undefined;
  let declined = 0;
  for (const phrase of phrases) {
    if (phrase.declined) declined++;
    else if (!best || phrase.value > best.value || (phrase.value === best.value && phrase.line < best.line)) best = phrase;
  }
  const count = (test: (phrase: WeighedPhrase) => boolean): number => log1p(phrases.filter(test).length);
  values['cues.phrases'] = log1p(phrases.length);
  values['cues.top'] = count((phrase) => phrase.hit.weight >= 1.5 && !phrase.declined);
  values['cues.strong'] = count((phrase) => phrase.hit.weight >= 1 && !phrase.declined);
  values['cues.hints'] = count((phrase) => phrase.hit.weight < 1);
  values['cues.substantive'] = count((phrase) => phrase.hit.substantive && !phrase.declined);
  values['cues.underHeading'] = count((phrase) => underNamingHeading(doc.sectionAt(phrase.line), id));
  values['cues.segments'] = log1p(segments);
  values['cues.maxValue'] = best?.value ?? 0;
  values['cues.declined'] = phrases.length ? declined / phrases.length : 0;
  values['cues.allDeclined'] = phrases.length > 0 && declined === phrases.length ? 1 : 0;

  // The content around the evidence: the naming section's body, else the paragraph of the best phrase.
  const bestHit: Range | undefined = best
    ? { start: { line: best.line, character: best.hit.start }, end: { line: best.line, character: best.hit.end } }
    : undefined;
  const section = withContent.find((candidate) => !candidate.hollow) ?? withContent[0];
  const featureDoc = { lines: doc.lines, segments: doc.segments, sectionAt: doc.sectionAt };
  let content = { words: 0, numbers: 0, listItems: 0, namedTerms: 0 };
  if (section) content = contentOf(featureDoc, doc.totals, section.startLine + 1, section.hollow ? section.endLine : section.bodyEndLine);
  else if (bestHit) {
    const [from, to] = paragraphAround(doc.lines, bestHit.start.line);
    content = contentOf(featureDoc, doc.totals, from, to);
  }
  values['evidence.words'] = log1p(content.words);
  values['evidence.numbers'] = log1p(content.numbers);
  values['evidence.listItems'] = log1p(content.listItems);
  values['evidence.namedTerms'] = log1p(content.namedTerms);
  values['evidence.none'] = section || bestHit ? 0 : 1;

  values['doc.words'] = log1p(doc.totals.words) / 10;
  values[`item.${id}`] = 1;
  const features: ItemFeatures = { values };
  if (bestHit) features.bestHit = bestHit;
  return features;
}
