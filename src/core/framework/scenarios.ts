// The four scenarios with a checklist: their task type, how a document shows it is about
// one of them, and their checklist items, each with the same kind of heading aliases and cues as
// the framework elements.
import type { ScenarioId, TaskType } from '../types';
import { anyWord, anyWordGlobal } from './patterns';
import type { Cue } from './elements';

export type ChecklistScenarioId = Exclude<ScenarioId, 'generic'>;

export interface ChecklistItemSpec {
  /** Public ID, "scenario/item". */
  id: string;
  scenario: ChecklistScenarioId;
  /** Heading used by the checklist skeleton; it must match `headings`. */
  title: string;
  expectation: string;
  headings: RegExp;
  cues: readonly Cue[];
  prompts: readonly string[];
}

export interface ScenarioSpec {
  id: ChecklistScenarioId;
  title: string;
  /** The title of a starting document for the scenario (`mlsd init`, "New design doc…"). */
  documentTitle: string;
  task: TaskType;
  /** Words that show a document is about this scenario; counted in the title and the body. */
  detection: RegExp;
  items: readonly ChecklistItemSpec[];
}

const cue = (sources: readonly string[], weight: number): Cue => ({ pattern: anyWordGlobal(sources), weight });

function item(
  scenario: ChecklistScenarioId,
  key: string,
  spec: Omit<ChecklistItemSpec, 'id' | 'scenario' | 'headings'> & { headings: readonly string[] },
): ChecklistItemSpec {
  return { ...spec, id: `${scenario}/${key}`, scenario, headings: anyWord(spec.headings) };
}

/**
 * The writer advising the reader, not a recommender: "we recommend starting with...", "the
 * recommended option", a bold "Recommendation:" label, "Findings and recommendations" (a report's
 * advice). Blanked before the scenario words are counted.
 */
export const ADVICE = new RegExp(
  [
    String.raw`\b(?:we|i|you|highly|strongly|is|are)\s+recommend(?:ed)?\b|\brecommended\b`,
    String.raw`\b(?:our|my|final|key)\s+recommendations?\b`,
    // A bold label, as a report gives its advice; "Video recommendation: ..." in a title is a recommender.
    String.raw`(?:\*\*|__)recommendations?(?:(?:\*\*|__)\s*:|:(?:\*\*|__))`,
    String.raw`\b(?:findings|conclusions?|synthesis|summary|analysis|observations|assessment|options|risks)\s+(?:and|&|\+)\s+recommendations?\b`,
    String.raw`\brecommendations?\s+(?:and|&|\+)\s+(?:next steps|conclusions?|findings|roadmap)\b`,
  ].join('|'),
  'gi',
);

/** The title of a starting document for the generic scenario, which has no spec of its own. */
export const GENERIC_DOCUMENT_TITLE = 'ML system design';

/** Words for AI-generated or forged media: detecting it is moderation, unless the statement names fraud as its purpose. */
const SYNTHETIC_MEDIA_WORDS = ['deep ?fakes?', 'ai[- ]generated (?:images?|videos?|media|content)', 'synthetic (?:images?|media)'];

/**
 * Detecting synthetic media serves whatever the statement says it is for: a deepfake detector that
 * enforces a content policy is moderation, one that stops impostors passing identity checks is
 * fraud (LABELLING-GUIDE files AI-image detection for policy under moderation, fraud and abuse under
 * fraud). Where a title or opening names fraud too, these words leave the choice to it.
 */
export const SYNTHETIC_MEDIA = anyWordGlobal(SYNTHETIC_MEDIA_WORDS);

