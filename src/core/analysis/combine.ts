// Document-level verdicts, computed only from per-segment signals (plus the configuration, which
// only touches headings and front matter). This is the cheap half of the analysis: an incremental
// session keeps the signals of unchanged segments and calls `combineSignals` again.
import { ELEMENTS, PARTS, type ElementSpec, type HeadingAlias, type PartId } from '../framework/elements';
import { metricFit, metricSpec, ROLE_CUES } from '../framework/metrics';
import { anyWord, escapeRegExp } from '../framework/patterns';
import { CHECKLIST_ITEMS, checklistItemSpec, scenarioSpec, TASK_CUES } from '../framework/scenarios';
import { ELEMENT_IDS, PITFALL_IDS, SCENARIO_IDS, type Coverage, type CoverageGap, type DesignDocModel, type ElementId, type MetricRole, type MlsdConfig, type PitfallId, type Range, type ScenarioId, type ScenarioSource, type Section, type TaskType } from '../types';
import type { CoverageFact, DirectiveComment, DocumentFacts, HiddenFact, MetricFact, ResidueFact, SectionNode } from './facts';
import type { MarkdownWrapper, Segment, SwallowingFence } from './segments';
import { addScenarioWords, type CueHit, type HollowReason, type SegmentSignals, type Span } from './signals';
import { RESIDUE_GAPS } from '../coverage-gaps';
import { matchesGlob } from './glob';
import { pausesAfter, type Steps } from './steps';
import { lastAtOrBefore } from '../sorted';
import { REPORT_MARKER } from '../report';
import { applyLearnedVerdicts } from '../learned/verdict';

export interface CombineInput {
  text: string;
  lines: readonly string[];
  segments: readonly Segment[];
  signals: readonly SegmentSignals[];
  config: MlsdConfig;
  /** Front matter as parsed (undefined when absent or malformed). */
  frontMatter: Record<string, unknown> | undefined;
  frontMatterError?: { range: Range; message: string };
  path?: string;
  /** A ```markdown fence wrapping the document, whose fence lines were blanked before analysis. */
  wrapper?: MarkdownWrapper;
  /** A fence never closed, whose swallowed headings were split into sections all the same. */
  swallowing?: SwallowingFence;
}

/** Sections about other systems or further reading: their words describe someone else's design. */
const REFERENCE_HEADINGS = /^(?:references?|resources|more resources|further reading|reading list|related(?: \S+){0,3}|see also|links|bibliography|acknowledg\w*|seen in production|in production elsewhere|case studies|industry examples|real[- ]world (?:systems|examples))$/i;

