import { elementSpec } from '../framework/elements';
import type { Rule, RuleReport } from './rule';
import type { ResidueFact } from '../analysis/facts';
import type { ElementId } from '../types';

/** The element the leftover's section is for, which the finding is about and whose needs it states. */
function elementOf(fact: ResidueFact): ElementId | undefined {
  // "Data ingestion" names data.ingestion specifically and the data part broadly: the specific one.
  return fact.section ? [...fact.section.elements].sort(([, a], [, b]) => (a === b ? 0 : a === 'specific' ? -1 : 1))[0]?.[0] : undefined;
}

/** The placeholder as the reader sees it: without its list marker, cut at a word when long. */
function quoted(text: string): string {
  const plain = text.trim().replace(/^[-*+]\s+(?:\[[ xX]\]\s+)?/, '');
  if (plain.length <= QUOTE_LIMIT) return plain;
  const cut = plain.lastIndexOf(' ', QUOTE_LIMIT);
  return `${plain.slice(0, cut > QUOTE_LIMIT / 2 ? cut : QUOTE_LIMIT)}…`;
}

const QUOTE_LIMIT = 60;

export const templateResidue: Rule = {
  id: 'template-residue',
  defaultSeverity: 'warning',
  description: 'Template leftovers (TBD, TODO prompts, empty headings, bare topic bullets) must be replaced by content.',
  check(facts) {
    const reports: RuleReport[] = [];
    const reportedSections = new Set<object>();
    for (const fact of facts.residue) {
      // One finding per section: the first leftover is enough to send the author there.
      if (fact.section) {
        if (reportedSections.has(fact.section)) continue;
        reportedSections.add(fact.section);
      }
      const where = fact.section ? ` in '${fact.section.title}'` : '';
      if (fact.kind === 'slot') {
        // The slot stands for the doc's own words (a title, a version), not for an element's content.
        reports.push({
          subject: { kind: 'document' },
          message: `Template slot left${where}: '${fact.text}' — replace it with the doc's own words`,
          range: fact.range,
        });
        continue;
      }
      const element = elementOf(fact);
      const expected = element ? elementSpec(element).expectation : 'real content';
      const message =
        fact.kind === 'placeholder'
          ? `Placeholder left${where}: '${quoted(fact.text)}' — replace it with ${expected}`
          : fact.kind === 'empty'
            ? `Empty section '${fact.text}' — needs ${expected}`
            : `Only bare topic lines in '${fact.text}' — needs ${expected}`;
      reports.push({ subject: element ? { kind: 'element', id: element } : { kind: 'document' }, message, range: fact.range });
    }
    return reports;
  },
};
