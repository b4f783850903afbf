// Which cue phrases of a checklist item address it, rather than decline it: a phrase said only where
// the doc puts the concept out of scope ("for simplicity, no personalisation is required"), leaves
// it for later, negates it just before the cue ("without a rules layer") or only asks about it (a
// question) does not cover the item. Reads only the item's own hits, so an edit costs a few regex
// tests per item.
import type { HitGroup, SectionNode } from '../analysis/facts';
import type { CueHit } from '../analysis/signals';

const DECLINED_NEAR =
  /\b(?:out of (?:the )?scope|not in scope|non-?goals?|for simplicity|future (?:work|improvements?|iterations?|versions?|enhancements?|extensions?)|in (?:a )?(?:later|future) (?:phase|version|iteration|release)|not (?:yet )?(?:covered|addressed|handled|considered|included|implemented|supported|modell?ed|planned|required|needed|necessary|focus\w*)|(?:do|does|will|need) not (?:need|require|focus|cover|handle|consider)|(?:don't|doesn't|won't) (?:need|require|focus|cover|handle|consider)|excluded)\b/i;
const NEGATED_BEFORE = /\b(?:no|not|without|never)\s+(?:[\w-]+\s+){0,2}$/i;
const DECLINED_HEADING = /\b(?:out of scope|non-?goals?|future|next steps|limitations|roadmap|open questions|not covered|todo)\b/i;
const QUESTION = /\?\s*(?:\*\*|__)?\s*$/;
/** Characters read around a cue: a long line may decline something else further on. */
const BEFORE = 60;
const AFTER = 40;
const NEGATION_REACH = 30;

/**
 * Whether the words around a cue decline it, remembered per hit: hits live in the segment's cached
 * signals and the words are the segment's own, so an edit reads only the hits of the segments it changed.
 */
const declinedHits = new WeakMap<CueHit, boolean>();

function declinedByWords(text: string, hit: CueHit): boolean {
  let declined = declinedHits.get(hit);
  if (declined === undefined) {
    declined =
      QUESTION.test(text) ||
      NEGATED_BEFORE.test(text.slice(Math.max(0, hit.start - NEGATION_REACH), hit.start)) ||
      DECLINED_NEAR.test(text.slice(Math.max(0, hit.start - BEFORE), Math.min(text.length, hit.end + AFTER)));
    declinedHits.set(hit, declined);
  }
  return declined;
}

function underDecliningHeading(section: SectionNode | undefined): boolean {
  for (let node = section; node; node = node.parent) if (DECLINED_HEADING.test(node.title)) return true;
  return false;
}

/**
 * How many distinct cue phrases address the item, counting no further than `enough`. Hits in
 * unfilled template sections do not count (they are residue, judged apart).
 */
export function addressingPhrases(groups: readonly HitGroup[], lines: readonly string[], enough: number): number {
  const addressing = new Set<string>();
  for (const group of groups) {
    // A group is one segment, so one section: its heading decides for all its hits.
    const { section } = group;
    if ((section?.hollow && section.hollow !== 'image' && section.hollow !== 'diagram') || underDecliningHeading(section)) continue;
    for (const hit of group.hits) {
      // A phrase declined here may still address the item elsewhere, so its other uses are read too.
      if (addressing.has(hit.phrase) || declinedByWords(lines[group.startLine + hit.line] ?? '', hit)) continue;
      if (addressing.add(hit.phrase).size >= enough) return addressing.size;
    }
  }
  return addressing.size;
}
