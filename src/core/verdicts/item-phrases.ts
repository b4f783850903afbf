// Which cue phrases of a checklist item address it, rather than decline it: a phrase said only where
// the doc puts the concept out of scope ("for simplicity, no personalisation is required"), leaves
// it for later, negates it just before the cue ("without a rules layer") or only asks about it (a
// question) does not cover the item, nor does a chapter pointer (a contents row linking to the file
// that holds the content). An item whose every phrase puts it out of scope is not
// addressed at all (labellers call it missing), while one left for later is still a mention.
// Reads only the item's own hits, so an edit costs a few regex tests per item.
import type { HitGroup, SectionNode } from '../analysis/facts';
import type { CueHit } from '../analysis/signals';
import { FUTURE_WORK_HEADING } from '../framework/elements';
import { OUT_OF_SCOPE } from '../framework/patterns';

/** Words that put a concept out of the design: an item said only this way is not addressed at all. */
const EXCLUDED_NEAR =
  /\b(?:out of (?:the )?scope|not in scope|non-?goals?|for simplicity|to simplify|not (?:yet )?(?:covered|addressed|handled|considered|included|implemented|supported|modell?ed|planned|required|needed|necessary|focus\w*)|(?:do|does|will|need) not (?:necessarily )?(?:need|have to|require|focus|cover|handle|consider)|(?:don't|doesn't|won't) (?:necessarily )?(?:need|have to|require|focus|cover|handle|consider)|excluded)\b/i;
/** Words that leave a concept for later: a mention of it, not a design of it. */
const LATER_NEAR =
  /\b(?:future (?:work|improvements?|iterations?|versions?|enhancements?|extensions?)|in (?:a )?(?:later|future) (?:phase|version|iteration|release))\b/i;
const NEGATED_BEFORE = /\b(?:no|not|without|never)\s+(?:[\w-]+\s+){0,2}$/i;
/** Beyond future work, sections of what is left open: an item named there is mentioned, not designed. */
const OPEN_ISSUES_HEADING = /\b(?:limitations|roadmap|open questions|todo)\b/i;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;
/** A list item or table row led by a link to another file of the doc set: a chapter pointer, its content elsewhere. */
const POINTER_LINE = /^\s*(?:[-*+]|\d+[.)]|\|(?:[^|]*\|)??)\s*(?:\*\*)?\[[^\]]+\]\((?!https?:|#)[^)]+\)/;
const QUESTION = /\?\s*(?:\*\*|__)?\s*$/;
/** Characters read around a cue, within its sentence: a long line may decline something else further on. */
const BEFORE = 100;
const AFTER = 100;
const SENTENCE_END = /[.!?;](?:\s|$)/g;
const NEGATION_REACH = 30;

/**
 * What a cue says of its item: it addresses it, only mentions it (leaves it for later), puts it out
 * of the design, or asks about it (which the answer decides).
 */
type HitReading = 'addresses' | 'mentions' | 'excludes' | 'asks';

/**
 * How the words around a cue read it, remembered per hit: hits live in the segment's cached
 * signals and the words are the segment's own (a hard-wrapped sentence's line before the cue is
 * read too, never a line of another segment), so an edit reads only the hits of the segments it changed.
 */
const readings = new WeakMap<CueHit, HitReading>();

function readByWords(lines: readonly string[], group: HitGroup, hit: CueHit): HitReading {
  let reading = readings.get(hit);
  if (reading === undefined) {
    const line = lines[group.startLine + hit.line] ?? '';
    const previous = hit.line > 0 && !LIST_ITEM.test(line) ? (lines[group.startLine + hit.line - 1] ?? '') : '';
    const joined = previous.trim() ? { text: `${previous} ${line}`, shift: previous.length + 1 } : { text: line, shift: 0 };
    const at = { start: hit.start + joined.shift, end: hit.end + joined.shift };
    const near = sentenceAround(joined.text, at);
    if (QUESTION.test(line)) reading = 'asks';
    else if (POINTER_LINE.test(line)) reading = 'mentions';
    else if (NEGATED_BEFORE.test(joined.text.slice(Math.max(0, at.start - NEGATION_REACH), at.start)) || EXCLUDED_NEAR.test(near))
      reading = 'excludes';
    else reading = LATER_NEAR.test(near) ? 'mentions' : 'addresses';
    readings.set(hit, reading);
  }
  return reading;
}

/** The words of the cue's sentence, no further than BEFORE and AFTER characters from it. */
function sentenceAround(text: string, hit: { start: number; end: number }): string {
  let from = Math.max(0, hit.start - BEFORE);
  let to = Math.min(text.length, hit.end + AFTER);
  SENTENCE_END.lastIndex = from;
  for (let end = SENTENCE_END.exec(text); end && end.index < to; end = SENTENCE_END.exec(text)) {
    if (end.index < hit.start) from = end.index + 1;
    else if (end.index >= hit.end) {
      to = end.index + 1;
      break;
    }
  }
  return text.slice(from, to);
}

/** What the headings above a section say of everything in it, if anything. */
function readByHeadings(section: SectionNode | undefined): HitReading | undefined {
  for (let node = section; node; node = node.parent) {
    if (OUT_OF_SCOPE.test(node.title)) return 'excludes';
    if (FUTURE_WORK_HEADING.test(node.title) || OPEN_ISSUES_HEADING.test(node.title)) return 'mentions';
  }
  return undefined;
}

/** Hits in unfilled template sections do not count either way (they are residue, judged apart). */
const inTemplate = (section: SectionNode | undefined): boolean =>
  Boolean(section?.hollow && section.hollow !== 'image' && section.hollow !== 'diagram');

/**
 * How many distinct cue phrases address the item, counting no further than `enough`.
 */
export function addressingPhrases(groups: readonly HitGroup[], lines: readonly string[], enough: number): number {
  const addressing = new Set<string>();
  for (const group of groups) {
    // A group is one segment, so one section: its headings decide for all its hits.
    const { section } = group;
    if (inTemplate(section) || readByHeadings(section)) continue;
    for (const hit of group.hits) {
      // A phrase declined here may still address the item elsewhere, so its other uses are read too.
      if (addressing.has(hit.phrase) || readByWords(lines, group, hit) !== 'addresses') continue;
      if (addressing.add(hit.phrase).size >= enough) return addressing.size;
    }
  }
  return addressing.size;
}

/**
 * Whether every cue of the item puts it out of the design ("personalisation is out of scope"): the
 * doc then does not address it at all, which a passing mention or a question still does.
 */
export function onlyExcluded(groups: readonly HitGroup[], lines: readonly string[]): boolean {
  let excluded = false;
  for (const group of groups) {
    const { section } = group;
    if (inTemplate(section) || group.hits.length === 0) continue;
    const byHeadings = readByHeadings(section);
    if (byHeadings === 'mentions') return false;
    for (const hit of group.hits) {
      const reading = byHeadings ?? readByWords(lines, group, hit);
      if (reading === 'excludes') excluded = true;
      else if (reading !== 'asks') return false;
    }
  }
  return excluded;
}
