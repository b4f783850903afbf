import { elementSpec } from '../framework/elements';
import { elementInsertion, missingAnchor } from '../fixes/insert';
import { ELEMENT_IDS, type ElementId } from '../types';
import type { Rule, RuleReport } from './rule';

/** Elements with a rule of their own: the business ↔ model link (metric-chain) and trade-offs. */
const REPORTED_ELSEWHERE: ReadonlySet<ElementId> = new Set(['framing.model-metric', 'tradeoffs']);
const CHECKED = ELEMENT_IDS.filter((id) => !REPORTED_ELSEWHERE.has(id));

const HOLLOW_REASON = {
  image: 'only an image',
  diagram: 'only a diagram',
  empty: 'no content',
  placeholder: 'only placeholders',
  bare: 'only bare topic bullets',
} as const;

export const missingElement: Rule = {
  id: 'missing-element',
  defaultSeverity: 'warning',
  description: 'Each framework element must be covered by real content, in its own section or elsewhere.',
  subIds: CHECKED,
  check(facts) {
    const reports: RuleReport[] = [];
    for (const id of CHECKED) {
      const fact = facts.elements[id];
      const spec = elementSpec(id);
      if (fact.status === 'missing') {
        reports.push({
          sub: id,
          message: `Missing ${spec.title.toLowerCase()} (${id}), expected ${spec.expectation}.`,
          range: missingAnchor(facts, id),
          fixes: [{ title: `Insert a '${spec.title}' section`, edits: [elementInsertion(facts, id)], isPreferred: true }],
        });
      } else if (fact.status === 'partial' && !fact.residueOnly && fact.evidence) {
        const reason = fact.section?.hollow ? HOLLOW_REASON[fact.section.hollow] : 'only a passing mention';
        const where = fact.section ? `section '${fact.section.title}' has ${reason}` : `${spec.title.toLowerCase()} has ${reason}`;
        reports.push({
          sub: id,
          message: `Hollow ${spec.title.toLowerCase()} (${id}): ${where}, expected ${spec.expectation}.`,
          range: fact.evidence,
        });
      }
    }
    return reports;
  },
};
