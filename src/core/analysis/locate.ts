// The located-facts phase: turns segments and their signals into facts at document positions
// (sections and what their headings name, cue hits, metric and model mentions, objectives,
// placeholders, comments, images, directives). The verdict modules read these facts only; this is
// the last place that sees segments and signals.
import type { Range } from '../types';
import type {
  DirectiveComment,
  DocumentContext,
  HitGroup,
  LocatedComment,
  LocatedFacts,
  LocatedSegment,
  MetricMention,
  SectionNode,
} from './facts';
import { configAliases, matchHeading, type HeadingReadings } from './headings';
import { buildSections, publicSections, referenceLines, sectionLocator } from './sections';
import type { Segment } from './segments';
import type { SegmentSignals, Span } from './signals';
import {
  changedSegment,
  copyLocated,
  countLocated,
  COUNTED_KINDS,
  emptySegmentFacts,
  lastSectionAtOrBefore,
  NONE,
  outlineOver,
  sameSections,
  SEVERAL,
  spliceSegment,
  type RememberedSections,
  type SectionMemo,
} from './located-memo';
import { pausesAfter, type Steps } from './steps';
import { parseDirective } from '../suppression';
import { documentLexiconScores } from '../learned/lexicon-scores';
import { ELEMENT_MODEL } from '../learned/model';

export interface CombineInput extends DocumentContext {
  segments: readonly Segment[];
  signals: readonly SegmentSignals[];
  /** The session's remembered heading readings. */
  headingReadings: HeadingReadings;
  /** The session's last section tree and located facts, reused while the headings and what they hold stay the same. */
  sectionMemo?: SectionMemo;
}

export type { SectionMemo } from './located-memo';

/** The located facts of the document, in steps: each pass over segments or sections pauses every thousand items. */
export function* locateFacts(input: CombineInput): Steps<LocatedFacts> {
  const { lines, segments, signals, config } = input;
  const aliasMatchers = configAliases(config);
  // Headings read with configured aliases are read afresh each time (the aliases may change).
  const previous = aliasMatchers.size === 0 ? input.sectionMemo?.last : undefined;
  const reused = previous && sameSections(previous, segments, signals) ? previous : undefined;
  let sections: SectionNode[];
  if (reused) {
    sections = reused.sections;
    yield;
  } else {
    sections = yield* buildSections(segments, signals);
    yield;
    for (let index = 0; index < sections.length; index++) {
      matchHeading(sections[index]!, aliasMatchers, input.headingReadings);
      if (pausesAfter(index)) yield;
    }
  }
  yield;
  const inReference = reused?.inReference ?? referenceLines(sections);
  const { facts, counts } = yield* locateSegments(input, sections, inReference, reused);
  const opening = segments[1]?.startLine ?? Infinity;
  // The same comments below the same opening read the same: directives are parsed once, not on every keystroke.
  const asBefore = reused?.facts.comments === facts.comments && reused.opening === opening ? reused.facts : undefined;
  facts.openingComments = asBefore?.openingComments ?? facts.comments.filter((comment) => comment.range.start.line < opening);
  const read = asBefore ?? readDirectives(facts.comments);
  facts.directives = read.directives;
  facts.notDirectives = read.notDirectives;
  const frontMatterRange = frontMatterLines(signals[0], lines);
  if (frontMatterRange) facts.frontMatterRange = frontMatterRange;
  const { outline, ordered } = reused
    ? outlineOver(reused, lines)
    : { outline: yield* publicSections(sections, lines), ordered: undefined };
  facts.outline = outline;
  if (input.sectionMemo && aliasMatchers.size === 0) {
    const remembered: RememberedSections = {
      segments,
      signals,
      sections,
      sectionAt: facts.sectionAt,
      inReference,
      outline,
      // The same outline ends on lines of the same lengths.
      endLengths: reused?.outline === outline ? reused.endLengths : sections.map((section) => (lines[section.endLine] ?? '').length),
      facts,
      counts,
      opening,
    };
    if (ordered) remembered.ordered = ordered;
    input.sectionMemo.last = remembered;
  }
  return facts;
}