export const SCENARIOS: readonly ScenarioSpec[] = [
  {
    id: 'recommendation',
    title: 'Recommendation',
    documentTitle: 'Recommendation system design',
    task: 'ranking',
    detection: anyWordGlobal([
      'recommend\\w*',
      'recommender',
      'recs',
      'recsys',
      'news ?feeds?',
      '(?:home|video|photo|social|instagram|twitter|facebook|tiktok) feed',
      'feed ranking',
      'people you may know',
      'pymk',
      'collaborative filtering',
      'watch next',
      'up next',
      'for you',
      'friend suggestions?',
      'suggested (?:friends|videos|items|products)',
      '(?:similar|related) (?:items|listings|products|videos|pins|posts)',
      'personali[sz]ed (?:feed|ranking|homepage)',
      // Surfaces that recommend what goes with what a shopper looks at, visual or not.
      '(?:complete|shop) the look',
      '(?:frequently )?bought together',
      'you (?:may|might) also like',
      'complementary (?:items|products)',
      'outfit (?:recommendations?|compatibility|completion)',
      // Russian: "рекомендация" and "рекомендательная система" (the recommender), as "recommend\\w*" covers both.
      'рекомендац\\w*',
      'рекомендательн\\w*',
    ]),
    items: [
      item('recommendation', 'two-stage', {
        title: 'Candidate retrieval and ranking',
        expectation: 'candidate retrieval (ANN, matrix factorisation, two-tower) followed by a ranking stage',
        headings: [
          'two[- ]stage',
          'candidate (?:generation|retrieval)(?: and ranking)?',
          'retrieval and ranking',
          'funnel',
          'multi[- ]stage',
        ],
        cues: [
          cue(
            [
              'two[- ]stage',
              'multi[- ]stage',
              'candidate (?:generation|retrieval|sourcing|selection)',
              'retrieval (?:stage|then ranking|and ranking)',
              'funnel',
            ],
            2,
          ),
          cue(
            [
              '(?:model|stage|step) for candidates',
              'two[- ]tower',
              'approximate nearest neighbou?rs?',
              'ann',
              'faiss',
              'scann',
              'hnsw',
              'matrix factori[sz]ation',
              'retriev\\w+',
              're-?rank\\w*',
            ],
            1,
          ),
        ],
        prompts: [
          'How are a few hundred candidates retrieved (ANN over two-tower embeddings, matrix factorisation)?',
          'Which model ranks them, and with which extra features?',
        ],
      }),
      item('recommendation', 'cold-start', {
        title: 'Cold start',
        expectation: 'how new users and new items are served (content features, popularity fallback)',
        headings: [
          'cold[- ]start\\w*',
          'new users?(?: and items?)?',
          'new items?',
          'холодн\\w* старт\\w*',
          'нов\\w* (?:пользовател|клиент|товар)\\w*',
          '冷启动',
          '콜드 ?스타트',
        ],
        cues: [
          cue(['холодн\\w* старт\\w*', '冷启动', '콜드 ?스타트'], 2),
          cue(
            [
              'cold[- ]start\\w*',
              'new (?:users?|items?|videos?|events?|products?|jobs?|seekers?|articles?|listings?|restaurants?|sellers?|creators?|customers?|tracks?|songs?|posts?) (?:with|have|has|without|get|gets)',
              '(?:popularity|trending)[- ](?:fallback|based|baseline|driven|priors?)',
              '(?:users?|items?) with (?:little|limited|no|sparse|few) (?:data|history|interactions?|ratings?|signals?)',
              'onboarding (?:survey|questionnaire|quiz|preferences)',
              'exploration',
              'bandits?',
            ],
            2,
          ),
          cue(['new users?', 'new items?', 'нов\\w* (?:пользовател|клиент|товар)\\w*'], 0.75),
        ],
        prompts: [
          'What do new users see before there is history (popularity, onboarding, context)?',
          'How do new items get exposure (content features, exploration)?',
        ],
      }),
    ],
  },
  {
    id: 'fraud',
    title: 'Fraud detection',
    documentTitle: 'Fraud detection system design',
    task: 'imbalanced-classification',
    detection: anyWordGlobal([
      'fraud\\w*',
      'chargebacks?',
      'anti[- ]fraud',
      'money laundering',
      'aml',
      'account takeover',
      'payment risk',
      'transaction risk',
      'stolen cards?',
      'card[- ]not[- ]present',
      'fake accounts?',
      'fake reviews?',
      'bot detection',
      'promo abuse',
      'spam\\w*',
      'мошенни\\w*',
      'фрод\\w*',
    ]),
    items: [
      item('fraud', 'real-time', {
        title: 'Real-time scoring',
        expectation: 'inline scoring of each transaction within a latency budget',
        headings: ['real[- ]time (?:scoring|serving|decision|features|detection)', 'inline scoring', 'latency(?: budget)?'],
        cues: [
          cue(['(?:скоринг|оценк\\w*|решени\\w*) в реальном времени', 'в реальном времени'], 1),
          cue(
            [
              '(?:inline|real[- ]time|synchronous) (?:scoring|decision|detection|inference|prediction)',
              '(?:score|scores|scoring|decide|decision)\\w* (?:every |each |the )?(?:transaction|payment)s? (?:inline|in real[- ]time|before)',
              'before (?:the )?(?:authori[sz]ation|payment) (?:completes|is approved)',
              'before (?:the )?(?:payment|transaction|order|purchase|claim) is (?:authori[sz]ed|approved|processed|completed)',
            ],
            2,
          ),
          // Half the definition in two words: with the budget's milliseconds (a hint) it covers the item.
          cue(['latency budget'], 1.5),
          cue(['real[- ]time', 'inline', 'authori[sz]ation flow', '\\d+\\s?(?:ms|milliseconds)'], 0.75),
        ],
        prompts: ['Is each transaction scored inline, before authorisation? Within what latency budget?'],
      }),
      item('fraud', 'class-imbalance', {
        title: 'Class imbalance',
        expectation: 'how the rare positive class is handled in training (weights, resampling) and in evaluation',
        headings: ['class imbalance', 'imbalance\\w*', 'rare (?:class|events|positives)'],
        cues: [
          cue(['дисбаланс\\w*', 'веса классов', 'редк\\w* класс\\w*'], 1.5),
          cue(
            [
              'class[_ ](?:imbalance|weights?|balanc\\w+)',
              'pos_weight',
              'inverse (?:class )?(?:frequency|prevalence)',
              'scale_pos_weight',
              '(?:weight|upweight) (?:the )?(?:positive|minority|rare) class',
              'imbalanced',
              'under-?sampl\\w+',
              'over-?sampl\\w+',
              // The classes resampled or reweighted, not logs downsampled for storage or models reweighted in an ensemble.
              '(?:down|up)-?sampl\\w+ (?:the )?(?:negatives?|positives?|majority|minority|legitimate|non-fraud\\w*|fraud\\w*|classes)',
              '(?:negatives?|positives?|majority|minority) (?:class )?(?:(?:are|is|were|get) )?(?:down|up)-?sampl\\w+',
              're-?weight\\w* (?:the )?(?:negatives?|positives?|classes|minority|majority|fraud\\w*|samples|examples)',
              'smote',
              'focal loss',
              'base rate',
              'rare (?:class|positives?|events?|patterns?|cases?)',
              'minority class',
              'extreme imbalance',
            ],
            1.5,
          ),
        ],
        prompts: [
          'How rare is fraud, and how does training handle it (class weights, resampling, focal loss)?',
          'Is evaluation done on the true base rate?',
        ],
      }),
      item('fraud', 'hybrid-rules', {
        title: 'Rules layer',
        expectation: 'a fast rule layer (block lists, velocity limits) in front of the model',
        headings: ['rules?(?: layer| engine)?', 'hybrid(?: rules)?', 'rules and models?', 'decision engine'],
        cues: [
          cue(['правил\\w*', 'ч[её]рн\\w* спис\\w*'], 1),
          cue(
            [
              'rules? (?:layer|engine)',
              'rule[- ]based (?:engine|layer|filters?|checks?|system|fallback|scoring|detection)',
              'hybrid (?:rules|approach|system|model)',
              '(?:block|deny|allow|black|white)[- ]?lists?',
              'velocity (?:rules|limits|checks)',
              'heuristic rules?',
              'hard rules',
              'decision engine',
              'hash match\\w*',
            ],
            2,
          ),
          // Business rules are any policy logic (pricing tiers, eligibility), not a rule layer in front of the model by themselves.
          cue(['business rules'], 1),
          cue(['rules?'], 0.5),
        ],
        prompts: ['Which fast rules (block lists, velocity limits) run before the model, and why?'],
      }),
      item('fraud', 'fp-fn-tradeoff', {
        title: 'False positives vs false negatives',
        expectation: 'customer friction vs financial loss, and how thresholds are chosen',
        headings: [
          'false positives?(?: vs\\.? false negatives?)?',
          'thresholds?(?: selection)?',
          'cost[- ]sensitive\\w*',
          'fp[/ -]fn',
          'cost matrix',
        ],
        cues: [
          cue(['ложн\\w* (?:отказ|срабатывани|блокировк)\\w*', 'порог\\w*'], 1),
          cue(
            [
              'false positives?',
              'false negatives?',
              'cost matrix',
              'cost[- ]sensitive',
              'operating point',
              'decision threshold',
              'thresholds?',
              'customer friction',
              'false declines?',
              'missed fraud',
              'step[- ]up auth\\w*',
              'blocks? (?:a )?(?:real|legitimate|good) (?:customers?|users?)',
            ],
            1,
          ),
        ],
        prompts: [
          'What does a false positive cost (blocked customer) vs a false negative (fraud loss)?',
          'How is the decision threshold chosen from those costs?',
        ],
      }),
    ],
  },
  {
    id: 'search',
    title: 'Search',
    documentTitle: 'Search ranking system design',
    task: 'ranking',
    detection: anyWordGlobal([
      'search\\w*',
      'quer(?:y|ies)',
      'search engine',
      'search ranking',
      'bm25',
      'learning[- ]to[- ]rank',
      'relevance',
      'retrieval',
      // Completing what a user types is search when it completes queries; completing a message
      // (smart compose, next-word suggestions) ranks no results (LABELLING-GUIDE: "others").
      '(?:query|search) (?:auto-?complet\\w*|type-?ahead|suggestions?)',
      '(?:auto-?complet\\w*|type-?ahead) (?:\\w+ )?(?:of|for|over) (?:search )?quer(?:y|ies)',
      'поиск\\w*',
    ]),
    items: [
      item('search', 'ltr-approach', {
        title: 'Learning-to-rank approach',
        expectation: 'a pointwise, pairwise or listwise learning-to-rank approach, named and justified',
        headings: ['learning[- ]to[- ]rank(?: objectives?| approach)?', 'ltr', 'ranking (?:model|objective|approach)'],
        cues: [
          cue(['point-?wise', 'pair-?wise', 'list-?wise', 'lambdamart', 'lambdarank', 'ranknet'], 2),
          cue(['learn(?:ing)?[- ]to[- ]rank', 'ltr'], 1),
        ],
        prompts: ['Pointwise, pairwise or listwise? Why this choice for the labels you have?'],
      }),
      item('search', 'relevance-features', {
        title: 'Relevance features',
        expectation: 'text relevance signals such as BM25/term statistics and embeddings',
        headings: ['relevance (?:features|signals)', 'text (?:features|relevance)', 'query[- ]document features'],
        cues: [
          cue(
            [
              'bm25',
              'tf[- ]?idf',
              'term (?:statistics|frequency|matching)',
              'inverted index',
              'full[- ]text (?:search|index\\w*|match\\w*)',
              'lexical (?:match\\w*|search|retrieval|features?|signals?)',
              'keyword (?:match\\w*|search)',
              '(?:text|token|term|title) match\\w*',
            ],
            1.5,
          ),
          cue(['embeddings?', 'semantic (?:similarity|matching|search)', 'dense retrieval', 'cosine similarity', 'query[- ]document'], 1),
        ],
        prompts: ['Which lexical (BM25, term statistics) and semantic (embedding) relevance features?'],
      }),
      item('search', 'authority', {
        title: 'Authority and quality signals',
        expectation: 'PageRank-style authority or document quality signals',
        headings: ['authority(?: signals)?', 'quality signals', 'document quality'],
        cues: [
          cue(
            [
              'page[- ]?rank',
              'authority',
              '(?:document|page|content|source|seller|creator|product|listing|item) quality',
              'quality (?:signals?|scores?)',
              'spam scores?',
              'popularity (?:signals?|features?|prior)',
              // A result's own freshness is a ranking signal; the index's freshness is a serving target.
              '(?:page|document|doc|content|item|listing|post|article|result|video|product) freshness',
            ],
            1.5,
          ),
          cue(
            [
              '(?:item|document|page|video|product|seller) popularity',
              'ratings? and reviews',
              'reviews',
              'review counts?',
              'seller (?:scores?|ratings?)',
              // A result's own engagement record is a quality prior, whatever the query.
              'historical[_ ](?:ctr|click[- ]through(?: rates?)?|engagement|conversion(?: rates?)?)',
              'ratings?',
              'reputation',
            ],
            1,
          ),
        ],
        prompts: ['Which authority (PageRank-style) or quality signals separate good results from merely relevant ones?'],
      }),
      item('search', 'personalization', {
        title: 'Personalisation',
        expectation: 'user signals used to personalise results (history, location, language)',
        headings: ['personali[sz]ation', 'user signals', 'user features'],
        cues: [
          cue(
            [
              'personali[sz]\\w+',
              'user (?:history|signals?|features?|embeddings?|preferences|profiles?)',
              'search history',
              '(?:past|previous) (?:clicks|queries|searches|purchases|orders|bookings|stays|categories|interactions|behaviou?r)',
              'searcher (?:features|history|location|profile)',
              'preferred (?:brands?|categories|cuisines?|price)',
            ],
            1.5,
          ),
        ],
        prompts: ['Which user signals personalise results (history, location, language), and where are they fetched?'],
      }),
    ],
  },
  {
    id: 'moderation',
    title: 'Content moderation',
    documentTitle: 'Content moderation system design',
    task: 'imbalanced-classification',
    detection: anyWordGlobal([
      'moderat\\w+',
      'harmful',
      'hate speech',
      'toxic\\w*',
      'nsfw',
      'policy[- ]violat\\w+',
      'integrity',
      'trust (?:and|&) safety',
      'misinformation',
      'abus\\w+',
      'csam',
      'violen\\w+',
      'explicit content',
      // AI-generated media detected to enforce a policy is moderation (LABELLING-GUIDE); detected
      // to stop fraud it is fraud (SYNTHETIC_MEDIA).
      ...SYNTHETIC_MEDIA_WORDS,
      'модерац\\w*',
    ]),
    items: [
      item('moderation', 'multimodal', {
        title: 'Multimodal content',
        expectation: 'how text, image and video content are each handled (and fused)',
        headings: ['multi-?modal\\w*', 'modalities', 'text,? image,? (?:and )?video'],
        cues: [
          cue(['multi-?modal\\w*', '(?:early|late) fusion', 'modalit(?:y|ies)'], 2),
          // A list of the kinds of content handled ("text, images and video"): weighs less than
          // naming the item, so a line that does is the evidence shown.
          cue(['(?:text|images?|photos?|videos?|audio)(?:\\s*(?:,|/|&|\\+|and|or)\\s*(?:text|images?|photos?|videos?|audio))+'], 1.5),
          cue(['images?', 'videos?', 'audio', 'ocr', 'clip'], 0.5),
        ],
        prompts: ['How are text, images and video each represented, and how are they combined (early or late fusion)?'],
      }),
      item('moderation', 'human-review', {
        title: 'Human review',
        expectation: 'human-in-the-loop review queues and how their verdicts feed back',
        headings: ['human (?:review|in the loop|moderators?)', 'review (?:queues?|routing)', 'appeals?'],
        cues: [
          cue(
            [
              'human (?:review\\w*|moderators?|raters?|in[- ]the[- ]loop|labell?ers?)',
              'review (?:queues?|routing)',
              'moderators?',
              'appeals?',
              'manual(?:ly)? review\\w*',
              'human[- ](?:labell?ed|labell?ing|annotat\\w+|review\\w*)',
              'moderation team',
              '(?:agent|analyst|reviewer|specialist) (?:review\\w*|decisions?)',
              'queued for (?:\\S+ )?review',
              '(?:mod|moderation|review|triage) queues?',
              'mods',
            ],
            1.5,
          ),
        ],
        prompts: ['Which cases go to human reviewers, how is the queue prioritised, and how do verdicts feed training?'],
      }),
      item('moderation', 'evolving-abuse', {
        title: 'Evolving abuse',
        expectation: 'adversarial drift and new policies: how the system keeps up',
        headings: ['adversarial\\w*', 'evolving (?:abuse|threats)', 'evasion', 'new policies', 'drift'],
        cues: [
          cue(
            [
              'adversar\\w+',
              'evasion',
              'evad\\w+',
              'evolving (?:abuse|threats|tactics|content)',
              'new (?:policies|policy|abuse types|harm types|attack)',
              'policy changes?',
              'concept drift',
            ],
            1.5,
          ),
          cue(['drift', 'retrain\\w*'], 0.5),
        ],
        prompts: [
          'How do you detect new abuse patterns and adversarial evasion?',
          'How fast can a new policy be enforced (retraining, rules)?',
        ],
      }),
      item('moderation', 'label-efficiency', {
        title: 'Label efficiency',
        expectation: 'active or semi-supervised learning to make scarce labels go further',
        headings: ['label efficiency', 'active learning', 'semi-?supervised\\w*', 'labell?ing (?:strategy|flywheel)'],
        cues: [
          cue(
            [
              'uncertainty sampling',
              '(?:sample|samples|sampling|select|selects|route|routes) (?:the )?(?:most )?uncertain',
              'active learning',
              'semi-?supervised',
              'self-?supervised',
              'weak supervision',
              'pseudo-?label\\w*',
              'few-?shot',
              'zero-?shot',
              'labell?ing flywheel',
              'label efficien\\w+',
            ],
            1.5,
          ),
          cue(['transfer learning', 'pre-?trained', 'feedback loops?', 'annotation (?:workflow|pipeline|budget|queue)'], 0.5),
        ],
        prompts: ['With few labels, which active or semi-supervised learning makes them go further?'],
      }),
    ],
  },
];

