// The learned scenario verdict: a multinomial logistic regression (a conditional logit) over where
// each scenario's words are found — the title, the opening statement, the headings, the body — and
// what the hand reading (statement, then word counts) says. Each class's score adds the same kind
// of evidence with a shared weight (a title word counts the same for every scenario) plus a weight
// of the class's own (generic's words, ads or forecasts, say less than fraud's), so the model needs
// few numbers and says which evidence weighs most. The weights are data (`scenario-weights.json`,
// written by `npm run train` on the corpus's train split); this file only reads them.
import { SCENARIO_IDS, type ScenarioId } from '../types';
import { bestIndex, classScore, type ClassWeights } from './class-scores';
import WEIGHTS from './scenario-weights.json';

/** Scenario word counts (scenario ID or "generic" → count) in each place a document states its scenario. */
export interface ScenarioCues {
  title: Readonly<Record<string, number>>;
  /** The opening's sentences that say what is designed or what the goal is. */
  stating: Readonly<Record<string, number>>;
  opening: Readonly<Record<string, number>>;
  headings: Readonly<Record<string, number>>;
  body: Readonly<Record<string, number>>;
  /** How many words the document has, for the body's density. */
  wordCount: number;
  /** The hand reading: the scenario the title or opening states, and the one the word counts name. */
  stated: ScenarioId | undefined;
  counted: ScenarioId | undefined;
  /**
   * The scenario a goal, problem or overview section states the document builds. It decides where
   * the opening states none, before the model, and is no feature of the model: the model is fitted
   * on what the opening says, as it was.
   */
  goalStated: ScenarioId | undefined;
}

export const SCENARIO_FEATURE_NAMES = ['title', 'stating', 'opening', 'headings', 'bodyShare', 'bodyDensity', 'stated', 'counted'] as const;
export type ScenarioFeatureName = (typeof SCENARIO_FEATURE_NAMES)[number];
export type ScenarioFeatures = Record<ScenarioFeatureName, number>;

/** Counts past this say no more: a title naming "fraud" four times is not four times as much about fraud. */
const COUNT_CAP = 3;
/** Documents shorter than this are read as this long for the density (a 40-word doc's one word is not a topic). */
const MIN_WORDS = 300;

const capped = (count: number | undefined): number => Math.min(count ?? 0, COUNT_CAP);

/** The evidence for one scenario, in the units the weights were fitted in. */
export function scenarioFeatures(cues: ScenarioCues, id: ScenarioId): ScenarioFeatures {
  let bodyTotal = 0;
  for (const count of Object.values(cues.body)) bodyTotal += count;
  const body = cues.body[id] ?? 0;
  return {
    title: capped(cues.title[id]),
    stating: capped(cues.stating[id]),
    opening: capped(cues.opening[id]),
    headings: Math.log1p(cues.headings[id] ?? 0),
    bodyShare: bodyTotal ? body / bodyTotal : 0,
    bodyDensity: Math.log1p((1000 * body) / Math.max(cues.wordCount, MIN_WORDS)),
    stated: cues.stated === id ? 1 : 0,
    counted: cues.counted === id ? 1 : 0,
  };
}

export type ScenarioModel = ClassWeights;

export const SCENARIO_MODEL: ScenarioModel = WEIGHTS;

/** Each scenario's score (log-odds up to a constant), in SCENARIO_IDS order. */
export function scenarioScores(model: ScenarioModel, cues: ScenarioCues): number[] {
  return SCENARIO_IDS.map((id) => classScore(model, id, scenarioFeatures(cues, id), SCENARIO_FEATURE_NAMES));
}

/** The verdict: what the opening states, else what a goal section states, else the model. */
export function scenarioVerdict(model: ScenarioModel, cues: ScenarioCues): ScenarioId {
  return cues.stated ?? cues.goalStated ?? learnedScenario(model, cues);
}

/** The scenario with the highest score; on a tie, the first in SCENARIO_IDS order. */
export function learnedScenario(model: ScenarioModel, cues: ScenarioCues): ScenarioId {
  return SCENARIO_IDS[bestIndex(scenarioScores(model, cues))]!;
}
