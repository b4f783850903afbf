// Scoring mlsd against hand labels, and labellers against each other. Pure: no files, no analysis,
// so the arithmetic is unit-tested on in-memory labels.
import type { DesignDocModel } from '../../src/core';
import type { EvalLabel, Status } from './labels';

/** What mlsd says about a doc, in the labels' vocabulary. */
export interface Prediction {
  isDesignDoc: boolean;
  scenario: string;
  task: string;
  elements: Record<string, Status>;
  scenarioItems: Record<string, Status>;
  offlineMetric: string;
  pitfalls: Record<string, boolean>;
  templateResidue: boolean;
  hiddenContent: boolean;
}

export function predictionOf(model: DesignDocModel): Prediction {
  return {
    isDesignDoc: model.isDesignDoc,
    scenario: model.scenario.id,
    task: model.task,
    elements: Object.fromEntries(model.elements.map((element) => [element.id, element.status])),
    scenarioItems: Object.fromEntries(model.scenarioItems.map((item) => [item.id, item.status])),
    offlineMetric: model.offlineMetric,
    pitfalls: { ...model.pitfalls },
    templateResidue: model.templateResidue,
    hiddenContent: model.hiddenContent,
  };
}

interface Confusion {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

export interface Tally {
  docs: number;
  /** Docs whose label says whether they are a design doc, and how many of those mlsd agrees on. */
  designDocLabelled: number;
  isDesignDoc: number;
  cells: number;
  exact: number;
  presentVsNot: number;
  /** Cells the gold label says the doc addresses (present or partial)... */
  addressed: number;
  /** ...of which mlsd says missing. */
  falseMissing: number;
  items: number;
  itemsExact: number;
  scenario: number;
  task: number;
  offlineMetric: number;
  templateResidue: number;
  hiddenContent: number;
  /** Docs whose label calls residue and hidden content (a quick label does not). */
  residueLabelled: number;
  pitfalls: Record<string, Confusion>;
  /** "gold→mlsd" status pairs of the element cells that disagree. */
  confusion: Record<string, number>;
  /** "gold→mlsd" pairs of the docs whose scenario disagrees. */
  scenarioConfusion: Record<string, number>;
  /** "gold→mlsd" pairs of the docs whose offline-metric verdict disagrees. */
  offlineConfusion: Record<string, number>;
  /** Per element ID: cells and exact agreements. */
  byElement: Record<string, { cells: number; exact: number }>;
}

export function emptyTally(): Tally {
  return {
    docs: 0,
    designDocLabelled: 0,
    isDesignDoc: 0,
    cells: 0,
    exact: 0,
    presentVsNot: 0,
    addressed: 0,
    falseMissing: 0,
    items: 0,
    itemsExact: 0,
    scenario: 0,
    task: 0,
    offlineMetric: 0,
    templateResidue: 0,
    hiddenContent: 0,
    residueLabelled: 0,
    pitfalls: {},
    confusion: {},
    scenarioConfusion: {},
    offlineConfusion: {},
    byElement: {},
  };
}

const isPresent = (status: Status): boolean => status === 'present';
const bump = (record: Record<string, number>, key: string): void => {
  record[key] = (record[key] ?? 0) + 1;
};

export interface DocScore {
  tally: Tally;
  /** One line per disagreement, for `--cells`. */
  mismatches: string[];
}

export function scoreDoc(gold: EvalLabel, predicted: Prediction): DocScore {
  const tally = emptyTally();
  const mismatches: string[] = [];
  tally.docs = 1;
  for (const [id, cell] of Object.entries(gold.elements ?? {})) {
    const actual = predicted.elements[id] ?? 'missing';
    const perElement = (tally.byElement[id] ??= { cells: 0, exact: 0 });
    tally.cells++;
    perElement.cells++;
    if (actual === cell.status) {
      tally.exact++;
      perElement.exact++;
    } else {
      bump(tally.confusion, `${cell.status}→${actual}`);
      mismatches.push(`${id} ${cell.status}→${actual}${cell.doubtful ? ' (doubtful)' : ''}`);
    }
    if (isPresent(actual) === isPresent(cell.status)) tally.presentVsNot++;
    if (cell.status !== 'missing') {
      tally.addressed++;
      if (actual === 'missing') tally.falseMissing++;
    }
  }
  for (const [id, cell] of Object.entries(gold.scenarioItems ?? {})) {
    const actual = predicted.scenarioItems[id] ?? 'missing';
    tally.items++;
    if (actual === cell.status) tally.itemsExact++;
    else mismatches.push(`${id} ${cell.status}→${actual}`);
  }
  // A quick label has no residue or hidden-content call: those are not scored (nor counted) for it.
  const verdicts: [keyof Tally & string, string | boolean | undefined, string | boolean][] = [
    ['isDesignDoc', gold.isDesignDoc, predicted.isDesignDoc],
    ['scenario', gold.scenario, predicted.scenario],
    ['task', gold.task, predicted.task],
    ['offlineMetric', gold.offlineMetric.verdict, predicted.offlineMetric],
    ['templateResidue', gold.templateResidue?.value, predicted.templateResidue],
    ['hiddenContent', gold.hiddenContent?.value, predicted.hiddenContent],
  ];
  if (gold.scenario !== predicted.scenario) bump(tally.scenarioConfusion, `${gold.scenario}→${predicted.scenario}`);
  if (gold.offlineMetric.verdict !== predicted.offlineMetric)
    bump(tally.offlineConfusion, `${gold.offlineMetric.verdict}→${predicted.offlineMetric}`);
  if (gold.templateResidue) tally.residueLabelled++;
  if (gold.isDesignDoc !== undefined) tally.designDocLabelled++;
  for (const [name, expected, actual] of verdicts) {
    if (expected === undefined) continue;
    if (expected === actual) (tally[name] as number)++;
    else mismatches.push(`${name} ${String(expected)}→${String(actual)}`);
  }
  for (const [id, { value }] of Object.entries(gold.pitfalls ?? {})) {
    const actual = predicted.pitfalls[id] ?? false;
    const counts = (tally.pitfalls[id] ??= { truePositive: 0, falsePositive: 0, falseNegative: 0 });
    if (value && actual) counts.truePositive++;
    else if (!value && actual) counts.falsePositive++;
    else if (value && !actual) counts.falseNegative++;
    if (value !== actual) mismatches.push(`pitfall ${id} ${value}→${actual}`);
  }
  return { tally, mismatches };
}

/** Adds `part` into `total` (counts, confusion and per-element tables). */
export function addTally(total: Tally, part: Tally): Tally {
  for (const key of Object.keys(part) as (keyof Tally)[]) {
    const value = part[key];
    if (typeof value === 'number') (total[key] as number) += value;
  }
  for (const [key, count] of Object.entries(part.confusion)) total.confusion[key] = (total.confusion[key] ?? 0) + count;
  for (const [key, count] of Object.entries(part.scenarioConfusion))
    total.scenarioConfusion[key] = (total.scenarioConfusion[key] ?? 0) + count;
  for (const [key, count] of Object.entries(part.offlineConfusion))
    total.offlineConfusion[key] = (total.offlineConfusion[key] ?? 0) + count;
  for (const [id, counts] of Object.entries(part.byElement)) {
    const into = (total.byElement[id] ??= { cells: 0, exact: 0 });
    into.cells += counts.cells;
    into.exact += counts.exact;
  }
  for (const [id, counts] of Object.entries(part.pitfalls)) {
    const into = (total.pitfalls[id] ??= { truePositive: 0, falsePositive: 0, falseNegative: 0 });
    into.truePositive += counts.truePositive;
    into.falsePositive += counts.falsePositive;
    into.falseNegative += counts.falseNegative;
  }
  return total;
}

/** A fraction rounded to 3 decimals; null when there is nothing to divide. */
export const fraction = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((1000 * part) / whole) / 1000);

