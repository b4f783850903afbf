// Fitting the learned scenario verdict (src/core/learned/scenario-model.ts): a multinomial logistic
// regression in conditional-logit form, fitted on the train split by Newton's method (no
// randomness). Its L2 strengths are chosen by leave-one-repository-out accuracy over train and dev,
// then by its log-loss: dev alone has too few docs to be wrong on (every setting scored 95-100%
// there while held-out repositories told them apart). The test split is never read. Same corpus →
// the same bytes.
import { analyzeLocatedFacts } from '../../src/core/analyze';
import {
  SCENARIO_FEATURE_NAMES,
  scenarioFeatures,
  scenarioVerdict,
  type ScenarioCues,
  type ScenarioModel,
} from '../../src/core/learned/scenario-model';
import { scenarioCues } from '../../src/core/verdicts/scenario';
import { SCENARIO_IDS, type ScenarioId } from '../../src/core/types';
import type { Split } from '../eval/labels';
import { percent, readTrainingSources, writeOrCheckWeights } from './corpus';
import { roundForFile } from './fit';
import { leaveOneRepositoryOut, type CrossValidated } from './cross-validate';
import { encodeRow, fitConditionalLogit, logLoss, type EncodedRow, type Layout } from './conditional-logit';

export interface ScenarioRow {
  doc: string;
  repository: string;
  split: Split;
  cues: ScenarioCues;
  gold: ScenarioId;
}

/**
 * L2 strengths tried for the weights every scenario shares. Below 0.1 the weights grow without
 * bound on train docs the features separate, and the model grows sure of itself on docs it has not
 * seen; past 3 held-out repositories were only judged worse.
 */
const SHARED_L2_GRID = [0.1, 0.3, 1, 3];
/** How much harder a scenario's own weights are pulled to 0 than the shared ones: they rest on one class's docs. */
const OWN_L2_FACTORS = [1, 3, 10];
/** The biases are barely held: only enough to make the fit unique. */
const BIAS_L2 = 0.01;

/** One row per labelled train and dev doc on this machine. */
export function loadScenarioRows(corpusRoot: string): ScenarioRow[] {
  const rows: ScenarioRow[] = [];
  for (const { entry, text, gold } of readTrainingSources(corpusRoot).sources) {
    if (!(SCENARIO_IDS as readonly string[]).includes(gold.scenario)) continue;
    const facts = analyzeLocatedFacts(text, { path: entry.file });
    rows.push({
      doc: entry.file,
      repository: entry.repository,
      split: entry.split,
      cues: scenarioCues(facts, facts.sections),
      gold: gold.scenario as ScenarioId,
    });
  }
  return rows;
}

const LAYOUT: Layout = { classes: SCENARIO_IDS, features: SCENARIO_FEATURE_NAMES };

function encode(row: ScenarioRow): EncodedRow {
  return encodeRow(LAYOUT, (c) => scenarioFeatures(row.cues, SCENARIO_IDS[c]!), SCENARIO_IDS.indexOf(row.gold));
}

export interface ScenarioFigures {
  docs: number;
  hand: number;
  learned: number;
}

/** The hand reading: the stated scenario (opening, then goal sections), else the word counts', else generic. */
const handScenario = (cues: ScenarioCues): ScenarioId => cues.stated ?? cues.goalStated ?? cues.counted ?? 'generic';

/** Hand and learned accuracy; the learned verdict, as the core applies it, keeps a stated scenario. */
function figuresOf(rows: readonly ScenarioRow[], model: ScenarioModel): ScenarioFigures {
  const share = (part: number): number => (rows.length ? roundForFile(part / rows.length) : 0);
  const hand = rows.filter((row) => handScenario(row.cues) === row.gold).length;
  const learned = rows.filter((row) => scenarioVerdict(model, row.cues) === row.gold).length;
  return { docs: rows.length, hand: share(hand), learned: share(learned) };
}

const handShare = (rows: readonly ScenarioRow[]): number =>
  rows.length ? roundForFile(rows.filter((row) => handScenario(row.cues) === row.gold).length / rows.length) : 0;

