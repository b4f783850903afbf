// Whether the document states an online metric, and where: a metric mention whose role is online,
// else a heading or label that introduces online metrics in the doc's own words ("### Online" over
// "Suggestion acceptance rate", "* Online" over "No. of friend requests accepted per week"), which
// no metric table can list.
import type { LocatedFacts, MetricFact, SectionNode } from '../analysis/facts';
import { isOnlineMetricsLabel } from '../framework/metrics';
import type { Range } from '../types';
import type { VerdictModule } from './verdict';

export const onlineMetric: VerdictModule = { verdict: 'onlineMetric', judge: (facts, before) => statedOnline(facts, before.metrics) };

function statedOnline(facts: LocatedFacts, metrics: readonly MetricFact[]): Range | undefined {
  const named = metrics.find((metric) => metric.role === 'online' && !metric.negated);
  if (named) return named.range;
  const section = facts.sections.find((candidate) => candidate.hasContent && labelsOnlineMetrics(candidate));
  return section?.headingRange ?? facts.onlineMetricLabels[0];
}

/** Read once per section: a session keeps the sections an edit did not touch, and every keystroke asks again. */
function labelsOnlineMetrics(section: SectionNode): boolean {
  let labels = headingLabels.get(section);
  if (labels === undefined) {
    labels = isOnlineMetricsLabel(section.title);
    headingLabels.set(section, labels);
  }
  return labels;
}

const headingLabels = new WeakMap<SectionNode, boolean>();
