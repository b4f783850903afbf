import { describeGap } from '../coverage-gaps';
import { elementSpec } from '../framework/elements';
import { elementInsertion, missingAnchor } from '../fixes/insert';
import { ELEMENT_IDS, type ElementId } from '../types';
import type { Rule, RuleReport } from './rule';

/** Elements with a rule of their own: the business ↔ model link (metric-chain) and trade-offs. */
const REPORTED_ELSEWHERE: ReadonlySet<ElementId> = new Set(['framing.model-metric', 'tradeoffs']);
const CHECKED = ELEMENT_IDS.filter((id) => !REPORTED_ELSEWHERE.has(id));

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
          subject: { kind: 'element', id },
          message: `Missing: ${spec.title.toLowerCase()} — ${spec.expectation}`,
          range: missingAnchor(facts, id),
          fixes: [
            {
              kind: 'insert-section',
              title: `Insert ${/^[aeiou]/i.test(spec.title) ? 'an' : 'a'} '${spec.title}' section`,
              edits: [elementInsertion(facts, id)],
              isPreferred: true,
            },
          ],
        });
      } else if (fact.status === 'partial' && !fact.residueOnly && fact.evidence) {
        const where = fact.section ? ` (section '${fact.section.title}')` : '';
        reports.push({
          sub: id,
          subject: { kind: 'element', id },
          message: `Partial: ${spec.title.toLowerCase()} — ${describeGap(fact.gap ?? 'passing-mention')}${where}; needs ${spec.expectation}`,
          range: fact.evidence,
        });
      }
    }
    return reports;
  },
};
