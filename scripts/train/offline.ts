// Fits the offline-metric models (src/core/learned/offline-headline.ts) and writes
// src/core/learned/offline-weights.json; `npm run train` calls it after the element model.
// Train and dev docs only (never test). The mention model has one row per mention of a
// model-quality metric: a positive when the doc's gold verdict names an offline metric (fits or
// misaligned) and the labeller cited the mention's line. The document model has one row per doc:
// a positive when the gold verdict names an offline metric. Both are fitted on train for each L2
// of a fixed grid; the L2s, the document threshold and the stated ratio are those whose doc
// verdicts agree best with gold on dev (ties: the first in grid order, which starts from the
// strongest L2 and the middle threshold). Deterministic: same corpus, same bytes.
import { analyzeFacts } from '../../src/core/analyze';
import type { HiddenFact, MetricFact, SectionNode } from '../../src/core/analysis/facts';
import type { FeatureVector } from '../../src/core/learned/features';
import { probability, type LogisticModel } from '../../src/core/learned/model';
import {
  documentFeatures,
  headlineFeatures,
  MENTION_FEATURES,
  offlineCandidates,
  readStatedMetrics,
  type MetricElements,
  type OfflineMetricModel,
} from '../../src/core/learned/offline-headline';
import { offlineVerdict } from '../../src/core/verdicts/offline-metric';
import { FOLDS, foldOf, percent, readTrainingSources, writeOrCheckWeights } from './corpus';
import { fitLogistic, type Design } from './fit';

export interface OfflineDoc {
  file: string;
  repository: string;
  split: 'train' | 'dev';
  gold: string;
  candidates: MetricFact[];
  features: FeatureVector[];
  /** 1 for a candidate on a line the labeller cited for the doc's offline metric. */
  targets: number[];
  elements: MetricElements;
  hidden: HiddenFact[];
  sections: SectionNode[];
  lines: readonly string[];
}

export interface OfflineWeightsFile extends OfflineMetricModel {
  about: string;
  l2: { mention: number; document: number };
  figures: Record<'train' | 'dev', { docs: number; agreement: number }>;
}

/** L2 strengths tried on dev, strongest first (on standardised features). */
const L2_GRID = [100, 30, 10, 3, 1];
/** Document thresholds tried on dev: 0.5 first, then outwards by 0.025 to 0.2 and 0.8. */
const THRESHOLD_GRID = Array.from(
  { length: 25 },
  (_, index) => Math.round((0.5 + (index % 2 ? 1 : -1) * Math.ceil(index / 2) * 0.025) * 1000) / 1000,
);
/** Stated ratios tried on dev: the middle first. */
const RATIO_GRID = [0.5, 0.25, 0.75, 0];
const OFFLINE_VERDICTS = new Set(['fits', 'misaligned']);

export function loadOfflineDocs(corpusRoot: string): OfflineDoc[] {
  const docs: OfflineDoc[] = [];
  for (const source of readTrainingSources(corpusRoot).sources) {
    const { entry, text } = source;
    const gold = source.gold as typeof source.gold & { offlineMetric: { lines?: number[] } };
    const facts = analyzeFacts(text, { path: entry.file });
    const candidates = offlineCandidates(facts.metrics, facts.lines);
    const cited = new Set(OFFLINE_VERDICTS.has(gold.offlineMetric.verdict) ? (gold.offlineMetric.lines ?? []) : []);
    docs.push({
      file: entry.file,
      repository: entry.repository,
      split: entry.split,
      gold: gold.offlineMetric.verdict,
      candidates,
      features: headlineFeatures(candidates, facts.lines, facts.elements),
      targets: candidates.map((metric) => (!metric.negated && cited.has(metric.range.start.line + 1) ? 1 : 0)),
      elements: {
        'evaluation.offline': facts.elements['evaluation.offline'],
        'framing.model-metric': facts.elements['framing.model-metric'],
      },
      hidden: facts.hidden,
      sections: facts.sections,
      lines: facts.lines,
    });
  }
  return docs;
}

/** The doc verdict the core would give with these models. */
function offlineVerdictOf(doc: OfflineDoc, model: OfflineMetricModel): string {
  const probabilities = doc.features.map((features) => probability(model.mention, features));
  return offlineVerdict(readStatedMetrics(doc.candidates, probabilities, doc.elements, model), doc.hidden, doc.sections, doc.lines).verdict;
}

