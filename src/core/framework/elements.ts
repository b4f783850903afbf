// The 18 framework elements as data: how a heading names each one, which
// phrases show the concept is addressed anywhere in the text, and the prompts a skeleton offers.
// Rules and the analysis read this; nothing element-specific lives anywhere else.
import type { CoverageGap, ElementId } from '../types';
import { anyWord, anyWordGlobal } from './patterns';

export const PART_IDS = ['framing', 'data', 'features', 'model', 'training', 'evaluation', 'serving', 'tradeoffs'] as const;
export type PartId = (typeof PART_IDS)[number];

export interface PartSpec {
  id: PartId;
  title: string;
  /** Minutes in a 45-minute interview. */
  interviewMinutes: number;
  /** Heading wordings that name the whole part. */
  headings: RegExp;
}

/**
 * A phrase that shows an element is addressed. Weight 2 means the phrase alone shows it; weight 1
 * is supporting evidence; below 1 is a hint that only makes an element partial.
 */
export interface Cue {
  pattern: RegExp;
  weight: number;
}

export interface HeadingAlias {
  pattern: RegExp;
  /** `specific`: the heading is about this element. `broad`: it is one of several things the heading covers. */
  strength: 'specific' | 'broad';
  /** Only counts under a heading of this part (e.g. a bare "Baseline" under "Model"). */
  underPart?: PartId;
  /** Does not count under a heading of this part. */
  notUnderPart?: PartId;
}

export interface ElementSpec {
  id: ElementId;
  part: PartId;
  /** Heading used by skeletons and templates; it must match one of the element's specific aliases. */
  title: string;
  /** What must be there, as the second half of "expected ..." messages. */
  expectation: string;
  headings: readonly HeadingAlias[];
  cues: readonly Cue[];
  /** Score at or above which cues alone make the element present. */
  presentAt: number;
  /**
   * The part the spec makes explicit: once the document raises the topic (`raisedBy`, anywhere in
   * its text, placeholders included), the element is present only with a cue of at least `weight`
   * somewhere ("p99 latency: TBD" under a filled "Requirements" section is partial).
   */
  requires?: { weight: number; raisedBy: RegExp; gap: CoverageGap };
  /**
   * What makes the element measurable: without an outcome metric the document measures, the text
   * that gives the element (its section's own body, its evidence paragraph) must say `pattern`, or
   * the element is partial with `gap` ("faster, consistent triage decisions" is a goal, not a
   * measure of success).
   */
  measuredBy?: { pattern: RegExp; gap: CoverageGap };
  /**
   * The parts the expectation names (`each`): a document that names at most one of them anywhere,
   * and never says how (`detail` on a line naming `stated`, or the line after it), covers the
   * element in part with `gap`, whatever its cue weights ("A/B testing" as a bullet is no rollout plan).
   */
  facets?: { each: readonly RegExp[]; stated: RegExp; detail: RegExp; gap: CoverageGap };
  /** Short prompts written into a skeleton section. */
  prompts: readonly string[];
}

export const PARTS: readonly PartSpec[] = [
  {
    id: 'framing',
    title: 'Problem framing & success',
    interviewMinutes: 8,
    headings: anyWord([
      'problem',
      'framing',
      'business',
      'objectives?',
      'goals?',
      'requirements?',
      'clarif\\w*',
      'scope',
      'scoping',
      'success',
      'overview',
      'introduction',
      'motivation',
      'background',
      'context',
      'use cases?',
      'summary',
      'постановка',
      'цель',
      'цели',
      'бизнес\\w*',
      'требования',
      // Korean (the "ML system design interview" book's chapter headings).
      '문제',
      '요구\\s?사항',
      '목표',
      // Chinese and Persian.
      '问题',
      '目标',
      '需求',
      '背景',
      'هدف',
      'مسئله',
      // Spanish and German headings in mixed-language docs.
      'objetivos?',
      'problema',
      'contexto',
      'requisitos',
      'ziele?',
      'problemstellung',
      'hintergrund',
      'anforderungen',
    ]),
  },
  {
    id: 'data',
    title: 'Data pipeline',
    interviewMinutes: 7,
    headings: anyWord([
      'data\\w*',
      'datasets?',
      'labell?ing',
      'labels',
      'данные',
      'данных',
      'datos',
      'daten\\w*',
      '데이터',
      '数据',
      'داده',
    ]),
  },
  {
    id: 'features',
    title: 'Feature engineering',
    interviewMinutes: 6,
    headings: anyWord([
      'features?',
      'feature engineering',
      'inputs',
      'signals',
      'признаки',
      'признаков',
      'características',
      'merkmale',
      '피처',
      '특징',
      '特征',
      'ویژگی',
    ]),
  },
  {
    id: 'model',
    title: 'Model',
    interviewMinutes: 8,
    headings: anyWord([
      'model\\w*',
      'modell?ing',
      'algorithms?',
      'approach',
      'methods?',
      'architectural components',
      'ml formulation',
      'модель',
      'модели',
      'modelos?',
      'modell\\w*',
      'modelado',
      'методолог\\w*',
      '모델',
      '模型',
      'مدل',
    ]),
  },
  {
    id: 'training',
    title: 'Training',
    interviewMinutes: 4,
    headings: anyWord(['training', 'train', 'retraining', 'обучение', 'entrenamiento', 'reentrenamiento', '학습', '훈련', '训练', 'آموزش']),
  },
  {
    id: 'evaluation',
    title: 'Evaluation',
    interviewMinutes: 4,
    headings: anyWord([
      'evaluation',
      'eval',
      'metrics?',
      'measur\\w*',
      'quality',
      'validation',
      'метрики',
      'оценка',
      'оценки',
      'métricas',
      'metriken',
      'evaluación',
      'evaluierung',
      '평가',
      '지표',
      '评估',
      '指标',
      'ارزیابی',
    ]),
  },
  {
    id: 'serving',
    title: 'Serving & scaling',
    interviewMinutes: 6,
    headings: anyWord([
      'serving',
      'deployment',
      'deploy',
      'production\\w*',
      'inference',
      'prediction service',
      'scal\\w*',
      'monitoring',
      'infrastructure',
      'operations',
      'mlops',
      'high[- ]level design',
      'bottlenecks',
      'reliability',
      'развертывание',
      'деплой',
      'мониторинг',
      'инфраструктура',
      'внедрение',
      'масштаб\\w*',
      '서빙',
      '배포',
      '모니터링',
      '인프라',
      'serve',
      'despliegue',
      'inferencia',
      'monitorización',
      'monitoreo',
      'escalabilidad',
      'bereitstellung',
      'überwachung',
      'skalierung',
      '部署',
      '监控',
      'استقرار',
      'پایش',
    ]),
  },
  {
    id: 'tradeoffs',
    title: 'Trade-offs',
    interviewMinutes: 2,
    headings: anyWord([
      'trade-?offs?',
      'discussion',
      'alternatives',
      'risks?',
      'design decisions',
      'limitations',
      'компромиссы',
      'риски',
      'compromisos',
      'alternativas',
      'kompromisse',
      '权衡',
      '트레이드오프',
    ]),
  },
];

/**
 * Headings about the whole document ("Summary", "Overview"): the analysis reads them as framing,
 * but they are not the framing part, so a hover does not ask them for the part's checklist.
 */
export const DOCUMENT_HEADINGS = /^(?:executive |project )?(?:summary|overview|introduction|intro|background|context|abstract|tl;? ?dr)$/i;

/**
 * Headings (or label lines) of what the doc has not done yet ("Future improvements", "Next steps"):
 * what is named under them is a plan, not the design or the evaluation the doc makes.
 */
export const FUTURE_WORK_HEADING = /\b(?:future|next steps?)\b/i;

const specific = (sources: readonly string[], extra: Partial<HeadingAlias> = {}): HeadingAlias => ({
  pattern: anyWord(sources),
  strength: 'specific',
  ...extra,
});
/** A heading that is only this wording ("Models", "Data"): a bare generic word inside a longer heading means something else. */
const exact = (sources: readonly string[], extra: Partial<HeadingAlias> = {}): HeadingAlias => ({
  pattern: new RegExp(`^(?:${sources.join('|')})$`, 'i'),
  strength: 'specific',
  ...extra,
});
const broad = (sources: readonly string[], extra: Partial<HeadingAlias> = {}): HeadingAlias => ({
  pattern: anyWord(sources),
  strength: 'broad',
  ...extra,
});
const cue = (sources: readonly string[], weight: number): Cue => ({ pattern: anyWordGlobal(sources), weight });
/** How a job is done without ML today, and what a doc says is wrong with it (the current solution's cues). */
const STATUS_QUO_WAYS =
  '(?:manual(?:ly)?|by hand|human[- ]only|rules?|rule[- ]based|rule engines?|keywords?(?:[- ]based)?|heuristics?|spreadsheets?|excel|(?:traditional|legacy) (?:systems?|process(?:es)?|approach(?:es)?|methods?|tools?|workflows?|search))';
const STATUS_QUO_PAINS =
  "(?:(?:does|do|did) not scale|(?:doesn't|don't|can't|cannot) scale|not scalable|brittle|error[- ]prone|time[- ]consuming|time[- ]wasting|tedious|repetitive|inefficien\\w*|labou?r[- ]intensive|costly|slow|fails?(?! (?:open|closed|over))|failing|struggles?|inconsistent|subjective|overwhelm\\w*|backlogs?|bottlenecks?)";

const LATENCY_UNIT = '(?:ms|msec|milliseconds?|s|sec|secs|seconds?|minutes?|min|hours?|мс)';
/**
 * Before a short Russian stem: not inside a longer word. Cyrillic alternatives are matched as
 * written (no \\b), which is safe for long stems; short ones ("кеш", "но") need this guard.
 */
const RU = '(?<![а-яёА-ЯЁ])';
/** A latency unit written in Russian ("200 мс", "2 секунды"); not the start of a longer word ("10 сотрудников"). */
const RU_LATENCY_UNIT = '(?:мс|миллисекунд[а-яё]*|сек(?:унд[а-яё]*)?|с|мин(?:ут[а-яё]*)?)(?![а-яёА-ЯЁ])';

