// How present one element or checklist item is: a heading naming it with content below, else the
// cue phrases found for it, weighed by where they stand. Shared by element and checklist coverage.
import type { CoverageFact, HitGroup, SectionNode } from '../analysis/facts';
import type { CueHit, HollowReason } from '../analysis/signals';
import type { CoverageGap, Range } from '../types';
import { GROUPS_PER_RUN, RunCache, runEnd, runSource, type RunSource } from '../hit-runs';

/**
 * The sections whose headings name each element or checklist item, in document order, by what
 * `named` reads from a heading. `named` is one constant function per reader: the map is remembered
 * per reader and section list, since a session keeps the section tree a keystroke leaves unchanged
 * and sections never change once built (located-memo.ts). Read it, never change it.
 */
export function sectionsNaming<Id>(
  sections: readonly SectionNode[],
  named: (section: SectionNode) => Iterable<Id>,
): ReadonlyMap<Id, readonly SectionNode[]> {
  let bySections = namingByReader.get(named);
  if (!bySections) namingByReader.set(named, (bySections = new WeakMap()));
  const remembered = bySections.get(sections);
  if (remembered) return remembered as ReadonlyMap<Id, readonly SectionNode[]>;
  const naming = new Map<Id, SectionNode[]>();
  for (const section of sections) {
    for (const id of named(section)) {
      const list = naming.get(id);
      if (list) list.push(section);
      else naming.set(id, [section]);
    }
  }
  bySections.set(sections, naming);
  return naming;
}

const namingByReader = new WeakMap<
  (section: SectionNode) => Iterable<unknown>,
  WeakMap<readonly SectionNode[], ReadonlyMap<unknown, readonly SectionNode[]>>
>();

/**
 * One element's (or checklist item's) status. A heading that names it with real content below is
 * present; otherwise the cue phrases found anywhere add up, each phrase counted at most twice,
 * phrases on bare topic bullets at half weight and phrases under a heading that names the concept
 * at one and a half.
 */
export function judgeCoverage(
  presentAt: number,
  groups: readonly HitGroup[],
  named: readonly SectionNode[],
  strengthOf: (section: SectionNode) => 'specific' | 'broad' | undefined,
  hintsForPartial = PARTIAL_AT,
): CoverageFact {
  // A heading's content counts when it is in its own body or in sub-sections that are about the
  // same concept or about nothing in particular, not in sub-sections that name other elements.
  const contentFor = (section: SectionNode): boolean =>
    !section.hollow ||
    section.children.some((child) => (strengthOf(child) || (child.elements.size === 0 && child.items.size === 0)) && contentFor(child));
  // Prefer the section whose own body holds the content ("Ingestion" over its part "Data pipeline").
  const withContent = named.filter((section) => strengthOf(section) === 'specific' && contentFor(section));
  const specificWithContent = withContent.find((section) => !section.hollow) ?? withContent[0];
  if (specificWithContent)
    return {
      status: 'present',
      evidence: specificWithContent.headingRange,
      section: specificWithContent,
      residueOnly: false,
      score: presentAt,
    };

  const { strong, hints, best } = weighHits(groups, strengthOf);
  // Hints (weight below 1) can make a concept partial, never present on their own.
  const score = strong + Math.min(hints, HINT_CAP);
  const bestRange: Range | undefined = best
    ? { start: { line: best.line, character: best.hit.start }, end: { line: best.line, character: best.hit.end } }
    : undefined;
  if (score >= presentAt && bestRange) return { status: 'present', evidence: bestRange, residueOnly: false, score };
  // Only a heading about this concept alone makes it partial; a broad heading ("Data preparation")
  // that is hollow says nothing about which of its concepts is missing.
  const specificNamed = named.filter((section) => strengthOf(section) === 'specific');
  const hollowNamed = specificNamed.find((section) => section.children.length === 0) ?? specificNamed[0];
  if (hollowNamed) {
    // An unfilled template section is reported once, as residue, whatever passing mentions exist
    // elsewhere. A part's heading ("## Data pipeline") over sections about other elements is not
    // one: the template-residue verdict leaves it alone, so the element reports it.
    const overOthers = hollowNamed.children.length > 0;
    const residueOnly =
      !overOthers && (hollowNamed.hollow === 'empty' || hollowNamed.hollow === 'placeholder' || hollowNamed.hollow === 'bare');
    const fact: CoverageFact = {
      status: 'partial',
      evidence: hollowNamed.headingRange,
      section: hollowNamed,
      residueOnly,
      score,
      gap:
        overOthers && hollowNamed.hollow === 'empty'
          ? 'only-part-heading'
          : hollowNamed.hollow
            ? HOLLOW_GAP[hollowNamed.hollow]
            : 'passing-mention',
    };
    // Inserting a skeleton for a concept the text already mentions must not take that mention's credit away.
    if (residueOnly && mentionedOutside(groups, hollowNamed, strengthOf, hintsForPartial)) fact.mentionedElsewhere = true;
    return fact;
  }
  // One passing hint ("bias", "lookup") is noise; a real cue phrase or several hints are a mention.
  if ((strong >= PARTIAL_AT || hints >= hintsForPartial) && bestRange)
    return { status: 'partial', evidence: bestRange, residueOnly: false, score, gap: 'passing-mention' };
  return { status: 'missing', residueOnly: false, score };
}

