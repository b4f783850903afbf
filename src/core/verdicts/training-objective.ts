// A training objective on a proxy (clicks, views) where the business goal is an outcome (purchases,
// revenue) that no objective targets. For ads, clicks are what is sold: a click objective is the goal.
import type { LocatedFacts, MetricFact } from '../analysis/facts';
import { OBJECTIVE_TARGETS, OUTCOME_METRICS } from '../framework/metrics';
import { underFutureHeading } from '../learned/offline-lines';
import type { TaskType } from '../types';
import type { ProxyObjective, VerdictModule } from './verdict';

const PROXIES = new RegExp(`^(?:${OBJECTIVE_TARGETS.proxies.join('|')})$`);
const OUTCOMES = new RegExp(`^(?:${OBJECTIVE_TARGETS.outcomes.join('|')})$`);

export const trainingObjective: VerdictModule = {
  verdict: 'proxyObjective',
  judge: (facts, before) => findProxyObjective(facts, before.task, before.metrics),
};

function findProxyObjective(facts: LocatedFacts, task: TaskType, metrics: readonly MetricFact[]): ProxyObjective | undefined {
  if (task === 'probability-estimation') return undefined;
  // What the doc plans for later ("Next steps: RL to optimise long-term engagement") is not what it trains on.
  const objectives = facts.objectives.filter((objective) => !underFutureHeading(facts.sectionAt(objective.range.start.line)));
  const outcomeInObjectives = objectives.some((objective) => OUTCOMES.test(objective.target));
  const businessOutcome = metrics.find((metric) => metric.role === 'business' && OUTCOME_METRICS.has(metric.name) && !metric.negated);
  if (!businessOutcome || outcomeInObjectives) return undefined;
  const objective = objectives.find((candidate) => PROXIES.test(candidate.target) && !candidate.justified);
  return objective ? { objective, businessOutcome } : undefined;
}
