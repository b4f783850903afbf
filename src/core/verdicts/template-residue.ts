// Template leftovers: placeholders (TBD, TODO prompts) and sections left empty or with bare topic lines.
import type { LocatedFacts, ResidueFact, SectionNode } from '../analysis/facts';
import { HEADING_SLOT } from '../framework/residue';
import type { VerdictModule } from './verdict';

export const templateResidue: VerdictModule = { verdict: 'residue', judge: (facts) => findResidue(facts, facts.sections) };

function findResidue(input: LocatedFacts, sections: readonly SectionNode[]): ResidueFact[] {
  const residue: ResidueFact[] = [];
  const { lines } = input;
  for (const range of input.placeholders) {
    const text = (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
    const section = input.sectionAt(range.start.line);
    residue.push(section ? { kind: 'placeholder', range, text, section } : { kind: 'placeholder', range, text });
  }
  for (const section of sections) {
    residue.push(...headingSlots(section, lines));
    if (section.children.length || !section.hollow || section.hollow === 'placeholder') continue;
    // Bare topic lines under a heading of the writer's own ("Unit tests", "Step 1") are an outline,
    // not an unfilled template: labellers call residue the bare bullets of a framework section.
    if (section.hollow === 'bare' && !namesFrameworkConcept(section)) continue;
    if (section.hollow === 'empty' || section.hollow === 'bare')
      residue.push({ kind: section.hollow, range: section.headingRange, text: section.title, section });
  }
  residue.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return residue;
}

/** A template's slots left in the section's heading ("<MVP or Production System>"). */
function headingSlots(section: SectionNode, lines: readonly string[]): ResidueFact[] {
  const { start, end } = section.headingRange;
  if (start.line !== end.line) return [];
  const heading = (lines[start.line] ?? '').slice(0, end.character);
  const slots: ResidueFact[] = [];
  for (const match of heading.slice(start.character).matchAll(HEADING_SLOT)) {
    const from = start.character + match.index;
    const range = { start: { line: start.line, character: from }, end: { line: start.line, character: from + match[0].length } };
    slots.push({ kind: 'slot', range, text: match[0].replace(/\\/g, ''), section });
  }
  return slots;
}

function namesFrameworkConcept(section: SectionNode): boolean {
  return section.elements.size > 0 || section.items.size > 0 || section.parts.size > 0;
}