export interface PitfallFigures {
  precision: number | null;
  recall: number | null;
  f1: number | null;
  support: number;
}

function pitfallFigures({ truePositive, falsePositive, falseNegative }: Confusion): PitfallFigures {
  const precision = fraction(truePositive, truePositive + falsePositive);
  const recall = fraction(truePositive, truePositive + falseNegative);
  const f1 = fraction(2 * truePositive, 2 * truePositive + falsePositive + falseNegative);
  return { precision, recall, f1, support: truePositive + falseNegative };
}

/** The figures `npm run eval` reports for a set of docs (fractions 0..1). */
export function figuresOf(tally: Tally) {
  const all: Confusion = { truePositive: 0, falsePositive: 0, falseNegative: 0 };
  const pitfallF1: Record<string, PitfallFigures> = {};
  for (const [id, counts] of Object.entries(tally.pitfalls).sort(([a], [b]) => a.localeCompare(b))) {
    pitfallF1[id] = pitfallFigures(counts);
    all.truePositive += counts.truePositive;
    all.falsePositive += counts.falsePositive;
    all.falseNegative += counts.falseNegative;
  }
  pitfallF1.all = pitfallFigures(all);
  return {
    docs: tally.docs,
    isDesignDoc: fraction(tally.isDesignDoc, tally.designDocLabelled),
    elements: fraction(tally.exact, tally.cells),
    presentVsNot: fraction(tally.presentVsNot, tally.cells),
    falseMissing: fraction(tally.falseMissing, tally.addressed),
    scenarioItems: fraction(tally.itemsExact, tally.items),
    scenario: fraction(tally.scenario, tally.docs),
    task: fraction(tally.task, tally.docs),
    offlineMetric: fraction(tally.offlineMetric, tally.docs),
    templateResidue: fraction(tally.templateResidue, tally.residueLabelled),
    hiddenContent: fraction(tally.hiddenContent, tally.residueLabelled),
    pitfallF1,
  };
}

export type Figures = ReturnType<typeof figuresOf>;

/** How two independent labellings of one doc agree on its element cells. */
export interface Agreement {
  cells: number;
  exact: number;
  presentVsNot: number;
  missingVsNot: number;
  scenario: number;
  task: number;
  offlineMetric: number;
  docs: number;
}

export function agreementOf(first: EvalLabel, second: EvalLabel): Agreement {
  const agreement: Agreement = {
    cells: 0,
    exact: 0,
    presentVsNot: 0,
    missingVsNot: 0,
    scenario: first.scenario === second.scenario ? 1 : 0,
    task: first.task === second.task ? 1 : 0,
    offlineMetric: first.offlineMetric.verdict === second.offlineMetric.verdict ? 1 : 0,
    docs: 1,
  };
  for (const [id, cell] of Object.entries(first.elements ?? {})) {
    const other = second.elements?.[id];
    if (!other) continue;
    agreement.cells++;
    if (cell.status === other.status) agreement.exact++;
    if (isPresent(cell.status) === isPresent(other.status)) agreement.presentVsNot++;
    if ((cell.status === 'missing') === (other.status === 'missing')) agreement.missingVsNot++;
  }
  return agreement;
}

export function addAgreement(total: Agreement, part: Agreement): Agreement {
  for (const key of Object.keys(total) as (keyof Agreement)[]) total[key] += part[key];
  return total;
}

export const emptyAgreement = (): Agreement => ({
  cells: 0,
  exact: 0,
  presentVsNot: 0,
  missingVsNot: 0,
  scenario: 0,
  task: 0,
  offlineMetric: 0,
  docs: 0,
});
