// The learned task verdict for generic documents (a scenario with a checklist fixes its task): a
// conditional logit, like the scenario's, over where each task's words are found — the title, the
// opening statement, the body — plus a lexicon of title, opening and heading words learned per task.
// "Retrieval" in a question-answering assistant's body or "detection" in an object detector's does
// not make the task ranking or imbalanced classification; the fitted weights say how much each
// place counts, and "other" (no task words needed) is a class of its own. The weights are data
// (`task-weights.json`, written by `npm run train` on the train split's generic docs).
import { TASK_TYPES, type TaskType } from '../types';
import { TASK_CUES } from '../framework/scenarios';
import { bestIndex, classScore, lexiconScore, type ClassLexicon, type ClassWeights } from './class-scores';
import WEIGHTS from './task-weights.json';

/** Task word counts (task → count) in each place, and the words the lexicon reads. */
export interface TaskCues {
  title: Readonly<Record<string, number>>;
  opening: Readonly<Record<string, number>>;
  body: Readonly<Record<string, number>>;
  /** How many words the document has, for the body's density. */
  wordCount: number;
  /** The distinct words of the title, the opening and the headings. */
  words: readonly string[];
}

export const TASK_FEATURE_NAMES = ['title', 'opening', 'bodyShare', 'bodyDensity', 'hand', 'lexicon'] as const;
export type TaskFeatureName = (typeof TASK_FEATURE_NAMES)[number];
export type TaskFeatures = Record<TaskFeatureName, number>;

/** Counts past this say no more. */
const COUNT_CAP = 3;
/** Documents shorter than this are read as this long for the density. */
const MIN_WORDS = 300;

const capped = (count: number | undefined): number => Math.min(count ?? 0, COUNT_CAP);

/** The evidence for one task, in the units the weights were fitted in ("other" has only its lexicon). */
export function taskFeatures(cues: TaskCues, task: TaskType, lexicon: ClassLexicon): TaskFeatures {
  let bodyTotal = 0;
  for (const count of Object.values(cues.body)) bodyTotal += count;
  const body = cues.body[task] ?? 0;
  return {
    title: capped(cues.title[task]),
    opening: capped(cues.opening[task]),
    bodyShare: bodyTotal ? body / bodyTotal : 0,
    bodyDensity: Math.log1p((1000 * body) / Math.max(cues.wordCount, MIN_WORDS)),
    hand: handTask(cues) === task ? 1 : 0,
    lexicon: lexiconScore(lexicon, cues.words, task),
  };
}

/**
 * The hand reading, one of the features: the task the title names most (on a tie the more
 * specific, in TASK_CUES order: ads → probabilities), else the one the body names most, at least twice.
 */
export function handTask(cues: TaskCues): TaskType {
  let titleTask: TaskType | undefined;
  let titleTop = 0;
  for (const id of Object.keys(TASK_CUES) as TaskType[]) {
    const count = cues.title[id] ?? 0;
    if (count > titleTop) [titleTask, titleTop] = [id, count];
  }
  if (titleTask) return titleTask;
  let bodyTask: TaskType = 'other';
  let bodyTop = 1;
  for (const id of Object.keys(TASK_CUES) as TaskType[]) {
    const count = cues.body[id] ?? 0;
    if (count > bodyTop) [bodyTask, bodyTop] = [id, count];
  }
  return bodyTask;
}

export interface TaskModel extends ClassWeights {
  lexicon: ClassLexicon;
}

export const TASK_MODEL: TaskModel = WEIGHTS;

/** Each task's score (log-odds up to a constant), in TASK_TYPES order. */
export function taskScores(model: TaskModel, cues: TaskCues): number[] {
  return TASK_TYPES.map((task) => classScore(model, task, taskFeatures(cues, task, model.lexicon), TASK_FEATURE_NAMES));
}

/** The task with the highest score; on a tie, the first in TASK_TYPES order. */
export function learnedTask(model: TaskModel, cues: TaskCues): TaskType {
  return TASK_TYPES[bestIndex(taskScores(model, cues))]!;
}
