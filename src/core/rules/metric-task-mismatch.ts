import { metricFit, PREFERRED_METRICS } from '../framework/metrics';
import type { Fix, Range } from '../types';
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
        isPreferred: index === 0 && !reportsValue(facts.lines[culprit.range.start.line] ?? '', culprit.range),
      })),
      related,
    });
    // FRAMEWORK.md calls a metric misaligned when it is the headline or the only one: beside a
    // headline that fits, "accuracy" is a secondary figure or the word in passing ("improve retrieval
    // accuracy"), which completion and the hover still mark as not fitting the task.
    return facts.model.offlineMetric === 'misaligned' && facts.misalignedMetric ? [report(facts.misalignedMetric)] : [];
  },
};

/** How far from a metric's name a number still reads as its value: "98% accuracy", "accuracy of 0.92", "Accuracy | 0.67". */
const VALUE_BEFORE = 8;
const VALUE_AFTER = 12;
const NUMBER = /\d/;

function reportsValue(line: string, range: Range): boolean {
  const before = line.slice(Math.max(0, range.start.character - VALUE_BEFORE), range.start.character);
  const after = line.slice(range.end.character, range.end.character + VALUE_AFTER);
  return NUMBER.test(before) || NUMBER.test(after);
}