/**
 * Words that name a scenario when the document says what it designs (its title, its opening
 * statement), on top of the detection words: there "personalization" or "credit risk" names the
 * system, while in the body such words come up in any scenario. Generic: assistants and question
 * answering over documents are neither search nor recommendation (LABELLING-GUIDE: "others").
 */
export const STATEMENT_DETECTION: Readonly<Record<ScenarioId, RegExp>> = {
  recommendation: anyWordGlobal([
    'feeds?',
    'personali[sz]\\w*',
    'job match\\w*',
    'matchmaking',
    'link prediction',
    'next (?:video|song|track|item|product)',
    'taste profiles?',
    'персонализ\\w*',
    '추천',
  ]),
  fraud: anyWordGlobal([
    'credit risk',
    // LABELLING-GUIDE files credit risk under fraud, so a credit-scoring system is one too.
    'credit scoring',
    'default risk',
    '(?:loan|credit|payment) defaults?',
    'probability of default',
    'risk scor\\w*',
    'phishing',
    'scams?',
    'bot (?:defen[cs]e|traffic)',
    'антифрод\\w*',
    '사기',
  ]),
  // LABELLING-GUIDE: "image/visual search -> search", whatever the catalogue it searches.
  search: anyWordGlobal([
    'image search',
    'visual (?:similarity )?search',
    'reverse image search',
    'semantic search',
    'retriev\\w+ (?:engine|system)',
    'поисков\\w*',
    '검색',
  ]),
  moderation: anyWordGlobal([
    'fake news',
    'guardrails?',
    '(?:content )?safety polic\\w+',
    'unsafe content',
    'hateful',
    'модерац\\w*',
    '유해',
  ]),
  generic: anyWordGlobal([
    'churn\\w*',
    '(?:customer|user|subscriber) retention',
    'lifetime value',
    'propensity',
    'rag',
    'retrieval[- ]augmented',
    'chat ?bots?',
    'question[- ]answering',
    'q&a',
    '(?:ai|llm|hr|support|virtual|voice) assistants?',
    'llms?',
    'summari[sz]\\w*',
    // Completing what someone writes ranks nothing for them to choose from a catalogue.
    'smart (?:compose|reply)',
    'next[- ](?:word|token|phrase)s?',
    '(?:text|message|sentence) (?:completion|prediction)',
  ]),
};