/**
 * Every segment's facts, and how many entries each added to each counted list. With the remembered
 * section tree and one changed segment at most, the others' facts are the remembered ones.
 */
function* locateSegments(
  input: CombineInput,
  sections: SectionNode[],
  inReference: Set<number>,
  reused: RememberedSections | undefined,
): Steps<{ facts: LocatedFacts; counts: Int32Array }> {
  const { segments, signals } = input;
  const changed = reused ? changedSegment(reused.signals, signals) : SEVERAL;
  if (reused && changed === NONE) {
    const facts = emptyFacts(input, sections, reused.sectionAt, reused.facts.segments);
    copyLocated(facts, reused.facts);
    return { facts, counts: reused.counts };
  }
  if (reused && changed !== SEVERAL) {
    const located = reused.facts.segments.slice();
    located[changed] = locatedSegment(segments[changed]!, signals[changed]!);
    const facts = emptyFacts(input, sections, reused.sectionAt, located);
    // The section whose heading is this segment's, else the innermost one before it.
    const at = lastSectionAtOrBefore(sections, changed);
    const own = sections[at]?.segment === changed ? sections[at] : undefined;
    const start = segments[changed]!.startLine;
    const locate = (into: LocatedFacts): void => locateSegment(into, signals[changed]!, start, inReference, own, sections[at]);
    return { facts, counts: spliceSegment(facts, reused, changed, signals, locate) };
  }
  const facts = emptyFacts(input, sections, reused?.sectionAt);
  const counts = new Int32Array(segments.length * COUNTED_KINDS.length);
  let next = 0;
  for (let index = 0; index < signals.length; index++) {
    while (next < sections.length && sections[next]!.segment < index) next++;
    const own = sections[next]?.segment === index ? sections[next] : undefined;
    countLocated(counts, index, facts, false);
    // Sections start at segments: the innermost one holding this segment is its own or the last before it.
    locateSegment(facts, signals[index]!, segments[index]!.startLine, inReference, own, own ?? sections[next - 1]);
    countLocated(counts, index, facts, true);
    if (pausesAfter(index)) yield;
  }
  return { facts, counts };
}

function emptyFacts(
  input: CombineInput,
  sections: SectionNode[],
  sectionAt: (line: number) => SectionNode | undefined = sectionLocator(sections),
  segments: LocatedSegment[] = input.segments.map((segment, index) => locatedSegment(segment, input.signals[index]!)),
): LocatedFacts {
  const facts: LocatedFacts = {
    text: input.text,
    lines: input.lines,
    config: input.config,
    frontMatter: input.frontMatter,
    sections,
    sectionAt,
    outline: [],
    ...emptySegmentFacts(),
    openingComments: [],
    directives: [],
    notDirectives: [],
    segments,
    lexicon: documentLexiconScores(ELEMENT_MODEL, input.segments, input.signals),
  };
  if (input.frontMatterError) facts.frontMatterError = input.frontMatterError;
  if (input.path) facts.path = input.path;
  if (input.wrapper) facts.wrapper = input.wrapper;
  if (input.swallowing) facts.swallowing = input.swallowing;
  if (input.swallowingRawHtml) facts.swallowingRawHtml = input.swallowingRawHtml;
  return facts;
}

function locatedSegment(segment: Segment, signals: SegmentSignals): LocatedSegment {
  return { text: segment.text, startLine: segment.startLine, lineCount: segment.lineCount, words: signals.body.words };
}

/**
 * Adds one segment's signals to the facts at document positions. Cue, metric and model hits on
 * reference lines are left out of judging; cue hits stay in their cached signals: most elements
 * are settled by a heading and never look at them, and copying each hit on every edit cost more
 * than the judging. No closures here: this runs for every segment on every edit.
 */