const README_HEADINGS = anyWord(['installation', 'install', 'usage', 'getting started', 'quick ?start', 'license', 'contributing', 'changelog', 'release notes', 'added', 'fixed', 'changed', 'removed', 'deprecated', 'security', 'unreleased', 'api reference', 'faq', 'acknowledg\\w+']);
const VERSION_HEADING = /^\[?v?\d+\.\d+/;
const EVALUATION_HEADING = anyWord(['metrics?', 'evaluation', 'results', 'success criteria', 'метрики']);
const METRIC_CONTEXT = anyWord(['metrics?', 'measured?', 'measur(?:e|ing) (?:by|with)', 'evaluat\\w+', 'optimi[sz]\\w*', 'track\\w*', 'report\\w*', 'kpis?', 'objective', 'success']);
const METRIC_IMAGE = anyWord(['metrics?', 'auc', 'roc', 'pr', 'ndcg', 'precision', 'recall', 'accuracy', 'loss', 'evaluation', 'mape', 'rmse', 'mae', 'f1', 'offline']);

/**
 * Combines the document in steps: each `yield` is a point where a sliced analysis may hand the
 * host its turn, so even a 50,000-line document never blocks the editor for long. Run to the end
 * it is the plain, synchronous combination (see `runSteps`).
 */
export function* combineSteps(input: CombineInput): Steps<DocumentFacts> {
  const { lines, segments, signals, config } = input;
  const at = (segment: number, span: Span): Range => ({
    start: { line: segments[segment]!.startLine + span.line, character: span.start },
    end: { line: segments[segment]!.startLine + span.line, character: span.end },
  });

  const sections = yield* buildSections(input);
  const sectionAt = sectionLocator(sections);
  yield;
  const aliasMatchers = configAliases(config);
  for (let index = 0; index < sections.length; index++) {
    matchHeading(sections[index]!, aliasMatchers);
    if (pausesAfter(index)) yield;
  }
  yield;
  const inReference = referenceLines(sections);
  const signalsForJudging = inReference.size ? withoutReferenceHits(signals, segments, inReference) : signals;

  // Element coverage.
  const located = yield* locateHits(signalsForJudging, segments);
  const naming = sectionsNaming(sections);
  const elements = {} as Record<ElementId, CoverageFact>;
  for (const spec of ELEMENTS) {
    const groups = located.elements.get(spec.id) ?? [];
    const fact = judgeCoverage(spec.presentAt, groups, naming.elements.get(spec.id) ?? [], (section) => section.elements.get(spec.id), sectionAt, ELEMENT_HINTS_FOR_PARTIAL);
    // Constraints that raise latency but give no number are partial (FRAMEWORK.md: "a number with a
    // unit"). Only where the problem is framed: latency logged by monitoring is no requirement.
    const required = spec.requires;
    // A placeholder anywhere ("Latency: TBD with eng") raises it too.
    if (required && fact.status === 'present' && !groups.some((group) => group.hits.some((hit) => hit.weight >= required.weight)) && (raisedWhereFramed(required.raisedBy, spec, sections, lines) || raisedByPlaceholder(required.raisedBy, signalsForJudging, segments, lines))) Object.assign(fact, { status: 'partial', gap: required.gap });
    elements[spec.id] = fact;
    yield;
  }

  // Metrics with roles.
  const metrics: MetricFact[] = [];
  for (let index = 0; index < signalsForJudging.length; index++) {
    const signal = signalsForJudging[index]!;
    if (pausesAfter(index)) yield;
    for (const hit of signal.metrics) {
      const range = at(index, hit);
      const section = sectionAt(range.start.line);
      const inEvaluation = isEvaluationSection(section);
      const lineText = lines[range.start.line] ?? '';
      let role: MetricRole = compatibleRole(hit.name, hit.statedRole) ?? compatibleRole(hit.name, headingRole(section)) ?? 'unknown';
      if (hit.asLoss || hit.inTradeoff) role = 'unknown';
      else if (role === 'unknown') role = contextualRole(hit.name, section, inEvaluation || METRIC_CONTEXT.test(lineText));
      metrics.push({ name: hit.name, text: hit.text, range, role, negated: hit.negated, section, inEvaluation });
    }
  }

  yield;

  // Scenario and task.
  const scenario = decideScenario(input, sections);
  const task = decideTask(scenario.id, input, sections);
  for (const metric of metrics) {
    const fit = metricFit(metric.name, task);
    if (fit) metric.fit = fit;
  }

  // Offline metrics complete the evaluation and model-metric elements.
  const offline = metrics.filter((metric) => (metric.role === 'offline' || metric.role === 'model') && !metric.negated);
  const evaluation = elements['evaluation.offline'];
  const firstOffline = offline.find((metric) => metric.inEvaluation) ?? offline[0];
  if (firstOffline && evaluation.status !== 'present') setPresent(evaluation, firstOffline.range);
  const business = elements['framing.business-metric'];
  // Outcome metrics the document measures (business, or online ones such as prevalence and
  // conversion rate) show what success is: two distinct ones cover the business metric.
  const outcomes = metrics.filter((metric) => (metric.role === 'business' || metric.role === 'online') && !metric.negated);
  const outcomeNames = new Set(outcomes.map((metric) => metric.text.toLowerCase()));
  if (outcomes[0] && business.status !== 'present') {
    if (outcomeNames.size >= 2) setPresent(business, outcomes[0].range);
    else if (business.status === 'missing') Object.assign(business, { status: 'partial', evidence: outcomes[0].range, gap: 'single-outcome-metric' });
  }
  const modelMetric = elements['framing.model-metric'];
  if (firstOffline && modelMetric.status !== 'present') {
    // A business-metric skeleton still waiting to be filled in has nothing for the model metric to drive.
    if (business.status !== 'missing' && !business.residueOnly) setPresent(modelMetric, firstOffline.range);
    else if (modelMetric.status === 'missing') Object.assign(modelMetric, { status: 'partial', evidence: firstOffline.range, gap: 'no-business-metric' });
  }
  // The model fitted on the labelled corpus settles each element's status from that reading.
  applyLearnedVerdicts(elements, { lines, signals: signalsForJudging, segments, sectionAt, hits: located.elements, naming: naming.elements });

  // Scenario checklist (the scenario's items plus any the configuration requires).
  const itemIds = [...(scenarioSpec(scenario.id)?.items.map((item) => item.id) ?? [])];
  for (const id of config.requiredItems ?? []) if (checklistItemSpec(id) && !itemIds.includes(id)) itemIds.push(id);
  const items = new Map<string, CoverageFact>();
  for (const id of itemIds) {
    items.set(id, judgeCoverage(2, located.items.get(id) ?? [], naming.items.get(id) ?? [], (section) => (section.items.has(id) ? 'specific' : undefined), sectionAt));
  }

  yield;
  const headline = pickHeadline(offline);
  const hidden = findHiddenContent(input, sections, at, metrics);
  const offlineMetric = judgeOfflineMetric(offline, headline, hidden, sections);
  yield;
  const residue = findResidue(input, sections, at, sectionAt);
  yield;
  const directives = readDirectives(signals, segments);
  const pitfallFacts = judgePitfalls({ ...input, signals: signalsForJudging }, sections, elements, at);

  yield;
  const model: DesignDocModel = {
    isDesignDoc: false,
    frontMatter: input.frontMatter,
    sections: yield* publicSections(sections, lines),
    scenario,
    task,
    elements: ELEMENT_IDS.map((id) => coverageOut(id, elements[id])),
    scenarioItems: itemIds.map((id) => coverageOut(id, items.get(id)!)),
    metrics: metrics.map((metric) => ({ name: metric.name, text: metric.text, role: metric.role, range: metric.range, negated: metric.negated })),
    offlineMetric,
    pitfalls: pitfallFacts.pitfalls,
    templateResidue: residue.length > 0,
    hiddenContent: hidden.length > 0,
    score: 0,
  };
  model.isDesignDoc = isDesignDoc(input, sections, elements);
  model.score = score(model);

  const facts: DocumentFacts = {
    text: input.text,
    lines,
    segments,
    signals,
    config,
    sections,
    elements,
    items,
    metrics,
    task,
    residue,
    hidden,
    directives,
    model,
  };
  if (headline) facts.headline = headline;
  if (pitfallFacts.firstModelLine !== undefined) facts.firstModelLine = pitfallFacts.firstModelLine;
  if (pitfallFacts.firstScopeLine !== undefined) facts.firstScopeLine = pitfallFacts.firstScopeLine;
  const frontMatterRange = frontMatterLines(signals[0], lines);
  if (frontMatterRange) facts.frontMatterRange = frontMatterRange;
  if (input.frontMatterError) facts.frontMatterError = input.frontMatterError;
  return facts;
}

/** Whether a section that frames the problem or names the element says `pattern` in its own body. */
function raisedWhereFramed(pattern: RegExp, spec: ElementSpec, sections: readonly SectionNode[], lines: readonly string[]): boolean {
  return sections.some((section) => (section.parts.has(spec.part) || section.elements.has(spec.id)) && pattern.test(lines.slice(section.startLine, section.bodyEndLine + 1).join('\n')));
}

function raisedByPlaceholder(pattern: RegExp, signals: readonly SegmentSignals[], segments: readonly Segment[], lines: readonly string[]): boolean {
  return signals.some((signal, index) => signal.placeholders.some((span) => pattern.test(lines[segments[index]!.startLine + span.line] ?? '')));
}

/** Lines of reference sections (and their sub-sections). */
function referenceLines(sections: readonly SectionNode[]): Set<number> {
  const lines = new Set<number>();
  for (const section of sections) {
    if (!REFERENCE_HEADINGS.test(section.normalized)) continue;
    for (let line = section.startLine; line <= section.endLine; line++) lines.add(line);
  }
  return lines;
}

/** Signals with the cue and metric hits on reference lines dropped (copies; cached signals stay intact). */
function withoutReferenceHits(signals: readonly SegmentSignals[], segments: readonly Segment[], lines: Set<number>): SegmentSignals[] {
  return signals.map((signal, index) => {
    const start = segments[index]!.startLine;
    if (!lines.has(start) && !lines.has(start + signal.lineCount - 1)) return signal;
    const keep = <T extends { line: number }>(hits: readonly T[]): T[] => hits.filter((hit) => !lines.has(start + hit.line));
    const elementHits: SegmentSignals['elementHits'] = new Map();
    for (const [id, hits] of signal.elementHits) elementHits.set(id, keep(hits));
    const itemHits: SegmentSignals['itemHits'] = new Map();
    for (const [id, hits] of signal.itemHits) itemHits.set(id, keep(hits));
    return { ...signal, elementHits, itemHits, metrics: keep(signal.metrics), complexModels: keep(signal.complexModels) };
  });
}

function coverageOut<Id extends string>(id: Id, fact: CoverageFact): Coverage<Id> {
  const out: Coverage<Id> = fact.evidence && fact.status !== 'missing' ? { id, status: fact.status, evidence: fact.evidence } : { id, status: fact.status };
  if (fact.status === 'partial' && fact.gap) out.gap = fact.gap;
  return out;
}

function setPresent(fact: CoverageFact, evidence: Range): void {
  fact.status = 'present';
  fact.residueOnly = false;
  delete fact.gap;
  if (!fact.evidence || !fact.section) fact.evidence = evidence;
}

// ---------------------------------------------------------------------------------------------
// Sections

function* buildSections(input: CombineInput): Steps<SectionNode[]> {
  const { segments, signals } = input;
  const sections: SectionNode[] = [];
  const stack: SectionNode[] = [];
  for (let index = 0; index < signals.length; index++) {
    if (pausesAfter(index)) yield;
    const signal = signals[index]!;
    const heading = signal.heading;
    if (!heading) continue;
    const segment = segments[index]!;
    const line = segment.startLine;
    while (stack.length && stack[stack.length - 1]!.depth >= heading.depth) stack.pop();
    const parent = stack[stack.length - 1];
    // Every field set here, in one order, so all sections share one object shape (measurably faster to build and read).
    const section: SectionNode = {
      title: heading.title,
      normalized: heading.normalized,
      depth: heading.depth,
      segment: index,
      headingRange: { start: { line, character: heading.start }, end: { line, character: heading.end } },
      startLine: line,
      bodyEndLine: line + signal.lastContentLine,
      endLine: line + signal.lastContentLine,
      children: [],
      // Filled by matchHeading with the heading's reading, which sections with the same heading share.
      parts: NOTHING_NAMED.parts,
      elements: NOTHING_NAMED.elements,
      items: NOTHING_NAMED.items,
      hasContent: !signal.body.hollow,
      hollow: signal.body.hollow,
      parent,
      role: undefined,
    };
    parent?.children.push(section);
    stack.push(section);
    sections.push(section);
  }
  // Children extend their ancestors; content anywhere below makes an ancestor non-hollow.
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i]!;
    if (section.parent) {
      section.parent.endLine = Math.max(section.parent.endLine, section.endLine);
      if (section.hasContent) section.parent.hasContent = true;
    }
  }
  return sections;
}

