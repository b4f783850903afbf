// Metrics: how each is written, which task types it fits, its usual role,
// and a one-line description for hovers and messages.
import type { MetricRole, TaskType } from '../types';
import { anyWord, anyWordGlobal, exactWordGlobal, normalizeHeading } from './patterns';

/**
 * How a metric relates to a task: `fits`; `misfit` (misaligned as the headline metric);
 * `misfit-alone` (misaligned only when nothing that fits is next to it, e.g. ROC-AUC for fraud).
 * Tasks not listed are neutral.
 */
export type MetricFit = 'fits' | 'misfit' | 'misfit-alone';

export interface MetricSpec {
  /** Canonical name, used in messages and replacements. */
  name: string;
  /** Case-insensitive spellings (regex sources, matched as whole words). */
  patterns: readonly string[];
  /** Case-sensitive acronyms that are ordinary words in lower case. */
  acronyms?: readonly string[];
  /** Role when nothing around the mention says otherwise. */
  typicalRole: MetricRole;
  fit: Partial<Record<TaskType, MetricFit>>;
  description: string;
  /**
   * Where the name is also the plain word for a quality and means it, not the metric: the words
   * right before the mention ("prediction accuracy", "improve the accuracy") or right after it
   * ("accuracy of the forecasts"), as regex sources. A value next to the mention makes it the metric again.
   */
  plainSense?: { before: readonly string[]; after: readonly string[] };
}

