// Fitting the learned task verdict (src/core/learned/task-model.ts) on the generic docs of the
// train split: a conditional logit fitted by Newton's method, with or without a lexicon of title,
// opening and heading words. Its settings (lexicon or not, L2 strengths) are chosen by
// leave-one-repository-out accuracy over the train and dev generic docs, then by that held-out
// log-loss: dev alone has a dozen generic docs. The test split is never read. Same corpus → the
// same bytes.
import { analyzeLocatedFacts } from '../../src/core/analyze';
import type { ClassLexicon } from '../../src/core/learned/class-scores';
import { handTask, learnedTask, TASK_FEATURE_NAMES, taskFeatures, type TaskCues, type TaskModel } from '../../src/core/learned/task-model';
import { TASK_TYPES, type TaskType } from '../../src/core/types';
import { taskCues } from '../../src/core/verdicts/task';
import type { Split } from '../eval/labels';
import { buildClassLexicon, crossFittedLexicons } from './class-lexicon';
import { encodeRow, fitConditionalLogit, logLoss, type EncodedRow, type Layout } from './conditional-logit';
import { percent, readTrainingSources, writeOrCheckWeights } from './corpus';
import { leaveOneRepositoryOut, type CrossValidated } from './cross-validate';
import { roundForFile } from './fit';

export interface TaskRow {
  doc: string;
  repository: string;
  split: Split;
  cues: TaskCues;
  gold: TaskType;
}

/** L2 strengths tried; each task's own weights rest on a few docs and are held harder. */
const SHARED_L2_GRID = [0.3, 1, 3];
const OWN_L2_FACTORS = [1, 3, 10];
const BIAS_L2 = 0.01;

const LAYOUT: Layout = { classes: TASK_TYPES, features: TASK_FEATURE_NAMES };

/** One row per labelled train and dev doc whose scenario is generic (the others' task is their scenario's). */
export function loadTaskRows(corpusRoot: string): TaskRow[] {
  const rows: TaskRow[] = [];
  for (const { entry, text, gold } of readTrainingSources(corpusRoot).sources) {
    if (gold.scenario !== 'generic' || !(TASK_TYPES as readonly string[]).includes(gold.task)) continue;
    const facts = analyzeLocatedFacts(text, { path: entry.file });
    rows.push({ doc: entry.file, repository: entry.repository, split: entry.split, cues: taskCues(facts), gold: gold.task as TaskType });
  }
  return rows;
}

interface Settings {
  lexicon: boolean;
  shared: number;
  own: number;
}

const encode = (row: TaskRow, lexicon: ClassLexicon): EncodedRow =>
  encodeRow(LAYOUT, (c) => taskFeatures(row.cues, TASK_TYPES[c]!, lexicon), TASK_TYPES.indexOf(row.gold));

/** Fits on `rows` (all read as training docs): the lexicon on them, the train rows scored with it cross-fitted. */
function fitTask(rows: readonly TaskRow[], settings: Settings): TaskModel {
  const docs = rows.map((row) => ({ repository: row.repository, split: 'train' as const, words: row.cues.words, gold: row.gold }));
  const lexicon = settings.lexicon ? buildClassLexicon(docs, TASK_TYPES) : {};
  const scoredWith = settings.lexicon ? crossFittedLexicons(docs, lexicon, TASK_TYPES) : rows.map(() => lexicon);
  const data = rows.map((row, index) => encode(row, scoredWith[index]!));
  return { ...fitConditionalLogit(LAYOUT, data, { bias: BIAS_L2, shared: settings.shared, own: settings.own }), lexicon };
}

function crossValidate(rows: readonly TaskRow[], settings: Settings): CrossValidated {
  return leaveOneRepositoryOut(rows, (training, heldOut) => {
    const model = fitTask(training, settings);
    return heldOut.map((row) => ({
      correct: learnedTask(model, row.cues) === row.gold,
      loss: logLoss(LAYOUT, model, [encode(row, model.lexicon)]),
    }));
  });
}

