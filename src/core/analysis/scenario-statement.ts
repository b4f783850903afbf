// The scenario a document states for itself: its title and its opening statement ("Design a
// recommendation system for a video platform", "Goal: build a recommender that..."). A reader takes
// the scenario from there, whatever topic's words the body goes on to use most, so the stated
// scenario outranks word counts across the document. Only the first lines are read as the opening:
// cheap on every edit, whatever the document's size. Where they state nothing, a section under a
// goal or overview heading may ("Expectations: build a recommender that..."): each segment's design
// sentences are read with its other signals (designStatementWords), once per edit of that segment.
import { OUT_OF_SCOPE } from '../framework/patterns';
import { STATEMENT_DETECTION, SYNTHETIC_MEDIA } from '../framework/scenarios';
import type { ScenarioId } from '../types';
import { withoutExamples } from './examples';
import { htmlBlockText } from './html-text';
import { addScenarioWords } from './scenario-words';
import { countMatches } from './text-scan';
import type { Range } from '../types';

/** How much of the opening is the statement: a title line and a paragraph or two. */
const OPENING_WORDS = 80;
const OPENING_LINES = 40;
/** Words of introduction after which the next heading starts the body. */
const INTRODUCTION_WORDS = 20;
/** How often the introduction must name a scenario the title's word never comes back in, to overrule the title. */
const OPENING_OVERRULES_TITLE = 3;
/** A first line this short, with no heading above it, is the title written as plain text. */
const PLAIN_TITLE_WORDS = 12;