/** Finds the innermost section holding a line in O(log n). */
function sectionLocator(sections: readonly SectionNode[]): (line: number) => SectionNode | undefined {
  const starts = sections.map((section) => section.startLine);
  return (line) => sections[lastAtOrBefore(starts, line)];
}

/** The public section tree, built in document order (parents come before their children) so it can pause. */
function* publicSections(sections: readonly SectionNode[], lines: readonly string[]): Steps<Section[]> {
  const roots: Section[] = [];
  const built = new Map<SectionNode, Section>();
  for (let index = 0; index < sections.length; index++) {
    const section = sections[index]!;
    const out: Section = {
      title: section.title,
      depth: section.depth,
      headingRange: section.headingRange,
      range: { start: { line: section.startLine, character: 0 }, end: { line: section.endLine, character: (lines[section.endLine] ?? '').length } },
      children: [],
    };
    built.set(section, out);
    (section.parent ? built.get(section.parent)!.children : roots).push(out);
    if (pausesAfter(index)) yield;
  }
  return roots;
}

function configAliases(config: MlsdConfig): Map<ElementId, RegExp> {
  const matchers = new Map<ElementId, RegExp>();
  for (const [id, wordings] of Object.entries(config.aliases ?? {}) as [ElementId, string[]][]) {
    const cleaned = wordings.map((wording) => wording.trim().toLowerCase()).filter(Boolean).map(escapeRegExp);
    if (cleaned.length) matchers.set(id, anyWord(cleaned));
  }
  return matchers;
}