/** Whether the cue phrases outside `section` alone make a passing mention. */
function mentionedOutside(
  groups: readonly HitGroup[],
  section: SectionNode,
  strengthOf: (section: SectionNode) => 'specific' | 'broad' | undefined,
  hintsForPartial: number,
): boolean {
  const outside = groups.filter((group) => group.startLine < section.startLine || group.startLine > section.endLine);
  if (outside.length === 0) return false;
  const { strong, hints, best } = weighHits(outside, strengthOf);
  return best !== undefined && (strong >= PARTIAL_AT || hints >= hintsForPartial);
}

/**
 * The cue phrases' weight, real cues and hints apart, and the phrase that weighs most (the first of
 * equals). Repeating a phrase is not more evidence: each phrase counts once, where it weighs most.
 * This runs for every element and checklist item on every edit: each group's hits are reduced to
 * their phrases once per place they can stand in (they live in the segment's cached signals), and
 * runs of consecutive groups once while their hits and places stay the same.
 */
function weighHits(groups: readonly HitGroup[], strengthOf: (section: SectionNode) => 'specific' | 'broad' | undefined): Weight {
  // A session keeps the lists of groups an edit did not touch, and a list is one element's or
  // item's, always weighed with its strength; its groups and their sections never change, so the
  // groups stand in the same places and the weight is the same.
  const remembered = weights.get(groups);
  if (remembered) return remembered;
  const weight = weighPlacedHits(groups, strengthOf);
  weights.set(groups, weight);
  return weight;
}

interface Weight {
  strong: number;
  hints: number;
  best: { hit: CueHit; line: number } | undefined;
}

/** The weight of each list of groups. */
const weights = new WeakMap<readonly HitGroup[], Weight>();

/** A phrase at its best (the first of equals), on a line relative to the first group of its run. */
interface WeighedPhrase {
  hit: CueHit;
  line: number;
  value: number;
}

function weighPlacedHits(groups: readonly HitGroup[], strengthOf: (section: SectionNode) => 'specific' | 'broad' | undefined): Weight {
  // Where each group stands, read only for the runs not found by their groups themselves.
  const places = new Uint8Array(groups.length);
  // Runs come in document order, each with its phrases in the order first seen at their first best:
  // keeping the first of equals across runs keeps the first of equals across all the groups.
  const byPhrase = new Map<string, WeighedPhrase>();
  for (let from = 0; from < groups.length; from += GROUPS_PER_RUN) {
    const base = groups[from]!.startLine;
    for (const { hit, line, value } of placedRun(groups, places, from, strengthOf).phrases) {
      const previous = byPhrase.get(hit.phrase);
      if (!previous || value > previous.value) byPhrase.set(hit.phrase, { hit, line: base + line, value });
    }
  }
  let strong = 0;
  let hints = 0;
  let best: { hit: CueHit; line: number } | undefined;
  let bestValue = 0;
  for (const { hit, line, value } of byPhrase.values()) {
    if (hit.weight < 1) hints += value;
    else strong += value;
    if (value > bestValue || (value === bestValue && best && line < best.line)) {
      best = { hit, line };
      bestValue = value;
    }
  }
  return { strong, hints, best };
}

