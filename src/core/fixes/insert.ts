// Where a missing section goes and the edit that puts it there: after the section of the nearest
// earlier element in template order (or before the nearest later one), at that section's depth; or,
// when no element of its part has a section, at the end of the section about the part, one level
// deeper, where its finding points.
import type { DocumentFacts, SectionNode } from '../analysis/facts';
import { isReferenceSection } from '../analysis/sections';
import { unclosedBlockStart } from './blocks';
import { renderChecklistSkeleton, renderElementSkeleton } from '../templates';
import type { ChecklistItemSpec } from '../framework/scenarios';
import { elementSpec, type PartId } from '../framework/elements';
import { ELEMENT_IDS, type ElementId, type Range, type ScenarioId, type TextEdit } from '../types';

function sectionOf(facts: DocumentFacts, id: ElementId): SectionNode | undefined {
  return facts.elements[id].section ?? facts.sections.find((section) => section.elements.get(id) === 'specific');
}

/** The depth most element-level headings use (2 when the document has none). */
export function preferredDepth(facts: DocumentFacts): number {
  const counts = new Map<number, number>();
  for (const section of facts.sections)
    if (section.elements.size && section.depth >= 2) counts.set(section.depth, (counts.get(section.depth) ?? 0) + 1);
  let depth = 2;
  let top = 0;
  for (const [candidate, count] of counts) if (count > top || (count === top && candidate < depth)) [depth, top] = [candidate, count];
  return depth;
}

/** Inserts `block` (ending with a newline) as its own paragraph before document line `line`. */
export function insertBlockBefore(lines: readonly string[], line: number, block: string): TextEdit {
  if (line >= lines.length) {
    const last = Math.max(0, lines.length - 1);
    const lastText = lines[last] ?? '';
    if (lastText === '') {
      const prefix = last > 0 && (lines[last - 1] ?? '').trim() !== '' ? '\n' : '';
      return { range: { start: { line: last, character: 0 }, end: { line: last, character: 0 } }, newText: prefix + block };
    }
    const position = { line: last, character: lastText.length };
    return { range: { start: position, end: position }, newText: `${lastText.trim() === '' ? '\n' : '\n\n'}${block}` };
  }
  // A heading indented a few spaces below the block would continue its last list item ("- TODO:
  // ...") and sink into it: it renders the same without them, so they go, and the block goes
  // right above it.
  let next = line;
  while (next < lines.length - 1 && (lines[next] ?? '').trim() === '') next++;
  const indent = INDENTED_HEADING.exec(lines[next] ?? '')?.[1]?.length ?? 0;
  const at = indent > 0 ? next : line;
  const before = at > 0 && (lines[at - 1] ?? '').trim() !== '' ? '\n' : '';
  const after = (lines[at] ?? '').trim() !== '' ? '\n' : '';
  return { range: { start: { line: at, character: 0 }, end: { line: at, character: indent } }, newText: `${before}${block}${after}` };
}

const INDENTED_HEADING = /^( {1,3})#{1,6}(?:[ \t]|$)/;

/**
 * The first line an insertion may not pass: the start of a code block or an HTML comment left open,
 * or of a `<pre>` never closed, since anything inserted after it would be swallowed too in a renderer.
 */
function insertionLimit(facts: DocumentFacts): number {
  const openPre = facts.hidden.find((fact) => fact.rawHtmlTag !== undefined)?.range.start.line;
  return unclosedBlockStart(facts.lines, facts.sections) ?? openPre ?? facts.lines.length;
}

function insertAt(facts: DocumentFacts, line: number, block: string): TextEdit {
  return insertBlockBefore(facts.lines, aboveNextLineDirectives(facts, Math.min(line, insertionLimit(facts))), block);
}

/**
 * The line to insert at so that disable-next-line comments right above `line` stay right above it:
 * a section slipped in between would take their silence from the line they were written for.
 */
function aboveNextLineDirectives(facts: DocumentFacts, line: number): number {
  let at = line;
  for (;;) {
    const above = facts.directives.find(
      (directive) => directive.kind === 'disable-next-line' && !directive.inline && directive.range.end.line === at - 1,
    );
    if (!above) return at;
    at = above.range.start.line;
  }
}

