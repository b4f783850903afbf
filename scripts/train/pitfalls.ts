// Fits the learned pitfall verdicts (src/core/verdicts/pitfalls/learned.ts) and writes
// src/core/learned/pitfall-weights.json. Called by `npm run train` (scripts/train/run.ts).
// Per pitfall: a logistic regression over the features the core computes, fitted on the train
// split over the features the pitfall reads (PITFALL_READS); L2 chosen by cross-validated log loss
// on train (folds by repository); the threshold chosen on dev for F1, the highest of those dev
// cannot tell apart (a false warning costs more than a miss). Where dev holds too few docs with the
// pitfall to choose (fewer than MIN_DEV_POSITIVES), the threshold and the choice below are made on
// leave-one-repository-out probabilities over train and dev together instead.
// The model only decides where the features tell the pitfall from noise (cross-validated AUC on
// train at least NOISE_AUC) and it beats the hand rule's F1 both where the threshold was chosen
// and on train's out-of-fold probabilities; elsewhere the hand rule decides.
// The test split is never read. Deterministic: Newton's method, fixed grids, rounded weights.
import { analyzeFacts } from '../../src/core/analyze';
import {
  decide,
  PITFALL_FEATURES,
  PITFALL_READS,
  pitfallProbability,
  type PitfallFeature,
  type PitfallFeatures,
  type PitfallModel,
} from '../../src/core/verdicts/pitfalls/learned';
import { PITFALL_IDS, type PitfallId } from '../../src/core/types';
import type { Split } from '../eval/labels';
import { foldOf, percent, readTrainingSources, writeOrCheckWeights } from './corpus';
import { fitLogistic } from './fit';

interface PitfallRow {
  repository: string;
  split: Split;
  features: PitfallFeatures;
  /** Whether the verdict could be reported at all (the evidence it needs is there). */
  reportable: boolean;
  gold: boolean;
}

const L2_GRID = [1, 3, 10, 30, 100];
/** Thresholds tried on dev: 0.05, 0.075, … 0.95. */
const THRESHOLD_GRID = Array.from({ length: 37 }, (_, index) => Math.round((0.05 + index * 0.025) * 1000) / 1000);
/** Dev F1 a higher threshold may cost: one doc of 37 moves F1 by more. */
const F1_TOLERANCE = 0.01;
/** Below this cross-validated AUC the features do not separate the pitfall from noise. */
const NOISE_AUC = 0.6;
/** Fewer docs with the pitfall than this in dev, and dev cannot choose a threshold: one doc moves F1 by a third. */
const MIN_DEV_POSITIVES = 5;
/** The threshold when no dev threshold reports a true positive. */
const MORE_LIKELY_THAN_NOT = 0.5;

/** One row per pitfall per labelled train and dev doc on this machine (test is left alone). */
function loadPitfallRows(corpusRoot: string): Record<PitfallId, PitfallRow[]> {
  const rows = Object.fromEntries(PITFALL_IDS.map((id) => [id, [] as PitfallRow[]])) as Record<PitfallId, PitfallRow[]>;
  for (const { entry, text, gold } of readTrainingSources(corpusRoot).sources) {
    const facts = analyzeFacts(text, { path: entry.file });
    for (const id of PITFALL_IDS) {
      const verdict = facts.pitfalls[id];
      const label = gold.pitfalls[id];
      if (!label) continue;
      rows[id].push({
        repository: entry.repository,
        split: entry.split,
        features: verdict.learned.features,
        reportable: verdict.learned.reportable,
        gold: label.value,
      });
    }
  }
  return rows;
}

function fit(rows: readonly PitfallRow[], l2: number, reads: readonly PitfallFeature[]): Pick<PitfallModel, 'bias' | 'weights'> {
  const design = {
    names: reads,
    rows: rows.map((row) => reads.map((name) => row.features[name])),
    targets: rows.map((row) => (row.gold ? 1 : 0)),
  };
  const { bias, weights } = fitLogistic(design, l2);
  return { bias, weights };
}

/** Probabilities of rows each scored by a model fitted without its group (`groupOf`), so no repository scores itself. */
function heldOut(
  rows: readonly PitfallRow[],
  l2: number,
  reads: readonly PitfallFeature[],
  groupOf: (row: PitfallRow) => string | number,
): number[] {
  const probabilities = new Array<number>(rows.length).fill(0);
  for (const group of [...new Set(rows.map(groupOf))]) {
    const held = rows.map((row) => groupOf(row) === group);
    const model = fit(
      rows.filter((_, index) => !held[index]),
      l2,
      reads,
    );
    rows.forEach((row, index) => {
      if (held[index]) probabilities[index] = pitfallProbability(model, row.features);
    });
  }
  return probabilities;
}

