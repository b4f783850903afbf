// Fitting the learned scenario verdict (src/core/learned/scenario-model.ts): a multinomial logistic
// regression in conditional-logit form, fitted on the train split by Newton's method (fixed
// iterations, no randomness), its L2 strengths chosen on dev by accuracy, then by dev log-loss. The
// test split is never read. Same corpus → the same bytes.
import fs from 'node:fs';
import { analyzeLocatedFacts } from '../../src/core/analyze';
import {
  learnedScenario,
  SCENARIO_FEATURE_NAMES,
  scenarioFeatures,
  type ScenarioCues,
  type ScenarioLexicon,
  type ScenarioModel,
} from '../../src/core/learned/scenario-model';
import { scenarioCues } from '../../src/core/verdicts/scenario';
import { SCENARIO_IDS, type ScenarioId } from '../../src/core/types';
import { corpusPaths, docTextPath, goldLabelOf, readJson, type ManifestEntry, type Split } from '../eval/labels';
import { encodeRow, fitConditionalLogit, logLoss, type EncodedRow, type Layout } from './conditional-logit';

export interface ScenarioRow {
  doc: string;
  repository: string;
  split: Split;
  cues: ScenarioCues;
  gold: ScenarioId;
}

/**
 * L2 strengths tried on dev for the weights every scenario shares. Below 0.1 the weights grow
 * without bound on train docs the features separate, and the model grows sure of itself on docs
 * it has not seen; dev cannot tell, having too few docs to be wrong on.
 */
const SHARED_L2_GRID = [0.1, 0.3, 1, 3, 10];
/** How much harder a scenario's own weights are pulled to 0 than the shared ones: they rest on one class's docs. */
const OWN_L2_FACTORS = [1, 3, 10, 30];
/** The biases are barely held: only enough to make the fit unique. */
const BIAS_L2 = 0.01;
const DECIMALS = 4;