export const METRICS: readonly MetricSpec[] = [
  {
    name: 'NDCG@k',
    patterns: ['n?dcg(?:@\\s?(?:k|\\d+))?', 'normali[sz]ed discounted cumulative gain'],
    typicalRole: 'offline',
    fit: { ranking: 'fits' },
    description: 'Normalised discounted cumulative gain: rewards relevant results near the top of a ranked list, graded relevance allowed.',
  },
  {
    name: 'MAP',
    patterns: ['mean average precision', 'map@\\s?(?:k|\\d+)'],
    acronyms: ['MAP', 'mAP'],
    typicalRole: 'offline',
    fit: { ranking: 'fits' },
    description: 'Mean average precision: average precision over queries or users, for binary relevance in ranked lists.',
  },
  {
    name: 'MRR',
    patterns: ['mrr(?:@\\s?(?:k|\\d+))?', 'mean reciprocal rank'],
    typicalRole: 'offline',
    fit: { ranking: 'fits' },
    description: 'Mean reciprocal rank: how high the first relevant result appears.',
  },
  {
    name: 'Recall@k',
    patterns: ['recall\\s?@\\s?(?:k|\\d+)', 'recall at (?:k|\\d+)', 'top-?k recall'],
    typicalRole: 'offline',
    fit: { ranking: 'fits' },
    description: 'Share of all relevant items that appear in the top k; the usual metric for candidate retrieval.',
  },
  {
    name: 'Precision@k',
    patterns: ['precision\\s?@\\s?(?:k|\\d+)', 'precision at (?:k|\\d+)'],
    typicalRole: 'offline',
    fit: { ranking: 'fits' },
    description: 'Share of the top k results that are relevant.',
  },
  {
    name: 'Hit rate',
    // Not a cache's hit rate: how often a cache answers is a serving figure, not this metric.
    patterns: ['(?<!cache[- ])hit (?:rate|ratio)(?:@\\s?(?:k|\\d+))?', 'hr@\\s?(?:k|\\d+)'],
    typicalRole: 'offline',
    fit: { ranking: 'fits' },
    description: 'Share of users or queries with at least one relevant item in the top k.',
  },
  {
    name: 'PR-AUC',
    patterns: [
      'pr[- ]?auc',
      'auc[- ]?pr',
      'auprc',
      'average precision',
      'area under (?:the )?precision[- ]recall curve',
      'precision[- ]recall (?:curve|auc)',
    ],
    typicalRole: 'offline',
    fit: { 'imbalanced-classification': 'fits', 'probability-estimation': 'fits' },
    description:
      'Area under the precision-recall curve: summarises the precision/recall trade-off and stays honest when positives are rare.',
  },
  {
    name: 'Recall at precision',
    patterns: [
      'recall at (?:a )?(?:fixed |given |\\d+ ?% )?precision(?: floor)?',
      'precision at (?:a )?(?:fixed |given )?recall',
      'recall@precision',
      'precision floor',
    ],
    typicalRole: 'offline',
    fit: { 'imbalanced-classification': 'fits' },
    description:
      'Recall measured at an operating point with a minimum precision: how much of the rare class is caught without flooding reviewers.',
  },
  {
    name: 'F-beta',
    patterns: ['f1(?:[- ]score)?', 'f[- ]?beta', 'f2(?:[- ]score)?', 'f0\\.5', 'f[- ]measure', 'f[- ]score'],
    typicalRole: 'offline',
    fit: { 'imbalanced-classification': 'fits' },
    description: 'Weighted harmonic mean of precision and recall at one threshold; beta > 1 favours recall.',
  },
  {
    name: 'Precision',
    patterns: ['precision'],
    typicalRole: 'offline',
    fit: { 'imbalanced-classification': 'fits', ranking: 'fits' },
    description: 'Share of flagged items that are truly positive, at the chosen threshold.',
  },
  {
    name: 'Recall',
    patterns: ['recall'],
    typicalRole: 'offline',
    fit: { 'imbalanced-classification': 'fits', ranking: 'fits' },
    description: 'Share of true positives that the model catches, at the chosen threshold.',
  },
  // Recall under its classification names: on a ranked list it describes the ROC curve, not the list.
  {
    name: 'True positive rate',
    patterns: ['sensitivity', 'true positive rate', 'tpr', 'detection rate', 'catch rate'],
    typicalRole: 'offline',
    fit: { 'imbalanced-classification': 'fits' },
    description: 'Share of actual positives flagged (recall by its classification names: sensitivity, TPR, detection rate).',
  },
  // Missed positives at an operating point: 1 − recall, named for the errors a detector must keep rare.
  {
    name: 'False negative rate',
    patterns: ['false negative rate', 'fnr', 'false rejection rate', 'frr'],
    typicalRole: 'offline',
    fit: { 'imbalanced-classification': 'fits' },
    description: 'Share of actual positives the model misses at its threshold (1 − recall; false rejection rate for a detector).',
  },
  {
    name: 'Cost-weighted error',
    patterns: [
      'cost[- ](?:weighted|sensitive) (?:error|loss|metric|accuracy)',
      'expected (?:cost|loss)',
      'dollar[- ]weighted (?:recall|loss)',
    ],
    typicalRole: 'offline',
    fit: { 'imbalanced-classification': 'fits' },
    description: 'Errors weighted by what each costs (a missed fraud vs a blocked customer).',
  },
  {
    name: 'ROC-AUC',
    patterns: ['roc[- ]?auc', 'auc[- ]?roc', 'auroc', 'area under (?:the )?roc curve', 'roc curve', 'auc'],
    typicalRole: 'offline',
    fit: { ranking: 'misfit-alone', 'imbalanced-classification': 'misfit-alone', 'probability-estimation': 'fits', regression: 'misfit' },
    description: 'Area under the ROC curve: ranking quality across thresholds; flattered by many true negatives when positives are rare.',
  },
  {
    name: 'Log loss',
    patterns: ['log[- ]?loss', '(?:binary |normali[sz]ed )?cross[- ]entropy', 'normali[sz]ed entropy', 'negative log[- ]likelihood', 'nll'],
    acronyms: ['NCE', 'CE', 'BCE'],
    typicalRole: 'offline',
    fit: { 'probability-estimation': 'fits' },
    description: 'Log loss (cross-entropy), often normalised by the entropy of the base rate (NCE): judges predicted probabilities.',
  },
  {
    name: 'Calibration',
    patterns: ['calibration(?: error| plots?| curves?)?', 'expected calibration error', 'reliability diagrams?', 'brier score'],
    acronyms: ['ECE'],
    typicalRole: 'offline',
    fit: { 'probability-estimation': 'fits', 'imbalanced-classification': 'fits' },
    description: 'Whether predicted probabilities match observed frequencies (ECE, Brier score, reliability diagrams).',
  },
  {
    name: 'Accuracy',
    patterns: ['accuracy', 'classification accuracy', 'top-?1 accuracy'],
    typicalRole: 'offline',
    fit: {
      ranking: 'misfit',
      'imbalanced-classification': 'misfit',
      'probability-estimation': 'misfit',
      regression: 'misfit',
      // Labellers call accuracy alone misaligned whatever the task: classes are rarely balanced.
      other: 'misfit-alone',
    },
    description: 'Share of correct predictions; meaningless when one class dominates, and not a ranking or forecasting metric.',
    // "Improve retrieval accuracy", "ETA accuracy", "accuracy of consumption forecasts": how right
    // something is, said of a forecast or a ranking as of anything, names no metric to judge.
    plainSense: {
      before: [
        '(?:improv|increas|boost|enhanc|rais|maximi[sz]|optimi[sz]|gain|reduc|decreas|drop|los|sacrific|degrad|trad)\\w*(?: in)?(?: (?:the|its|our|their|overall|offline|online))?',
        '(?:better|higher|greater|more)',
        '(?:predictions?|predictive|forecast\\w*|retrieval|recommendations?|ranking|search|eta|estimat\\w+|location|routing|matching|extraction|transcription)',
      ],
      after: ['of (?:the |our |its |their )?(?!\\d)[a-z]'],
    },
  },
  {
    name: 'MAE',
    patterns: ['mae', 'mean absolute error'],
    typicalRole: 'offline',
    fit: { regression: 'fits', ranking: 'misfit' },
    description: "Mean absolute error: average size of forecast errors, in the target's units.",
  },
  {
    name: 'RMSE',
    patterns: ['rmse', 'root mean squared? error'],
    typicalRole: 'offline',
    fit: { regression: 'fits', ranking: 'misfit' },
    description: 'Root mean squared error: like MAE but punishes large errors more.',
  },
  {
    name: 'MSE',
    patterns: ['mse', 'mean squared error'],
    typicalRole: 'offline',
    fit: { regression: 'fits', ranking: 'misfit' },
    description: "Mean squared error: the square of RMSE, in the target's squared units; punishes large errors more than MAE.",
  },
  {
    name: 'MAPE',
    patterns: ['w?mape', 'smape', 'wape', 'mean absolute percentage error', 'weighted mape', 'mase', 'mean absolute scaled error'],
    typicalRole: 'offline',
    fit: { regression: 'fits' },
    description: 'Percentage error family (MAPE, WAPE, sMAPE): scale-free forecast error; WAPE stays defined when actuals are zero.',
  },
  {
    name: 'Quantile loss',
    patterns: ['quantile loss', 'pinball loss', 'quantile metrics?', 'crps', 'coverage of (?:the )?prediction intervals?'],
    typicalRole: 'offline',
    fit: { regression: 'fits' },
    description: 'Pinball (quantile) loss: judges forecasts of a quantile, e.g. the stock level that avoids running out 95% of the time.',
  },
  {
    name: 'CTR',
    patterns: ['ctr', 'click[- ]through rate', 'click rate'],
    typicalRole: 'online',
    fit: {},
    description: 'Click-through rate: clicks per impression, an online engagement metric.',
  },
  {
    name: 'Conversion rate',
    // "Voice conversion", "format conversion": a transformation, not a customer converting.
    patterns: [
      'conversion rate',
      'cvr',
      '(?<!voice[- ]|speech[- ]|style[- ]|format[- ]|unit[- ]|currency[- ]|file[- ]|type[- ]|data[- ])conversions?',
    ],
    typicalRole: 'online',
    fit: {},
    description: 'Share of sessions or impressions that end in the desired action (purchase, sign-up).',
  },
  {
    name: 'Revenue',
    patterns: ['revenue(?: lift| per (?:user|session|mille))?', 'gmv', 'gross merchandise value', 'order value', 'rpm', 'arpu'],
    typicalRole: 'business',
    fit: {},
    description: 'Money the product earns; the usual business outcome.',
  },
  {
    name: 'Engagement',
    patterns: [
      'engagement(?: rate)?',
      'time spent',
      'watch time',
      'dwell time',
      'session (?:length|time|duration)',
      'reactions? rate',
      'like rate',
      'comment rate',
      'share rate',
    ],
    typicalRole: 'online',
    fit: {},
    description: 'How much users interact (time spent, reactions); online metric or business outcome depending on the product.',
  },
  {
    name: 'Retention',
    patterns: [
      // Users coming back, not how long data is kept ("data retention", "90-day retention, then archived",
      // "retention policy"). The lookbehind's alternatives stay top-level for the grammar's Oniguruma.
      '(?<!data[- ]|log[- ]|logs[- ]|storage[- ]|backup[- ]|message[- ]|record[- ]|file[- ])retention(?! (?:polic\\w+|periods?|windows?|rules?|limits?|ttl|of (?:the )?(?:data|logs?|raw|events|records|messages|files|audio|images|videos))|,? then (?:archiv|delet|purg)\\w*)',
      'churn(?: rate)?',
      'daily active users',
      'dau',
      'mau',
      'returning users',
    ],
    typicalRole: 'business',
    fit: {},
    description: 'Whether users come back; a long-term business outcome.',
  },
  {
    name: 'Fraud losses',
    patterns: ['fraud loss(?:es)?', 'chargeback (?:rate|losses|amount)', 'financial loss(?:es)?', 'loss rate', 'dollars? lost'],
    typicalRole: 'business',
    fit: {},
    description: 'Money lost to fraud (chargebacks, write-offs): the business outcome of a fraud system.',
  },
  {
    name: 'False positive rate',
    patterns: ['false positive rate', 'fpr', 'false alarm rate', 'false acceptance rate', 'decline rate', 'block rate', 'insult rate'],
    typicalRole: 'guardrail',
    fit: {},
    description: 'Share of legitimate cases wrongly flagged: customer friction, usually a guardrail.',
  },
  // Moderation outcomes: each its own metric, so a hover names what the doc wrote.
  {
    name: 'Prevalence',
    patterns: ['prevalence'],
    typicalRole: 'online',
    fit: {},
    description: 'Share of views that land on violating content, measured by sampling; the outcome a moderation system moves.',
  },
  {
    name: 'Harmful impressions',
    patterns: ['harmful impressions', 'violating (?:content )?(?:views|impressions)'],
    typicalRole: 'online',
    fit: {},
    description: 'How many times users saw violating content: the exposure that prevalence expresses as a share of all views.',
  },
  {
    name: 'Proactive rate',
    patterns: ['proactive (?:detection )?rate'],
    typicalRole: 'online',
    fit: {},
    description: 'Share of actioned violating content that the system found before any user reported it.',
  },
  {
    name: 'Appeal overturn rate',
    patterns: ['appeal (?:success |overturn |reversal )?rate', 'reversed appeals'],
    typicalRole: 'online',
    fit: {},
    description: 'Share of appealed decisions that are reversed: how often the system takes down what it should not.',
  },
  {
    name: 'Time to action',
    patterns: ['time[- ]to[- ]action'],
    typicalRole: 'online',
    fit: {},
    description: 'How long violating content stays up before it is removed or restricted.',
  },
  {
    name: 'Hide rate',
    patterns: ['hide rate', 'report rate', 'unfollow rate', 'negative feedback rate'],
    typicalRole: 'guardrail',
    fit: {},
    description: 'How often users hide or report what they were shown; a guardrail for engagement-driven systems.',
  },
  {
    name: 'Out-of-stock rate',
    patterns: [
      'out[- ]of[- ]stock (?:rate|share)',
      'stock[- ]?outs?',
      'service level',
      'fill rate',
      'overstock',
      'waste rate',
      'leftovers',
    ],
    typicalRole: 'business',
    fit: {},
    description: 'How often shelves run empty (or stock is wasted): the business outcome of a demand forecast.',
  },
];