/**
 * Headings of the sections where a design doc says what it builds, when its opening does not: the
 * goal, the problem, the overview, the scope (a subsection counts under them: "1. Goals" /
 * "1.2 Business requirements"). Russian: goal, problem, introduction, overview.
 */
export const STATEMENT_HEADINGS = anyWord([
  'goals?',
  'objectives?',
  'aims?',
  'purpose',
  'problem',
  'overview',
  'introduction',
  'summary',
  'scope',
  'motivation',
  'background',
  'context',
  'цел[ьи]',
  'задач\\w*',
  'введение',
  'обзор',
]);

/** Documents on these topics are the generic scenario, with the task their wording shows. */
export const GENERIC_DETECTION = anyWordGlobal([
  'ads?',
  'advertis\\w+',
  'click[- ]through',
  'ctr',
  'click prediction',
  'forecast\\w*',
  'demand',
  'churn prediction',
  'resumes?',
  'screening',
  'pricing',
  'eta',
  'ranking ads',
  // The same in Russian: advertising, demand, churn, pricing, screening ("прогноз" alone is any prediction).
  'реклам\\w*',
  'спрос\\w*',
  '(?:прогноз|предсказ)\\w* оттока',
  'ценообразован\\w*',
  'скрининг\\w*',
]);

/**
 * A title naming an assistant, a chatbot, question answering, RAG or summarisation: the system
 * generates answers, so the retrieval and ranking words of its body rank nothing for a user and its
 * task is "other" (LABELLING-GUIDE: "others"), unless the title names a task of its own.
 */