/**
 * Consecutive groups weighed together, with what they were weighed from. An edit changes the hits
 * of one segment, hence of one run of each list it touches: the list is weighed again from the runs,
 * and only that run from its hits.
 */
interface PlacedRun extends RunSource {
  phrases: readonly WeighedPhrase[];
}

const placedRuns = new RunCache<PlacedRun>();

function placedRun(
  groups: readonly HitGroup[],
  places: Uint8Array,
  from: number,
  strengthOf: (section: SectionNode) => 'specific' | 'broad' | undefined,
): PlacedRun {
  const to = runEnd(groups, from);
  const same = placedRuns.findSame(groups, from, to, '');
  if (same) return same;
  // Every hit of a group stands in the section holding its segment: where it stands is read once per group.
  for (let index = from; index < to; index++) {
    const group = groups[index]!;
    if (group.hits.length > 0)
      places[index] = group.section?.hollow ? IN_TEMPLATE : isUnderNamed(group.section, strengthOf) ? UNDER_NAMED : ELSEWHERE;
  }
  return placedRuns.find(groups, places, from, to, '') ?? placedRuns.remember(groups, from, weighRun(groups, places, from, to));
}

function weighRun(groups: readonly HitGroup[], places: Uint8Array, from: number, to: number): PlacedRun {
  const base = groups[from]!.startLine;
  const byPhrase = new Map<string, WeighedPhrase>();
  for (let index = from; index < to; index++) {
    const group = groups[index]!;
    if (group.hits.length === 0) continue;
    for (const { hit, value } of phrasesOf(group.hits, places[index] as Place)) {
      const previous = byPhrase.get(hit.phrase);
      if (!previous || value > previous.value) byPhrase.set(hit.phrase, { hit, line: group.startLine - base + hit.line, value });
    }
  }
  return { ...runSource(groups, places, from, to, ''), phrases: [...byPhrase.values()] };
}

/** Where a group of hits stands, which sets what each hit is worth (see hitValue). */
const ELSEWHERE = 0;
const UNDER_NAMED = 1;
const IN_TEMPLATE = 2;
type Place = typeof ELSEWHERE | typeof UNDER_NAMED | typeof IN_TEMPLATE;

/** A hits list's phrases by place, each at its best (the first of equals), reduced when first asked for. */
const phrasesByPlace = new WeakMap<readonly CueHit[], (readonly { hit: CueHit; value: number }[] | undefined)[]>();

function phrasesOf(hits: readonly CueHit[], place: Place): readonly { hit: CueHit; value: number }[] {
  let byPlace = phrasesByPlace.get(hits);
  if (!byPlace) phrasesByPlace.set(hits, (byPlace = []));
  let reduced = byPlace[place];
  if (!reduced) {
    const best = new Map<string, { hit: CueHit; value: number }>();
    for (const hit of hits) {
      const value = hitValue(hit, place === IN_TEMPLATE, place === UNDER_NAMED);
      const previous = best.get(hit.phrase);
      if (!previous || value > previous.value) best.set(hit.phrase, { hit, value });
    }
    byPlace[place] = reduced = [...best.values()];
  }
  return reduced;
}

const HOLLOW_GAP: Record<HollowReason, CoverageGap> = {
  empty: 'empty-section',
  placeholder: 'only-placeholder',
  bare: 'only-bare-bullets',
  image: 'only-image',
  diagram: 'only-diagram',
};

const HINT_CAP = 0.75;
/** Below this, cue phrases are noise: the concept is missing. */
const PARTIAL_AT = 0.25;

/**
 * What one cue phrase is worth: half on a bare topic bullet, half again (at most 0.5) inside a
 * section that is itself an unfilled template, one and a half under a heading naming the concept.
 */
function hitValue(hit: CueHit, inTemplate: boolean, underNamed: boolean): number {
  let value = hit.weight * (hit.substantive ? 1 : 0.5);
  if (inTemplate) return Math.min(value * 0.5, 0.5);
  if (underNamed) value *= 1.5;
  return value;
}

/** Whether the section or one above it names the concept. */
function isUnderNamed(section: SectionNode | undefined, strengthOf: (section: SectionNode) => 'specific' | 'broad' | undefined): boolean {
  for (let node = section; node; node = node.parent) if (strengthOf(node)) return true;
  return false;
}
