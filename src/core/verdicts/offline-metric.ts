// The headline offline metric and whether it fits the task ('fits', 'misaligned'), or why there is
// none to judge ('none', or 'unverifiable' when the metrics are only in images).
import type { HiddenFact, MetricFact, SectionNode } from '../analysis/facts';
import type { DesignDocModel } from '../types';
import { isEvaluationSection, isOfflineMention } from './metric-roles';
import type { Verdicts, VerdictModule } from './verdict';

export const offlineMetric: VerdictModule = {
  verdict: 'offlineMetric',
  judge(facts, before) {
    const offline = before.metrics.filter(isOfflineMention);
    const headline = pickHeadline(offline);
    const verdict: Verdicts['offlineMetric'] = { verdict: judgeOfflineMetric(offline, headline, before.hidden, facts.sections) };
    if (headline) verdict.headline = headline;
    return verdict;
  },
};

/**
 * The headline offline metric: the first one listed where the document states its metrics (an
 * evaluation or metrics section); without such a list, the one the document keeps coming back to.
 */
function pickHeadline(offline: readonly MetricFact[]): MetricFact | undefined {
  const listed =
    offline.find((metric) => metric.inEvaluation && metric.role === 'offline') ?? offline.find((metric) => metric.inEvaluation);
  if (listed) return listed;
  const counts = new Map<string, number>();
  for (const metric of offline) counts.set(metric.name, (counts.get(metric.name) ?? 0) + 1);
  let headline: MetricFact | undefined;
  for (const metric of offline) if (!headline || counts.get(metric.name)! > counts.get(headline.name)!) headline = metric;
  return headline;
}

function judgeOfflineMetric(
  offline: readonly MetricFact[],
  headline: MetricFact | undefined,
  hidden: readonly HiddenFact[],
  sections: readonly SectionNode[],
): DesignDocModel['offlineMetric'] {
  if (!headline) {
    const metricsOnlyInImages = hidden.some((fact) => fact.kind === 'image-metrics');
    const evaluationHollow = sections.some(
      (section) => isEvaluationSection(section) && (section.hollow === 'image' || section.hollow === 'diagram'),
    );
    return metricsOnlyInImages || evaluationHollow ? 'unverifiable' : 'none';
  }
  if (headline.fit === 'misfit') return 'misaligned';
  const fitting = offline.some((metric) => metric.fit === 'fits');
  const misfitting = offline.some((metric) => metric.fit === 'misfit' || metric.fit === 'misfit-alone');
  return !fitting && misfitting ? 'misaligned' : 'fits';
}