export const GENERATIVE_TITLE = anyWord([
  'rag',
  'retrieval[- ]augmented',
  'chat ?bots?',
  'question[- ]answering',
  'q&a',
  'assistants?',
  'copilots?',
  'llms?',
  'summari[sz]\\w*',
]);

export const TASK_CUES: Readonly<Record<Exclude<TaskType, 'other'>, RegExp>> = {
  'probability-estimation': anyWordGlobal([
    'ctr',
    'click[- ]through',
    'click prediction',
    'predict(?:s|ing)? (?:the )?(?:click|conversion)',
    'p\\(click\\)',
    'calibrat\\w+',
    'ads?',
    'advertis\\w+',
    'conversion (?:rate )?prediction',
    'probability of (?:click|conversion|purchase)',
    // A propensity is the probability that a customer acts (buys, converts, responds).
    'propensity',
    // The same in Russian: advertising, click-through, the probability of a click or a conversion.
    'реклам\\w*',
    'кликабельност\\w*',
    'вероятност\\w* (?:клика|конверси\\w*|покупки)',
  ]),
  regression: anyWordGlobal([
    'forecast\\w*',
    // Not a logistic regression (a classifier) nor a software regression test.
    '(?<!logistic |ordinal |softmax )regression(?! tests?| testing| suites?| checks?)',
    'demand',
    'time series',
    'predict(?:s|ing)? (?:the )?(?:price|sales|demand|duration|eta|amount|revenue|quantity)',
    // The same quantity named before the noun ("salary prediction", "delivery time estimation").
    '(?:price|sales|salary|wage|income|revenue|cost|amount|quantity|duration|(?:delivery|travel|wait(?:ing)?|arrival) time)s? (?:prediction|estimation)',
    'eta',
    // The same in Russian: a predicted time, demand, price or sales ("прогноз" alone is any prediction).
    '(?:предсказани|прогноз)\\w* (?:времени|длительности|спроса|цен\\w*|продаж\\w*|стоимости)',
  ]),
  // Retrieval-augmented generation answers from retrieved text; it ranks nothing for a user (LABELLING-GUIDE: others).
  ranking: anyWordGlobal(['rank\\w*', 'recommend\\w*', 'search', 'retrieval(?![- ]augmented)', 'ndcg', 'learning[- ]to[- ]rank']),
  'imbalanced-classification': anyWordGlobal([
    'imbalanced',
    'churn prediction',
    'predict\\w* (?:\\S+ ){0,2}?(?:churn|cancellations?|defaults?)',
    '(?:loan |credit )?default prediction',
    'probability (?:of|that) (?:\\S+ ){0,3}?defaults?',
    'credit risk',
    'likely to (?:churn|cancel)',
    'rare (?:class|events?|positives?)',
    'fraud\\w*',
    'anomal\\w+',
    'abuse',
    'spam',
    'harmful',
    'moderation',
    'defects?',
    // The same in Russian: anomalies, fraud, imbalance, churn prediction.
    'аномал\\w*',
    'мошенни\\w*',
    'фрод\\w*',
    'дисбаланс\\w*',
    '(?:прогноз|предсказ)\\w* оттока',
  ]),
};

const scenariosById = Object.fromEntries(SCENARIOS.map((scenario) => [scenario.id, scenario])) as Record<ChecklistScenarioId, ScenarioSpec>;

export function scenarioSpec(id: ScenarioId): ScenarioSpec | undefined {
  return id === 'generic' ? undefined : scenariosById[id];
}

export const CHECKLIST_ITEMS: readonly ChecklistItemSpec[] = SCENARIOS.flatMap((scenario) => scenario.items);

const itemsById = new Map(CHECKLIST_ITEMS.map((spec) => [spec.id, spec]));

export function checklistItemSpec(id: string): ChecklistItemSpec | undefined {
  return itemsById.get(id);
}
