// The four classic pitfalls of ML system design and the phrases their checks look for.
import type { ElementId, PitfallId } from '../types';
import { anyWord, anyWordGlobal } from './patterns';

export interface PitfallSpec {
  id: PitfallId;
  title: string;
  /** What the reader should do instead, as the second half of an "expected ..." message. */
  expectation: string;
  /** The elements the pitfall is about: when they are missing or thin, the pitfall shows. */
  restsOn: readonly ElementId[];
  /** The model elements those are weighed against, for a pitfall that compares the two. */
  weighedAgainst?: readonly ElementId[];
  /**
   * The elements whose unfilled template sections the review names: while they are only that, the
   * report says the pitfall waits for them. Check reports the pitfall all the same, so a fix that
   * inserts a skeleton (and a rule set to error) cannot clear it with nothing written.
   */
  waitsForTemplate?: readonly ElementId[];
}

export const PITFALLS: readonly PitfallSpec[] = [
  {
    id: 'modeling-first',
    title: 'Jumping straight to modelling',
    expectation: 'the problem, its metrics and constraints scoped before the model architecture',
    restsOn: ['framing.business-metric', 'framing.constraints'],
    weighedAgainst: ['model.selection'],
  },
  {
    id: 'ignored-data',
    title: 'Ignoring the data pipeline',
    expectation: 'data sources, ingestion and quality covered as carefully as the model',
    restsOn: ['data.sources', 'data.ingestion', 'data.quality'],
    weighedAgainst: ['model.baseline', 'model.selection'],
    waitsForTemplate: ['data.sources', 'data.ingestion', 'data.quality'],
  },
  {
    id: 'over-engineering',
    title: 'Over-engineering',
    expectation: 'a simple baseline first, or a stated reason why simpler models fail',
    restsOn: ['model.baseline', 'framing.baseline'],
    // A baseline section left as a TODO: the pitfall stands, the residue finding asks for the baseline.
    waitsForTemplate: ['model.baseline'],
  },
  {
    id: 'production-gaps',
    title: 'Neglecting production realities',
    expectation: 'a latency budget, monitoring, a rollout/rollback plan and a fallback',
    restsOn: ['framing.constraints', 'serving.monitoring', 'serving.rollout', 'serving.scaling'],
    waitsForTemplate: ['framing.constraints', 'serving.monitoring', 'serving.rollout', 'serving.scaling'],
  },
];

export function pitfallSpec(id: PitfallId): PitfallSpec {
  return PITFALLS.find((pitfall) => pitfall.id === id)!;
}

/**
 * Words that make "transformers" scikit-learn's preprocessing objects (a fitted scaler or encoder
 * saved with the model), not a neural architecture.
 */
const SKLEARN_TRANSFORMER_QUALIFIERS = [
  'saved',
  'fitted',
  'fit',
  'sklearn',
  'scikit-learn',
  'column',
  'custom',
  'feature',
  'data',
  'preprocessing',
  'pipeline',
]
  .map((word) => `${word}[- ]`)
  .join('|');

/**
 * Model families that need a baseline or a reason before they are the first choice. A hosted LLM
 * (GPT, "the LLM") is not among them: a service that calls one has not chosen an architecture to
 * train, and the corpus's labellers never call that over-engineering. Nor are the Sentence
 * Transformers and Hugging Face Transformers libraries, for the same reason: they load pre-trained
 * models. Nor are scikit-learn's transformers (preprocessing steps).
 */
export const COMPLEX_MODEL_CUES = anyWordGlobal(
  [
    `(?<!sentence[- ]|hugging ?face |${SKLEARN_TRANSFORMER_QUALIFIERS})transformers?`,
    'bert',
    'gnns?',
    'graph neural networks?',
    'deep (?:neural )?networks?',
    // A shallow or fully connected network is a simple model, not a deep one.
    '(?<!shallow |simple |small |fully[- ]connected |feed[- ]?forward )neural networks?',
    // k-NN is a simple model.
    '(?<!k[- ])nns?',
    'deep learning',
    'dnns?',
    'cnns?',
    'rnns?',
    'lstms?',
    'two[- ]tower',
    'dcn',
    'deep ?fm',
    'wide[- ]and[- ]deep',
    'dlrm',
    'mixture of experts',
    'multi[- ]task (?:neural )?(?:network|model|learning)',
    '(?:large |stacked )?ensembles? of',
    'stacking',
    'resnet',
    'vit',
    'clip',
    'autoencoders?',
  ]
    // "non-transformer alternatives", "a non-neural baseline": the family the doc did not choose.
    .map((family) => `(?<!non[- ])${family}`),
);

/** Phrases that say why a simpler model is not enough. */
export const SIMPLER_FAILS_CUES = anyWordGlobal([
  "(?:simple|simpler|linear|logistic|tree|gbdt)\\s(?:\\S+\\s){0,3}?(?:models?|baselines?|approaches?)?\\s?(?:fail|fails|failed|cannot|can't|could not|struggle|struggles|underperform\\w*|plateau\\w*|miss|misses|is not enough|are not enough)",
  'not a good choice',
  'outperform\\w*',
  'earns? its complexity',
  'justif\\w+ the complexity',
  'because (?:linear|simple|tree)',
]);

/**
 * What the data or a comparison says for a complex model: the data calls for it, or it beat
 * something simpler. Said anywhere in the section, it is about the section's model choice.
 */
export const COMPLEXITY_REASON = anyWord([
  'unstructured',
  'outperform\\w*',
  'beats?',
  'beat',
  'better (?:than|for|at)',
  '(?:image|text|video|audio|graph|sequential|sequence|multimodal) (?:data|inputs?|structure|content|signals)',
  'justif\\w+',
  'needed for',
  'required for',
]);

/**
 * A line that weighs the model against another option ("DistilBERT / BERT / LLM | Speed vs
 * Precision", "traditional ML vs. deep learning"): the complexity is being weighed, not assumed.
 */
export const WEIGHED_AGAINST = anyWord(['vs\\.?', 'versus', 'trade-?offs?', 'compared (?:to|with)']);

/** Words just before a model that say the doc does not use it ("not GNN", "No transformer-based ..."). */
export const NOT_CHOSEN_BEFORE = /\b(?:no|not|without|never|instead of|rather than)\s+(?:[\w-]+\s+){0,2}$/i;

/**
 * A connective that gives a reason for what precedes it ("a CNN, because ..."). It explains the
 * model only after the model is named: "due to the cost of training an LSTM, we use a pre-trained
 * model" explains the pre-trained model, not the LSTM.
 */
export const REASON_CONNECTIVE = anyWord(['because', 'since', 'due to', 'as it', 'so that']);
