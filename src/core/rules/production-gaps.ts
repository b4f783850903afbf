import { pitfallSpec } from '../framework/pitfalls';
import { missingAnchor } from '../fixes/insert';
import type { Rule } from './rule';
import { gapsAmong, isUnwrittenTemplate, titles } from './pitfall-support';

const spec = pitfallSpec('production-gaps');

export const productionGaps: Rule = {
  id: 'production-gaps',
  defaultSeverity: 'warning',
  description: 'A design must face production: a latency budget, monitoring, rollout/rollback and a fallback.',
  check(facts) {
    if (!facts.model.pitfalls['production-gaps'] || isUnwrittenTemplate(facts)) return [];
    const gaps = gapsAmong(facts, spec.restsOn);
    const serving = facts.sections.find((section) => section.parts.has('serving'));
    return [
      {
        subject: { kind: 'pitfall', id: 'production-gaps' },
        message: `Production gaps: ${titles(gaps)} — needs ${spec.expectation}`,
        range: serving ? serving.headingRange : missingAnchor(facts, gaps[0]!),
      },
    ];
  },
};