const round = (value: number): number => Math.round(value * 10 ** DECIMALS) / 10 ** DECIMALS || 0;
const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** One row per labelled train and dev doc on this machine. */
export function loadScenarioRows(corpusRoot: string): ScenarioRow[] {
  const paths = corpusPaths(corpusRoot);
  const rows: ScenarioRow[] = [];
  for (const entry of readJson<ManifestEntry[]>(paths.manifest)) {
    if (entry.split === 'test') continue;
    const textPath = docTextPath(paths, entry);
    const gold = goldLabelOf(paths, entry.file);
    if (!textPath || !gold || !(SCENARIO_IDS as readonly string[]).includes(gold.scenario)) continue;
    const facts = analyzeLocatedFacts(stripBom(fs.readFileSync(textPath, 'utf8')), { path: entry.file });
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

/** A word must be in this many train docs' statements and headings (docs of one repository counting as one) to be in the lexicon. */
const LEXICON_MIN_DOCS = 3;
/** Words whose log-odds for every scenario are this small say nothing and are left out. */
const LEXICON_MIN_WEIGHT = 0.5;
/** Cross-fitting folds of the train docs (by repository) for the lexicon feature of train rows. */
const FOLDS = 5;

/**
 * Per word, the smoothed log-odds of a scenario's docs having it against the other docs having it.
 * Each doc weighs 1 / (docs of its repository), so one repository's template headings count once.
 */
export function buildScenarioLexicon(rows: readonly ScenarioRow[]): ScenarioLexicon {
  const perRepository = new Map<string, number>();
  for (const row of rows) perRepository.set(row.repository, (perRepository.get(row.repository) ?? 0) + 1);
  const classWeight = new Array<number>(SCENARIO_IDS.length).fill(0);
  const wordWeight = new Map<string, number[]>();
  for (const row of rows) {
    const weight = 1 / perRepository.get(row.repository)!;
    const c = SCENARIO_IDS.indexOf(row.gold);
    classWeight[c]! += weight;
    for (const word of row.cues.words) {
      let counts = wordWeight.get(word);
      if (!counts) wordWeight.set(word, (counts = new Array<number>(SCENARIO_IDS.length).fill(0)));
      counts[c]! += weight;
    }
  }
  const total = classWeight.reduce((a, b) => a + b, 0);
  const lexicon: Record<string, Record<string, number>> = {};
  for (const word of [...wordWeight.keys()].sort()) {
    const counts = wordWeight.get(word)!;
    const docs = counts.reduce((a, b) => a + b, 0);
    if (docs < LEXICON_MIN_DOCS) continue;
    const weights: Record<string, number> = {};
    SCENARIO_IDS.forEach((id, c) => {
      const inClass = (counts[c]! + 0.5) / (classWeight[c]! + 1);
      const elsewhere = (docs - counts[c]! + 0.5) / (total - classWeight[c]! + 1);
      const logOdds = round(Math.log(inClass / elsewhere));
      if (Math.abs(logOdds) >= LEXICON_MIN_WEIGHT) weights[id] = logOdds;
    });
    if (Object.keys(weights).length) lexicon[word] = weights;
  }
  return lexicon;
}

/** FNV-1a: a fixed fold per repository, whatever the order of the manifest. */
function foldOf(repository: string): number {
  let hash = 0x811c9dc5;
  for (const char of repository.toLowerCase()) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash % FOLDS;
}

/**
 * The lexicon each row is scored with: a train row's built without its fold, as an unseen doc's
 * would be (else the model learns to trust a lexicon that has seen the doc); a dev row's, the one
 * the core ships.
 */
function lexiconsOf(rows: readonly ScenarioRow[], full: ScenarioLexicon): ScenarioLexicon[] {
  const trainRows = rows.filter((row) => row.split === 'train');
  const byFold = Array.from({ length: FOLDS }, (_, fold) =>
    buildScenarioLexicon(trainRows.filter((row) => foldOf(row.repository) !== fold)),
  );
  return rows.map((row) => (row.split === 'train' ? byFold[foldOf(row.repository)]! : full));
}

const LAYOUT: Layout = { classes: SCENARIO_IDS, features: SCENARIO_FEATURE_NAMES };

function encode(row: ScenarioRow, lexicon: ScenarioLexicon): EncodedRow {
  return encodeRow(LAYOUT, (c) => scenarioFeatures(row.cues, SCENARIO_IDS[c]!, lexicon), SCENARIO_IDS.indexOf(row.gold));
}

export interface ScenarioFigures {
  docs: number;
  hand: number;
  learned: number;
}

/** Hand and learned accuracy; the learned verdict, as the core applies it, keeps a stated scenario. */
function figuresOf(rows: readonly ScenarioRow[], model: ScenarioModel): ScenarioFigures {
  const share = (part: number): number => (rows.length ? round(part / rows.length) : 0);
  const hand = rows.filter((row) => (row.cues.stated ?? row.cues.counted ?? 'generic') === row.gold).length;
  const learned = rows.filter((row) => (row.cues.stated ?? learnedScenario(model, row.cues)) === row.gold).length;
  return { docs: rows.length, hand: share(hand), learned: share(learned) };
}

export interface ScenarioWeightsFile extends ScenarioModel {
  about: string;
  l2: { shared: number; own: number };
  figures: Record<'train' | 'dev', ScenarioFigures>;
}

/** Fits on train for each pair of L2 strengths and keeps the one dev likes best. */
export function trainScenario(rows: readonly ScenarioRow[], log?: (line: string) => void): ScenarioWeightsFile {
  const trainRows = rows.filter((row) => row.split === 'train');
  const devRows = rows.filter((row) => row.split === 'dev');
  const fullLexicon = buildScenarioLexicon(trainRows);
  const crossFitted = lexiconsOf(rows, fullLexicon);
  let chosen: { l2: { shared: number; own: number }; model: ScenarioModel; accuracy: number; loss: number } | undefined;
  // Without the lexicon first: it is kept only when dev likes it better.
  for (const lexicon of [{}, fullLexicon]) {
    const data = rows.flatMap((row, index) =>
      row.split === 'train' ? [encode(row, lexicon === fullLexicon ? crossFitted[index]! : lexicon)] : [],
    );
    const devData = devRows.map((row) => encode(row, lexicon));
    for (const sharedL2 of SHARED_L2_GRID) {
      for (const factor of OWN_L2_FACTORS) {
        const model = { ...fitConditionalLogit(LAYOUT, data, { bias: BIAS_L2, shared: sharedL2, own: sharedL2 * factor }), lexicon };
        const accuracy = figuresOf(devRows, model).learned;
        const loss = logLoss(LAYOUT, model, devData);
        log?.(
          `  lexicon ${lexicon === fullLexicon ? 'yes' : 'no '} L2 ${sharedL2}/${round(sharedL2 * factor)}: dev ${accuracy} log-loss ${loss.toFixed(2)}`,
        );
        if (!chosen || accuracy > chosen.accuracy || (accuracy === chosen.accuracy && loss < chosen.loss))
          chosen = { l2: { shared: sharedL2, own: round(sharedL2 * factor) }, model, accuracy, loss };
      }
    }
  }
  const { l2, model } = chosen!;
  return {
    about:
      'The learned scenario verdict (src/core/learned/scenario-model.ts). Written by `npm run train`: fitted on the train split of test/corpus (the lexicon too), L2 chosen on dev. Do not edit by hand.',
    l2,
    figures: { train: figuresOf(trainRows, model), dev: figuresOf(devRows, model) },
    ...model,
  };
}

export const serializeScenarioWeights = (weights: ScenarioWeightsFile): string => `${JSON.stringify(weights, null, 2)}\n`;

const percent = (value: number): string => `${(100 * value).toFixed(1)}%`;

/** Fits the scenario verdict and writes (or, with `check`, compares) `out`; returns the exit code. */
export function scenarioMain(corpus: string, out: string, check: boolean, log: (line: string) => void): number {
  const weights = trainScenario(loadScenarioRows(corpus), process.env.MLSD_TRAIN_VERBOSE ? log : undefined);
  for (const split of ['train', 'dev'] as const) {
    const { docs, hand, learned } = weights.figures[split];
    log(`scenario ${split.padEnd(5)} ${String(docs).padStart(3)} docs  ${percent(hand)} → ${percent(learned)}`);
  }
  log(`scenario L2: shared ${weights.l2.shared}, each scenario's own ${weights.l2.own}`);
  const text = serializeScenarioWeights(weights);
  if (check) {
    const same = fs.existsSync(out) && fs.readFileSync(out, 'utf8') === text;
    log(
      same
        ? 'scenario-weights.json is what this corpus fits'
        : 'scenario-weights.json differs from what this corpus fits: run npm run train',
    );
    return same ? 0 : 1;
  }
  fs.writeFileSync(out, text);
  log(`wrote scenario weights (${text.length} bytes)`);
  return 0;
}