const FENCE = /^\s*(?:`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(?:\s|$)/;
/** Lines that carry no statement: images, rules, table separators, a lone HTML comment. */
const NOT_PROSE = /^\s*(?:!\[|<!--|(?:[-*_=]\s*){3,}$|\|?\s*:?-{3,})/;
/** Markdown emphasis, quote and table marks, read as spaces. */
const MARKS = /[*_`>#|]+/g;
const SENTENCE_END = /(?<=[.!?])\s+/;
/** A sentence that says what the document designs or what its goal is. */
const STATES_DESIGN =
  /\b(?:design(?:s|ing|ed)?|build(?:s|ing)?|develop(?:s|ing)?|creat(?:e|es|ing)|implement(?:s|ing)?|propos(?:e|es|ing)|goal|objective|aim|purpose|problem statement|this (?:project|document|doc|system|repo\w*|app\w*|solution))\b|цел[ьи]|задач[аи]|разработ|построить|설계|목표|목적/i;
/** The verb whose object is the designed thing: "we build a search engine for ...". */
const DESIGN_VERB =
  /\b(?:design(?:s|ing|ed)?|build(?:s|ing)?|develop(?:s|ing)?|creat(?:e|es|ing)|implement(?:s|ing)?|propos(?:e|es|ing))\b|разработ\w*|построить/i;
/** Where a title's designed thing ends and its domain starts: "Visual search for ads". */
const DOMAIN_AFTER = /\s(?:for|для)\s/i;

export interface StatementInput {
  lines: readonly string[];
  /** Front matter lines (fences included): the opening starts after them. */
  frontMatterRange?: Range;
}

/** Scenario words where a document states what it designs: its title, and its opening's sentences. */
export interface StatementCounts {
  title: Record<string, number>;
  /** The opening's sentences that say what is designed or what the goal is. */
  stating: Record<string, number>;
  /** The whole opening. */
  opening: Record<string, number>;
  /** The introduction: the opening up to the first heading after it has said something. */
  introduction: Record<string, number>;
}

/** The scenario words of the title and of the opening statement. `title` is the document's title (front matter, first heading) when it has one. */
export function statementCounts(input: StatementInput, title: string | undefined): StatementCounts {
  const { lines: opening, introductionEnd } = openingLines(input);
  const titleText = title ?? plainTitle(opening);
  const stating: Record<string, number> = {};
  const all: Record<string, number> = {};
  const introduction: Record<string, number> = {};
  const first = title === undefined && titleText !== undefined ? 1 : 0;
  for (let index = first; index < opening.length; index++) {
    for (const sentence of opening[index]!.split(SENTENCE_END)) {
      // What the doc puts out of its scope is not what it designs.
      if (OUT_OF_SCOPE.test(sentence)) continue;
      statementWords(sentence, all, 1);
      if (index < introductionEnd) statementWords(sentence, introduction, 1);
      if (STATES_DESIGN.test(sentence)) designedWords(sentence, stating);
    }
  }
  return {
    title: titleText ? titleCounts(titleText) : {},
    stating,
    opening: all,
    introduction,
  };
}

/**
 * The scenario the title states, else the one the opening statement states (its sentences that say
 * what is designed or what the goal is, else the opening as a whole); undefined when neither names
 * one more than the others.
 */
export function statedScenario(counts: StatementCounts): ScenarioId | undefined {
  const title = clearWinner(counts.title);
  // A title word the introduction never takes up, while it keeps naming another scenario, is not
  // what the doc designs: "Project Recommendation" over a statement of a moderation problem. Only a
  // word the title names once, not a designed thing ("Design a recommendation system for ..."
  // counts double), and only the introduction: later sections use other topics' words for their parts.
  const introduced = clearWinner(counts.introduction);
  if (
    title &&
    introduced &&
    introduced !== title &&
    (counts.title[title] ?? 0) <= 1 &&
    !counts.introduction[title] &&
    (counts.introduction[introduced] ?? 0) >= OPENING_OVERRULES_TITLE
  )
    return introduced;
  return title ?? clearWinner(counts.stating) ?? clearWinner(counts.opening);
}

/** Scenario words of a title, those naming the designed thing (before "for ...") counting double. */
function titleCounts(title: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const split = DOMAIN_AFTER.exec(title);
  if (split) {
    // "Deepfake detection for fraud prevention": the purpose may be named in the other part.
    const synthetic = 2 * statementWords(title.slice(0, split.index), counts, 2) + statementWords(title.slice(split.index), counts, 1);
    purposeDecides(counts, synthetic);
  } else statementWords(title, counts, 1);
  // "Search ads", "Feed ads": ads and CTR systems are the generic scenario whatever surface they serve.
  if (counts.generic) counts.generic += 0.5;
  return counts;
}

/**
 * Scenario words of a sentence that states the design, those naming the designed thing (the design
 * verb's object, up to "for ...") counting double, as in a title: "we build a search engine for a
 * marketplace, with personalized ranking" designs search; the domain and the extras come after.
 */
function designedWords(sentence: string, counts: Record<string, number>): void {
  const verb = DESIGN_VERB.exec(sentence);
  const domain = verb ? DOMAIN_AFTER.exec(sentence.slice(verb.index)) : null;
  if (!verb || !domain) {
    statementWords(sentence, counts, 1);
    return;
  }
  const objectEnd = verb.index + domain.index;
  const words: Record<string, number> = {};
  const synthetic =
    statementWords(sentence.slice(0, verb.index), words, 1) +
    2 * statementWords(sentence.slice(verb.index, objectEnd), words, 2) +
    statementWords(sentence.slice(objectEnd), words, 1);
  purposeDecides(words, synthetic);
  for (const [id, count] of Object.entries(words)) counts[id] = (counts[id] ?? 0) + count;
}

/**
 * Adds the scenario words of `content`'s sentences that say what is designed (a design verb),
 * counted as in an opening statement: the designed thing double, its domain once.
 */
export function designStatementWords(content: string, counts: Record<string, number>): void {
  if (!DESIGN_VERB.test(content)) return;
  for (const line of content.split('\n')) {
    if (!DESIGN_VERB.test(line)) continue;
    for (const sentence of line.replace(MARKS, ' ').split(SENTENCE_END))
      if (DESIGN_VERB.test(sentence) && !OUT_OF_SCOPE.test(sentence)) designedWords(sentence, counts);
  }
}

/** Adds the sentence's scenario words; returns how many synthetic-media words it left counted as moderation. */
function statementWords(sentence: string, counts: Record<string, number>, weight: number): number {
  const text = withoutExamples(sentence);
  const words: Record<string, number> = {};
  addScenarioWords(text, words);
  for (const [id, pattern] of Object.entries(STATEMENT_DETECTION)) {
    pattern.lastIndex = 0;
    while (pattern.exec(text)) words[id] = (words[id] ?? 0) + 1;
  }
  const synthetic = purposeDecides(words, countMatches(SYNTHETIC_MEDIA, text));
  for (const [id, count] of Object.entries(words)) counts[id] = (counts[id] ?? 0) + count * weight;
  return synthetic;
}

/**
 * Synthetic-media words (already counted as moderation) say nothing of the scenario where fraud is
 * named as the purpose: they are taken back. Returns how many are left counted.
 */
function purposeDecides(counts: Record<string, number>, synthetic: number): number {
  if (!synthetic || !counts.fraud || !counts.moderation) return synthetic;
  counts.moderation -= synthetic;
  if (counts.moderation <= 0) delete counts.moderation;
  return 0;
}

/** The scenario with the most words, if no other has as many. */
export function clearWinner(counts: Record<string, number>): ScenarioId | undefined {
  let winner: string | undefined;
  let top = 0;
  let tied = false;
  for (const [id, count] of Object.entries(counts)) {
    if (count > top) [winner, top, tied] = [id, count, false];
    else if (count === top) tied = true;
  }
  return winner && !tied ? (winner as ScenarioId) : undefined;
}

/** The first line of the opening when it is short enough to be a title and no heading came before it. */
function plainTitle(opening: readonly string[]): string | undefined {
  const first = opening[0];
  return first !== undefined && first.split(/\s+/).filter(Boolean).length <= PLAIN_TITLE_WORDS ? first : undefined;
}

/**
 * The prose of the document's first lines, as read (HTML tags stripped): front matter, code,
 * headings, images and rules skipped, up to about OPENING_WORDS words.
 */
function openingLines(input: StatementInput): { lines: string[]; introductionEnd: number } {
  const { lines } = input;
  const frontMatterEnd = input.frontMatterRange?.end.line ?? -1;
  const opening: string[] = [];
  let words = 0;
  let introductionEnd: number | undefined;
  let inFence = false;
  for (let line = frontMatterEnd + 1; line < lines.length && line <= frontMatterEnd + OPENING_LINES && words < OPENING_WORDS; line++) {
    const raw = lines[line] ?? '';
    if (FENCE.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (!inFence && HEADING.test(raw) && introductionEnd === undefined && words >= INTRODUCTION_WORDS) introductionEnd = opening.length;
    if (inFence || HEADING.test(raw) || NOT_PROSE.test(raw)) continue;
    const text = (raw.includes('<') ? htmlBlockText([raw], [0]).lines[0]! : raw).replace(MARKS, ' ').trim();
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    opening.push(text);
    words += text.split(/\s+/).length;
  }
  return { lines: opening, introductionEnd: introductionEnd ?? opening.length };
}