export function elementInsertion(facts: DocumentFacts, id: ElementId): TextEdit {
  // A part section whose elements have no sections of their own ("## 4. Data preparation") holds
  // the new one; where they have ("## Data sources", "## Ingestion"), it goes among them.
  const partSection = partSectionOf(facts, id);
  const part = elementSpec(id).part;
  const siblingSections = ELEMENT_IDS.some((other) => other !== id && elementSpec(other).part === part && sectionOf(facts, other));
  if (partSection && !siblingSections)
    return insertAt(facts, partSection.endLine + 1, renderElementSkeleton(id, Math.min(6, partSection.depth + 1), facts.task));
  const index = ELEMENT_IDS.indexOf(id);
  const after = (anchor: SectionNode): TextEdit => {
    // The part's own heading ("## Data pipeline", read as ingestion) holds its sub-sections: the new one goes last among them.
    if (anchor.parts.has(part) && anchor.children.length > 0)
      return insertAt(facts, anchor.endLine + 1, renderElementSkeleton(id, Math.min(6, anchor.depth + 1), facts.task));
    const beside = outsideOtherParts(anchor, part);
    return insertAt(facts, beside.endLine + 1, renderElementSkeleton(id, beside.depth, facts.task));
  };
  const before = (anchor: SectionNode): TextEdit => {
    const beside = outsideOtherParts(anchor, part);
    return insertAt(facts, beside.startLine, renderElementSkeleton(id, beside.depth, facts.task));
  };
  // Beside a section of its own part first, wherever the doc put that part ("## Baseline model"
  // next to "## Model", not after "## Data" in a doc that starts with the model); else after the
  // framework's element before it, else before the one after it.
  const samePart = (other: ElementId): boolean => elementSpec(other).part === part;
  const earlier = ELEMENT_IDS.slice(0, index).reverse();
  const later = ELEMENT_IDS.slice(index + 1);
  for (const [candidates, place] of [
    [earlier.filter(samePart), after],
    [later.filter(samePart), before],
    [earlier, after],
    [later, before],
  ] as const) {
    for (const other of candidates) {
      const anchor = sectionOf(facts, other);
      if (anchor) return place(anchor);
    }
  }
  return insertAt(facts, endOfBody(facts), renderElementSkeleton(id, preferredDepth(facts), facts.task));
}

/**
 * The section a new element's section goes beside: the anchor, or the section about another part
 * that holds it ("### Training" does not go inside "## Model", but after it, as "## Training").
 */
function outsideOtherParts(anchor: SectionNode, part: PartId): SectionNode {
  let beside = anchor;
  while (beside.parent && beside.parent.parts.size > 0 && !beside.parent.parts.has(part)) beside = beside.parent;
  return beside;
}

/**
 * Where a section added at the end goes: before a reference section (References, Further reading)
 * the document ends with. After it, the new section would read as one of its sub-sections, which
 * the analysis leaves out as someone else's design: the fix would never clear its finding.
 */
function endOfBody(facts: DocumentFacts): number {
  const last = facts.sections.reduce((end, section) => Math.max(end, section.endLine), -1);
  const trailing = facts.sections.filter((section) => section.endLine === last && isReferenceSection(section));
  return trailing.length ? Math.min(...trailing.map((section) => section.startLine)) : facts.lines.length;
}

/**
 * The scenario checklist for the given items, at the end of the document, at the depth of the
 * document's top sections: one level deeper, it would read as part of the last of them.
 */
export function checklistInsertion(facts: DocumentFacts, scenario: ScenarioId, items: readonly ChecklistItemSpec[]): TextEdit {
  const depth = Math.min(preferredDepth(facts), ...facts.sections.filter((section) => section.depth >= 2).map((section) => section.depth));
  return insertAt(facts, endOfBody(facts), renderChecklistSkeleton(scenario, items, depth));
}

/** Where a reader looks for an element that is missing: its part's heading, else where it belongs. */
export function missingAnchor(facts: DocumentFacts, id: ElementId): Range {
  const partSection = partSectionOf(facts, id);
  if (partSection) return partSection.headingRange;
  const neighbour = nearestNamedSection(facts, id);
  if (neighbour) return neighbour.headingRange;
  const first = facts.sections[0];
  if (first) return first.headingRange;
  return { start: { line: 0, character: 0 }, end: { line: 0, character: (facts.lines[0] ?? '').length } };
}

/** The first section about the element's part of the framework. */
function partSectionOf(facts: DocumentFacts, id: ElementId): SectionNode | undefined {
  const part = elementSpec(id).part;
  return facts.sections.find((section) => section.parts.has(part));
}

function nearestNamedSection(facts: DocumentFacts, id: ElementId): SectionNode | undefined {
  const index = ELEMENT_IDS.indexOf(id);
  for (let i = index - 1; i >= 0; i--) {
    const anchor = sectionOf(facts, ELEMENT_IDS[i]!);
    if (anchor) return anchor;
  }
  for (let i = index + 1; i < ELEMENT_IDS.length; i++) {
    const anchor = sectionOf(facts, ELEMENT_IDS[i]!);
    if (anchor) return anchor;
  }
  return undefined;
}
