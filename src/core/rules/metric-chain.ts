import { elementSpec } from '../framework/elements';
import { elementInsertion } from '../fixes/insert';
import type { Rule } from './rule';

export const metricChain: Rule = {
  id: 'metric-chain',
  defaultSeverity: 'warning',
  description: 'The business metric must be driven by a stated model metric, and a model metric must serve a business outcome.',
  check(facts) {
    const business = facts.elements['framing.business-metric'];
    const model = facts.elements['framing.model-metric'];
    if (business.status === 'missing' || business.residueOnly || model.status === 'present' || model.residueOnly || !business.evidence)
      return [];
    const spec = elementSpec('framing.model-metric');
    return [
      {
        subject: { kind: 'element', id: 'framing.model-metric' },
        message:
          model.status === 'missing'
            ? `No model metric for the business metric — needs ${spec.expectation}`
            : `Model metric not linked to the business metric — needs ${spec.expectation}`,
        range: business.evidence,
        related: model.evidence ? [{ message: 'Model metric', range: model.evidence }] : [],
        fixes:
          model.status === 'missing'
            ? [
                {
                  kind: 'insert-section',
                  title: "Insert a 'Model metric' section",
                  edits: [elementInsertion(facts, 'framing.model-metric')],
                  isPreferred: true,
                },
              ]
            : [],
      },
    ];
  },
};
