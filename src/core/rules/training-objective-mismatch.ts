import type { Rule } from './rule';

export const trainingObjectiveMismatch: Rule = {
  id: 'training-objective-mismatch',
  defaultSeverity: 'warning',
  description: 'The training objective must optimise the business goal, or say why its proxy (clicks for purchases) is good enough.',
  check(facts) {
    if (!facts.proxyObjective) return [];
    const { objective, businessOutcome } = facts.proxyObjective;
    return [
      {
        subject: { kind: 'document' },
        message: `Training objective '${objective.target}' does not serve the business goal (${businessOutcome.name.toLowerCase()}) — train on ${businessOutcome.name.toLowerCase()} or say why ${objective.target} is a good proxy`,
        range: objective.range,
        related: [{ message: `Business metric: ${businessOutcome.name}`, range: businessOutcome.range }],
      },
    ];
  },
};