function ancestorParts(section: SectionNode): Set<PartId> {
  const parts = new Set<PartId>();
  for (let node = section.parent; node; node = node.parent) for (const part of node.parts) parts.add(part);
  return parts;
}

function aliasApplies(alias: HeadingAlias, above: Set<PartId>): boolean {
  if (alias.underPart && !above.has(alias.underPart)) return false;
  if (alias.notUnderPart && above.has(alias.notUnderPart)) return false;
  return true;
}

/** What a heading names, as read from its words and the parts above it. */
interface HeadingReading {
  parts: ReadonlySet<PartId>;
  elements: ReadonlyMap<ElementId, 'specific' | 'broad'>;
  items: ReadonlySet<string>;
  role: MetricRole | undefined;
}

const NOTHING_NAMED: HeadingReading = { parts: new Set(), elements: new Map(), items: new Set(), role: undefined };

/**
 * Readings of headings by title and the parts above them. Every edit re-reads every heading
 * against about a hundred patterns while the headings rarely change: remembering the readings cut
 * the re-analysis of a 5,000-line doc by about a third. Only for the built-in vocabulary: headings
 * are read afresh when the configuration adds aliases.
 */
const headingReadings = new Map<string, HeadingReading>();
const MAX_HEADING_READINGS = 10_000;

function matchHeading(section: SectionNode, configMatchers: Map<ElementId, RegExp>): void {
  const above = ancestorParts(section);
  const key = configMatchers.size === 0 ? `${section.title}\u0000${section.normalized}\u0000${[...above].join(',')}` : undefined;
  let reading = key === undefined ? undefined : headingReadings.get(key);
  if (reading === undefined) {
    reading = readHeading(section.title, section.normalized, above, configMatchers);
    if (key !== undefined) {
      if (headingReadings.size >= MAX_HEADING_READINGS) headingReadings.clear();
      headingReadings.set(key, reading);
    }
  }
  section.parts = reading.parts;
  section.elements = reading.elements;
  section.items = reading.items;
  section.role = reading.role;
}

function readHeading(title: string, normalized: string, above: Set<PartId>, configMatchers: Map<ElementId, RegExp>): HeadingReading {
  const parts = PARTS.filter((part) => part.headings.test(normalized)).map((part) => part.id);
  const elements = new Map<ElementId, 'specific' | 'broad'>();
  for (const spec of ELEMENTS) {
    const strength = headingStrength(spec, normalized, above);
    if (strength) elements.set(spec.id, strength);
    else if (configMatchers.get(spec.id)?.test(normalized)) elements.set(spec.id, 'specific');
  }
  // "Baseline model" names the model baseline only; drop the framing reading.
  if (elements.has('model.baseline')) elements.delete('framing.baseline');
  const items = CHECKLIST_ITEMS.filter((item) => item.headings.test(normalized)).map((item) => item.id);
  return { parts: new Set(parts), elements, items: new Set(items), role: roleOf(title) };
}

function headingStrength(spec: ElementSpec, title: string, above: Set<PartId>): 'specific' | 'broad' | undefined {
  let best: 'specific' | 'broad' | undefined;
  for (const alias of spec.headings) {
    if (!aliasApplies(alias, above) || !alias.pattern.test(title)) continue;
    if (alias.strength === 'specific') return 'specific';
    best = 'broad';
  }
  return best;
}

function roleOf(title: string): MetricRole | undefined {
  const roles = ROLE_CUES.filter((cue) => cue.pattern.test(title)).map((cue) => cue.role);
  return roles.length === 1 ? roles[0] : undefined;
}

function headingRole(section: SectionNode | undefined): MetricRole | undefined {
  for (let node = section; node; node = node.parent) if (node.role) return node.role;
  return undefined;
}

/**
 * A role stated around a mention, unless it contradicts the metric: "held-out NDCG drives order
 * value" makes NDCG offline, not order value.
 */
function compatibleRole(name: string, stated: MetricRole | undefined): MetricRole | undefined {
  if (!stated) return undefined;
  const typical = metricSpec(name)?.typicalRole;
  if ((stated === 'offline' || stated === 'model') && typical !== undefined && typical !== 'offline') return undefined;
  return stated;
}

function isEvaluationSection(section: SectionNode | undefined): boolean {
  for (let node = section; node; node = node.parent) {
    if (node.elements.has('evaluation.offline') || EVALUATION_HEADING.test(node.normalized)) return true;
  }
  return false;
}

function contextualRole(name: string, section: SectionNode | undefined, metricContext: boolean): MetricRole {
  const typical = metricSpec(name)?.typicalRole ?? 'unknown';
  if (!metricContext) return typical === 'offline' ? 'unknown' : typical;
  if (typical !== 'offline') return typical;
  for (let node = section; node; node = node.parent) {
    if (node.parts.has('framing') && !node.parts.has('evaluation')) return 'model';
  }
  return 'offline';
}

// ---------------------------------------------------------------------------------------------
// Coverage

/** One segment's cue hits for one element or checklist item, and the line the segment starts on. */
interface HitGroup {
  startLine: number;
  hits: readonly CueHit[];
}

/**
 * Every cue hit by element and by checklist item, in document order, in one pass over the
 * segments. Hits stay in their cached segment signals: most elements are settled by a heading and
 * never look at them, and copying each hit on every edit cost more than the judging.
 */