/** One global regex per metric; a mention's metric is the first whose pattern matches at that spot. */
export interface CompiledMetric {
  spec: MetricSpec;
  pattern: RegExp;
  acronyms?: RegExp;
  /** The plain sense's words, anchored at the mention: `before` at the end of the text before it, `after` at the start of the text after it. */
  plainSense?: { before: RegExp; after: RegExp };
}

export const COMPILED_METRICS: readonly CompiledMetric[] = METRICS.map((spec) => ({
  spec,
  pattern: anyWordGlobal(spec.patterns),
  ...(spec.acronyms ? { acronyms: exactWordGlobal(spec.acronyms) } : {}),
  ...(spec.plainSense
    ? {
        plainSense: {
          before: new RegExp(`(?:^|[^\\w-])(?:${spec.plainSense.before.join('|')})\\s+[\\x60*_]*$`, 'i'),
          after: new RegExp(`^[\\x60*_]*\\s+(?:${spec.plainSense.after.join('|')})`, 'i'),
        },
      }
    : {}),
}));

const metricsByName = new Map(METRICS.map((spec) => [spec.name, spec]));

export function metricSpec(name: string): MetricSpec | undefined {
  return metricsByName.get(name);
}

/**
 * The metric's fit for a task; undefined when neutral. A task outside the framework's table
 * (question answering, detection, a multi-class sentiment model) has no misfits but accuracy alone:
 * any other model-quality metric (F1, per-class recall, Recall@k of its retrieval) fits it, which is
 * also what keeps accuracy beside it from standing alone.
 */
