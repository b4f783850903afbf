// Fitting the learned checklist-item verdict (src/core/learned/item-model.ts) on the labelled
// corpus: one row per checklist item of the doc's gold scenario in every train and dev doc (the
// items are read whatever scenario mlsd detects, so the item model is judged on its own), two
// logistic regressions fitted on train (`fit.ts`: Newton's method, fixed iterations, no
// randomness), L2 and thresholds chosen on dev, written rounded to src/core/learned/item-weights.json.
// The test split is never read. Same corpus → the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { analyzeFacts } from '../../src/core/analyze';
import { ITEM_FEATURE_NAMES } from '../../src/core/learned/item-features';
import { itemStatusAt, type ItemThresholds } from '../../src/core/learned/item-model';
import { probability, type LogisticModel, type StatusBounds } from '../../src/core/learned/model';
import type { FeatureVector } from '../../src/core/learned/features';
import type { CoverageStatus } from '../../src/core/types';
import { corpusPaths, docTextPath, goldLabelOf, readJson, type ManifestEntry, type Split, type Status } from '../eval/labels';
import { fitLogistic, type Design } from './fit';

export interface ItemRow {
  doc: string;
  split: Split;
  item: string;
  values: FeatureVector;
  bounds: StatusBounds;
  gold: Status;
}

/** L2 strengths tried on dev (on standardised features): the rows are few, so the grid leans strong. */
const L2_GRID = [3, 10, 30, 100, 300];
const DEFAULT_L2 = 30;
/** Thresholds tried on dev: 0.2, 0.25, … 0.8 (coarse: dev has about 80 cells). */
const THRESHOLD_GRID = Array.from({ length: 13 }, (_, index) => Math.round((0.2 + index * 0.05) * 100) / 100);

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

export function loadItemRows(corpusRoot: string): { rows: ItemRow[]; notOnMachine: number } {
  const paths = corpusPaths(corpusRoot);
  const rows: ItemRow[] = [];
  let notOnMachine = 0;
  for (const entry of readJson<ManifestEntry[]>(paths.manifest)) {
    if (entry.split === 'test') continue;
    const textPath = docTextPath(paths, entry);
    const gold = goldLabelOf(paths, entry.file);
    if (!textPath) notOnMachine++;
    if (!textPath || !gold) continue;
    const ids = Object.keys(gold.scenarioItems).sort();
    if (ids.length === 0) continue;
    const facts = analyzeFacts(stripBom(fs.readFileSync(textPath, 'utf8')), { path: entry.file, config: { requiredItems: ids } });
    for (const id of ids) {
      const reading = facts.items.get(id)?.learned;
      if (!reading) continue;
      rows.push({
        doc: entry.file,
        split: entry.split,
        item: id,
        values: reading.features,
        bounds: reading.bounds,
        gold: gold.scenarioItems[id]!.status,
      });
    }
  }
  return { rows, notOnMachine };
}

export interface ItemFigures {
  cells: number;
  exact: number;
}

function figuresOf(rows: readonly ItemRow[], statusOf: (row: ItemRow) => CoverageStatus): ItemFigures {
  const exact = rows.filter((row) => statusOf(row) === row.gold).length;
  return { cells: rows.length, exact: rows.length ? Math.round((exact / rows.length) * 10000) / 10000 : 0 };
}

const designOf = (rows: readonly ItemRow[], target: (row: ItemRow) => number): Design => ({
  names: ITEM_FEATURE_NAMES,
  rows: rows.map((row) => ITEM_FEATURE_NAMES.map((name) => row.values[name] ?? 0)),
  targets: rows.map(target),
});

export interface ItemWeightsFile {
  about: string;
  l2: number;
  thresholds: ItemThresholds;
  figures: Record<'train' | 'dev', { hand: ItemFigures; learned: ItemFigures }>;
  notMissing: LogisticModel;
  present: LogisticModel;
}

interface Models {
  notMissing: LogisticModel;
  present: LogisticModel;
}

function statusOf(models: Models, thresholds: ItemThresholds, row: ItemRow): CoverageStatus {
  return itemStatusAt(thresholds, probability(models.notMissing, row.values), probability(models.present, row.values), row.bounds);
}

