// `npm run train`: fits the learned element verdict on the labelled corpus and writes
// src/core/learned/weights.json.
//   npm run train                    fit on train, choose L2 and thresholds on dev, write the weights
//   npm run train -- --check         fit and compare with the committed weights; exit 1 if they differ
//   npm run train -- --corpus DIR    another corpus folder with the same layout
// The test split is never read here: it is for `npm run eval` to report. Same corpus → the same
// bytes: the fit is deterministic (Newton's method, fixed iterations, fixed grids, rounded weights).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeFacts } from '../../src/core/analyze';
import { FEATURE_NAMES, type FeatureVector } from '../../src/core/learned/features';
import { probability, statusAt, type ElementVerdictModel, type LogisticModel, type StatusBounds } from '../../src/core/learned/model';
import { ELEMENT_IDS, type CoverageStatus } from '../../src/core/types';
import { corpusPaths, docTextPath, goldLabelOf, readJson, type ManifestEntry, type Split, type Status } from '../eval/labels';
import { fitLogistic, type Design } from './fit';

export interface TrainingRow {
  doc: string;
  split: Split;
  element: string;
  values: FeatureVector;
  bounds: StatusBounds;
  gold: Status;
}

/** L2 strengths tried on dev (on standardised features). */
const L2_GRID = [0.3, 1, 3, 10, 30, 100];
/** The L2 strength used when the corpus has no dev docs. */
const DEFAULT_L2 = 3;
/** Thresholds tried on dev: 0.05, 0.075, … 0.95. */
const THRESHOLD_GRID = Array.from({ length: 37 }, (_, index) => Math.round((0.05 + index * 0.025) * 1000) / 1000);

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** One row per element of every labelled train and dev doc on this machine (test is left alone). */
export function loadRows(corpusRoot: string): { rows: TrainingRow[]; notOnMachine: number } {
  const paths = corpusPaths(corpusRoot);
  const manifest = readJson<ManifestEntry[]>(paths.manifest);
  const rows: TrainingRow[] = [];
  let notOnMachine = 0;
  for (const entry of manifest) {
    if (entry.split === 'test') continue;
    const textPath = docTextPath(paths, entry);
    const gold = goldLabelOf(paths, entry.file);
    if (!textPath) notOnMachine++;
    if (!textPath || !gold) continue;
    const facts = analyzeFacts(stripBom(fs.readFileSync(textPath, 'utf8')), { path: entry.file });
    for (const id of ELEMENT_IDS) {
      const cell = gold.elements[id];
      const reading = facts.elements[id].learned;
      if (!cell || !reading) continue;
      rows.push({ doc: entry.file, split: entry.split, element: id, values: reading.features, bounds: reading.bounds, gold: cell.status });
    }
  }
  return { rows, notOnMachine };
}

export interface Figures {
  cells: number;
  exact: number;
  presentVsNot: number;
  /** Share of the cells gold calls present or partial that are called missing. */
  falseMissing: number;
}

function figuresOf(rows: readonly TrainingRow[], statusOf: (row: TrainingRow) => CoverageStatus): Figures {
  let exact = 0;
  let presentVsNot = 0;
  let addressed = 0;
  let falseMissing = 0;
  for (const row of rows) {
    const status = statusOf(row);
    if (status === row.gold) exact++;
    if ((status === 'present') === (row.gold === 'present')) presentVsNot++;
    if (row.gold !== 'missing') {
      addressed++;
      if (status === 'missing') falseMissing++;
    }
  }
  const share = (part: number, whole: number): number => (whole ? Math.round((part / whole) * 10000) / 10000 : 0);
  return { cells: rows.length, exact: share(exact, rows.length), presentVsNot: share(presentVsNot, rows.length), falseMissing: share(falseMissing, addressed) };
}

const handStatus = (row: TrainingRow): CoverageStatus => (row.values['hand.present'] ? 'present' : row.values['hand.partial'] ? 'partial' : 'missing');

function designOf(rows: readonly TrainingRow[], target: (row: TrainingRow) => number): Design {
  return { names: FEATURE_NAMES, rows: rows.map((row) => FEATURE_NAMES.map((name) => row.values[name] ?? 0)), targets: rows.map(target) };
}

export interface WeightsFile {
  about: string;
  l2: number;
  thresholds: ElementVerdictModel['thresholds'];
  notMissing: LogisticModel;
  present: LogisticModel;
  figures: Record<'train' | 'dev', { docs: number; hand: Figures; learned: Figures }>;
}

/** Better: more exact cells, then fewer false "missing". */
const better = (a: Figures, b: Figures): boolean => a.exact > b.exact || (a.exact === b.exact && a.falseMissing < b.falseMissing);