function locateSegment(
  facts: LocatedFacts,
  signal: SegmentSignals,
  start: number,
  inReference: Set<number>,
  own: SectionNode | undefined,
  holding: SectionNode | undefined,
): void {
  const reference = inReference.has(start) || inReference.has(start + signal.lineCount - 1) ? inReference : undefined;
  for (const [id, hits] of signal.elementHits)
    addGroup(facts.elementHits, id, { startLine: start, hits: reference ? outside(hits, start, reference) : hits, section: holding });
  for (const [id, hits] of signal.itemHits)
    addGroup(facts.itemHits, id, { startLine: start, hits: reference ? outside(hits, start, reference) : hits, section: holding });
  for (const hit of reference ? outside(signal.metrics, start, reference) : signal.metrics) {
    const mention: MetricMention = {
      name: hit.name,
      text: hit.text,
      range: rangeAt(start, hit),
      negated: hit.negated,
      asLoss: hit.asLoss,
      inTradeoff: hit.inTradeoff,
    };
    if (hit.statedRole) mention.statedRole = hit.statedRole;
    if (hit.plainSense) mention.plainSense = true;
    facts.metrics.push(mention);
  }
  for (const span of signal.complexModels)
    facts.models.push({
      range: rangeAt(start, span),
      justified: span.justified,
      inReference: reference !== undefined && reference.has(start + span.line),
    });
  if (signal.simplerFails.length > 0) facts.simplerFails = true;
  for (const objective of signal.objectives)
    facts.objectives.push({ target: objective.target, justified: objective.justified, range: rangeAt(start, objective) });
  for (const span of signal.placeholders) facts.placeholders.push(rangeAt(start, span));
  for (const span of signal.onlineMetricLabels) facts.onlineMetricLabels.push(rangeAt(start, span));
  for (const image of signal.images)
    facts.images.push(
      own
        ? { alt: image.alt, url: image.url, range: rangeAt(start, image), section: own }
        : { alt: image.alt, url: image.url, range: rangeAt(start, image) },
    );
  for (const comment of signal.comments) {
    const located: LocatedComment = {
      text: comment.text,
      range: {
        start: { line: start + comment.startLine, character: comment.start },
        end: { line: start + comment.endLine, character: comment.end },
      },
    };
    if (comment.inline) located.inline = true;
    facts.comments.push(located);
  }
  facts.scenarioWords.push(signal.scenarioWords);
  facts.designStatements.push(signal.designStatements);
  facts.taskWords.push(signal.taskWords);
  facts.elementFacets.push(signal.elementFacets);
}

function rangeAt(start: number, span: Span): Range {
  return { start: { line: start + span.line, character: span.start }, end: { line: start + span.line, character: span.end } };
}

/** The hits of a segment starting on line `start` that are not on reference lines. */
function outside<T extends { line: number }>(hits: readonly T[], start: number, reference: Set<number>): T[] {
  return hits.filter((hit) => !reference.has(start + hit.line));
}

function addGroup(into: Map<string, HitGroup[]>, id: string, group: HitGroup): void {
  const groups = into.get(id);
  if (groups) groups.push(group);
  else into.set(id, [group]);
}

function readDirectives(comments: readonly LocatedComment[]): { directives: DirectiveComment[]; notDirectives: LocatedComment[] } {
  const directives: DirectiveComment[] = [];
  const notDirectives: LocatedComment[] = [];
  for (const comment of comments) {
    const directive = parseDirective(comment.text);
    if (directive) {
      const read: DirectiveComment = { ...directive, range: comment.range };
      if (comment.inline) read.inline = true;
      directives.push(read);
    } else if (/^mlsd-/i.test(comment.text)) notDirectives.push(comment);
  }
  return { directives, notDirectives };
}

function frontMatterLines(first: SegmentSignals | undefined, lines: readonly string[]): Range | undefined {
  if (!first?.frontMatter) return undefined;
  const end = first.frontMatter.endLine;
  return { start: { line: 0, character: 0 }, end: { line: end, character: (lines[end] ?? '').length } };
}
