// The section tree, built from the segments' headings, and the public outline the model carries.
import type { Section } from '../types';
import { lastAtOrBefore } from '../sorted';
import type { SectionNode } from './facts';
import { NOTHING_NAMED } from './headings';
import type { Segment } from './segments';
import type { SegmentSignals } from './signals';
import { pausesAfter, type Steps } from './steps';

/** Sections about other systems or further reading: their words describe someone else's design. */
const REFERENCE_HEADINGS =
  /^(?:references?|resources|more resources|further reading|reading list|related(?: \S+){0,3}|see also|links|bibliography|acknowledg\w*|seen in production|in production elsewhere|case studies|industry examples|real[- ]world (?:systems|examples))$/i;

/** A section about other systems or further reading (its sub-sections are part of it). */
export function isReferenceSection(section: SectionNode): boolean {
  return REFERENCE_HEADINGS.test(section.normalized);
}

/** A heading's outline number: "1.", "2.3" or "2.3.1" before its title. */
const OUTLINE_NUMBER = /^(\d{1,3}(?:\.\d{1,3})*)\.?\s/;

/**
 * Whether outline number `child` continues `parent` ("1.2" under "1."): a template that numbers its
 * subsections at its sections' own heading level ("## 1. Goals", "## 1.1. Why") nests them by the
 * numbers, as its reader does.
 */
function extendsNumber(child: string, parent: string): boolean {
  return parent !== '' && child.length > parent.length && child.startsWith(`${parent}.`);
}

export function* buildSections(segments: readonly Segment[], signals: readonly SegmentSignals[]): Steps<SectionNode[]> {
  const sections: SectionNode[] = [];
  const stack: SectionNode[] = [];
  // The outline number of each open section ("1.2"), or '' when its heading has none.
  const numbers: string[] = [];
  for (let index = 0; index < signals.length; index++) {
    if (pausesAfter(index)) yield;
    const signal = signals[index]!;
    const heading = signal.heading;
    if (!heading) continue;
    const segment = segments[index]!;
    const line = segment.startLine;
    const number = OUTLINE_NUMBER.exec(heading.title)?.[1] ?? '';
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      if (top.depth < heading.depth || (top.depth === heading.depth && extendsNumber(number, numbers[numbers.length - 1]!))) break;
      stack.pop();
      numbers.pop();
    }
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
      hollow: signal.body.hollow,
      hasContent: !signal.body.hollow,
      words: signal.body.words,
      parent,
      role: undefined,
    };
    parent?.children.push(section);
    stack.push(section);
    numbers.push(number);
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
export function sectionLocator(sections: readonly SectionNode[]): (line: number) => SectionNode | undefined {
  const starts = sections.map((section) => section.startLine);
  return (line) => sections[lastAtOrBefore(starts, line)];
}

/** One section as the public outline shows it, without its children yet. */
export function publicSection(section: SectionNode, lines: readonly string[]): Section {
  return {
    title: section.title,
    depth: section.depth,
    headingRange: section.headingRange,
    range: {
      start: { line: section.startLine, character: 0 },
      end: { line: section.endLine, character: (lines[section.endLine] ?? '').length },
    },
    children: [],
  };
}

/** The public section tree, built in document order (parents come before their children) so it can pause. */
export function* publicSections(sections: readonly SectionNode[], lines: readonly string[]): Steps<Section[]> {
  const roots: Section[] = [];
  const built = new Map<SectionNode, Section>();
  for (let index = 0; index < sections.length; index++) {
    const section = sections[index]!;
    const out = publicSection(section, lines);
    built.set(section, out);
    (section.parent ? built.get(section.parent)!.children : roots).push(out);
    if (pausesAfter(index)) yield;
  }
  return roots;
}

/** Lines of reference sections (and their sub-sections). */
export function referenceLines(sections: readonly SectionNode[]): Set<number> {
  const lines = new Set<number>();
  for (const section of sections) {
    if (!isReferenceSection(section)) continue;
    for (let line = section.startLine; line <= section.endLine; line++) lines.add(line);
  }
  return lines;
}