/** Fits both models on train for each L2, picks L2 and thresholds on dev, and reports train and dev. */
export function train(rows: readonly TrainingRow[]): WeightsFile {
  const trainRows = rows.filter((row) => row.split === 'train');
  const devRows = rows.filter((row) => row.split === 'dev');
  const fitAt = (l2: number) => ({
    notMissing: fitLogistic(designOf(trainRows, (row) => (row.gold === 'missing' ? 0 : 1)), l2),
    present: fitLogistic(designOf(trainRows.filter((row) => row.gold !== 'missing'), (row) => (row.gold === 'present' ? 1 : 0)), l2),
  });
  let chosen: { l2: number; models: ReturnType<typeof fitAt>; thresholds: ElementVerdictModel['thresholds']; dev?: Figures } | undefined;
  for (const l2 of devRows.length ? L2_GRID : [DEFAULT_L2]) {
    const models = fitAt(l2);
    const probabilities = devRows.map((row) => [probability(models.notMissing, row.values), probability(models.present, row.values)] as const);
    const statusAtIndex = new Map(devRows.map((row, index) => [row, index]));
    let bestHere: { thresholds: ElementVerdictModel['thresholds']; dev: Figures } | undefined;
    for (const notMissing of devRows.length ? THRESHOLD_GRID : [0.5]) {
      for (const present of devRows.length ? THRESHOLD_GRID : [0.5]) {
        const thresholds = { notMissing, present };
        const dev = figuresOf(devRows, (row) => {
          const [pNotMissing, pPresent] = probabilities[statusAtIndex.get(row)!]!;
          return statusAt(thresholds, pNotMissing, pPresent, row.bounds);
        });
        if (!bestHere || better(dev, bestHere.dev)) bestHere = { thresholds, dev };
      }
    }
    if (!chosen || !chosen.dev || better(bestHere!.dev, chosen.dev)) chosen = { l2, models, thresholds: bestHere!.thresholds, dev: bestHere!.dev };
  }
  const { l2, models, thresholds } = chosen!;
  const learned = (row: TrainingRow): CoverageStatus => statusAt(thresholds, probability(models.notMissing, row.values), probability(models.present, row.values), row.bounds);
  const docs = (part: readonly TrainingRow[]): number => new Set(part.map((row) => row.doc)).size;
  return {
    about: 'The learned element verdict (src/core/learned). Written by `npm run train`: fitted on the train split of test/corpus, L2 and thresholds chosen on dev. Do not edit by hand.',
    l2,
    thresholds,
    notMissing: models.notMissing,
    present: models.present,
    figures: {
      train: { docs: docs(trainRows), hand: figuresOf(trainRows, handStatus), learned: figuresOf(trainRows, learned) },
      dev: { docs: docs(devRows), hand: figuresOf(devRows, handStatus), learned: figuresOf(devRows, learned) },
    },
  };
}

export const serializeWeights = (weights: WeightsFile): string => `${JSON.stringify(weights, null, 2)}\n`;

const percent = (value: number): string => `${(100 * value).toFixed(1)}%`;

export function main(argv: string[]): number {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const corpusIndex = argv.indexOf('--corpus');
  const corpus = path.resolve(corpusIndex >= 0 && argv[corpusIndex + 1] ? argv[corpusIndex + 1]! : path.join(root, 'test/corpus'));
  const out = path.join(root, 'src/core/learned/weights.json');
  const { rows, notOnMachine } = loadRows(corpus);
  const weights = train(rows);
  for (const split of ['train', 'dev'] as const) {
    const { docs, hand, learned } = weights.figures[split];
    console.log(
      `${split.padEnd(5)} ${String(docs).padStart(3)} docs  exact ${percent(hand.exact)} → ${percent(learned.exact)}   present vs not ${percent(hand.presentVsNot)} → ${percent(learned.presentVsNot)}   false missing ${percent(hand.falseMissing)} → ${percent(learned.falseMissing)}`,
    );
  }
  console.log(`L2 ${weights.l2}, thresholds: not missing at P ≥ ${weights.thresholds.notMissing}, present at P ≥ ${weights.thresholds.present}`);
  if (notOnMachine) console.log(`not on this machine: ${notOnMachine} train/dev docs (npm run corpus:fetch); the fit would differ without them`);
  const text = serializeWeights(weights);
  if (argv.includes('--check')) {
    const same = fs.existsSync(out) && fs.readFileSync(out, 'utf8') === text;
    console.log(same ? 'weights.json is what this corpus fits' : 'weights.json differs from what this corpus fits: run npm run train');
    return same ? 0 : 1;
  }
  fs.writeFileSync(out, text);
  console.log(`wrote ${path.relative(root, out)} (${text.length} bytes)`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) process.exitCode = main(process.argv.slice(2));
