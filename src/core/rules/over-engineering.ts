import { PITFALLS } from '../framework/pitfalls';
import type { Rule } from './rule';

const spec = PITFALLS.find((pitfall) => pitfall.id === 'over-engineering')!;

export const overEngineering: Rule = {
  id: 'over-engineering',
  defaultSeverity: 'warning',
  description: 'A complex model (deep nets, transformers, GNNs, large ensembles) needs a simple baseline or a reason why simpler fails.',
  check(facts) {
    if (!facts.model.pitfalls['over-engineering'] || facts.elements['model.baseline'].residueOnly) return [];
    for (let index = 0; index < facts.signals.length; index++) {
      const span = facts.signals[index]!.complexModels[0];
      if (!span) continue;
      const line = facts.segments[index]!.startLine + span.line;
      const name = (facts.lines[line] ?? '').slice(span.start, span.end);
      return [{
        subject: { kind: 'pitfall', id: 'over-engineering' },
        message: `Over-engineering: ${name} with no simple baseline — needs ${spec.expectation}`,
        range: { start: { line, character: span.start }, end: { line, character: span.end } },
      }];
    }
    return [];
  },
};