function* locateHits(signals: readonly SegmentSignals[], segments: readonly Segment[]): Steps<{ elements: Map<string, HitGroup[]>; items: Map<string, HitGroup[]> }> {
  const elements = new Map<string, HitGroup[]>();
  const items = new Map<string, HitGroup[]>();
  const add = (into: Map<string, HitGroup[]>, id: string, hits: readonly CueHit[], startLine: number): void => {
    const groups = into.get(id);
    if (groups) groups.push({ startLine, hits });
    else into.set(id, [{ startLine, hits }]);
  };
  for (let index = 0; index < signals.length; index++) {
    const signal = signals[index]!;
    const startLine = segments[index]!.startLine;
    for (const [id, hits] of signal.elementHits) add(elements, id, hits, startLine);
    for (const [id, hits] of signal.itemHits) add(items, id, hits, startLine);
    if (pausesAfter(index)) yield;
  }
  return { elements, items };
}

/** The sections whose headings name each element and checklist item, in document order. */
function sectionsNaming(sections: readonly SectionNode[]): { elements: Map<ElementId, SectionNode[]>; items: Map<string, SectionNode[]> } {
  const elements = new Map<ElementId, SectionNode[]>();
  const items = new Map<string, SectionNode[]>();
  const add = <Id>(into: Map<Id, SectionNode[]>, id: Id, section: SectionNode): void => {
    const named = into.get(id);
    if (named) named.push(section);
    else into.set(id, [section]);
  };
  for (const section of sections) {
    for (const id of section.elements.keys()) add(elements, id, section);
    for (const id of section.items) add(items, id, section);
  }
  return { elements, items };
}

/**
 * One element's (or checklist item's) status. A heading that names it with real content below is
 * present; otherwise the cue phrases found anywhere add up, each phrase counted at most twice,
 * phrases on bare topic bullets at half weight and phrases under a heading that names the concept
 * at one and a half.
 */
