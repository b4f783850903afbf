// Each metric mention's role (business, online, offline, model, guardrail) from the words around
// it, the headings above it and the metric's typical role; and how it fits the document's task.
import type { LocatedFacts, MetricFact, MetricMention, SectionNode } from '../analysis/facts';
import { pausesAfter, type Steps } from '../analysis/steps';
import { metricFit, metricSpec } from '../framework/metrics';
import { anyWord } from '../framework/patterns';
import type { MetricRole, TaskType } from '../types';
import type { VerdictModule } from './verdict';

const EVALUATION_HEADING = anyWord(['metrics?', 'evaluation', 'results', 'success criteria', 'метрики']);
/** Words on a line that say it is about measuring something. */
export const METRIC_CONTEXT = anyWord([
  'metrics?',
  'measured?',
  'measur(?:e|ing) (?:by|with)',
  'evaluat\\w+',
  'optimi[sz]\\w*',
  'track\\w*',
  'report\\w*',
  'kpis?',
  'objective',
  'success',
  'метрик\\w*',
  'оцен\\w*',
  'измер\\w*',
  'считаем',
  'отслежива\\w*',
  '지표',
  '평가',
  '측정',
]);

export const metricRoles: VerdictModule = { verdict: 'metrics', judgeInSteps: (facts, before) => judgeMetrics(facts, before.task) };

function* judgeMetrics(facts: LocatedFacts, task: TaskType): Steps<MetricFact[]> {
  const metrics: MetricFact[] = [];
  for (let index = 0; index < facts.metrics.length; index++) {
    const hit = facts.metrics[index]!;
    if (pausesAfter(index)) yield;
    const judged = judgedMentions.get(hit);
    if (judged && judged.sections === facts.sections && judged.task === task) {
      metrics.push(judged.metric);
      continue;
    }
    const metric = judgeMention(hit, facts, task);
    judgedMentions.set(hit, { sections: facts.sections, task, metric });
    metrics.push(metric);
  }
  return metrics;
}

/**
 * Each mention's fact, with the sections and task it was judged under. A session keeps the mentions
 * of the segments an edit did not touch while it keeps the section tree (see located-memo.ts): the
 * same mention under the same sections stands on the same line of the same text, so its fact is
 * the same. Facts are never changed once judged.
 */
const judgedMentions = new WeakMap<MetricMention, { sections: readonly SectionNode[]; task: TaskType; metric: MetricFact }>();

function judgeMention(hit: MetricMention, facts: LocatedFacts, task: TaskType): MetricFact {
  const range = hit.range;
  const section = facts.sectionAt(range.start.line);
  const inEvaluation = isEvaluationSection(section);
  const lineText = facts.lines[range.start.line] ?? '';
  let role: MetricRole = compatibleRole(hit.name, hit.statedRole) ?? headingRoleOf(hit.name, headingRole(section)) ?? 'unknown';
  const stated = role !== 'unknown';
  const asLoss = hit.asLoss || underLossHeading(section);
  if (asLoss || hit.inTradeoff) role = 'unknown';
  else if (role === 'unknown')
    role = contextualRole(
      hit.name,
      section,
      inEvaluation || METRIC_CONTEXT.test(lineText) || underMetricLabel(facts.lines, range.start.line),
    );
  const metric: MetricFact = { name: hit.name, text: hit.text, range, role, negated: hit.negated, section, inEvaluation };
  if (stated) metric.stated = true;
  if (asLoss) metric.asLoss = true;
  if (hit.inTradeoff) metric.inTradeoff = true;
  if (hit.plainSense) metric.plainSense = true;
  const fit = metricFit(metric.name, task);
  if (fit) metric.fit = fit;
  return metric;
}

/** A heading about the training loss ("Choosing the loss function", "Why triplet loss, not cross-entropy?"). */
const LOSS_HEADING = /\bloss(?:es)?\b/i;
/** Money lost is an outcome, not a loss function: "Reducing fraud losses". */
const MONEY_LOST = /\b(?:fraud|financial|revenue|money|dollars?|chargeback)\s+loss/i;

/**
 * Whether a mention stands in a section about the training loss, where the metrics named are the
 * losses weighed for training, not what the doc evaluates with; a heading that also names metrics
 * or evaluation ("Metrics and loss functions") is about both.
 */
