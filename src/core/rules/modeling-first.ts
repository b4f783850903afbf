import { pitfallSpec } from '../framework/pitfalls';
import type { Rule } from './rule';
import { lineRange } from './pitfall-support';

const spec = pitfallSpec('modeling-first');

export const modelingFirst: Rule = {
  id: 'modeling-first',
  defaultSeverity: 'warning',
  description: 'The model must not come before the problem, its metrics and its constraints are scoped.',
  check(facts) {
    const verdict = facts.pitfalls['modeling-first'];
    if (!verdict.present || verdict.firstModelLine === undefined) return [];
    const line = verdict.firstModelLine;
    const section = facts.sections.find((candidate) => candidate.startLine === line);
    return [
      {
        subject: { kind: 'pitfall', id: 'modeling-first' },
        message: `Model architecture ahead of the problem’s scoping — needs ${spec.expectation}`,
        range: section ? section.headingRange : lineRange(facts, line),
      },
    ];
  },
};
