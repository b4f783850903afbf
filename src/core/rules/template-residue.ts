import { elementSpec } from '../framework/elements';
import type { Rule, RuleReport } from './rule';
import type { ResidueFact } from '../analysis/facts';

function expectedFor(fact: ResidueFact): string {
  const named = fact.section ? [...fact.section.elements.keys()][0] : undefined;
  return named ? elementSpec(named).expectation : 'real content';
}

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
      const message =
        fact.kind === 'placeholder'
          ? `Unexpected placeholder '${fact.text.trim().slice(0, 60)}'${where}, expected ${expectedFor(fact)}.`
          : fact.kind === 'empty'
            ? `Unexpected empty section '${fact.text}', expected ${expectedFor(fact)}.`
            : `Unexpected bare topic lines in '${fact.text}', expected ${expectedFor(fact)}.`;
      reports.push({ message, range: fact.range });
    }
    return reports;
  },
};