export function metricFit(name: string, task: TaskType): MetricFit | undefined {
  const spec = metricsByName.get(name);
  if (!spec) return undefined;
  return spec.fit[task] ?? (task === 'other' && spec.typicalRole === 'offline' ? 'fits' : undefined);
}

/**
 * A heading or label that introduces the online metrics in the doc's own words ("### Online",
 * "* Online", "**Online metrics (A/B):**"): what follows names online metrics even when none is in
 * the table above ("Suggestion acceptance rate", "No. of friend requests accepted per week").
 */
const ONLINE_METRICS_LABEL =
  /^(?:online|a\/b|онлайн)(?:[- ](?:metrics?|evaluation|kpis?|measures?|success metrics?|test(?:ing)? metrics?|метрик\w*))?$/;

/** Whether a heading's or a label's text is such a label; a parenthesis in it ("(A/B)", "(Production)") says nothing. */
export function isOnlineMetricsLabel(text: string): boolean {
  return ONLINE_METRICS_LABEL.test(normalizeHeading(text.replace(/\([^)]{0,60}\)/g, ' ')));
}

/**
 * An online experiment named in a sentence, and a measured quantity in the same sentence ("approval
 * rate in an A/B test", "default rate, compared in a two-week A/B test"): the doc states an online
 * metric in words no metric table lists. Negated before ("no A/B test yet") or called off after ("… is
 * out of scope", "…: none planned") it states none; a negation about something else ("…, not an
 * offline replay") leaves it standing.
 */
