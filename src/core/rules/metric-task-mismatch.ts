import { reportsValue } from '../analysis/metric-context';
import { isOfflineMetricNamed } from '../verdicts/metric-roles';
import { metricFit, PREFERRED_METRICS } from '../framework/metrics';
import type { Fix } from '../types';
import type { MetricFact } from '../analysis/facts';
import type { Rule, RuleReport } from './rule';

const TASK_NAMES = {
  ranking: 'a ranking task',
  'imbalanced-classification': 'an imbalanced classification task',
  'probability-estimation': 'a probability-estimation task',
  regression: 'a regression task',
  other: 'this task',
} as const;

export const metricTaskMismatch: Rule = {
  id: 'metric-task-mismatch',
  defaultSeverity: 'error',
  description:
    'The headline offline metric must fit the task (NDCG@k for ranking, PR-AUC for rare classes, log loss for probabilities, MAE for forecasts).',
  check(facts) {
    // "Improve retrieval accuracy" names no metric the doc uses.
    const offline = facts.metrics.filter(isOfflineMetricNamed);
    const fitting = PREFERRED_METRICS[facts.task].filter((name) => metricFit(name, facts.task) === 'fits');
    const business = facts.metrics.find((metric) => metric.role === 'business' && !metric.negated);
    const related = business
      ? [{ message: `Business metric the offline metric should serve: ${business.name}`, range: business.range }]
      : [];
    const report = (culprit: MetricFact): RuleReport => ({
      subject: { kind: 'metric', id: culprit.name },
      message: `Misaligned metric: ${culprit.name}${culprit.fit === 'misfit-alone' ? ' on its own' : ''} does not fit ${TASK_NAMES[facts.task]} — use ${fitting.join(', ') || 'a metric that fits the task'}`,
      range: culprit.range,
      fixes: fitting.map((name, index): Fix => ({
        kind: 'replace-metric',
        title: `Replace '${culprit.text}' with ${name}`,
        edits: [{ range: culprit.range, newText: name }],
        // A name with its reported value ("98% accuracy", "| Accuracy | 0.67 |") is offered, never
        // applied by fix-all: the value would then read as the new metric's.
        isPreferred:
          index === 0 &&
          !reportsValue(facts.lines[culprit.range.start.line] ?? '', culprit.range.start.character, culprit.range.end.character),
      })),
      related,
    });
    if (facts.model.offlineMetric === 'misaligned') return facts.misalignedMetric ? [report(facts.misalignedMetric)] : [];
    // A fitting headline does not excuse another offline metric the doc uses that misfits the task
    // ("Offline metrics: Accuracy" in the summary, PR-AUC in the evaluation): each is reported once,
    // where it is first named, as completion and the hover call it misaligned there too.
    const named = new Set<string>();
    return offline.filter((metric) => metric.fit === 'misfit' && !named.has(metric.name) && named.add(metric.name)).map(report);
  },
};
