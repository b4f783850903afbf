// The headline offline metric and whether it fits the task ('fits', 'misaligned'), or why there is
// none to judge ('none', or 'unverifiable' when the metrics are only in images).
import type { HiddenFact, MetricFact, SectionNode } from '../analysis/facts';
import { readOfflineMetrics, underPart, type OfflineReading } from '../learned/offline-headline';
import { VALUE } from '../learned/offline-lines';
import type { DesignDocModel, TaskType } from '../types';
import { isEvaluationSection } from './metric-roles';
import type { VerdictModule } from './verdict';

export const offlineMetric: VerdictModule = {
  verdict: 'offlineMetric',
  judge(facts, before) {
    const reading = readOfflineMetrics(before.metrics, facts.lines, before.elements);
    const { verdict, culprit } = offlineVerdict(reading, before.hidden, facts.sections, facts.lines, before.task);
    if (verdict === 'none' || verdict === 'unverifiable') return { verdict, stated: [] };
    return { verdict, stated: reading.stated, headline: reading.headline!, ...(culprit ? { culprit } : {}) };
  },
};

/**
 * The verdict on a reading of the stated metrics. When the evaluation section shows its metrics
 * only in an image, a metric the doc tracks in production (named under serving or monitoring, with
 * no offline role) does not make them readable.
 */
export function offlineVerdict(
  { stated, headline }: OfflineReading,
  hidden: readonly HiddenFact[],
  sections: readonly SectionNode[],
  lines: readonly string[],
  task: TaskType,
): { verdict: DesignDocModel['offlineMetric']; culprit?: MetricFact } {
  if (!headline || (hidden.some((fact) => fact.kind === 'image-metrics') && onlyTrackedInProduction(stated)))
    return { verdict: withoutHeadline(hidden, sections) };
  return judgeStated(stated, headline, lines, task);
}

function onlyTrackedInProduction(stated: readonly MetricFact[]): boolean {
  return stated.every((metric) => metric.role !== 'offline' && metric.role !== 'model' && underPart(metric.section, 'serving'));
}

/**
 * An accuracy a forecast defines from its errors: "Accuracy = 1 − WAPE", "Forecast accuracy: mean
 * absolute percentage error under 10%", a formula of one minus the weighted absolute errors.
 */
const ERROR_DEFINITION =
  /\b1\s*[-−–]\s*(?:\\frac|\(|[a-z])|\b(?:absolute|percentage|forecast|prediction|squared|relative) errors?\b|\b(?:w?mape|wape|smape|mae|rmse)\b/i;

/**
 * How a stated metric fits the task. A regression doc has no classes to be right about: when it
 * defines its accuracy from the forecast's errors on a line where it states it, that accuracy is
 * a forecast-error measure (1 − WAPE) and its mentions are neutral, not classification accuracy.
 */
function fitsOf(stated: readonly MetricFact[], lines: readonly string[], task: TaskType): (metric: MetricFact) => MetricFact['fit'] {
  const errorDefined =
    task === 'regression' &&
    stated.some((metric) => metric.name === 'Accuracy' && ERROR_DEFINITION.test(lines[metric.range.start.line] ?? ''));
  return (metric) => (errorDefined && metric.name === 'Accuracy' ? undefined : metric.fit);
}

/** A result reported on held-out data: "96% accuracy on the test dataset", "F1 over the validation split". */
const ON_HELD_OUT_DATA =
  /\b(?:on|over|for|in) (?:the |our |a )?(?:held-?out |hold-?out |blind )?(?:test|validation|eval(?:uation)?) ?(?:set|data(?:set)?|split)\b/i;

/**
 * Whether the stated offline metrics fit the task. What the document says it evaluates with
 * offline ("Offline we report accuracy", "96% accuracy on the test set") outweighs the model metric
 * its framing names; among those, one that fits makes the document fit even beside accuracy ("accuracy and
 * F1"): labellers call it misaligned only when what it states misfits and nothing fitting stands
 * next to it. A metric misaligned only alone (ROC-AUC for a fraud model) is not alone when the doc
 * reports a fitting one elsewhere with its value ("62% precision and 71% recall at 0.7"), not when
 * it only wishes for one ("a lower threshold would improve recall"). The culprit is the
 * mention the diagnostic points at: the headline if it misfits, else the first misfitting one; in
 * the headline's section, a metric that misfits whatever stands beside it first.
 */
function judgeStated(
  stated: readonly MetricFact[],
  headline: MetricFact,
  lines: readonly string[],
  task: TaskType,
): { verdict: 'fits' | 'misaligned'; culprit?: MetricFact } {
  const fitOf = fitsOf(stated, lines, task);
  const misfits = (metric: MetricFact): boolean => fitOf(metric) === 'misfit' || fitOf(metric) === 'misfit-alone';
  // One test per line, not per mention: a long line full of metrics would otherwise cost its length squared.
  const onHeldOutData = perLine(ON_HELD_OUT_DATA, lines);
  const withValue = perLine(VALUE, lines);
  const explicit = stated.filter((metric) => (metric.role === 'offline' && metric.stated) || onHeldOutData(metric.range.start.line));
  const judged = explicit.length ? explicit : stated;
  if (judged.some((metric) => fitOf(metric) === 'fits')) return { verdict: 'fits' };
  // Where the headline stands, a metric that never fits the task (accuracy on rare fraud) is the one
  // to name before one that misfits only alone (ROC-AUC): replacing the latter would leave the former
  // standing. Not one named elsewhere (a loss listed under training).
  const misfitsAnyway = (metric: MetricFact): boolean => fitOf(metric) === 'misfit' && metric.section === headline.section;
  const culprit =
    (misfitsAnyway(headline) ? headline : judged.find(misfitsAnyway)) ?? (misfits(headline) ? headline : judged.find(misfits));
  if (!culprit) return { verdict: 'fits' };
  const onlyAloneMisfits = judged.every((metric) => fitOf(metric) !== 'misfit');
  const reportedFit = stated.some((metric) => fitOf(metric) === 'fits' && withValue(metric.range.start.line));
  return onlyAloneMisfits && reportedFit ? { verdict: 'fits' } : { verdict: 'misaligned', culprit };
}

/** Whether a line matches `pattern`, tested once per line however many mentions ask. */
function perLine(pattern: RegExp, lines: readonly string[]): (line: number) => boolean {
  const tested = new Map<number, boolean>();
  return (line) => {
    let found = tested.get(line);
    if (found === undefined) tested.set(line, (found = pattern.test(lines[line] ?? '')));
    return found;
  };
}

/** No offline metric in the text: 'unverifiable' when the evaluation is only in images, else 'none'. */
function withoutHeadline(hidden: readonly HiddenFact[], sections: readonly SectionNode[]): DesignDocModel['offlineMetric'] {
  const metricsOnlyInImages = hidden.some((fact) => fact.kind === 'image-metrics');
  const evaluationHollow = sections.some(
    (section) => isEvaluationSection(section) && (section.hollow === 'image' || section.hollow === 'diagram'),
  );
  return metricsOnlyInImages || evaluationHollow ? 'unverifiable' : 'none';
}
