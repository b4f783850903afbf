import { metricFit, PREFERRED_METRICS } from '../framework/metrics';
import type { Fix } from '../types';
import type { Rule } from './rule';

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
    // Only the headline, as the offline-metric verdict reads it: a misfitting name elsewhere (an
    // annotators' "label accuracy", "a single accuracy number is a red flag", a metric listed beside
    // one that fits) is what the hover and completion explain, not an error that fails a build.
    const culprit = facts.model.offlineMetric === 'misaligned' ? facts.misalignedMetric : undefined;
    if (!culprit) return [];
    const fitting = PREFERRED_METRICS[facts.task].filter((name) => metricFit(name, facts.task) === 'fits');
    const business = facts.metrics.find((metric) => metric.role === 'business' && !metric.negated);
    return [
      {
        subject: { kind: 'metric', id: culprit.name },
        message: `Misaligned metric: ${culprit.name}${culprit.fit === 'misfit-alone' ? ' on its own' : ''} does not fit ${TASK_NAMES[facts.task]} — use ${fitting.join(', ') || 'a metric that fits the task'}`,
        range: culprit.range,
        // Offered, never applied by fix-all: which metric fits is the author's choice, and a name
        // swapped in prose ("we report accuracy and PR-AUC") or next to its reported value ("98%
        // accuracy") would say something the doc never measured.
        fixes: fitting.map((name): Fix => ({
          kind: 'replace-metric',
          title: `Replace '${culprit.text}' with ${name}`,
          edits: [{ range: culprit.range, newText: name }],
        })),
        related: business ? [{ message: `Business metric the offline metric should serve: ${business.name}`, range: business.range }] : [],
      },
    ];
  },
};