/**
 * A business outcome stated as something that can be measured: a number (a target, a baseline, a
 * scale) or a quantity named as one (a rate, a share, a count, time to an action, the usual business
 * acronyms). Ordered-list markers are not numbers here (the caller strips them).
 */
const BUSINESS_MEASURE = new RegExp(
  [
    '(?<![\\p{L}\\d])\\d',
    '%',
    '\\b(?:number|count|share|percentage|proportion|fraction|ratio) of\\b',
    '\\b(?:rates?|ratios?)\\b',
    '\\btime[- ]to[- ]\\w+',
    '\\bper (?:user|customer|member|day|week|month|year|session|order|transaction|request|query|visit|conversation)\\b',
    '\\bhow (?:many|much|often|long)\\b',
    '\\b(?:measured|tracked) (?:by|as|via|through)\\b',
    '\\b(?:nps|csat|dau|mau|wau|gmv|roi|arpu|ltv|aov|cac)\\b',
    '(?<![\\p{L}])(?:доля|дол[июе]|количеств\\p{L}*|числ[оа]|процент\\p{L}*|коэффициент\\p{L}*)',
    '率|数量|占比|비율|전환율|이탈률|클릭률|재구매율|유지율',
  ].join('|'),
  'iu',
);

/** Live traffic reached step by step: an A/B test, a canary, a shadow or staged launch, a pilot. */
const LIVE_EXPERIMENT = anyWord([
  'a/b',
  'ab[- ]test\\w*',
  'split test\\w*',
  'switchback\\w*',
  'canary',
  'shadow',
  'silent mode',
  'dark launch\\w*',
  'staged',
  'gradual\\w*',
  'phased',
  'ramp(?:ed|ing)? up',
  'champion[/ -]challenger',
  'blue[/ -]green',
  'feature flags?',
  'pilot\\w*',
  'traffic split\\w*',
  'control (?:group|arm|cell)',
  'holdout group',
  '\\d+ ?% (?:of )?(?:traffic|users|requests)',
  'а/б',
  'контрольн\\w* групп\\w*',
  'пилот\\w*',
  'канареечн\\w*',
  'тенев\\w* режим\\w*',
  'постепенн\\w*',
  '灰度',
  '金丝雀',
  '小流量',
  '카나리',
  '점진적',
]);

/**
 * The parts of a rollout plan (FRAMEWORK: "A/B test or canary, model versioning, rollback"): live
 * traffic reached step by step, an interleaving gate before it, versions that tell models apart,
 * and a way back.
 */
const ROLLOUT_FACETS: readonly RegExp[] = [
  LIVE_EXPERIMENT,
  anyWord(['interleav\\w*']),
  anyWord(['versio\\w+', 'model registry', 'registered models?', 'v\\d+(?:\\.\\d+)+', 'верси\\w*', '版本', '버전']),
  anyWord([
    'roll(?:ed|ing)?[- ]?backs?',
    'revert\\w*',
    'kill[- ]switch\\w*',
    'previous (?:model|version)',
    'last known good',
    'откат\\w*',
    '回滚',
    '롤백',
  ]),
];

/**
 * How a live experiment is run: a traffic share, a duration or a threshold (any number), its unit of
 * randomisation, or the criterion that decides it.
 */
const EXPERIMENT_DETAIL = new RegExp(
  [
    '\\d',
    '\\b(?:guardrails?|success criteri\\w*|ship(?:ping)? (?:gate|decision|criteri\\w*)|gated? on|randomi[sz]\\w*|statistical(?:ly)? significan\\w*|minimum detectable|by (?:city|region|market|user|session|hour|day))\\b',
  ].join('|'),
  'i',
);

/**
 * What a monitoring plan watches (FRAMEWORK: "input-distribution drift, live model performance,
 * logging, alerts"): the inputs, the model's live quality, the logs or dashboards, and who is told.
 */
const MONITORING_FACETS: readonly RegExp[] = [
  anyWord([
    'drift\\w*',
    'psi',
    'kl divergence',
    'distribution (?:shift|change)\\w*',
    'data shift',
    'skew',
    'дрейф\\w*',
    '漂移',
    '드리프트',
  ]),
  anyWord([
    '(?:live|online|production|model|prediction) (?:performance|accuracy|precision|recall|metrics?|quality)',
    '(?:performance|accuracy|precision|recall|auc|ctr) (?:degrad\\w*|decay|drops?)',
    'degrad\\w*',
    'деградац\\w*',
  ]),
  anyWord([
    'logg?(?:ing|ed|s)?',
    'dashboards?',
    'grafana',
    'prometheus',
    'datadog',
    'tracing',
    'observability',
    'логирован\\w*',
    '日志',
    '로깅',
  ]),
  anyWord([
    'alert\\w*',
    'pag(?:e|es|ing|ed) (?:the )?on-?call',
    'on-?call',
    'pagerduty',
    'алерт\\w*',
    'оповещени\\w*',
    '告警',
    '报警',
    '알림',
    '경보',
  ]),
];

/** A line about what is monitored. */
const MONITORING_STATED = anyWord([
  'monitor\\w*',
  'dashboards?',
  'alert\\w*',
  'drift\\w*',
  'track\\w*',
  'мониторинг\\w*',
  '监控',
  '모니터링',
]);

/** How it is watched: a threshold or a window (any number), or the test or statistic used. */
const MONITORING_DETAIL = /\d|\b(?:thresholds?|psi|ks[- ]test|kolmogorov|chi[- ]square|population stability|jensen)\b/i;