export const ONLINE_EXPERIMENT = anyWord([
  'a/b[- ]?test\\w*',
  'ab tests?',
  'online experiments?',
  'split tests?',
  'a/b[- ]тест\\w*',
  'a/b 테스트',
]);
export const EXPERIMENT_MEASURE = anyWord([
  '(?!learning\\b)[\\w-]+ rates?',
  'revenue',
  'conversions?',
  'losses',
  'retention',
  'gmv',
  'engagement',
  'time spent',
  'dwell time',
  'watch time',
  'bookings',
  'sales',
  'chargebacks',
  'click-?through',
  'ctr',
  'churn',
  'uplift',
  'lift',
  'долю\\w*|конверси\\w*|выручк\\w*',
]);
export const EXPERIMENT_NEGATED = anyWord(['no', 'not', 'none', 'never', 'without', 'cannot', "\\w+n['’]t", 'unable']);
/** After the experiment, words that call it off ("… is out of scope", "…: none planned", "… was never run"). */
export const EXPERIMENT_CALLED_OFF =
  /^[^,;]{0,80}?\b(?:is|are|was|were|will be|remains?)\s+(?:out of scope|not (?:planned|possible|feasible|run)|never run|impossible|unplanned)\b|^[^,;]{0,80}?:\s*(?:none|no|n\/a)\b/i;

/** The model metrics a skeleton's prompt offers as examples, by the doc's task ("other": one of each kind). */
export const MODEL_METRIC_EXAMPLES: Readonly<Record<TaskType, string>> = {
  ranking: 'NDCG@10, Recall@100',
  'imbalanced-classification': 'recall at a precision floor, PR-AUC',
  'probability-estimation': 'log loss, calibration error',
  regression: 'MAE, MAPE',
  other: 'recall at a precision floor, NDCG@10',
};
/** Where a prompt names them. */
export const MODEL_METRIC_EXAMPLES_SLOT = '{model metric examples}';