function agreement(docs: readonly OfflineDoc[], model: OfflineMetricModel): number {
  if (docs.length === 0) return 0;
  const agreeing = docs.filter((doc) => offlineVerdictOf(doc, model) === doc.gold).length;
  return Math.round((agreeing / docs.length) * 10000) / 10000;
}

const designRow = (names: readonly string[], vector: FeatureVector): number[] => names.map((name) => vector[name] ?? 0);

/** The mention model's design: one row per mention of the docs. */
const mentionDesignOf = (docs: readonly OfflineDoc[]): Design => ({
  names: MENTION_FEATURES,
  rows: docs.flatMap((doc) => doc.features.map((features) => designRow(MENTION_FEATURES, features))),
  targets: docs.flatMap((doc) => doc.targets),
});

export function trainOffline(docs: readonly OfflineDoc[]): OfflineWeightsFile {
  const train = docs.filter((doc) => doc.split === 'train');
  const dev = docs.filter((doc) => doc.split === 'dev');
  const chooseOn = dev.length ? dev : train;
  const documentNames = Object.keys(documentFeatures([], [], EMPTY_ELEMENTS));
  const mentionDesign = mentionDesignOf(train);
  let best: { l2: OfflineWeightsFile['l2']; model: OfflineMetricModel; dev: number } | undefined;
  for (const mentionL2 of L2_GRID) {
    const mention = fitLogistic(mentionDesign, mentionL2);
    // The document model learns from the probabilities of a mention model that has not seen the
    // doc (folds by repository), as the core will score an unseen doc.
    const heldOut = crossFitted(train, mentionL2);
    const documentRows = train.map((doc, index) =>
      designRow(
        documentNames,
        documentFeatures(
          doc.features.map((features) => probability(heldOut[index]!, features)),
          doc.candidates,
          doc.elements,
        ),
      ),
    );
    const documentTargets = train.map((doc) => (OFFLINE_VERDICTS.has(doc.gold) ? 1 : 0));
    for (const documentL2 of L2_GRID) {
      const document = fitLogistic({ names: documentNames, rows: documentRows, targets: documentTargets }, documentL2);
      for (const documentThreshold of THRESHOLD_GRID) {
        for (const statedRatio of RATIO_GRID) {
          const model = { mention, document, documentThreshold, statedRatio };
          const score = agreement(chooseOn, model);
          if (!best || score > best.dev) best = { l2: { mention: mentionL2, document: documentL2 }, model, dev: score };
        }
      }
    }
  }
  const { l2, model } = best!;
  return {
    about:
      'Offline-metric models of src/core/learned/offline-headline.ts: P(a mention states the offline metric) and P(the doc states one), logistic, fitted on train; L2s, document threshold and stated ratio chosen on dev by npm run train (scripts/train/offline.ts).',
    l2,
    ...model,
    figures: {
      train: { docs: train.length, agreement: agreement(train, model) },
      dev: { docs: dev.length, agreement: agreement(dev, model) },
    },
  };
}

/** Per train doc, the mention model fitted without the doc's fold. */
function crossFitted(train: readonly OfflineDoc[], l2: number): LogisticModel[] {
  const models = Array.from({ length: FOLDS }, (_, fold) =>
    fitLogistic(mentionDesignOf(train.filter((doc) => foldOf(doc.repository) !== fold)), l2),
  );
  return train.map((doc) => models[foldOf(doc.repository)]!);
}

/** No evidence for either element: the document features' names without a document. */
const EMPTY_ELEMENTS: MetricElements = {
  'evaluation.offline': { status: 'missing', residueOnly: false, score: 0 },
  'framing.model-metric': { status: 'missing', residueOnly: false, score: 0 },
};

/**
 * Fits the offline-metric models on `corpusRoot` and writes `out`, or with `check` only says
 * whether `out` holds what the corpus fits. Returns whether it does (always true when writing).
 */
export function writeOfflineWeights(corpusRoot: string, out: string, check: boolean): boolean {
  const weights = trainOffline(loadOfflineDocs(corpusRoot));
  const { train, dev } = weights.figures;
  console.log(
    `offline metric: train ${train.docs} docs ${percent(train.agreement)}, dev ${dev.docs} docs ${percent(dev.agreement)}; ` +
      `L2 ${weights.l2.mention}/${weights.l2.document}, document threshold ${weights.documentThreshold}, stated ratio ${weights.statedRatio}`,
  );
  return writeOrCheckWeights(out, `${JSON.stringify(weights, null, 2)}\n`, check);
}
