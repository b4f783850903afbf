// Shared by the pitfall rules: which elements a pitfall rests on, and whether the finding adds
// anything beyond residue findings (a freshly rendered template has every section, only unfilled).
import type { DocumentFacts } from '../analysis/facts';
import { onlyResidueGaps } from '../coverage-gaps';
import { elementSpec } from '../framework/elements';
import type { ElementId, Range } from '../types';

/** Elements among `ids` that are not present. */
export function gapsAmong(facts: DocumentFacts, ids: readonly ElementId[]): ElementId[] {
  return ids.filter((id) => facts.elements[id].status !== 'present');
}

/** True when some gap is more than an unfilled template section (which template-residue reports). */
export function hasRealGap(facts: DocumentFacts, gaps: readonly ElementId[]): boolean {
  return !onlyResidueGaps(gaps.map((id) => facts.elements[id]));
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
