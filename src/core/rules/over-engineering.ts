import { pitfallSpec } from '../framework/pitfalls';
import type { Rule } from './rule';

const spec = pitfallSpec('over-engineering');

export const overEngineering: Rule = {
  id: 'over-engineering',
  defaultSeverity: 'warning',
  description: 'A complex model (deep nets, transformers, GNNs, large ensembles) needs a simple baseline or a reason why simpler fails.',
  check(facts) {
    const verdict = facts.pitfalls['over-engineering'];
    if (!verdict.present || !verdict.firstComplexModel) return [];
    const range = verdict.firstComplexModel;
    const name = (facts.lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
    return [
      {
        subject: { kind: 'pitfall', id: 'over-engineering' },
        message: `Over-engineering: ${name} with no simple baseline — needs ${spec.expectation}`,
        range,
      },
    ];
  },
};