function judgeCoverage(
  presentAt: number,
  groups: readonly HitGroup[],
  named: readonly SectionNode[],
  strengthOf: (section: SectionNode) => 'specific' | 'broad' | undefined,
  sectionAt: (line: number) => SectionNode | undefined,
  hintsForPartial = PARTIAL_AT,
): CoverageFact {
  // A heading's content counts when it is in its own body or in sub-sections that are about the
  // same concept or about nothing in particular, not in sub-sections that name other elements.
  const contentFor = (section: SectionNode): boolean =>
    !section.hollow || section.children.some((child) => (strengthOf(child) || (child.elements.size === 0 && child.items.size === 0)) && contentFor(child));
  // Prefer the section whose own body holds the content ("Ingestion" over its part "Data pipeline").
  const withContent = named.filter((section) => strengthOf(section) === 'specific' && contentFor(section));
  const specificWithContent = withContent.find((section) => !section.hollow) ?? withContent[0];
  if (specificWithContent) return { status: 'present', evidence: specificWithContent.headingRange, section: specificWithContent, residueOnly: false, score: presentAt };

  const underNamed = (line: number): boolean => {
    for (let node = sectionAt(line); node; node = node.parent) if (strengthOf(node)) return true;
    return false;
  };
  // Repeating a phrase is not more evidence: each phrase counts once, where it weighs most.
  const byPhrase = new Map<string, { hit: CueHit; line: number; value: number }>();
  for (const group of groups) {
    for (const hit of group.hits) {
      const line = group.startLine + hit.line;
      const value = hitValue(hit, line, sectionAt, underNamed);
      const previous = byPhrase.get(hit.phrase);
      if (!previous || value > previous.value) byPhrase.set(hit.phrase, { hit, line, value });
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
  // Hints (weight below 1) can make a concept partial, never present on their own.
  const score = strong + Math.min(hints, HINT_CAP);
  const bestRange = best ? { start: { line: best.line, character: best.hit.start }, end: { line: best.line, character: best.hit.end } } : undefined;
  if (score >= presentAt && bestRange) return { status: 'present', evidence: bestRange, residueOnly: false, score };
  // Only a heading about this concept alone makes it partial; a broad heading ("Data preparation")
  // that is hollow says nothing about which of its concepts is missing.
  const specificNamed = named.filter((section) => strengthOf(section) === 'specific');
  const hollowNamed = specificNamed.find((section) => section.children.length === 0) ?? specificNamed[0];
  if (hollowNamed) {
    // An unfilled template section is reported once, as residue, whatever passing mentions exist elsewhere.
    const residueOnly = hollowNamed.hollow === 'empty' || hollowNamed.hollow === 'placeholder' || hollowNamed.hollow === 'bare';
    return { status: 'partial', evidence: hollowNamed.headingRange, section: hollowNamed, residueOnly, score, gap: hollowNamed.hollow ? HOLLOW_GAP[hollowNamed.hollow] : 'passing-mention' };
  }
  // One passing hint ("bias", "lookup") is noise; a real cue phrase or several hints are a mention.
  if ((strong >= PARTIAL_AT || hints >= hintsForPartial) && bestRange) return { status: 'partial', evidence: bestRange, residueOnly: false, score, gap: 'passing-mention' };
  return { status: 'missing', residueOnly: false, score };
}

const HOLLOW_GAP: Record<HollowReason, CoverageGap> = { empty: 'empty-section', placeholder: 'only-placeholder', bare: 'only-bare-bullets', image: 'only-image', diagram: 'only-diagram' };

const HINT_CAP = 0.75;
/** Below this, cue phrases are noise: the concept is missing. */
const PARTIAL_AT = 0.25;
/** Hint weight that makes an element partial without a real cue; checklist items are named by hints more often. */
const ELEMENT_HINTS_FOR_PARTIAL = 1;

/**
 * What one cue phrase is worth: half on a bare topic bullet, half again (at most 0.5) inside a
 * section that is itself an unfilled template, one and a half under a heading naming the concept.
 */
function hitValue(hit: CueHit, line: number, sectionAt: (line: number) => SectionNode | undefined, underNamed: (line: number) => boolean): number {
  let value = hit.weight * (hit.substantive ? 1 : 0.5);
  if (sectionAt(line)?.hollow) return Math.min(value * 0.5, 0.5);
  if (underNamed(line)) value *= 1.5;
  return value;
}

// ---------------------------------------------------------------------------------------------
// Scenario and task

function decideScenario(input: CombineInput, sections: readonly SectionNode[]): { id: ScenarioId; source: ScenarioSource } {
  const declared = input.frontMatter?.scenario;
  if (typeof declared === 'string' && (SCENARIO_IDS as readonly string[]).includes(declared)) return { id: declared as ScenarioId, source: 'frontmatter' };
  if (input.config.scenario) return { id: input.config.scenario, source: 'config' };

  const titleWords: Record<string, number> = {};
  const title = documentTitle(input, sections);
  if (title) addScenarioWords(title, titleWords);
  // "Search ads", "Feed ads": ads and CTR systems are the generic scenario whatever surface they serve.
  if (titleWords.generic) titleWords.generic += 0.5;
  const titleBest = best(titleWords);
  if (titleBest) return { id: titleBest as ScenarioId, source: 'detected' };

  const bodyWords: Record<string, number> = {};
  for (const signal of input.signals) for (const [id, count] of Object.entries(signal.scenarioWords)) bodyWords[id] = (bodyWords[id] ?? 0) + count;
  for (const section of sections) addScenarioWords(section.title, bodyWords);
  const ranked = Object.entries(bodyWords).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first && first[1] >= 5 && (!second || first[1] >= second[1] * 1.5)) return { id: first[0] as ScenarioId, source: 'detected' };
  return { id: 'generic', source: 'default' };
}

function best(counts: Record<string, number>): string | undefined {
  let winner: string | undefined;
  let top = 0;
  for (const [id, count] of Object.entries(counts)) {
    if (count > top) {
      top = count;
      winner = id;
    }
  }
  return winner;
}

function documentTitle(input: CombineInput, sections: readonly SectionNode[]): string | undefined {
  const declared = input.frontMatter?.title;
  const first = sections[0];
  const heading = first && (first.depth === 1 || first.segment <= 1) ? first.title : undefined;
  return [typeof declared === 'string' ? declared : undefined, heading].filter(Boolean).join(' ') || undefined;
}

function decideTask(scenario: ScenarioId, input: CombineInput, sections: readonly SectionNode[]): TaskType {
  const spec = scenarioSpec(scenario);
  if (spec) return spec.task;
  // The title decides when it names the task ("Ads CTR prediction", "Demand forecasting"); on a
  // tie the more specific task wins (ads → probabilities, forecasts → regression). Else the body.
  const title = documentTitle(input, sections) ?? '';
  let titleTask: TaskType | undefined;
  let titleTop = 0;
  for (const [task, pattern] of Object.entries(TASK_CUES)) {
    pattern.lastIndex = 0;
    let titleCount = 0;
    while (pattern.exec(title)) titleCount++;
    if (titleCount > titleTop) [titleTask, titleTop] = [task as TaskType, titleCount];
  }
  if (titleTask) return titleTask;
  const counts: Record<string, number> = {};
  for (const signal of input.signals) for (const [task, count] of Object.entries(signal.taskWords)) counts[task] = (counts[task] ?? 0) + count;
  const ranked = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const [first] = ranked;
  return first && first[1] >= 2 ? (first[0] as TaskType) : 'other';
}

// ---------------------------------------------------------------------------------------------
// Metrics

/**
 * The headline offline metric: the first one listed where the document states its metrics (an
 * evaluation or metrics section); without such a list, the one the document keeps coming back to.
 */
function pickHeadline(offline: readonly MetricFact[]): MetricFact | undefined {
  const listed = offline.find((metric) => metric.inEvaluation && metric.role === 'offline') ?? offline.find((metric) => metric.inEvaluation);
  if (listed) return listed;
  const counts = new Map<string, number>();
  for (const metric of offline) counts.set(metric.name, (counts.get(metric.name) ?? 0) + 1);
  let headline: MetricFact | undefined;
  for (const metric of offline) if (!headline || counts.get(metric.name)! > counts.get(headline.name)!) headline = metric;
  return headline;
}

function judgeOfflineMetric(offline: readonly MetricFact[], headline: MetricFact | undefined, hidden: readonly HiddenFact[], sections: readonly SectionNode[]): DesignDocModel['offlineMetric'] {
  if (!headline) {
    const metricsOnlyInImages = hidden.some((fact) => fact.kind === 'image-metrics');
    const evaluationHollow = sections.some((section) => isEvaluationSection(section) && (section.hollow === 'image' || section.hollow === 'diagram'));
    return metricsOnlyInImages || evaluationHollow ? 'unverifiable' : 'none';
  }
  if (headline.fit === 'misfit') return 'misaligned';
  const fitting = offline.some((metric) => metric.fit === 'fits');
  const misfitting = offline.some((metric) => metric.fit === 'misfit' || metric.fit === 'misfit-alone');
  return !fitting && misfitting ? 'misaligned' : 'fits';
}

// ---------------------------------------------------------------------------------------------
// Residue and hidden content

function findResidue(input: CombineInput, sections: readonly SectionNode[], at: (segment: number, span: Span) => Range, sectionAt: (line: number) => SectionNode | undefined): ResidueFact[] {
  const residue: ResidueFact[] = [];
  const { lines } = input;
  input.signals.forEach((signal, index) => {
    for (const span of signal.placeholders) {
      const range = at(index, span);
      const text = (lines[range.start.line] ?? '').slice(span.start, span.end);
      const section = sectionAt(range.start.line);
      residue.push(section ? { kind: 'placeholder', range, text, section } : { kind: 'placeholder', range, text });
    }
  });
  for (const section of sections) {
    if (section.children.length || !section.hollow || section.hollow === 'placeholder') continue;
    if (section.hollow === 'empty' || section.hollow === 'bare') residue.push({ kind: section.hollow, range: section.headingRange, text: section.title, section });
  }
  residue.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return residue;
}

function findHiddenContent(input: CombineInput, sections: readonly SectionNode[], at: (segment: number, span: Span) => Range, metrics: readonly MetricFact[]): HiddenFact[] {
  const hidden: HiddenFact[] = [];
  const { signals, segments, lines } = input;
  if (input.wrapper) {
    const open = input.text.split(/\r\n|\r|\n/)[input.wrapper.open] ?? '';
    hidden.push({ kind: 'code-wrapper', range: { start: { line: input.wrapper.open, character: 0 }, end: { line: input.wrapper.open, character: open.length } }, related: [] });
  }
  if (input.swallowing) {
    const { open, headings } = input.swallowing;
    const wholeLine = (line: number): Range => {
      const text = lines[line] ?? '';
      return { start: { line, character: text.length - text.trimStart().length }, end: { line, character: text.length } };
    };
    hidden.push({
      kind: 'unclosed-fence',
      range: wholeLine(open),
      related: headings.map((line) => ({ message: 'Heading swallowed by the unclosed code block', range: wholeLine(line) })),
      closeBeforeLine: headings[0]!,
      fenceMarker: /^\s*(`{3,}|~{3,})/.exec(lines[open] ?? '')?.[1] ?? '```',
    });
  }
  signals.forEach((signal, index) => {
    for (const comment of signal.comments) {
      if (/^mlsd-(?:disable|enable)/.test(comment.text)) continue;
      const words = comment.text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
      if (words < 6) continue;
      const start = segments[index]!.startLine;
      hidden.push({ kind: 'html-comment', range: { start: { line: start + comment.startLine, character: comment.start }, end: { line: start + comment.endLine, character: comment.end } }, related: [] });
    }
  });
  // Metrics only in images: an evaluation section whose images carry what its text does not.
  for (const section of sections) {
    const signal = signals[section.segment]!;
    if (signal.images.length === 0 || !isEvaluationSection(section)) continue;
    const ownMetrics = metrics.some((metric) => metric.range.start.line >= section.startLine && metric.range.start.line <= section.bodyEndLine && !metric.negated);
    if (ownMetrics) continue;
    // The image is the section's only content, or its name says it holds metrics.
    const image = section.hollow === 'image' ? signal.images[0] : signal.images.find((candidate) => METRIC_IMAGE.test(`${candidate.alt} ${candidate.url.replace(/[-_/.]/g, ' ')}`));
    if (!image) continue;
    hidden.push({ kind: 'image-metrics', range: at(section.segment, image), related: [{ message: `Section '${section.title}'`, range: section.headingRange }] });
  }
  // Images whose names say they hold results, in a document that states no offline metric in text.
  const textOffline = metrics.some((metric) => (metric.role === 'offline' || metric.role === 'model') && !metric.negated);
  if (!textOffline) {
    signals.forEach((signal, index) => {
      for (const image of signal.images) {
        const range = at(index, image);
        if (hidden.some((fact) => fact.kind === 'image-metrics' && fact.range.start.line === range.start.line)) continue;
        if (METRIC_IMAGE.test(`${image.alt} ${image.url.replace(/[-_/.]/g, ' ')}`)) hidden.push({ kind: 'image-metrics', range, related: [] });
      }
    });
  }
  hidden.sort((a, b) => a.range.start.line - b.range.start.line);
  return hidden;
}

function readDirectives(signals: readonly SegmentSignals[], segments: readonly Segment[]): DirectiveComment[] {
  const directives: DirectiveComment[] = [];
  signals.forEach((signal, index) => {
    for (const comment of signal.comments) {
      const match = /^mlsd-(disable-next-line|disable-file|disable|enable)(?:\s+([\s\S]*))?$/.exec(comment.text);
      if (!match) continue;
      const ruleIds = (match[2] ?? '').split(/[\s,]+/).filter(Boolean);
      const start = segments[index]!.startLine;
      directives.push({ kind: match[1] as DirectiveComment['kind'], ruleIds, startLine: start + comment.startLine, endLine: start + comment.endLine });
    }
  });
  return directives;
}

function frontMatterLines(first: SegmentSignals | undefined, lines: readonly string[]): Range | undefined {
  if (!first?.frontMatter) return undefined;
  const end = first.frontMatter.endLine;
  return { start: { line: 0, character: 0 }, end: { line: end, character: (lines[end] ?? '').length } };
}

// ---------------------------------------------------------------------------------------------
// Pitfalls, design-doc detection, score

function judgePitfalls(input: CombineInput, sections: readonly SectionNode[], elements: Record<ElementId, CoverageFact>, at: (segment: number, span: Span) => Range): { pitfalls: Record<PitfallId, boolean>; firstModelLine?: number; firstScopeLine?: number } {
  const isPresent = (id: ElementId): boolean => elements[id].status === 'present';
  const notMissing = (id: ElementId): boolean => elements[id].status !== 'missing';

  const modelSection = sections.find((section) => section.elements.get('model.selection') === 'specific' || section.elements.has('model.baseline'));
  let firstModelLine = modelSection?.startLine;
  input.signals.forEach((signal, index) => {
    const span = signal.complexModels[0];
    if (span) {
      const line = at(index, span).start.line;
      if (firstModelLine === undefined || line < firstModelLine) firstModelLine = line;
    }
  });
  const scopeLines = (['framing.business-metric', 'framing.constraints'] as ElementId[])
    .map((id) => elements[id])
    .filter((fact) => fact.status !== 'missing' && fact.evidence)
    .map((fact) => fact.evidence!.start.line);
  // A framing section with content ("Objective", "Clarify and scope") scopes the problem too.
  const framing = sections.find((section) => section.parts.has('framing') && !section.parts.has('model') && !section.hollow);
  if (framing) scopeLines.push(framing.startLine);
  const firstScopeLine = scopeLines.length ? Math.min(...scopeLines) : undefined;
  const modelingFirst = firstModelLine !== undefined && isPresent('model.selection') && (firstScopeLine === undefined || firstModelLine < firstScopeLine);

  // Thin data next to a detailed model: at most one data element covered, or two covered in a data
  // part a third the size of the model part.
  const dataPresent = (['data.sources', 'data.ingestion', 'data.quality'] as ElementId[]).filter(isPresent).length;
  const wordsAbout = (ids: readonly ElementId[]): number =>
    sections.filter((section) => ids.some((id) => section.elements.has(id))).reduce((sum, section) => sum + input.signals[section.segment]!.body.words, 0);
  const thinData = dataPresent <= 1 || (dataPresent === 2 && wordsAbout(['data.sources', 'data.ingestion', 'data.quality']) * 3 < wordsAbout(['model.baseline', 'model.selection']));
  const ignoredData = thinData && notMissing('model.selection');

  // Complexity is earned by a baseline (a simple model or the current solution) or by a reason
  // given where the complex model is named.
  const unjustified = input.signals.some((signal) => signal.complexModels.some((span) => !span.justified));
  const justifiedSomewhere = input.signals.some((signal) => signal.simplerFails.length > 0 || signal.complexModels.some((span) => span.justified));
  const overEngineering = unjustified && !justifiedSomewhere && elements['model.baseline'].status === 'missing' && !isPresent('framing.baseline');

  const gaps = (['framing.constraints', 'serving.monitoring', 'serving.rollout', 'serving.scaling'] as ElementId[]).filter((id) => !isPresent(id)).length;
  const productionGaps = gaps >= 2;

  const pitfalls = Object.fromEntries(PITFALL_IDS.map((id) => [id, false])) as Record<PitfallId, boolean>;
  pitfalls['modeling-first'] = modelingFirst;
  pitfalls['ignored-data'] = ignoredData;
  pitfalls['over-engineering'] = overEngineering;
  pitfalls['production-gaps'] = productionGaps;
  const result: { pitfalls: Record<PitfallId, boolean>; firstModelLine?: number; firstScopeLine?: number } = { pitfalls };
  if (firstModelLine !== undefined) result.firstModelLine = firstModelLine;
  if (firstScopeLine !== undefined) result.firstScopeLine = firstScopeLine;
  return result;
}

/** Whether the document is mlsd's own review (its marker comment is in the first section). */
function isGeneratedReport(first: SegmentSignals | undefined): boolean {
  return first?.comments.some((comment) => comment.text.startsWith(REPORT_MARKER) && !/[\w-]/.test(comment.text.charAt(REPORT_MARKER.length))) ?? false;
}

function isDesignDoc(input: CombineInput, sections: readonly SectionNode[], elements: Record<ElementId, CoverageFact>): boolean {
  // mlsd's own review quotes the framework on every line; judging it would review the review.
  if (isGeneratedReport(input.signals[0])) return false;
  const marker = input.frontMatter?.mlsd;
  if (marker === false) return false;
  if (marker !== undefined || typeof input.frontMatter?.scenario === 'string') return true;
  if (input.path) {
    if (input.config.ignore?.some((glob) => matchesGlob(input.path!, glob))) return false;
    if (input.config.include?.some((glob) => matchesGlob(input.path!, glob))) return true;
  }
  // Enough of the framework, either as content or as headings that name its elements (a sparse
  // draft is still a design doc). README and changelog headings raise the bar.
  const covered = ELEMENTS.filter((spec) => elements[spec.id].status !== 'missing');
  const present = covered.filter((spec) => elements[spec.id].status === 'present').length;
  const parts = new Set(covered.map((spec) => spec.part)).size;
  const namedElements = new Set(sections.flatMap((section) => [...section.elements].filter(([, strength]) => strength === 'specific').map(([id]) => id))).size;
  const readmeHeadings = sections.filter((section) => README_HEADINGS.test(section.normalized) || VERSION_HEADING.test(section.normalized)).length;
  const strict = readmeHeadings >= 2;
  return (present >= (strict ? 10 : 6) && parts >= 4) || (!strict && namedElements >= 3 && covered.length >= 4);
}

function score(model: DesignDocModel): number {
  // A section only named, with nothing written under it (a skeleton, a snippet left unfilled), earns
  // nothing: inserting a template must never raise the score.
  const value = ({ status, gap }: Coverage): number => (status === 'present' ? 1 : status === 'partial' && !(gap && RESIDUE_GAPS.has(gap)) ? 0.5 : 0);
  const elementShare = model.elements.reduce((sum, element) => sum + value(element), 0) / model.elements.length;
  const itemShare = model.scenarioItems.length ? model.scenarioItems.reduce((sum, item) => sum + value(item), 0) / model.scenarioItems.length : elementShare;
  const metricPoints = model.offlineMetric === 'fits' ? 1 : model.offlineMetric === 'misaligned' ? 0 : 0.3;
  const pitfalls = Object.values(model.pitfalls).filter(Boolean).length;
  const raw = 70 * elementShare + 15 * itemShare + 15 * metricPoints - 5 * pitfalls - (model.templateResidue ? 3 : 0) - (model.hiddenContent ? 3 : 0);
  return Math.max(0, Math.min(100, Math.round(raw)));
}
