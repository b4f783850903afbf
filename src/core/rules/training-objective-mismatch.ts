import type { Rule, RuleReport } from './rule';

const PROXIES = /^(?:clicks?|click-through|likes?|views?|impressions?|dwell time|engagement)$/;
const OUTCOMES = /^(?:purchases?|orders?|conversions?|bookings?|revenue)$/;
const OUTCOME_METRICS = new Set(['Revenue', 'Conversion rate']);

export const trainingObjectiveMismatch: Rule = {
  id: 'training-objective-mismatch',
  defaultSeverity: 'warning',
  description: 'The training objective must optimise the business goal, or say why its proxy (clicks for purchases) is good enough.',
  check(facts) {
    // For ads, clicks are what is sold: a click objective is the business goal.
    if (facts.task === 'probability-estimation') return [];
    const outcomeInObjectives = facts.signals.some((signal) => signal.objectives.some((objective) => OUTCOMES.test(objective.target)));
    const businessOutcome = facts.metrics.find((metric) => (metric.role === 'business') && OUTCOME_METRICS.has(metric.name) && !metric.negated);
    if (!businessOutcome || outcomeInObjectives) return [];
    const reports: RuleReport[] = [];
    facts.signals.forEach((signal, index) => {
      for (const objective of signal.objectives) {
        if (!PROXIES.test(objective.target) || objective.justified || reports.length) continue;
        const line = facts.segments[index]!.startLine + objective.line;
        reports.push({
          subject: { kind: 'document' },
          message: `Training objective '${objective.target}' does not serve the business goal (${businessOutcome.name.toLowerCase()}) — train on ${businessOutcome.name.toLowerCase()} or say why ${objective.target} is a good proxy`,
          range: { start: { line, character: objective.start }, end: { line, character: objective.end } },
          related: [{ message: `Business metric: ${businessOutcome.name}`, range: businessOutcome.range }],
        });
      }
    });
    return reports;
  },
};