export interface TaskFigures {
  docs: number;
  hand: number;
  learned: number;
}

function figuresOf(rows: readonly TaskRow[], model: TaskModel): TaskFigures {
  const share = (part: number): number => (rows.length ? roundForFile(part / rows.length) : 0);
  return {
    docs: rows.length,
    hand: share(rows.filter((row) => handTask(row.cues) === row.gold).length),
    learned: share(rows.filter((row) => learnedTask(model, row.cues) === row.gold).length),
  };
}

export interface TaskWeightsFile extends TaskModel {
  about: string;
  settings: Settings;
  figures: Record<'train' | 'dev', TaskFigures> & { crossValidated: { docs: number; hand: number; learned: number } };
}

/** Chooses the settings by cross-validation over train and dev, then fits them on train. */
export function trainTask(rows: readonly TaskRow[], log?: (line: string) => void): TaskWeightsFile {
  let chosen: { settings: Settings; validated: CrossValidated } | undefined;
  for (const lexicon of [false, true]) {
    for (const shared of SHARED_L2_GRID) {
      for (const factor of OWN_L2_FACTORS) {
        const settings = { lexicon, shared, own: roundForFile(shared * factor) };
        const validated = crossValidate(rows, settings);
        log?.(
          `  task lexicon ${lexicon ? 'yes' : 'no '} L2 ${shared}/${settings.own}: held out ${validated.accuracy.toFixed(3)} log-loss ${validated.loss.toFixed(3)}`,
        );
        const better =
          !chosen ||
          validated.accuracy > chosen.validated.accuracy ||
          (validated.accuracy === chosen.validated.accuracy && validated.loss < chosen.validated.loss);
        if (better) chosen = { settings, validated };
      }
    }
  }
  const { settings, validated } = chosen!;
  const model = fitTask(
    rows.filter((row) => row.split === 'train'),
    settings,
  );
  const handHeldOut = rows.filter((row) => handTask(row.cues) === row.gold).length;
  return {
    about:
      'The learned task verdict for generic docs (src/core/learned/task-model.ts). Written by `npm run train`: fitted on the generic docs of the train split of test/corpus, settings chosen by leave-one-repository-out accuracy over train and dev. Do not edit by hand.',
    settings,
    figures: {
      train: figuresOf(
        rows.filter((row) => row.split === 'train'),
        model,
      ),
      dev: figuresOf(
        rows.filter((row) => row.split === 'dev'),
        model,
      ),
      crossValidated: {
        docs: validated.docs,
        hand: roundForFile(handHeldOut / (rows.length || 1)),
        learned: roundForFile(validated.accuracy),
      },
    },
    ...model,
  };
}

export const serializeTaskWeights = (weights: TaskWeightsFile): string => `${JSON.stringify(weights, null, 2)}\n`;

/** Fits the task verdict on `corpus` and writes `out`, or with `check` only says whether `out` holds what the corpus fits. */
export function writeTaskWeights(corpus: string, out: string, check: boolean, log: (line: string) => void = console.log): boolean {
  const weights = trainTask(loadTaskRows(corpus), process.env.MLSD_TRAIN_VERBOSE ? log : undefined);
  const { train, dev, crossValidated } = weights.figures;
  for (const [name, figures] of [
    ['train', train],
    ['dev', dev],
    ['held out', crossValidated],
  ] as const)
    log(
      `task (generic docs) ${name.padEnd(8)} ${String(figures.docs).padStart(3)} docs  ${percent(figures.hand)} → ${percent(figures.learned)}`,
    );
  const { lexicon, shared, own } = weights.settings;
  log(`task: lexicon ${lexicon ? 'yes' : 'no'}, L2 shared ${shared}, each task's own ${own}`);
  return writeOrCheckWeights(out, serializeTaskWeights(weights), check, log);
}