/** Out-of-fold probabilities of the train rows (folds by repository). */
const outOfFold = (rows: readonly PitfallRow[], l2: number, reads: readonly PitfallFeature[]): number[] =>
  heldOut(rows, l2, reads, (row) => foldOf(row.repository));

const logLoss = (probabilities: readonly number[], rows: readonly PitfallRow[]): number =>
  probabilities.reduce((sum, p, index) => sum - Math.log(Math.min(Math.max(rows[index]!.gold ? p : 1 - p, 1e-9), 1)), 0);

function auc(probabilities: readonly number[], rows: readonly PitfallRow[]): number {
  let pairs = 0;
  let wins = 0;
  rows.forEach((positive, i) => {
    if (!positive.gold) return;
    rows.forEach((negative, j) => {
      if (negative.gold) return;
      pairs++;
      wins += probabilities[i]! > probabilities[j]! ? 1 : probabilities[i] === probabilities[j] ? 0.5 : 0;
    });
  });
  return pairs ? wins / pairs : 0.5;
}

export interface Confusion {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

function confusionOf(rows: readonly PitfallRow[], predict: (row: PitfallRow, index: number) => boolean): Confusion {
  const counts = { truePositive: 0, falsePositive: 0, falseNegative: 0 };
  rows.forEach((row, index) => {
    const predicted = row.reportable && predict(row, index);
    if (predicted && row.gold) counts.truePositive++;
    else if (predicted) counts.falsePositive++;
    else if (row.gold) counts.falseNegative++;
  });
  return counts;
}

const precisionOf = ({ truePositive, falsePositive }: Confusion): number =>
  truePositive + falsePositive ? truePositive / (truePositive + falsePositive) : 0;
const recallOf = ({ truePositive, falseNegative }: Confusion): number =>
  truePositive + falseNegative ? truePositive / (truePositive + falseNegative) : 0;
const f1Of = (counts: Confusion): number => {
  const precision = precisionOf(counts);
  const recall = recallOf(counts);
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
};

/**
 * The highest dev threshold whose F1 is within F1_TOLERANCE of the best: dev cannot tell those
 * apart, and of equals the one that warns least is kept (a false warning costs more than a miss).
 * It is then moved to the middle of the gap between the reportable docs on either side of it, which
 * warns on the same docs: a grid point sits at the edge of that gap, so a refit that moved a doc's
 * probability by a hundredth flipped the threshold by a grid step and the verdict of every doc
 * between the two (three of the sixteen shared docs sat at 0.28-0.29, between 0.25 and 0.3).
 */
function chooseThreshold(probabilities: readonly number[], rows: readonly PitfallRow[]): number | undefined {
  const scored = THRESHOLD_GRID.map((threshold) => ({
    threshold,
    counts: confusionOf(rows, (_, index) => probabilities[index]! >= threshold),
  }))
    .filter(({ counts }) => counts.truePositive > 0)
    .map(({ threshold, counts }) => ({ threshold, f1: f1Of(counts) }));
  if (scored.length === 0) return undefined;
  const best = Math.max(...scored.map(({ f1 }) => f1));
  const onGrid = Math.max(...scored.filter(({ f1 }) => f1 >= best - F1_TOLERANCE).map(({ threshold }) => threshold));
  const reportable = probabilities.filter((_, index) => rows[index]!.reportable);
  const below = reportable.filter((probability) => probability < onGrid);
  const atOrAbove = reportable.filter((probability) => probability >= onGrid);
  if (below.length === 0 || atOrAbove.length === 0) return onGrid;
  return Math.round(((Math.max(...below) + Math.min(...atOrAbove)) / 2) * 10000) / 10000;
}

export interface PitfallFit extends PitfallModel {
  l2: number;
  /** Where the threshold and the model-or-hand choice were made. */
  chosenOn: 'dev' | 'leave-one-repository-out';
  /** Cross-validated AUC on train: how well the features order the docs at all. */
  trainAuc: number;
  /**
   * The hand rule's figures and the figures of the verdict that decides, per split, and where the
   * threshold was chosen (dev, or train and dev each scored without its repository; there the
   * model's figures are the held-out ones the choice read).
   */
  figures: Record<'train' | 'dev' | 'chosen', { hand: Confusion; decided: Confusion }>;
}

/**
 * The model decides when the features separate the pitfall from noise on train and its F1 where the
 * threshold was chosen beats the hand rule's; otherwise the hand rule decides (the simpler verdict,
 * and the one whose evidence the finding points at).
 */
export function fitPitfall(rows: readonly PitfallRow[], reads: readonly PitfallFeature[] = PITFALL_FEATURES): PitfallFit {
  const train = rows.filter((row) => row.split === 'train');
  const dev = rows.filter((row) => row.split === 'dev');
  let chosen: { l2: number; loss: number; oof: number[] } | undefined;
  for (const l2 of L2_GRID) {
    const oof = outOfFold(train, l2, reads);
    const loss = logLoss(oof, train);
    if (!chosen || loss < chosen.loss) chosen = { l2, loss, oof };
  }
  const { l2, oof } = chosen!;
  const model = fit(train, l2, reads);
  const trainAuc = Math.round(auc(oof, train) * 1000) / 1000;
  // Dev chooses when it holds enough docs with the pitfall; otherwise every labelled doc does, each
  // scored by a model fitted without its repository.
  const devChooses = dev.filter((row) => row.gold).length >= MIN_DEV_POSITIVES;
  const choosing = devChooses ? dev : [...train, ...dev];
  const choosingProbabilities = devChooses
    ? dev.map((row) => pitfallProbability(model, row.features))
    : heldOut(choosing, l2, reads, (row) => row.repository);
  const threshold = chooseThreshold(choosingProbabilities, choosing) ?? MORE_LIKELY_THAN_NOT;
  const candidate: PitfallModel = { decides: 'model', ...model, threshold };
  const confusion = (decider: PitfallModel, part: readonly PitfallRow[]): Confusion =>
    confusionOf(part, (row) => decide(decider, row.features, pitfallProbability(decider, row.features)));
  const hand: PitfallModel = { ...candidate, decides: 'hand' };
  const candidateOnChoosing = confusionOf(choosing, (row, index) => choosingProbabilities[index]! >= threshold);
  // Where the threshold was chosen the model's F1 is tuned and the hand rule's is not, so a doc's
  // worth of tuning can put the model ahead there: it must also beat the hand rule on train, each doc
  // scored by a fit that never saw its repository's fold.
  const candidateOutOfFold = confusionOf(train, (row, index) => oof[index]! >= threshold);
  const modelDecides =
    trainAuc >= NOISE_AUC &&
    f1Of(candidateOnChoosing) > f1Of(confusion(hand, choosing)) &&
    f1Of(candidateOutOfFold) > f1Of(confusion(hand, train));
  const decider = modelDecides ? candidate : hand;
  return {
    ...decider,
    l2,
    chosenOn: devChooses ? 'dev' : 'leave-one-repository-out',
    trainAuc,
    figures: {
      train: { hand: confusion(hand, train), decided: confusion(decider, train) },
      dev: { hand: confusion(hand, dev), decided: confusion(decider, dev) },
      chosen: { hand: confusion(hand, choosing), decided: modelDecides ? candidateOnChoosing : confusion(hand, choosing) },
    },
  };
}

export interface PitfallWeightsFile {
  about: string;
  models: Record<PitfallId, PitfallFit>;
}

function trainPitfalls(corpusRoot: string): PitfallWeightsFile {
  const rows = loadPitfallRows(corpusRoot);
  return {
    about:
      'The learned pitfall verdicts (src/core/verdicts/pitfalls/learned.ts). Written by `npm run train`: fitted on the train split of test/corpus, L2 by cross-validation on train, threshold chosen on dev. Do not edit by hand.',
    models: Object.fromEntries(PITFALL_IDS.map((id) => [id, fitPitfall(rows[id], PITFALL_READS[id])])) as Record<PitfallId, PitfallFit>,
  };
}

const describe = (counts: Confusion): string =>
  `P ${percent(precisionOf(counts))} R ${percent(recallOf(counts))} F1 ${percent(f1Of(counts))}`;

/**
 * Fits the pitfall models on `corpusRoot`, prints their figures, and writes `out`, or with `check`
 * only says whether `out` holds what the corpus fits. Returns whether it does (always true when writing).
 */
export function writePitfallWeights(corpusRoot: string, out: string, check: boolean): boolean {
  const weights = trainPitfalls(corpusRoot);
  for (const id of PITFALL_IDS) {
    const { l2, trainAuc, decides, threshold, chosenOn, figures } = weights.models[id];
    console.log(
      `${id.padEnd(17)} L2 ${l2}, CV AUC ${trainAuc}, chosen on ${chosenOn}: ${decides === 'model' ? `the model decides at P ≥ ${threshold}` : 'the hand rule decides'}`,
    );
    for (const split of ['train', 'dev'] as const)
      console.log(`  ${split.padEnd(5)} hand ${describe(figures[split].hand)}   decided ${describe(figures[split].decided)}`);
    if (chosenOn !== 'dev')
      console.log(`  held out (train and dev) hand ${describe(figures.chosen.hand)}   decided ${describe(figures.chosen.decided)}`);
  }
  return writeOrCheckWeights(out, `${JSON.stringify(weights, null, 2)}\n`, check);
}
