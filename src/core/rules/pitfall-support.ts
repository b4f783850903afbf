// Shared by the pitfall rules: which elements a pitfall rests on, and whether the finding adds
// anything beyond residue findings (a freshly rendered template has every section, only unfilled).
import type { DocumentFacts } from '../analysis/facts';
import { onlyResidueGaps } from '../coverage-gaps';
import { elementSpec } from '../framework/elements';
import type { PitfallSpec } from '../framework/pitfalls';
import type { ElementId, Range } from '../types';

/** Elements among `ids` that are not present. */
export function gapsAmong(facts: DocumentFacts, ids: readonly ElementId[]): ElementId[] {
  return ids.filter((id) => facts.elements[id].status !== 'present');
}

/**
 * Whether the pitfall waits for the elements it names in `waitsForTemplate` to be written: while
 * they are only unfilled template sections, template-residue reports them (the report says so too).
 */
export function waitsForTemplate(facts: DocumentFacts, spec: PitfallSpec): boolean {
  return spec.waitsForTemplate !== undefined && onlyResidueGaps(spec.waitsForTemplate.map((id) => facts.elements[id]));
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
