// Shared by the pitfall rules: which elements a pitfall rests on, how its gaps read, and whether
// the document is still an unwritten template.
import type { DocumentFacts } from '../analysis/facts';
import { elementSpec } from '../framework/elements';
import { RESIDUE_GAPS } from '../coverage-gaps';
import { ELEMENT_IDS, type ElementId, type Range } from '../types';

/** Elements among `ids` that are not present. */
export function gapsAmong(facts: DocumentFacts, ids: readonly ElementId[]): ElementId[] {
  return ids.filter((id) => facts.elements[id].status !== 'present');
}

/**
 * Whether nothing of the design is written yet: no element has content beyond unfilled template
 * prompts (a freshly rendered template). Template residue then says all there is to say, so the
 * pitfalls wait; once anything is written they report, even beside skeletons a fix inserted (a fix
 * must not clear a finding it did not fix).
 */
export function isUnwrittenTemplate(facts: DocumentFacts): boolean {
  const isResidue = (id: ElementId): boolean => {
    const { status, gap } = facts.elements[id];
    return status === 'partial' && gap !== undefined && RESIDUE_GAPS.has(gap);
  };
  // A doc with no template at all (a title and a sentence) is no template waiting to be filled.
  return ELEMENT_IDS.some(isResidue) && ELEMENT_IDS.every((id) => facts.elements[id].status === 'missing' || isResidue(id));
}

/**
 * The gaps as a reader checks them: "data quality not covered, data ingestion only partly covered",
 * so a pitfall never calls missing what the element's own finding calls partial.
 */
export function coverageOfGaps(facts: DocumentFacts, gaps: readonly ElementId[]): string {
  const missing = gaps.filter((id) => facts.elements[id].status === 'missing');
  const partial = gaps.filter((id) => facts.elements[id].status !== 'missing');
  return [missing.length ? `${titles(missing)} not covered` : '', partial.length ? `${titles(partial)} only partly covered` : '']
    .filter(Boolean)
    .join(', ');
}

export function titles(ids: readonly ElementId[]): string {
  return ids.map((id) => elementSpec(id).title.toLowerCase()).join(', ');
}

export function lineRange(facts: DocumentFacts, line: number): Range {
  const text = facts.lines[line] ?? '';
  const indent = text.length - text.trimStart().length;
  return { start: { line, character: indent }, end: { line, character: text.length } };
}
