// What an analysis session keeps of the located facts from one keystroke to the next. A keystroke
// in a body rarely changes a section (its heading, lines, hollowness and word count) and changes
// one segment's signals: the section tree, its headings' readings, its outline and line lookups
// are then those of the last analysis, and the facts of every other segment are as they were, so
// the one segment's facts are located and spliced into the remembered lists. Sections, groups and
// the remembered lists are never changed once built (a splice copies), so what is reused is exactly
// what a full pass builds; the incremental property tests check it after any edit.
import type { Section } from '../types';
import type { HitGroup, LocatedFacts, SectionNode } from './facts';
import { publicSection } from './sections';
import type { Segment } from './segments';
import type { SegmentSignals } from './signals';

/** The last analysis's sections and located facts, and what they were built from (built-in heading vocabulary only). */
export interface SectionMemo {
  last?: RememberedSections;
}

export interface RememberedSections {
  segments: readonly Segment[];
  signals: readonly SegmentSignals[];
  sections: SectionNode[];
  sectionAt: (line: number) => SectionNode | undefined;
  inReference: Set<number>;
  outline: Section[];
  /** The outline's sections in document order (one per section), once something read them so. */
  ordered?: readonly Section[];
  /** The length of each section's last line, which the outline's ranges end at. */
  endLengths: number[];
  /** The located facts, and how many entries each segment added to each of COUNTED_KINDS' lists. */
  facts: LocatedFacts;
  counts: Int32Array;
  /** The first line after the preamble: comments above it are the opening ones. */
  opening: number;
}

/** The located facts that are lists with any number of entries per segment, in segment order. */
export const COUNTED_KINDS = ['metrics', 'models', 'objectives', 'placeholders', 'onlineMetricLabels', 'images', 'comments'] as const;

/** Counts what locating segment `index` adds to each counted list: call before (`after` false) and after locating it. */
export function countLocated(counts: Int32Array, index: number, facts: LocatedFacts, after: boolean): void {
  for (let kind = 0; kind < COUNTED_KINDS.length; kind++) {
    const at = index * COUNTED_KINDS.length + kind;
    counts[at] = facts[COUNTED_KINDS[kind]!].length - (after ? counts[at]! : 0);
  }
}

export const NONE = -1;
export const SEVERAL = -2;

/** The index of the one segment whose signals differ, NONE when none does, SEVERAL when more do. */
export function changedSegment(before: readonly SegmentSignals[], after: readonly SegmentSignals[]): number {
  let changed = NONE;
  for (let index = 0; index < after.length; index++) {
    if (before[index] === after[index]) continue;
    if (changed !== NONE) return SEVERAL;
    changed = index;
  }
  return changed;
}

/** The remembered facts of every segment, as they were: nothing changed. */
export function copyLocated(facts: LocatedFacts, previous: LocatedFacts): void {
  for (const kind of COUNTED_KINDS) (facts[kind] as unknown[]) = previous[kind];
  facts.elementHits = previous.elementHits;
  facts.itemHits = previous.itemHits;
  facts.scenarioWords = previous.scenarioWords;
  facts.designStatements = previous.designStatements;
  facts.taskWords = previous.taskWords;
  facts.elementFacets = previous.elementFacets;
  facts.simplerFails = previous.simplerFails;
}

/** What locating fills in segment by segment, before any segment is located. */
export function emptySegmentFacts(): Pick<
  LocatedFacts,
  | 'elementHits'
  | 'itemHits'
  | 'metrics'
  | 'models'
  | 'simplerFails'
  | 'objectives'
  | 'placeholders'
  | 'onlineMetricLabels'
  | 'images'
  | 'comments'
  | 'scenarioWords'
  | 'designStatements'
  | 'taskWords'
  | 'elementFacets'
> {
  return {
    elementHits: new Map(),
    itemHits: new Map(),
    metrics: [],
    models: [],
    simplerFails: false,
    objectives: [],
    placeholders: [],
    onlineMetricLabels: [],
    images: [],
    comments: [],
    scenarioWords: [],
    designStatements: [],
    taskWords: [],
    elementFacets: [],
  };
}

/**
 * The facts of the remembered ones with segment `index`'s replaced by those of its new signals,
 * located as a full pass locates them; returns the per-segment counts of the result. The lists of
 * the previous facts are copied, never changed: an earlier result may still be read.
 */
export function spliceSegment(
  facts: LocatedFacts,
  previous: RememberedSections,
  index: number,
  signals: readonly SegmentSignals[],
  locate: (into: LocatedFacts) => void,
): Int32Array {
  const previousCounts = previous.counts;
  const start = previous.segments[index]!.startLine;
  const located: LocatedFacts = { ...facts, ...emptySegmentFacts() };
  locate(located);
  // Copied only when the segment's count of some kind changed: the counts cover every segment.
  let counts = previousCounts;
  for (let kind = 0; kind < COUNTED_KINDS.length; kind++) {
    const name = COUNTED_KINDS[kind]!;
    const was = previousCounts[index * COUNTED_KINDS.length + kind]!;
    const list = previous.facts[name] as unknown[];
    const added = located[name] as unknown[];
    // The segment had none and has none (most kinds, most keystrokes): the remembered list is this one.
    if (was === 0 && added.length === 0) {
      (facts[name] as unknown[]) = list;
      continue;
    }
    let offset = 0;
    for (let before = 0; before < index; before++) offset += previousCounts[before * COUNTED_KINDS.length + kind]!;
    (facts[name] as unknown[]) = list.slice(0, offset).concat(added, list.slice(offset + was));
    if (added.length === was) continue;
    if (counts === previousCounts) counts = previousCounts.slice();
    counts[index * COUNTED_KINDS.length + kind] = added.length;
  }
  const replaced = previous.signals[index]!;
  facts.elementHits = spliceGroups(previous.facts.elementHits, replaced.elementHits.keys(), located.elementHits, start);
  facts.itemHits = spliceGroups(previous.facts.itemHits, replaced.itemHits.keys(), located.itemHits, start);
  facts.scenarioWords = previous.facts.scenarioWords.slice();
  facts.scenarioWords[index] = located.scenarioWords[0]!;
  facts.designStatements = previous.facts.designStatements.slice();
  facts.designStatements[index] = located.designStatements[0]!;
  facts.taskWords = previous.facts.taskWords.slice();
  facts.taskWords[index] = located.taskWords[0]!;
  facts.elementFacets = previous.facts.elementFacets.slice();
  facts.elementFacets[index] = located.elementFacets[0]!;
  facts.simplerFails = signals.some((each) => each.simplerFails.length > 0);
  return counts;
}

