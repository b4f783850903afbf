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
    headings: anyWord(['data\\w*', 'datasets?', 'labell?ing', 'labels', 'данные', 'данных', 'datos', 'daten\\w*', '데이터']),
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
    ]),
  },
  {
    id: 'training',
    title: 'Training',
    interviewMinutes: 4,
    headings: anyWord(['training', 'train', 'retraining', 'обучение', 'entrenamiento', 'reentrenamiento', '학습', '훈련']),
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
      'compromisos',
      'alternativas',
      'kompromisse',
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

const LATENCY_UNIT = '(?:ms|msec|milliseconds?|s|sec|secs|seconds?|minutes?|min|hours?|мс)';

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
      'Which model metric drives the business metric (e.g. recall at a precision floor, NDCG@10)?',
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
          'beat (?:the )?(?:current|existing|heuristic|rules?|baseline)',
          '(?:must|has to|have to|needs? to|should|will have to) beat',
        ],
        2,
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
      exact(['фичи']),
      specific(['feature (?:engineering|selection|categories|families|groups|set|representation|design)', 'признаки']),
      exact(['features?', 'signals', 'inputs', 'model inputs', 'input features']),
      specific(['what (?:will|does) the model (?:use|see)']),
      specific(['características', 'merkmale']),
    ],
    cues: [
      cue(['признак\\w*', 'фич\\w*', 'эмбеддинг\\w*'], 1),
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
      specific(['вычисление признаков', 'хранилище признаков']),
      specific(['feature (?:store|computation|pipeline|serving|freshness|platform)', 'online features', 'training[- ]serving skew']),
    ],
    cues: [
      cue(['хранилищ\\w* признаков', 'в реальном времени', 'свежест\\w*'], 1),
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
      cue(['бейзлайн\\w*', 'базов\\w* модел\\w*', 'логистическ\\w* регресси\\w*'], 1),
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
      specific(['пилот\\w*', 'a/b[- ]тест\\w*', '온라인 (?:평가|테스트|실험)', 'a/b 테스트', '배포 전략']),
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
      specific(['альтернативы', 'риски и компромиссы']),
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
      cue(['компромисс\\w*', 'плюсы и минусы', 'за сч[её]т'], 1),
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