interface L2 {
  shared: number;
  own: number;
}

const fit = (rows: readonly ScenarioRow[], l2: L2): ScenarioModel =>
  fitConditionalLogit(LAYOUT, rows.map(encode), { bias: BIAS_L2, shared: l2.shared, own: l2.own });

/**
 * Leave-one-repository-out accuracy over train and dev of the verdict as the core applies it (a
 * stated scenario, else the model), the model fitted without the held-out repository.
 */
function crossValidate(rows: readonly ScenarioRow[], l2: L2): CrossValidated {
  return leaveOneRepositoryOut(rows, (training, heldOut) => {
    const model = fit(training, l2);
    return heldOut.map((row) => ({
      correct: scenarioVerdict(model, row.cues) === row.gold,
      loss: logLoss(LAYOUT, model, [encode(row)]),
    }));
  });
}

export interface ScenarioWeightsFile extends ScenarioModel {
  about: string;
  l2: L2;
  /** Train, dev, and held out: each repository's train and dev docs judged by a model fitted without it. */
  figures: Record<'train' | 'dev' | 'heldOut', ScenarioFigures>;
}

/** Keeps the pair of L2 strengths held-out repositories are judged best with, and fits it on train. */
export function trainScenario(rows: readonly ScenarioRow[], log?: (line: string) => void): ScenarioWeightsFile {
  const trainRows = rows.filter((row) => row.split === 'train');
  const devRows = rows.filter((row) => row.split === 'dev');
  let chosen: { l2: L2; heldOut: CrossValidated } | undefined;
  for (const sharedL2 of SHARED_L2_GRID) {
    for (const factor of OWN_L2_FACTORS) {
      const l2 = { shared: sharedL2, own: roundForFile(sharedL2 * factor) };
      const heldOut = crossValidate(rows, l2);
      log?.(
        `  L2 ${l2.shared}/${l2.own}: held out ${heldOut.accuracy.toFixed(3)} log-loss ${heldOut.loss.toFixed(3)}, dev ${figuresOf(devRows, fit(trainRows, l2)).learned}`,
      );
      const better =
        !chosen ||
        heldOut.accuracy > chosen.heldOut.accuracy ||
        (heldOut.accuracy === chosen.heldOut.accuracy && heldOut.loss < chosen.heldOut.loss);
      if (better) chosen = { l2, heldOut };
    }
  }
  const { l2, heldOut } = chosen!;
  const model = fit(trainRows, l2);
  return {
    about:
      'The learned scenario verdict (src/core/learned/scenario-model.ts). Written by `npm run train`: fitted on the train split of test/corpus, L2 chosen by leave-one-repository-out accuracy over train and dev. Do not edit by hand.',
    l2,
    figures: {
      train: figuresOf(trainRows, model),
      dev: figuresOf(devRows, model),
      heldOut: { docs: heldOut.docs, hand: handShare(rows), learned: roundForFile(heldOut.accuracy) },
    },
    ...model,
  };
}

export const serializeScenarioWeights = (weights: ScenarioWeightsFile): string => `${JSON.stringify(weights, null, 2)}\n`;

/**
 * Fits the scenario verdict on `corpus` and writes `out`, or with `check` only says whether `out`
 * holds what the corpus fits. Returns whether it does (always true when writing).
 */
export function writeScenarioWeights(corpus: string, out: string, check: boolean, log: (line: string) => void = console.log): boolean {
  const weights = trainScenario(loadScenarioRows(corpus), process.env.MLSD_TRAIN_VERBOSE ? log : undefined);
  for (const split of ['train', 'dev', 'heldOut'] as const) {
    const { docs, hand, learned } = weights.figures[split];
    log(`scenario ${split.padEnd(7)} ${String(docs).padStart(3)} docs  ${percent(hand)} → ${percent(learned)}`);
  }
  log(`scenario L2: shared ${weights.l2.shared}, each scenario's own ${weights.l2.own}`);
  return writeOrCheckWeights(out, serializeScenarioWeights(weights), check, log);
}