/** The thresholds dev agrees with most; on a tie, the one nearest the middle (0.5, 0.5). */
function bestThresholds(devRows: readonly ItemRow[], models: Models): { thresholds: ItemThresholds; dev: ItemFigures } {
  let best: { thresholds: ItemThresholds; dev: ItemFigures; distance: number } | undefined;
  for (const notMissing of THRESHOLD_GRID) {
    for (const present of THRESHOLD_GRID) {
      const thresholds = { notMissing, present };
      const dev = figuresOf(devRows, (row) => statusOf(models, thresholds, row));
      const distance = Math.abs(notMissing - 0.5) + Math.abs(present - 0.5);
      if (!best || dev.exact > best.dev.exact || (dev.exact === best.dev.exact && distance < best.distance - 1e-9))
        best = { thresholds, dev, distance };
    }
  }
  return best!;
}

export function trainItems(rows: readonly ItemRow[]): ItemWeightsFile {
  const trainRows = rows.filter((row) => row.split === 'train');
  const devRows = rows.filter((row) => row.split === 'dev');
  const fitAt = (l2: number): Models => ({
    notMissing: fitLogistic(
      designOf(trainRows, (row) => (row.gold === 'missing' ? 0 : 1)),
      l2,
    ),
    present: fitLogistic(
      designOf(
        trainRows.filter((row) => row.gold !== 'missing'),
        (row) => (row.gold === 'present' ? 1 : 0),
      ),
      l2,
    ),
  });
  let chosen: { l2: number; models: Models; thresholds: ItemThresholds; dev: ItemFigures } | undefined;
  for (const l2 of devRows.length ? L2_GRID : [DEFAULT_L2]) {
    const models = fitAt(l2);
    const { thresholds, dev } = devRows.length
      ? bestThresholds(devRows, models)
      : { thresholds: { notMissing: 0.5, present: 0.5 }, dev: figuresOf([], () => 'missing') };
    if (!chosen || dev.exact > chosen.dev.exact) chosen = { l2, models, thresholds, dev };
  }
  const { l2, models, thresholds } = chosen!;
  const hand = (row: ItemRow): CoverageStatus => row.bounds.hand;
  const learned = (row: ItemRow): CoverageStatus => statusOf(models, thresholds, row);
  return {
    about:
      'The learned checklist-item verdict (src/core/learned/item-model.ts). Written by `npm run train`: fitted on the train split of test/corpus, L2 and thresholds chosen on dev. Do not edit by hand.',
    l2,
    thresholds,
    figures: {
      train: { hand: figuresOf(trainRows, hand), learned: figuresOf(trainRows, learned) },
      dev: { hand: figuresOf(devRows, hand), learned: figuresOf(devRows, learned) },
    },
    notMissing: models.notMissing,
    present: models.present,
  };
}

const percent = (value: number): string => `${(100 * value).toFixed(1)}%`;

/** Fits the item model and writes (or, with `check`, compares) its weights file; returns the exit code. */
export function trainItemModel(root: string, corpus: string, check: boolean): number {
  const out = path.join(root, 'src/core/learned/item-weights.json');
  const { rows } = loadItemRows(corpus);
  const weights = trainItems(rows);
  for (const split of ['train', 'dev'] as const) {
    const { hand, learned } = weights.figures[split];
    console.log(
      `items ${split.padEnd(5)} ${String(hand.cells).padStart(3)} cells  exact ${percent(hand.exact)} → ${percent(learned.exact)}`,
    );
  }
  console.log(`items: L2 ${weights.l2}, not missing at P ≥ ${weights.thresholds.notMissing}, present at P ≥ ${weights.thresholds.present}`);
  const text = `${JSON.stringify(weights, null, 2)}\n`;
  if (check) {
    const same = fs.existsSync(out) && fs.readFileSync(out, 'utf8') === text;
    console.log(
      same ? 'item-weights.json is what this corpus fits' : 'item-weights.json differs from what this corpus fits: run npm run train',
    );
    return same ? 0 : 1;
  }
  fs.writeFileSync(out, text);
  console.log(`wrote ${path.relative(root, out)} (${text.length} bytes)`);
  return 0;
}