export const ELEMENTS: readonly ElementSpec[] = [
  {
    id: 'framing.business-metric',
    part: 'framing',
    title: 'Business metric',
    expectation: 'the business outcome that defines success (order value, fraud losses, retention, time-to-action...)',
    headings: [
      specific(['бизнес[- ]?метрик\\w*', 'бизнес[- ]?цел\\w*', 'бизнес[- ]?задач\\w*', 'критери\\w* успеха', 'цели проекта']),
      // The Russian course template ("Бизнес-требования и ограничения", "Что считаем успешным пилотом").
      specific([
        'бизнес[- ]?требовани\\w*',
        'что считаем успешн\\w*',
        'бизнес[- ]?показател\\w*',
        '비즈니스 (?:지표|목표)',
        '성공 (?:지표|기준)',
        '业务(?:指标|目标)',
        '商业目标',
        '成功(?:指标|标准)',
      ]),
      broad(['зачем (?:идем|идём|нужен|нужно)\\w*', 'для чего (?:этот|нужен)\\w*', 'постановка задачи', 'цели и предпосылки']),
      specific([
        'business (?:metrics?|goals?|objectives?|kpis?|outcomes?|value|impact|requirements)',
        'success (?:criteria|metrics?)',
        '(?:key )?product metrics?',
        'key metrics',
        'kpis?',
        'north[- ]star',
        'business task(?: definition)?',
        'use cases? and business goals?',
      ]),
      specific(['métricas? de negocio', 'objetivos? de negocio', 'geschäftsziele?', 'geschäftsmetriken']),
      // Headings written as questions.
      broad([
        'what are we (?:optimi[sz]ing|trying to (?:achieve|improve))',
        'what problem are we solving',
        'why (?:are we doing this|does (?:this|it) matter)',
      ]),
      broad(['objetivos?', 'ziele?']),
      broad([
        'problem (?:formulation|statement|definition|framing)',
        'objectives?',
        'goals?',
        'motivation',
        'relevance(?: & reasons)?',
        'why (?:now|this)',
        'impact',
        'clarify(?: and scope)?',
        'scope',
      ]),
    ],
    cues: [
      cue(['бизнес[- ]?метрик\\w*', 'бизнес[- ]?цел\\w*', 'выручк\\w*', 'прибыл\\w*', 'удержани\\w*', 'конверси\\w*'], 1),
      // The business outcomes of the definition in Russian, Chinese and Korean: income, churn,
      // average order, losses, sales, satisfaction; and the phrases that name the goal itself.
      cue(
        [
          `${RU}доход\\w*`,
          'отток\\w*',
          'средн\\w* чек\\w*',
          `${RU}(?:финансов\\w* )?(?:убытк|убыток|потер[ьия])\\w*`,
          'продаж\\w*',
          'окупаемост\\w*',
          'удовлетворённост\\w*',
          'удовлетворенност\\w*',
          '收入',
          '营收',
          '转化率',
          '留存',
          '流失率',
          '매출',
          '전환율',
          '이탈률',
          '리텐션',
        ],
        1,
      ),
      cue(['业务(?:指标|目标)', '商业目标', '成功(?:指标|标准)', '北极星指标', '비즈니스 (?:지표|목표)', '성공 (?:지표|기준)'], 2),
      // A label line names it too: "- Business: chargeback losses as % of GMV", "Negocio: pedidos por usuario".
      cue(
        [
          'business (?:objectives?|goals?|metrics?|kpis?|outcomes?|value|impact)',
          'success (?:criteria|metrics?)',
          'north[- ]star',
          'kpis?',
          '(?:business|negocio|geschäft)\\s?:',
          '(?:goal|success)\\s?[:=]',
        ],
        2,
      ),
      cue(
        [
          '(?:maximi[sz]e|increase|improve|reduce|minimi[sz]e|grow|boost|lower|cut|drive|means?)\\w*\\s+(?:\\S+\\s+){0,4}?(?:revenue|gmv|order value|conversions?|retention|churn|engagement|fraud losses|losses|chargebacks?|sales|profit|margin|watch time|time spent|bookings|purchases|satisfaction|out[- ]of[- ]stock|costs?|time[- ]to[- ]\\w+)',
        ],
        2,
      ),
      cue(
        [
          'revenue',
          'gmv',
          'order value',
          'conversion rate',
          'retention',
          'churn',
          'fraud losses',
          'chargeback (?:rate|losses|costs?)',
          'financial loss(?:es)?',
          'time[- ]to[- ](?:action|hire|resolution)',
          'daily active users',
          'dau',
          'watch time',
          'time spent',
          'user satisfaction',
          'profit',
          'out[- ]of[- ]stock',
          'overstock',
          'prevalence',
          'cost of (?:a )?(?:mistake|error)s?',
          'recruiter time',
          'manual (?:load|effort|work)',
        ],
        1,
      ),
    ],
    presentAt: 2,
    measuredBy: { pattern: BUSINESS_MEASURE, gap: 'no-measure' },
    prompts: [
      'Which business outcome defines success (revenue, losses avoided, retention...)?',
      'How is it measured today, and what change would count as a win?',
    ],
  },
  {
    id: 'framing.model-metric',
    part: 'framing',
    title: 'Model metric',
    expectation: 'the model metric that drives the business metric, with the link between the two stated',
    headings: [
      specific(['метрики модели', 'ml[- ]?метрик\\w*', 'технические метрики', 'метрики качества']),
      specific(['模型指标', '技术指标', '모델 지표']),
      specific([
        'model metrics?',
        'ml (?:metrics?|objective)',
        'proxy metrics?',
        'technical (?:metrics?|task definition)',
        'quality metrics(?: and success criteria)?',
      ]),
      exact(['metrics(?: and losses)?', 'metrics offline and online', 'метрик[аи]', 'métricas', 'metriken']),
      broad(['ml formulation', 'technical problem formulation']),
    ],
    cues: [
      cue(['метрик\\w* модели', 'прокси[- ]?метрик\\w*'], 1),
      cue(['при фиксированн\\w* (?:уровне|значении|fpr|precision|recall)', 'целев\\w* метрик\\w*', '모델 지표', '오프라인 지표'], 1),
      cue(['模型指标', '离线指标', '技术指标'], 1),
      cue(
        [
          'ml objective',
          'ml metric',
          'model metrics?',
          'proxy metrics?',
          'offline metrics?',
          'technical metrics?',
          'quality metrics?',
          'optimi[sz]e (?:for )?(?:ndcg|pr-auc|auc|log[- ]?loss|recall|precision|map|mrr|rmse|mae|mape|wape|f1)',
        ],
        2,
      ),
      cue(
        [
          '(?:drives?|proxy for|correlates? with|translates? (?:in)?to|moves?|tied to|linked to)\\s+(?:\\S+\\s+){0,3}?(?:revenue|business|engagement|losses|retention|conversions?|sales)',
        ],
        1,
      ),
    ],
    presentAt: 2,
    prompts: [
      'Which model metric drives the business metric (e.g. {model metric examples})?',
      'State the link: why does improving it move the business outcome?',
    ],
  },
  {
    id: 'framing.baseline',
    part: 'framing',
    title: 'Current solution',
    expectation: 'the current non-ML solution or heuristic that ML must beat (rules, popularity, historical average)',
    headings: [
      specific(['текущее решение', 'существующее решение', 'текущий процесс', 'как сейчас']),
      specific(['как (?:это )?(?:решается|делается) сейчас', 'текущ\\w* подход', '현재 (?:시스템|솔루션|방식)']),
      specific(['现有(?:方案|系统)', '当前(?:方案|系统)', '现状']),
      specific([
        'current (?:solution|system|state|approach|process)',
        'existing (?:solution|system|flow|approach|process)(?: analysis)?',
        'previous work',
        'prior (?:work|art)',
        'status quo',
        'non-ml (?:solution|baseline)',
        'as[- ]is',
      ]),
      specific(['baseline'], { notUnderPart: 'model' }),
      specific(['solución actual', 'situación actual', 'aktuelle lösung', 'ist-zustand']),
      specific([
        'what do we have (?:now|today)',
        'what (?:happens|exists|do we do) today',
        'how (?:is (?:it|this) )?(?:done|handled) today',
        'how (?:it|this|things) works? (?:today|now)',
      ]),
    ],
    cues: [
      cue(['текущ\\w* (?:решени\\w*|процесс\\w*|систем\\w*)', 'сейчас (?:используется|используют)', 'эвристик\\w*'], 1),
      cue(['(?:должн\\w*|нужно|надо) (?:\\S+ )?побить'], 2),
      // The current non-ML way in Russian: what is done today or now, by hand, by rules, by popularity.
      cue(
        [
          `${RU}(?:сейчас|сегодня|в настоящее время|на данный момент|на текущий момент|в данный момент),? (?:\\S+ ){0,6}?(?:использу|применя|дела|выполня|прогнозиру|оценива|обрабатыва|проверя|составля|рассчитыва|осуществля|реша|ведут|ведёт|ведет|происход|определя|подбира|отбира|модериру|ранжиру|сортиру)\\w*`,
          `${RU}без (?:использования )?(?:ml|мл|машинного обучения)(?![а-яё])`,
          '(?:现有|当前|目前)(?:的)?(?:方案|系统|流程|做法)',
        ],
        2,
      ),
      cue(
        [
          'вручную',
          `${RU}ручн\\w* (?:\\S+ )?(?:процесс|оценк|прогноз|труд|работ|провер|анализ|составлени|обработк|отбор|подбор|модераци|режим)\\w*`,
          `${RU}(?:существующ|традиционн|нынешн)\\w* (?:решени|процесс|систем|подход|метод)\\w*`,
          '(?:на основе|по) (?:\\S+ )?правил(?![а-яё])',
          '(?:бизнес|экспертн)\\w*[- ]правил\\w*',
          'по популярности',
          'самы\\w* популярн\\w*',
          '(?:историческ|скользящ)\\w* средн\\w*',
          '人工',
          '基于规则',
          '규칙 기반',
          '수동',
        ],
        1,
      ),
      cue(
        [
          "(?:current|existing|today'?s|legacy|incumbent) (?:\\S+ )?(?:solution|system|approach|process|heuristics?|rules?|rule engine|method|flow|ordering|forecast\\w*|manual process|formula)",
          'non-ml (?:solution|baseline|approach)',
          'without ml',
          'launch without ml',
          'status quo',
          'rule of thumb',
          'hand[- ]?(?:crafted|written|tuned) (?:\\S+ ){0,3}?rules',
          'rules?[- ]based (?:system|engine|baseline|approach|filter)',
          'popularity[- ]based (?:baseline|ranking|ranker)',
          'historical average',
          'moving average',
          'experts? committee',
          '(?:currently|today) (?:we |they |it |the team )?(?:use|uses|rely|relies|handle|handles|done|is done|are done|sort|rank)',
          // "Today every flagged video goes to a human review queue", "Support currently calls everyone who...".
          '(?:today|currently),? (?:\\S+ ){1,6}?(?:goes|go|passes|pass|is sent|are sent|is handled|are handled|is reviewed|are reviewed|calls|call|shows|show|lists|list|is sorted|are sorted|is ranked|are ranked)',
          // "Today a rules engine blocks 40% of fraud dollars", "Currently, manual review catches most of it".
          '(?:today|currently),? (?:\\S+ ){0,3}?(?:rules? engines?|rule[- ]based|manual(?:ly)?|by hand|heuristics?|spreadsheets?|human[- ]only|keyword[- ]based|legacy (?:systems?|process(?:es)?|tools?))',
          'beat (?:the )?(?:current|existing|heuristic|rules?|baseline)',
          '(?:must|has to|have to|needs? to|should|will have to) beat',
        ],
        2,
      ),
      // The status quo named by what is wrong with it ("manual moderation does not scale", "keyword
      // search is brittle", "the limitations of manual toll collection"): a mention, not yet a number to beat.
      cue(
        [
          `${STATUS_QUO_WAYS}\\b[^.!?\\n]{0,80}?\\b${STATUS_QUO_PAINS}`,
          `(?:limitations?|inefficienc(?:y|ies)|problems?|challenges?|pain points?|drawbacks?|shortcomings?) (?:of|with) (?:the |our |today's )?(?:current |existing )?${STATUS_QUO_WAYS}`,
          // Not "the previous version of the model": a rollback target is the design's own.
          '(?:current|existing) (?:version|iteration) of (?:the |our )?(?:system|product|service|pipeline|tool)',
        ],
        1,
      ),
    ],
    presentAt: 2,
    prompts: [
      'What does the team do today without ML (rules, popularity, a historical average)?',
      'How well does it perform, so the model has a number to beat?',
    ],
  },
  {
    id: 'framing.constraints',
    part: 'framing',
    title: 'Constraints',
    expectation: 'a latency budget (a number with a unit), online vs batch prediction, and the scale or throughput',
    headings: [
      specific(['ограничения', 'нефункциональные требования']),
      specific(['требования к работе системы', 'требования к системе', '제약\\s?(?:조건|사항)', '비기능 요구\\s?사항']),
      specific(['非功能(?:需求|要求)', '性能(?:需求|要求)', '约束']),
      exact(['требования']),
      specific(['requisitos', 'restricciones', 'anforderungen', 'randbedingungen']),
      specific([
        'constraints',
        'non-functional requirements',
        'requirements',
        'technical requirements',
        'performance requirements',
        'slas?',
        'slos?',
        'latency(?: budget| requirements)?',
        'scale and latency',
      ]),
      broad(['clarify(?: and scope)?', 'scope', 'assumptions', 'clarifying (?:questions|requirements)']),
    ],
    cues: [
      cue(['задержк\\w*', 'латентност\\w*', 'rps', 'нагрузк\\w*'], 1),
      cue(['\\d+\\s?мс'], 2),
      // A latency budget with its unit in Russian, Chinese or Korean ("время отклика ≤ 2 секунд", "延迟 100毫秒").
      cue(
        [
          `(?<![a-zа-яё])(?:задержк|латентност|врем\\w* (?:отклика|ответа|обработки|инференса)|sla|latency|p9[59]|response time)\\w*[^\\n]{0,40}?\\d+(?:[.,]\\d+)?\\s?${RU_LATENCY_UNIT}`,
          '\\d+\\s?(?:毫秒|밀리초)',
        ],
        2,
      ),
      cue(
        [
          '(?:онлайн|оффлайн|офлайн|пакетн\\w*|батч\\w*|потоков\\w*)[- ]?(?:инференс|предсказани|скоринг|прогнозировани)\\w*',
          '(?:инференс|предсказани|скоринг)\\w* в реальном времени',
          '\\d+(?:[.,]\\d+)?\\s?(?:тыс|млн|млрд|тысяч|миллион|миллиард)[а-яё]*\\.?\\s(?:\\S+\\s)?(?:пользовател|запрос|транзакц|документ|товар|заказ|событи|сообщени|клиент|объект|видео|изображени)[а-яё]*',
          '(?:запрос|транзакц|событи)\\w* в (?:секунду|сутки|день|минуту)',
          '\\d+\\s?(?:억|만)\\s?(?:개|명|건)',
        ],
        1,
      ),
      cue(['пропускн\\w* способност\\w*', '延迟', '时延', '吞吐', '实时', '지연', '실시간'], 0.5),
      cue(
        [
          `(?:latency|p9[59]|p50|response time|respond|within|under|below|budget|sla|timeout)[^\\n]{0,40}?\\d+(?:[.,]\\d+)?\\s?${LATENCY_UNIT}`,
          `\\d+(?:[.,]\\d+)?\\s?(?:ms|msec|milliseconds?)`,
          '(?:low |high )?(?:tens|hundreds) of (?:ms|milliseconds)',
          'sub-?second',
          'sub-?\\d+\\s?ms',
        ],
        2,
      ),
      cue(
        [
          '(?:batch|offline|nightly|daily|weekly) (?:prediction|inference|scoring|forecasts?)',
          '(?:real[- ]time|online|inline|synchronous) (?:prediction|inference|scoring|decision)',
          'batch vs\\.? online',
        ],
        1,
      ),
      cue(
        [
          '\\d+(?:[.,]\\d+)?\\s?(?:[kmb]|million|billion|thousand)\\+?\\s(?:\\S+\\s)?(?:users|dau|mau|requests|queries|events|posts|transactions|items|videos|documents|stores|skus|impressions|searches|messages|orders|sessions|times)',
          '\\d+\\s?(?:qps|rps|tps)',
          '\\d[\\d,.]{0,20}\\s?(?:[kmb]\\s)?(?:requests|queries|transactions) per (?:second|day|minute)',
        ],
        1,
      ),
      cue(['qps', 'rps', 'tps', 'requests per second', 'throughput', 'scale'], 0.5),
      cue(['latency', 'scalability', 'real[- ]time'], 0.5),
    ],
    presentAt: 2,
    requires: { weight: 2, raisedBy: /\b(?:latency|response time|p9[59])\b|задержк|латентн/i, gap: 'no-number' },
    prompts: [
      'Latency budget, as a number with a unit (e.g. p99 < 50 ms)?',
      'Online or batch prediction?',
      'Scale: requests per second, users, items?',
    ],
  },
  {
    id: 'data.sources',
    part: 'data',
    title: 'Data sources',
    expectation: 'where data and labels come from (logs, transaction DBs, third-party APIs, human review)',
    headings: [
      specific(['источники данных', 'сбор данных']),
      specific(['数据(?:来源|源|收集)', '训练数据']),
      specific(['описание данных', 'датасет\\w*', 'данные для обучения', '데이터 (?:준비|수집|소스)', '학습 데이터']),
      exact(['разметка', 'данные']),
      specific([
        'data sources?',
        'sources of data',
        'data collection',
        'data inputs?',
        'data description',
        'data and labels',
        'training data',
        '(?:available )?data signals',
        'available data',
      ]),
      exact(['data', 'datasets?', 'labell?ing', 'labels?', 'datos', 'daten']),
      specific(['fuentes de datos', 'datenquellen']),
      broad(['data collection and preparation', 'data preparation', 'data']),
    ],
    cues: [
      cue(['источник\\w* данных', 'разметк\\w*', 'логи\\w*', 'асессор\\w*'], 1),
      // Where data and labels come from, in Russian, Chinese and Korean.
      cue(
        [
          'данные (?:\\S+ ){0,2}?(?:берутся|берем|берём|получаем|поступают|собираются|приходят|выгружаются|собираем) (?:из|с|от)(?![а-яё])',
          'размеч\\w* (?:\\S+ ){0,2}?(?:асессор|вручную|эксперт|пользовател|модератор|разметчик)\\w*',
          '数据(?:来源|源)',
          '데이터 (?:소스|출처)',
        ],
        2,
      ),
      cue(
        [
          'исторически\\w* данны\\w*',
          'выгрузк\\w*',
          'журнал\\w* (?:событий|действий|запросов|операций)',
          'размеченн\\w*',
          'аннотац\\w*',
          'аннотатор\\w*',
          'открыт\\w* (?:датасет|набор|данны)\\w*',
          'сбор\\w* данных',
          '日志',
          '埋点',
          '标注',
          '历史数据',
          '로그',
          '라벨링',
          '레이블링',
        ],
        1,
      ),
      cue(
        [
          'data sources?',
          'labels? (?:come|comes|are collected|is collected|are derived|derived) from',
          '(?:are|is) the (?:data )?(?:sources?|labels?|ground[- ]truth)',
          'labell?ed by',
          'ground[- ]truth (?:labels?|comes?)',
          'source of (?:labels|truth)',
        ],
        2,
      ),
      cue(
        [
          '(?:interaction|click|event|server|search|query|transaction|impression|access|application) logs?',
          'user profiles?',
          'transaction (?:history|records|database|db|tables?)',
          'third[- ]party (?:apis?|data|sources?|feeds?)',
          'human (?:review(?:ers)?|annotat\\w+|label\\w*|raters?|judg\\w+)',
          'annotat(?:ed|ion|ors)',
          'crowd[- ]?sourc\\w*',
          'chargebacks?',
          'user reports?',
          'historical (?:data|sales|transactions|clicks?|click and impression data|interactions)',
          'implicit feedback',
          'explicit feedback',
          'relevance judg\\w+',
          'positive (?:labels?|samples?|examples?)',
          'negative (?:labels?|samples?|examples?)',
          'point[- ]of[- ]sale',
          'pos data',
          'data warehouse',
          'log(?:s|ged)? (?:\\S+ ){0,2}?(?:impressions|clicks|events|requests|transactions|interactions|queries)',
        ],
        1,
      ),
    ],
    presentAt: 2,
    prompts: [
      'Where do the training data and the labels come from (logs, databases, human review)?',
      'How large is it, and how long until a label is known?',
    ],
  },
  {
    id: 'data.ingestion',
    part: 'data',
    title: 'Data ingestion',
    expectation: 'streaming vs batch ingestion, storage, and the path from raw data to training and serving',
    headings: [
      specific(['пайплайн данных', 'хранение данных', 'поток данных', 'обработка данных']),
      specific(['数据(?:管道|流水线|处理|存储)']),
      specific(['데이터 (?:파이프라인|처리|저장)']),
      specific([
        'data (?:ingestion|pipeline|pipelines|flow|processing|engineering|storage|infrastructure)',
        'ingestion',
        'etl',
        'data collection pipeline',
        'high[- ]level data flow',
        'ingesta',
        'datenpipeline',
      ]),
      // "Pipeline" under a data heading ("6.2 Pipeline") is the data pipeline.
      specific(['pipelines?'], { underPart: 'data' }),
      broad(['data preparation', 'data collection and preparation', 'infrastructure']),
    ],
    cues: [
      cue(['хранилищ\\w*', 'пайплайн\\w*', 'поток\\w* данных'], 1),
      cue(
        [
          '(?:потоков|пакетн)\\w* (?:обработк|загрузк|передач|поступлени)\\w*',
          'загрузк\\w* данных',
          '数据(?:管道|流水线|接入)',
          '流式处理',
          '批处理',
          '消息队列',
          '데이터 파이프라인',
          '스트리밍',
          '배치 처리',
        ],
        1.5,
      ),
      cue(['баз\\w* данных', 'озер\\w* данных', 'витрин\\w* данных', '数据(?:仓库|湖)', '데이터 (?:웨어하우스|레이크)', '저장소'], 1),
      cue(
        [
          '(?:streaming|batch) (?:ingestion|pipelines?|jobs?|etl|processing|layer)',
          'kafka',
          'kinesis',
          'pub/?sub',
          'flink',
          'spark(?: streaming)?',
          'airflow',
          'beam',
          'change data capture',
          'cdc',
          'event (?:bus|stream)',
          'ingest(?:ion|ed|s)?',
          'etl',
          'elt',
        ],
        1.5,
      ),
      cue(['data (?:prep(?:aration)?|processing) pipeline', 'data storage'], 1),
      cue(
        [
          'data (?:lake|warehouse|lakehouse)',
          's3',
          'hdfs',
          'gcs',
          'bigquery',
          'snowflake',
          'redshift',
          'hive',
          'clickhouse',
          'postgres(?:ql)?',
          'parquet',
          'label store',
          'storage layer',
          'data (?:pipeline|flow)',
        ],
        1,
      ),
      // After the cues that contain it: the first cue to match a span takes it, so "storage layer" keeps its weight.
      cue(['storage', 'stored'], 0.5),
      cue(
        [
          '(?:logged|logs? are|streamed|written|landed|stored|streams?|flows?|go|goes|lands?) (?:\\S+ ){0,4}?(?:into|to|in) (?:a |the )?(?:\\S+ )?(?:store|table|lake|warehouse|bucket|topic|queue)',
          'stream(?:s|ed|ing)? through',
        ],
        1,
      ),
    ],
    presentAt: 2,
    prompts: [
      'Streaming or batch ingestion? Which store holds raw data?',
      'What is the path from raw events to training data and to serving?',
    ],
  },
  {
    id: 'data.quality',
    part: 'data',
    title: 'Data quality',
    expectation: 'missing values, duplicates, label noise or delay, leakage, and validation checks',
    headings: [
      specific(['качество данных', 'очистка данных', 'валидация данных']),
      specific(['подготовка данных', '데이터 (?:품질|정제|검증)']),
      specific(['数据(?:质量|清洗)']),
      specific([
        'data (?:quality|validation|cleaning|checks)',
        'label (?:quality|noise|delay)',
        'leakage',
        'data issues',
        'calidad de (?:los )?datos',
        'datenqualität',
      ]),
    ],
    cues: [
      cue(['пропуск\\w*', 'дубликат\\w*', 'дедуп\\w*', 'утечк\\w*', 'качеств\\w* данных', 'шум\\w* в разметке'], 1),
      // Missing values, duplicates, noise, outliers, cleaning and checks, in Russian, Chinese and Korean.
      cue(
        [
          'очистк\\w*',
          'выброс\\w*',
          'пропущенн\\w*',
          `${RU}дубл\\w*`,
          'валидаци\\w* данных',
          'зашумлен\\w*',
          'шумн\\w*',
          'ошибк\\w* (?:в )?разметк\\w*',
          'некорректн\\w* (?:данн|значени|разметк)\\w*',
          '缺失值',
          '去重',
          '异常值',
          '数据清洗',
          '数据泄露',
          '결측',
          '중복',
          '이상치',
          '정제',
          '누수',
        ],
        1,
      ),
      cue(['数据质量', '데이터 품질'], 2),
      cue(['предобработк\\w*', 'фильтраци\\w*'], 0.75),
      cue(
        [
          'missing values?',
          'duplicat\\w+',
          'dedup\\w*',
          'label(?:ing)? (?:noise|delay|quality|errors?)',
          'noisy labels?',
          '(?:delayed|late|biased) (?:labels?|conversions?|feedback)',
          'labels? (?:arrive|arrives|land) (?:late|weeks|days)',
          'maturation window',
          '(?:data|target|label|feature) leakage',
          'leak(?:s|ing)? the future',
          'data validation',
          'validation checks?',
          'schema (?:checks?|validation)',
          'sanity checks?',
          'outliers?',
          'imputation',
          'impute\\w*',
          'data quality',
          'great expectations',
          'point[- ]in[- ]time',
          'corrupt\\w*',
          'position bias',
          'selection bias',
          'sampling bias',
          'anomalies in (?:the )?data',
          'null values',
          'stale (?:data|labels)',
        ],
        1.5,
      ),
      cue(
        [
          'validat(?:e|es|ed|ing)\\s(?:\\S+\\s){0,6}?(?:against|checks?|rules?|schema)',
          '(?:filter(?:ed|ing)?|remov(?:e|ed|ing)|drop(?:ped|ping)?) (?:\\S+ )?(?:bots?|bot traffic|spam|outliers|noise|invalid)',
          '(?:bots?|bot traffic|spam|invalid)(?: \\S+)? (?:are |is )?(?:filtered|removed|dropped)',
          'double review',
          'rater agreement',
          'inter-?annotator agreement',
        ],
        1,
      ),
      // Labels that arrive late ("clicks can arrive up to 30 minutes after the impression").
      cue(
        [
          '\\d+(?:[–-]\\d+)? (?:minutes?|hours?|days?|weeks?|months?) later',
          '(?:labels?|reports?|annotations?) are noisy',
          'reject inference',
          '(?:arrive|arrives|land|lands|known|final) (?:up to |only )?(?:\\d+|a few|several) (?:minutes?|hours?|days?|weeks?|months?) (?:after|later)',
          'gold(?:en)? (?:set|labels?|standard)',
          '(?:not|never) use (?:\\S+ ){0,3}?(?:from (?:after|the future)|after the)',
        ],
        1.5,
      ),
      cue(
        [
          '(?:drop|drops|remove|removes|exclude|excludes|discard|discards|filter out|filters out) (?:\\S+ ){0,3}?(?:with|that have) (?:missing|null|empty|invalid|impossible|negative)',
        ],
        1.5,
      ),
      cue(
        [
          '(?:are|is|get|gets) (?:filtered|removed|dropped|discarded|excluded)(?: out)?',
          'missing (?:\\S+ )?data',
          '(?:reviewers|raters|annotators|labell?ers) disagree',
        ],
        1,
      ),
      cue(
        [
          'position(?:al)? bias',
          'adjudicat\\w+',
          '(?:random|quality|label) audits?',
          '(?:data|label) poisoning',
          '(?:reviewer|rater|annotator|inter-?rater|inter-?annotator) agreement',
        ],
        1.5,
      ),
      cue(['leakage', 'bias', 'cleaning', 'clean(?:ed|ing)? (?:the )?data', 'noisy', 'sparse'], 0.75),
    ],
    presentAt: 2,
    prompts: [
      'Missing values, duplicates, label noise or delay: how are they handled?',
      'Which validation checks and leakage guards run before training?',
    ],
  },
  {
    id: 'features.categories',
    part: 'features',
    title: 'Feature categories',
    expectation: "feature families with their rationale: user, item, context, cross (or the scenario's equivalents)",
    headings: [
      specific(['генерация признаков', 'инженерия признаков']),
      specific(['피처 엔지니어링', '특징 (?:공학|추출)', 'признаки \\(features\\)']),
      specific(['特征工程']),
      // Chinese has no spaces: "特征" inside a longer heading ("特征存储") names something else.
      exact(['特征']),
      exact(['фичи']),
      specific(['feature (?:engineering|selection|categories|families|groups|set|representation|design)', 'признаки']),
      exact(['features?', 'signals', 'inputs', 'model inputs', 'input features']),
      specific(['what (?:will|does) the model (?:use|see)']),
      specific(['características', 'merkmale']),
    ],
    cues: [
      cue(['признак\\w*', 'фич\\w*', 'эмбеддинг\\w*', 'эмбединг\\w*'], 1),
      // Feature families named in Russian, Chinese and Korean ("поведенческие признаки", "用户特征").
      cue(
        [
          '(?:пользовательск|товарн|контекстн|временн|поведенческ|текстов|демографическ|категориальн|числов|исторически|агрегированн|статистическ|географическ)\\w* (?:признак|фич)\\w*',
          '(?:признак|фич)\\w* (?:пользовател|товар|контекст|объект|запрос|документ|транзакц|клиент|сесси|устройств)\\w*',
          '(?:用户|物品|商品|上下文|交叉|统计|行为|文本|图像)特征',
          '(?:사용자|아이템|컨텍스트|교차|행동|텍스트|이미지) (?:피처|특징|특성)',
        ],
        1.5,
      ),
      cue(['特征', '피처'], 1),
      // A "Features:" label line lists them.
      cue(['features\\s?:'], 2),
      cue(
        [
          '(?:user|item|context(?:ual)?|cross|ad|post|query|document|video|event|transaction|merchant|device|author|content|interaction|engagement|velocity|graph|behaviou?ral|historical|text|image|listing|product|account|session|demographic|candidate|resume|location|temporal|time|sender|recipient|message|seller|buyer|customer|driver|courier|store|restaurant|article|publisher) (?:side )?features?',
          'feature (?:families|groups|categories|crosses|crossing)',
          'user[- ](?:item|ad|post|query) (?:interaction|features?)',
        ],
        1.5,
      ),
      // Families listed as inputs ("Device information: IP, fingerprint") are feature families too.
      cue(
        [
          '(?:transaction|device|user|account|merchant|behaviou?ral|historical|content|text|image|video|location|network|post|author|item|ad|query|context(?:ual)?) (?:metadata|information|info|signals|attributes|history|behaviou?r|features)(?=\\W{0,3}:)',
        ],
        1,
      ),
      cue(
        [
          'embeddings?',
          'one[- ]hot',
          'tf[- ]?idf',
          'bag[- ]of[- ]words',
          'bm25',
          'demographics',
          'bucketi[sz]\\w+',
          'normali[sz]ation',
          'categorical',
          'numerical features?',
        ],
        0.75,
      ),
    ],
    presentAt: 2,
    prompts: ['Which feature families (user, item, context, cross) and why each helps?'],
  },
  {
    id: 'features.computation',
    part: 'features',
    title: 'Feature computation',
    expectation: 'where each feature is computed: batch aggregates vs real-time/streaming, freshness, feature store',
    headings: [
      specific(['вычисление признаков', 'хранилище признаков', 'расч[её]т признаков']),
      specific(['特征(?:存储|平台|计算)', '피처 스토어']),
      specific(['feature (?:store|computation|pipeline|serving|freshness|platform)', 'online features', 'training[- ]serving skew']),
    ],
    cues: [
      cue(['хранилищ\\w* признаков', 'в реальном времени', 'свежест\\w*'], 1),
      // Where and when features are computed, in Russian, Chinese and Korean.
      cue(
        [
          '(?:пред)?(?:расч[её]т|вычислени|пересч[её]т)\\w* (?:\\S+ ){0,2}?(?:признак|фич|эмбеддинг|агрегат)\\w*',
          '(?:признак|фич|эмбеддинг|агрегат)\\w* (?:\\S+ ){0,3}?(?:считаются|вычисляются|рассчитываются|пересчитываются|обновляются|кешируются|кэшируются|хранятся)',
          '(?:онлайн|офлайн|оффлайн|потоков\\w*|пакетн\\w*|батч)[- ]?(?:признак|фич|агрегат)\\w*',
          'предрасч[её]т\\w*',
          'предвычисл\\w*',
          'предпосчита\\w*',
          '特征(?:存储|平台|计算)',
          '(?:实时|离线|批量|在线)特征',
          '预计算',
          '피처 스토어',
          '(?:실시간|배치|온라인|오프라인) (?:피처|특징)',
        ],
        2,
      ),
      cue(
        [
          'feature store',
          'feast',
          'tecton',
          'online store',
          'offline store',
          '(?:real[- ]time|streaming|online|batch|precomputed|pre-computed|static|dynamic|near[- ]real[- ]time) (?:features?|aggregates?|aggregations|counters?|feature (?:compute|computation|pipeline))',
          'batch feature compute',
          'feature (?:pipeline|freshness|computation)',
          'freshness of (?:the )?features',
          'training[- ]serving skew',
          'sliding[- ]window (?:aggregates?|counts?|features?)',
          '(?:computed|recomputed|refreshed|updated) (?:daily|hourly|nightly|weekly|in real[- ]time|online|offline|in batch|in a stream\\w*)',
          'precomput\\w+',
          '(?:computed|recomputed|refreshed|updated|kept) (?:on |at |in \\S+ and updated on )?every (?:\\d+ )?(?:minutes?|hours?|seconds?|send|request|event|transaction|impression|click)',
        ],
        2,
      ),
      cue(['stream(?:ing)? jobs?'], 1),
      cue(
        ['velocity (?:features|counters?)', 'lookups?', 'low[- ]latency (?:store|lookup)', 'redis', 'cassandra', 'dynamodb', 'freshness'],
        0.75,
      ),
    ],
    presentAt: 2,
    prompts: [
      'Which features are batch aggregates and which are computed in real time?',
      'How fresh must each be, and where are they stored for serving (feature store)?',
    ],
  },
  {
    id: 'model.baseline',
    part: 'model',
    title: 'Baseline model',
    expectation: 'a simple, interpretable model first (logistic regression, GBDT, heuristic ranker)',
    headings: [
      specific(['бейзлайн', 'базовая модель', 'базовое решение']),
      specific(['базов\\w* (?:модел\\w*|решени\\w*|подход)', '베이스라인', '기준 모델']),
      specific(['基线(?:模型)?', '基准模型']),
      specific([
        'baseline (?:model|models|approach|solution)',
        'model baseline',
        'simple (?:model|baseline)',
        'first model',
        'mvp(?: logic| model)?',
      ]),
      specific(['baseline'], { underPart: 'model' }),
      // The main model section: a simple family named there is the model the doc starts with.
      { pattern: /^(?:models?|modell?ing|the model|approach|ranking|ranker|which model|modelos?|modell|модель)\??$/i, strength: 'broad' },
    ],
    cues: [
      cue(['бейзлайн\\w*', 'базов\\w* модел\\w*', 'логистическ\\w* регресси\\w*', 'бэйзлайн\\w*', 'бейслайн\\w*', '基线', '베이스라인'], 1),
      // A simple model first, in Russian and Chinese ("начнём с простой модели", "简单模型").
      cue(
        [
          `${RU}прост\\w* (?:\\S+ )?(?:модел|эвристик|бейзлайн|классификатор|регресси)\\w*`,
          'начн\\w* с (?:\\S+ )?(?:прост|линейн|логистическ|бустинг|эвристик)\\w*',
          'в качестве (?:бейзлайна|базовой модели|baseline)',
          '简单模型',
          '基准模型',
        ],
        2,
      ),
      cue(
        [
          'линейн\\w* (?:регресси|модел)\\w*',
          'случайн\\w* лес\\w*',
          'наивн\\w* (?:прогноз|модел|байес)\\w*',
          '逻辑回归',
          '线性回归',
          '随机森林',
          '로지스틱 회귀',
          '선형 회귀',
          '랜덤 포레스트',
        ],
        1.5,
      ),
      // "Baseline: logistic regression on simple features".
      cue(['baseline\\s?:\\s?(?:a |an )?(?:logistic|linear|lr|gbdt|popularity|heuristic|логистическ\\w*|линейн\\w*)'], 2),
      cue(
        [
          'baseline (?:model|classifier|ranker|approach)',
          '(?:start|begin|starting)(?: off)? (?:with|from) (?:a |an )?(?:simple|logistic|linear|lr|gbdt|gradient[- ]boost\\w*|heuristic|rules?|popularity|tree|interpretable|naive|seasonal|lightgbm|xgboost)',
          '(?:logistic regression|lr|gbdt|linear model|heuristic|popularity|naive forecast|seasonal naive|xgboost|lightgbm)\\s(?:\\S+\\s){0,3}?(?:as (?:a|the|our) baseline|baseline)',
          'baseline (?:of|with|using) (?:\\S+ ){0,2}?(?:logistic|linear|gbdt|heuristic|popularity|rules?|xgboost|lightgbm|naive)',
          'simple(?:st)? (?:model|baseline|heuristic|classifier)',
          'heuristic ranker',
          'interpretable (?:model|baseline)',
        ],
        2,
      ),
      // A simple model family in use (a tree model as the main model counts) is a baseline model.
      cue(
        [
          'logistic regression',
          'linear regression',
          'gbdt',
          'gradient[- ]boosted (?:trees|decision trees)',
          'xgboost',
          'lightgbm',
          'catboost',
          'lambdamart',
          'random forests?',
          'naive bayes',
          'seasonal naive',
          'arima',
        ],
        1.5,
      ),
      cue(['decision trees?', 'baseline'], 0.5),
    ],
    presentAt: 2,
    prompts: [
      'Which simple, interpretable model comes first (logistic regression, GBDT, a heuristic ranker)?',
      'What score must the complex model beat to earn its complexity?',
    ],
  },
  {
    id: 'model.selection',
    part: 'model',
    title: 'Model selection',
    expectation: 'the chosen model justified by data type, size and latency, with its complexity earned',
    headings: [
      specific(['выбор модели', 'архитектура модели', 'моделирование']),
      specific(['모델 (?:개발|선택|아키텍처)']),
      specific(['模型(?:选择|架构|设计)']),
      exact(['模型']),
      broad(['методология', 'этапы решения\\w*', 'решение задачи', '머신\\s?러닝 유형', 'ml 유형']),
      exact(['модель', 'модели']),
      specific([
        'model (?:selection|choice|architecture|design|development|family|families)',
        'modell?ing approach',
        '(?<!non-)ml (?:approach|model|solution)',
        'architecture of the model',
        'model type',
      ]),
      exact(['models?', 'modell?ing', 'algorithms?', 'the model', 'modelos?', 'modell', 'modellierung', 'modelado']),
      broad([
        'architectural components',
        'approach',
        'solution',
        'methods?',
        'deep dives?',
        'candidate generation',
        'ranking',
        'ml formulation',
      ]),
    ],
    cues: [
      cue(['нейросет\\w*', 'градиентн\\w* бустинг\\w*', 'трансформер\\w*'], 1),
      cue(
        [
          'архитектур\\w* модел\\w*',
          'нейронн\\w* сет\\w*',
          'глубок\\w* обучени\\w*',
          'ансамбл\\w*',
          'классификатор\\w*',
          'энкодер\\w*',
          '神经网络',
          '深度学习',
          '模型选择',
          '双塔',
          '신경망',
          '딥러닝',
          '트랜스포머',
          '인코더',
        ],
        1,
      ),
      cue(
        [
          'сравни\\w* (?:\\S+ ){0,3}?(?:модел\\w*|детектор\\w*|подход\\w*|алгоритм\\w*)',
          'выб(?:ор|ер)\\w* (?:\\S+ ){0,2}?модел\\w*',
          '모델 (?:선택|아키텍처)',
        ],
        1,
      ),
      cue(
        [
          'two[- ]tower',
          'transformers?',
          'bert',
          'cnns?',
          'rnns?',
          'lstms?',
          'gnns?',
          'graph neural networks?',
          'deep (?:neural )?networks?',
          'neural networks?',
          'dnns?',
          'dcn',
          'deep ?fm',
          'wide[- ]and[- ]deep',
          'factori[sz]ation machines?',
          'matrix factori[sz]ation',
          'xgboost',
          'lightgbm',
          'gbdt',
          'gradient[- ]boost\\w*',
          'random forests?',
          'isolation forests?',
          'autoencoders?',
          'multi[- ]task',
          'mixture of experts',
          'clip',
          'resnet',
          'vit',
          'lambdamart',
          'catboost',
          'prophet',
          'arima',
          'dlrm',
          'ensembles?',
          'classifiers?',
          'learning[- ]to[- ]rank',
          'encoders?',
          '(?:image|text|audio|speech|vision|language|video|sequence) (?:models?|encoders?)',
          '(?:early|late) fusion',
        ],
        1,
      ),
      cue(
        [
          'model (?:selection|choice|architecture|family)',
          '(?:we|i) (?:would )?(?:choose|chose|pick|select|use) (?:a |an |the )?(?:\\S+ ){0,3}?(?:model|network|classifier|ranker|regressor|gbdt|xgboost|transformer|tower)',
          'because (?:it|they) (?:handles?|scales?|captures?|is|are)',
        ],
        1.5,
      ),
    ],
    presentAt: 2,
    prompts: [
      'Which model do you choose, and why does the data type, size and latency budget call for it?',
      'What does it gain over the baseline?',
    ],
  },
  {
    id: 'training.paradigm',
    part: 'training',
    title: 'Training',
    expectation: 'offline vs online learning, retraining cadence, and how data is split (time-based where needed)',
    headings: [
      specific(['обучение модели', 'переобучение']),
      // Korean 학습/훈련 alone is "training"; inside a longer heading (학습 데이터: training data) it is not.
      exact(['(?:모델 )?(?:학습|훈련)']),
      specific(['모델 (?:학습|훈련)', 'дообучение', 'стратеги\\w* обучения']),
      // "训练" inside a longer heading ("训练数据": training data) is not about training.
      exact(['(?:模型)?训练']),
      specific(['(?:重新|定期)训练']),
      specific([
        'model training',
        'training (?:pipeline|strategy|paradigm|setup|process|cadence|and retraining)',
        'retraining',
        'continual learning',
        'model retraining',
        'обучение',
        'entrenamiento',
        'reentrenamiento',
        'modelltraining',
      ]),
      exact(['training', 'updates']),
      specific(['how (?:will|do) we (?:train|retrain)']),
      broad(['model development', 'iterations']),
    ],
    cues: [
      cue(
        [
          'переобуч\\w*',
          'дообуч\\w*',
          'пересобира\\w*',
          'разбиени\\w* по времени',
          'кросс[- ]?валидаци\\w*',
          'раз в (?:сутки|день|неделю|месяц)',
        ],
        1,
      ),
      // A mode, a cadence or a split in Russian, Chinese and Korean.
      cue(
        [
          '(?:переобуч|дообуч|обуч)\\w* (?:\\S+ )?(?:раз в|каждый|каждую|каждые|ежедневно|еженедельно|ежемесячно|по расписанию)',
          'онлайн[- ]обучени\\w*',
          'инкрементальн\\w* обучени\\w*',
          'разбиени\\w* (?:\\S+ )?(?:по времени|на train|на обучающ)\\w*',
          '在线学习',
          '增量(?:训练|学习)',
          '定期(?:重新)?训练',
          '온라인 학습',
          '재학습 주기',
        ],
        2,
      ),
      cue(['(?:обучающ|тренировочн|валидационн)\\w* (?:выборк|множеств|набор)\\w*', '重新训练', '训练集', '재학습', '재훈련'], 1),
      cue(['функци\\w* потерь', 'гиперпараметр\\w*', 'файн[- ]?тюн\\w*', '损失函数', '超参数', '微调', '손실 함수', '하이퍼파라미터'], 0.5),
      // A mode, a cadence or a split strategy is the paradigm; "retraining" alone only names it.
      cue(
        [
          'continual (?:learning|training)',
          'online learning',
          'incremental (?:training|learning)',
          'train(?:ing)?[/ -](?:validation|valid|test|val)(?:[/ -]test)? splits?',
          '(?:time|date|week|day|month)[- ]based (?:data )?(?:splits?|validation|windows?)',
          'temporal (?:train\\w*|splits?|validation|holdout)',
          'out[- ]of[- ]time',
          'cross[- ]validation',
          '(?:daily|weekly|nightly|hourly|monthly) (?:re)?train\\w*',
          '(?:re)?train(?:ed|ing)? (?:daily|weekly|nightly|hourly|monthly|every|each (?:day|week|month))',
          'training (?:cadence|schedule)',
        ],
        2,
      ),
      cue(['retrain\\w*', 'warm[- ]start\\w*', 'training (?:pipeline|loop|job)'], 1),
      // A dataset and a loss say how one model is fit, not how training runs over time.
      cue(
        [
          'loss function',
          '(?:cross[- ]entropy|focal|pairwise|hinge|triplet|contrastive|softmax|quantile|pinball|huber) loss',
          'negative sampling',
          'hyper-?parameter\\w*',
          'class weights?',
          'undersampl\\w+',
          'oversampl\\w+',
          'smote',
          'optimizer',
          'epochs?',
          'fine[- ]tun\\w+',
        ],
        0.5,
      ),
    ],
    presentAt: 2,
    prompts: ['Offline retraining or online learning? At what cadence?', 'How is data split (time-based where the future must not leak)?'],
  },
  {
    id: 'evaluation.offline',
    part: 'evaluation',
    title: 'Offline evaluation',
    expectation:
      'offline metrics that fit the task (NDCG@k for ranking, PR-AUC for rare classes, log loss for probabilities, MAE for forecasts)',
    headings: [
      specific(['оценка качества', 'офлайн[- ]метрики', 'оффлайн[- ]метрики']),
      // Korean 평가 alone is "evaluation"; 온라인 평가 (online evaluation) belongs to the rollout.
      exact(['평가(?:하기)?']),
      specific(['오프라인 (?:평가|지표)', 'валидация модели', 'оценка модели']),
      specific(['(?:离线|模型)?评估', '评价指标', '评估指标']),
      exact(['метрики', 'валидация']),
      specific([
        'offline (?:metrics?|evaluation)',
        'evaluation(?: metrics| methodology| strategy)?',
        'model evaluation',
        'quality metrics',
        'backtest\\w*',
      ]),
      exact(['metrics', 'metrics offline and online', 'eval', 'métricas', 'metriken']),
      specific(['evaluación', 'evaluierung']),
      specific(['how do we know (?:it|this) works(?: offline)?']),
      broad(['model development and offline evaluation', 'metrics and losses', 'success criteria']),
    ],
    cues: [
      cue(['офлайн[- ]?метрик\\w*', 'оффлайн[- ]?метрик\\w*'], 1),
      cue(
        [
          'отложенн\\w* выборк\\w*',
          'тестов\\w* выборк\\w*',
          'кросс[- ]?валидац\\w*',
          'оценк\\w* качества',
          '오프라인 평가',
          '테스트 (?:세트|데이터)',
          'валидационн\\w* (?:выборк|набор|множеств)\\w*',
          'б[еэ]ктест\\w*',
          '离线评估',
          '测试集',
          '验证集',
          '评估指标',
        ],
        1,
      ),
      cue(
        [
          'offline (?:metrics?|evaluation|eval)',
          'hold[- ]?out (?:set|data)',
          'test set',
          'validation set',
          'backtest\\w*',
          'evaluat\\w+ on',
        ],
        1,
      ),
    ],
    presentAt: 2,
    prompts: ['Which offline metrics, and why do they fit the task?', 'On which held-out data (time-based split, true base rate)?'],
  },
  {
    id: 'serving.architecture',
    part: 'serving',
    title: 'Serving architecture',
    expectation: 'batch vs online prediction, a model server separated from the application, and a model registry',
    headings: [
      specific(['инференс', 'архитектура решения', 'архитектура системы', 'сервинг', 'развертывание', 'развёртывание']),
      specific(['서빙', '시스템 (?:설계|아키텍처)', '추론 (?:서비스|파이프라인)']),
      specific(['(?:模型|推理)服务', '系统架构']),
      exact(['部署']),
      broad(['блок[- ]?схема\\w*', 'внедрение']),
      specific([
        '(?<!training[- ])serving(?: architecture| infrastructure| path)?',
        'prediction (?:service|pipeline)',
        'inference(?: service| pipeline| architecture)?',
        'model serving',
        '(?:technical|system|solution|high[- ]level) architecture(?: diagram)?',
        'serving infrastructure',
        'online serving path',
        'infrastructure(?: description)?',
      ]),
      exact(['serve', 'inferencia']),
      broad(['architecture', 'high[- ]level (?:design|data flow)', 'data flow', 'productionization']),
    ],
    cues: [
      cue(['инференс\\w*', 'сервис\\w* предсказани\\w*', 'реестр\\w* моделей'], 1),
      cue(['микросервис\\w*', 'сервис\\w* (?:модели|инференса)', '模型服务', '推理服务', '线上服务', '모델 서버', '추론 서비스'], 1),
      cue(
        [
          'in the (?:send|request|checkout|serving|hot|critical|upload) path',
          'scored (?:inline|synchronously|before (?:delivery|sending|checkout|authori[sz]ation))',
          'model (?:server|serving|registry|service)',
          'inference (?:service|server|endpoint|api|pipeline|layer)',
          'prediction (?:service|pipeline|api|endpoint)',
          'scoring (?:service|api|endpoint)',
          '(?:online|batch|real[- ]time) (?:prediction|inference|scoring)',
          'serving (?:layer|infrastructure|path|stack)',
          'triton',
          'torchserve',
          'tf serving',
          'tensorflow serving',
          'kserve',
          'seldon',
          'sagemaker',
          'bentoml',
          'mlflow',
          'grpc',
          'rest api',
          'microservices?',
          'endpoints?',
          'api gateway',
        ],
        1,
      ),
    ],
    presentAt: 2,
    prompts: [
      'Batch or online prediction? Where does the model server sit relative to the application?',
      'How are model versions stored and promoted (model registry)?',
    ],
  },
  {
    id: 'serving.rollout',
    part: 'serving',
    title: 'Rollout',
    expectation: 'an A/B test or canary, model versioning, and a rollback path',
    headings: [
      specific(['внедрение', 'раскатка', 'a/b[- ]тестирование']),
      specific(['a/b[- ]тест\\w*', '온라인 (?:평가|테스트|실험)', 'a/b 테스트', '배포 전략']),
      // A pilot is one way to roll out, but a "pilot" chapter also holds its evaluation and success criteria.
      broad(['пилот\\w*']),
      specific(['a/?b ?测试', '灰度发布', '上线']),
      specific([
        'roll-?out',
        'online (?:testing|experiments?|evaluation)(?: and deployment)?',
        'a/b test\\w*',
        'ab test\\w*',
        'experimentation',
        'deployment(?: strategy| and release)?',
        'launch(?: plan)?',
        'release(?: plan)?',
        'automated model replacement',
      ]),
      exact(['experiments?', 'measuring impact', 'impact measurement']),
      specific(['despliegue', 'lanzamiento', 'einführung']),
      specific(['how (?:will|do) we (?:ship|launch|roll (?:it )?out)']),
    ],
    cues: [
      cue(['a/b[- ]?тест\\w*', 'раскатк\\w*', 'откат\\w*', 'канареечн\\w*'], 1),
      cue(
        [
          'постепенн\\w* (?:раскатк|внедрени|запуск)\\w*',
          'контрольн\\w* групп\\w*',
          'тенев\\w* режим\\w*',
          'a/?b ?测试',
          '灰度',
          '金丝雀',
          '回滚',
          '小流量',
          '카나리',
          '롤백',
          '점진적 배포',
        ],
        1.5,
      ),
      cue(['версионировани\\w*', 'верси\\w* модел\\w*'], 1),
      cue(
        [
          'a/b test\\w*',
          'ab test\\w*',
          'canary',
          'shadow (?:mode|deployment|traffic|test\\w*)',
          'roll(?:ing)?[- ]?back',
          'rollbacks?',
          'gradual (?:rollout|ramp|release)',
          'blue[- ]green',
          'champion[- ]challenger',
          'silent mode',
          'staged rollout',
        ],
        2,
      ),
      cue(['a/b'], 1),
      cue(
        [
          'switchback (?:tests?|experiments?)',
          'control (?:group|arm|cell)',
          'ramp(?:ed|ing)? up',
          'interleaving',
          'feature flags?',
          'traffic split\\w*',
          'holdout group',
          'model version\\w*',
          'online experiments?',
        ],
        1.5,
      ),
      cue(['deploy(?:ment|ed)?', 'release'], 0.5),
    ],
    presentAt: 2,
    facets: { each: ROLLOUT_FACETS, stated: LIVE_EXPERIMENT, detail: EXPERIMENT_DETAIL, gap: 'one-rollout-step' },
    prompts: [
      'A/B test or canary: what traffic share, which success metric, how long?',
      'How are models versioned, and how do you roll back?',
    ],
  },
  {
    id: 'serving.monitoring',
    part: 'serving',
    title: 'Monitoring',
    expectation: 'input-distribution drift, live model performance, logging, and alerts',
    headings: [
      specific(['мониторинг']),
      specific(['모니터링', 'наблюдаемость', 'алертинг']),
      specific(['监控']),
      specific([
        'monitoring(?: and (?:metrics|alerting|maintenance))?',
        'observability',
        'alerting',
        'drift(?: detection)?',
        'maintenance',
        'monitorización',
        'monitoreo',
        'überwachung',
      ]),
    ],
    cues: [
      cue(['мониторинг\\w*', 'дрейф\\w*', 'алерт\\w*', 'оповещени\\w*'], 1),
      // Drift, live performance, dashboards and alerts in Russian, Chinese and Korean.
      cue(
        [
          'дашборд\\w*',
          'деградаци\\w* (?:\\S+ )?(?:модел|качеств)\\w*',
          'сдвиг\\w* (?:\\S+ )?распределени\\w*',
          '监控',
          '告警',
          '报警',
          '(?:数据|分布)漂移',
          '仪表盘',
          '모니터링',
          '알림',
          '드리프트',
          '대시보드',
        ],
        1.5,
      ),
      cue(['логировани\\w*', 'отслежива\\w*', '로깅'], 0.75),
      cue(
        [
          '(?:data|concept|feature|input|score|prediction|distribution|label|covariate|model) (?:drift|shift)',
          'drift (?:detection|alarms?|monitoring|alerts?)',
          'distribution (?:shift|drift)s?',
          'alert\\w*',
          'dashboards?',
          'observability',
          'psi',
          'kl divergence',
          'model (?:decay|degradation)',
          'monitor\\w*',
        ],
        1.5,
      ),
      cue(['drift', 'logging', 'logs? (?:every|each|all) (?:prediction|request)s?', 'on[- ]call', 'latency metrics'], 0.75),
    ],
    presentAt: 2,
    facets: { each: MONITORING_FACETS, stated: MONITORING_STATED, detail: MONITORING_DETAIL, gap: 'one-monitoring-signal' },
    prompts: [
      'Which input-distribution and prediction drift checks run, and how often?',
      'How is live model performance measured, logged, and alerted on?',
    ],
  },
  {
    id: 'serving.scaling',
    part: 'serving',
    title: 'Scaling',
    expectation: 'caching, distillation or compression, and graceful degradation or a fallback',
    headings: [
      specific(['масштабирование', 'отказоустойчивость', 'производительность']),
      specific(['масштабируем\\w*', 'нагрузк\\w*', '확장(?:성)?', '스케일링']),
      specific(['(?:可)?扩展(?:性)?', '性能优化', '高可用']),
      specific([
        'scal\\w+',
        'bottlenecks(?: and scaling)?',
        'performance(?! requirements)(?: optimi[sz]ation)?',
        'reliability',
        'fallbacks?',
        'risk controls(?: and fallbacks)?',
        'high load',
        'escalabilidad',
        'skalierung',
      ]),
      specific(['what if (?:it|the model|something) (?:breaks|fails|goes down)', 'failure modes?']),
    ],
    cues: [
      cue(['кэш\\w*', 'масштабир\\w*', 'резервн\\w*', 'фолбэк\\w*', 'дистилляци\\w*'], 1),
      // Caching ("кеш" is the other spelling), compression, replicas and fallbacks in Russian, Chinese and Korean.
      cue(
        [
          `${RU}кеш\\w*`,
          'отказоустойчив\\w*',
          'балансиров\\w* нагрузк\\w*',
          'квантизаци\\w*',
          'квантовани\\w*',
          'сжати\\w* модел\\w*',
          'запасн\\w* (?:вариант|решени|модел)\\w*',
          'деградаци\\w*',
          'таймаут\\w*',
          `${RU}реплик\\w*`,
          'шардир\\w*',
          '缓存',
          '蒸馏',
          '量化',
          '降级',
          '兜底',
          '熔断',
          '扩容',
          '负载均衡',
          '캐시',
          '캐싱',
          '증류',
          '양자화',
          '폴백',
          '샤딩',
        ],
        1,
      ),
      // "Если сервис недоступен, отдаём популярное": degradation stated.
      cue([`${RU}если (?:\\S+ ){0,3}?(?:недоступ|упал|упад|не отвечает|не работает|откаж|превыс)\\w*`], 2),
      cue(
        [
          'cach(?:e|es|ed|ing)',
          'distill\\w*',
          'quanti[sz]\\w+',
          '(?:model )?compression',
          'prun(?:e|ing)',
          'graceful(?:ly)? degrad\\w*',
          'fall ?backs?',
          'fall back',
          'auto-?scal\\w+',
          'horizontal(?:ly)? scal\\w+',
          'shard\\w*',
          'replicas?',
          'load balanc\\w+',
          'approximate nearest neighbou?r',
          'ann (?:index|search)',
          'faiss',
          'scann',
          'hnsw',
          'circuit breakers?',
          'timeouts?',
          'batch(?:ing)? (?:requests|inference)',
          'tiered (?:models?|cascade)',
          'cascade',
        ],
        1,
      ),
      // Running on a GPU is where the model runs, not how it scales or degrades.
      cue(['gpus?'], 0.5),
      // "If the ranking service fails or exceeds 40 ms, return the BM25 order": degradation stated.
      cue(['if (?:the |it |this |a )?(?:\\S+ ){0,3}?(?:fails|is down|goes down|times out|is unavailable)'], 2),
    ],
    presentAt: 2,
    prompts: [
      'Where do you cache, and can the model be distilled or compressed?',
      'What happens when the model or a dependency fails (fallback, graceful degradation)?',
    ],
  },
  {
    id: 'tradeoffs',
    part: 'tradeoffs',
    title: 'Trade-offs',
    expectation: 'explicit trade-offs: latency vs accuracy, online vs batch, complexity vs interpretability',
    headings: [
      specific([
        'альтернативы',
        'риски и компромиссы',
        'плюсы и минусы',
        'преимущества и недостатки',
        '权衡',
        '取舍',
        '优缺点',
        '트레이드오프',
        '장단점',
      ]),
      broad(['риски']),
      specific([
        'trade-?offs?',
        'design (?:decisions|choices)',
        'alternatives(?: considered)?',
        'when to use which',
        'pros and cons',
        'компромиссы',
        'compromisos',
        'alternativas',
        'kompromisse',
      ]),
      // A risks section usually weighs what the design gives up.
      broad(['risks?(?: and mitigations)?', 'discussion']),
    ],
    cues: [
      cue(['компромисс\\w*', 'плюсы и минусы'], 1),
      // A gain weighed against its price, in Russian, Chinese and Korean ("точнее, но медленнее", "ценой задержки").
      cue(
        [
          `${RU}ценой`,
          'в ущерб',
          'в обмен на',
          'баланс\\w* между',
          'преимущества и недостатки',
          '(?:быстрее|медленнее|дороже|дешевле|точнее|проще|сложнее|лучше|хуже),? (?:\\S+ ){0,4}?(?:но|однако|зато)(?![а-яё])',
          '权衡',
          '取舍',
          '折中',
          '优缺点',
          '利弊',
          '트레이드오프',
          '장단점',
          '절충',
        ],
        1.5,
      ),
      cue(['преимуществ\\w*', 'недостат\\w*', `${RU}альтернатив\\w*`, '缺点', '단점'], 1),
      cue([`${RU}(?:но|однако)(?![а-яё])`, '但是', '지만'], 0.25),
      cue(
        [
          'trade-?offs?',
          'pros(?: and |/)cons',
          'at the (?:cost|expense) of',
          'in exchange for',
          'the price is',
          'balance between',
          '(?:latency|accuracy|complexity|interpretability|freshness|cost|recall|precision|speed|quality|coverage) (?:vs\\.?|versus) \\S+',
          'compromise',
          'rejected (?:for|because|as|since|due to)',
          '\\d+(?:\\.\\d+)?%? [\\w@-]+(?: offline| online)? but',
        ],
        1.5,
      ),
      cue(
        [
          '[A-Za-z][\\w-]{0,40} (?:vs\\.?|versus) [A-Za-z][\\w-]{0,40}',
          'pros:?',
          'cons:?',
          'downsides?',
          'drawbacks?',
          'on the other hand',
          '(?:two|three|several) (?:options|approaches|alternatives)',
        ],
        1,
      ),
      // "more natural to ranking, more complicated": a gain named with its price.
      cue(
        [
          '(?:more|less|higher|lower|better|faster|cheaper|simpler|easier) [\\w-]+(?: [\\w-]+){0,2}, (?:but |while |yet )?(?:more|less|higher|lower|worse|slower|costlier|harder|complex|complicated)',
        ],
        1.5,
      ),
      cue(['however', 'but'], 0.25),
    ],
    presentAt: 2,
    prompts: ['Which trade-offs did you make (latency vs accuracy, online vs batch, complexity vs interpretability), and why?'],
  },
];

const specsById = Object.fromEntries(ELEMENTS.map((element) => [element.id, element])) as Record<ElementId, ElementSpec>;

export function elementSpec(id: ElementId): ElementSpec {
  return specsById[id];
}