/** Fitting replacements for a misaligned metric, best first. */
export const PREFERRED_METRICS: Readonly<Record<TaskType, readonly string[]>> = {
  ranking: ['NDCG@k', 'Recall@k', 'MAP', 'MRR'],
  'imbalanced-classification': ['PR-AUC', 'Recall at precision', 'F-beta'],
  'probability-estimation': ['Log loss', 'Calibration', 'ROC-AUC'],
  regression: ['MAE', 'RMSE', 'MAPE', 'Quantile loss'],
  other: [],
};

/** Words around a mention that give its role. Checked in this order. */
export const ROLE_CUES: readonly { role: MetricRole; pattern: RegExp }[] = [
  { role: 'guardrail', pattern: anyWord(['guardrails?', 'counter[- ]metrics?', 'health metrics?', 'do[- ]no[- ]harm']) },
  {
    role: 'online',
    pattern: anyWord([
      'online',
      'a/b',
      'ab tests?',
      'experiments?',
      'in production',
      'live',
      'онлайн',
      'a/b[- ]тест\\w*',
      'пилот\\w*',
      '온라인',
    ]),
  },
  {
    role: 'offline',
    pattern: anyWord([
      'offline',
      'evaluation',
      'eval',
      'validation',
      'test set',
      'hold-?out',
      'backtest\\w*',
      'офлайн',
      'оффлайн',
      'валидац\\w*',
      'отложенн\\w* выборк\\w*',
      'тестов\\w* (?:выборк\\w*|данных)',
      '오프라인',
    ]),
  },
  { role: 'business', pattern: anyWord(['business', 'kpis?', 'north[- ]star', 'success criteria', 'бизнес\\w*', '비즈니스']) },
  { role: 'model', pattern: anyWord(['model metrics?', 'ml metrics?', 'ml objective', 'proxy', 'technical metrics?']) },
];

/** Words that mean the author mentions a metric to reject it, looked for before the mention in its sentence. */
export const NEGATION_BEFORE = anyWordGlobal([
  'not',
  'never',
  'avoid\\w*',
  'instead of',
  'rather than',
  'no longer',
  // Any contraction with "not": "didn't just look at accuracy", "wasn't", "aren't".
  "\\w+n['’]t",
  'do not',
  'does not',
  'is not',
  'better than',
  'kills?',
  'hides?',
  'misleading',
  'useless',
  'meaningless',
  'unsuitable',
  'inappropriate',
  'wrong metric',
  // "The project should evaluate more than overall accuracy" ("going beyond RMSE" keeps using it: not here).
  '(?:evaluat\\w*|measur\\w*|look(?:s|ing)? at|track\\w*) more than',
]);

/** Words right after a mention that reject it ("accuracy is useless here"). */
export const NEGATION_AFTER =
  /^[^.;:\n]{0,40}?\b(?:is|are|would be|becomes?)\s+(?:\w+\s+)?(?:useless|misleading|meaningless|a lie|not (?:used|useful|appropriate|suitable|meaningful|enough|a good)|flattered|inflated|wrong|unsuitable|insufficient|undefined|banned|excluded|ruled out)|^[^.;:\n]{0,40}?\bnot (?:enough|sufficient)\b|^\s*(?:не (?:используе\w*|подход\w*|годит\w*))/i;

/**
 * What a training objective may target: proxies of the business goal (a click is not a sale) and
 * the outcomes themselves, and the business metrics that name such an outcome.
 */
export const OBJECTIVE_TARGETS = {
  // "like" is the reaction only as a label or an event, not the preposition ("metrics like NDCG").
  proxies: [
    'clicks?',
    'click-through',
    'likes',
    'like(?=\\s*(?:[,.;:)/]|$|\\s+(?:and|or|rates?|counts?|probability|events?|actions?|signals?|labels?)\\b))',
    'views?',
    'impressions?',
    'dwell time',
    'engagement',
  ],
  outcomes: ['purchases?', 'orders?', 'conversions?', 'bookings?', 'revenue'],
  /** Neither: read as an objective, judged as neither proxy nor outcome. */
  other: ['watch time', 'ratings?'],
} as const;
export const OUTCOME_METRICS: ReadonlySet<string> = new Set(['Revenue', 'Conversion rate']);