function underLossHeading(section: SectionNode | undefined): boolean {
  if (!section) return false;
  const heading = section.normalized;
  return LOSS_HEADING.test(heading) && !MONEY_LOST.test(heading) && !EVALUATION_HEADING.test(heading);
}

const LIST_ITEM = /^(\s*)(?:[-*+•]|\d+[.)])\s/;
/** How far above a list entry its label line ("**Metrics:**", "- Metrics:") is looked for. */
const LABEL_LOOKBACK = 12;
/** A label is a few words ending in a colon: "**Metrics:**", "Quality metrics:", "- Metrics:". */
const LABEL_LINE = /^\s*(?:[-*+•]\s+)?(?:\S+\s+){0,4}\S+?[*_]*:[*_\s]*$/;

/**
 * Whether a list entry stands under a label line that names metrics as a heading would ("**Metrics:**"
 * then "- Accuracy: 99.39%"): the label is the entry's context as much as its own line is; a label
 * that names another step ("**Model optimization:**") is not. The label is
 * the first line above that is neither an entry of the same list nor blank: a line of the list's
 * own indentation or a parent entry.
 */
function underMetricLabel(lines: readonly string[], line: number): boolean {
  const item = LIST_ITEM.exec(lines[line] ?? '');
  if (!item) return false;
  const indent = item[1]!.length;
  for (let above = line - 1; above >= Math.max(0, line - LABEL_LOOKBACK); above--) {
    const text = lines[above]!;
    if (text.trim() === '') continue;
    const entry = LIST_ITEM.exec(text);
    if (entry && entry[1]!.length >= indent) continue;
    return LABEL_LINE.test(text) && EVALUATION_HEADING.test(text);
  }
  return false;
}

function headingRole(section: SectionNode | undefined): MetricRole | undefined {
  for (let node = section; node; node = node.parent) if (node.role) return node.role;
  return undefined;
}

/**
 * A role stated around a mention, unless it contradicts the metric: "held-out NDCG drives order
 * value" makes NDCG offline, not order value.
 */
function compatibleRole(name: string, stated: MetricRole | undefined): MetricRole | undefined {
  if (!stated) return undefined;
  const typical = metricSpec(name)?.typicalRole;
  if ((stated === 'offline' || stated === 'model') && typical !== undefined && typical !== 'offline') return undefined;
  return stated;
}

/**
 * The role a heading gives a mention: a model-quality metric under a goals or success-criteria
 * heading ("Precision of the queue ≥ 0.6") is the model metric the framing sets, not a business one.
 */
function headingRoleOf(name: string, heading: MetricRole | undefined): MetricRole | undefined {
  if (heading === 'business' && metricSpec(name)?.typicalRole === 'offline') return 'model';
  return compatibleRole(name, heading);
}

/** Whether a section (or one above it) is where the document states its metrics. */
export function isEvaluationSection(section: SectionNode | undefined): boolean {
  for (let node = section; node; node = node.parent) {
    if (node.elements.has('evaluation.offline') || EVALUATION_HEADING.test(node.normalized)) return true;
  }
  return false;
}

function contextualRole(name: string, section: SectionNode | undefined, metricContext: boolean): MetricRole {
  const typical = metricSpec(name)?.typicalRole ?? 'unknown';
  if (!metricContext) return typical === 'offline' ? 'unknown' : typical;
  if (typical !== 'offline') return typical;
  for (let node = section; node; node = node.parent) {
    if (node.parts.has('framing') && !node.parts.has('evaluation')) return 'model';
  }
  return 'offline';
}

/** A mention that states an offline (model-quality) metric the document uses, not one it rejects. */
export function isOfflineMention(metric: Pick<MetricFact, 'role' | 'negated'>): boolean {
  return (metric.role === 'offline' || metric.role === 'model') && !metric.negated;
}

/**
 * An offline mention that names the metric, not the plain word for a quality ("improve retrieval
 * accuracy"): what a rule may quote to the writer as one of the doc's offline metrics.
 */
export function isOfflineMetricNamed(metric: Pick<MetricFact, 'role' | 'negated' | 'plainSense'>): boolean {
  return isOfflineMention(metric) && !metric.plainSense;
}
