import { elementSpec } from '../framework/elements';
import { elementInsertion, missingAnchor } from '../fixes/insert';
import { describeGap } from '../coverage-gaps';
import type { Rule } from './rule';

export const missingTradeoffs: Rule = {
  id: 'missing-tradeoffs',
  defaultSeverity: 'warning',
  description: 'A design doc must state its trade-offs (latency vs accuracy, online vs batch, complexity vs interpretability).',
  check(facts) {
    const fact = facts.elements.tradeoffs;
    const spec = elementSpec('tradeoffs');
    if (fact.status === 'missing') {
      return [
        {
          subject: { kind: 'element', id: 'tradeoffs' },
          message: `Missing: trade-offs — ${spec.expectation}`,
          range: missingAnchor(facts, 'tradeoffs'),
          fixes: [
            {
              kind: 'insert-section',
              title: "Insert a 'Trade-offs' section",
              edits: [elementInsertion(facts, 'tradeoffs')],
              isPreferred: true,
            },
          ],
        },
      ];
    }
    if (fact.status === 'partial' && !fact.residueOnly && fact.evidence) {
      return [
        {
          subject: { kind: 'element', id: 'tradeoffs' },
          message: `Partial: trade-offs — ${describeGap(fact.gap ?? 'passing-mention')}; needs ${spec.expectation}, each with the side chosen and why`,
          range: fact.evidence,
        },
      ];
    }
    return [];
  },
};