/**
 * One segment's groups (by element or checklist item) replaced: those of the ids it had are taken
 * out, those of the ids it has put in at its place. Each list holds at most one group per segment,
 * in document order, so a segment's group is the one starting on its first line.
 */
function spliceGroups(
  previous: ReadonlyMap<string, HitGroup[]>,
  previousIds: Iterable<string>,
  located: ReadonlyMap<string, HitGroup[]>,
  start: number,
): Map<string, HitGroup[]> {
  const groups = new Map(previous);
  for (const id of previousIds) {
    if (located.has(id)) continue;
    const list = groups.get(id)!;
    const at = firstStartingAtOrAfter(list, start);
    if (list.length === 1) groups.delete(id);
    else groups.set(id, list.slice(0, at).concat(list.slice(at + 1)));
  }
  for (const [id, added] of located) {
    const list = groups.get(id) ?? [];
    const at = firstStartingAtOrAfter(list, start);
    const replaces = list[at]?.startLine === start;
    groups.set(id, list.slice(0, at).concat(added, list.slice(replaces ? at + 1 : at)));
  }
  return groups;
}

/** Index of the first group starting on or after `line` (the list's length when none does). */
function firstStartingAtOrAfter(groups: readonly HitGroup[], line: number): number {
  let low = 0;
  let high = groups.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (groups[middle]!.startLine < line) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the last section whose heading segment is at or before `segment` (-1 when none is). */
export function lastSectionAtOrBefore(sections: readonly SectionNode[], segment: number): number {
  let low = 0;
  let high = sections.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sections[middle]!.segment <= segment) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/**
 * Whether building sections from `segments` and `signals` gives the remembered tree: the same
 * segments start on the same lines, and every heading segment whose signals changed reads the same
 * heading and body as far as a section records them (see buildSections).
 */
export function sameSections(previous: RememberedSections, segments: readonly Segment[], signals: readonly SegmentSignals[]): boolean {
  if (previous.segments.length !== segments.length) return false;
  for (let index = 0; index < segments.length; index++) {
    if (previous.segments[index]!.startLine !== segments[index]!.startLine) return false;
    const before = previous.signals[index]!;
    const after = signals[index]!;
    if (before !== after && !sameSectionReading(before, after)) return false;
  }
  return true;
}

function sameSectionReading(before: SegmentSignals, after: SegmentSignals): boolean {
  const was = before.heading;
  const is = after.heading;
  if (!was || !is) return was === is;
  return (
    was.title === is.title &&
    was.normalized === is.normalized &&
    was.depth === is.depth &&
    was.start === is.start &&
    was.end === is.end &&
    before.lastContentLine === after.lastContentLine &&
    before.body.hollow === after.body.hollow &&
    before.body.words === after.body.words
  );
}

/**
 * The public outline of the remembered sections over `lines`: the remembered outline's sections
 * where the section's last line kept its length (so its range is the same), new ones for the others
 * and the sections holding them (their children changed), built as `publicSections` builds them.
 * Also its sections in document order, one per section, which the next keystroke reads again.
 */
export function outlineOver(previous: RememberedSections, lines: readonly string[]): { outline: Section[]; ordered?: readonly Section[] } {
  const { sections, endLengths } = previous;
  let moved: Set<SectionNode> | undefined;
  for (let index = 0; index < sections.length; index++) {
    if ((lines[sections[index]!.endLine] ?? '').length === endLengths[index]) continue;
    moved ??= new Set();
    for (let node: SectionNode | undefined = sections[index]; node && !moved.has(node); node = node.parent) moved.add(node);
  }
  if (!moved) return previous.ordered ? { outline: previous.outline, ordered: previous.ordered } : { outline: previous.outline };
  const remembered = previous.ordered ?? inDocumentOrder(previous.outline);
  const roots: Section[] = [];
  const ordered: Section[] = [];
  const built = new Map<SectionNode, Section>();
  for (let index = 0; index < sections.length; index++) {
    const section = sections[index]!;
    const parent = section.parent && moved.has(section.parent) ? built.get(section.parent)!.children : section.parent ? undefined : roots;
    if (!moved.has(section)) {
      // Under a section kept as it was, it already is among its children.
      parent?.push(remembered[index]!);
      ordered.push(remembered[index]!);
      continue;
    }
    const out = publicSection(section, lines);
    built.set(section, out);
    parent!.push(out);
    ordered.push(out);
  }
  return { outline: roots, ordered };
}

/** The outline's sections in document order (parents before their children, as the sections are). */
function inDocumentOrder(outline: readonly Section[]): Section[] {
  const ordered: Section[] = [];
  const visit = (sections: readonly Section[]): void => {
    for (const section of sections) {
      ordered.push(section);
      visit(section.children);
    }
  };
  visit(outline);
  return ordered;
}
