// The ML task: the scenario's when it has a checklist (fraud → imbalanced classification), else the
// learned verdict (learned/task-model.ts) over where each task's words are: the title, the opening
// statement, the body, and the title, opening and heading words' learned lexicon.
import type { LocatedFacts } from '../analysis/facts';
import { scenarioSpec, TASK_CUES } from '../framework/scenarios';
import { learnedTask, TASK_MODEL, type TaskCues } from '../learned/task-model';
import type { ScenarioId, TaskType } from '../types';
import { documentScenarioCues, documentTitle } from './scenario';
import type { VerdictModule } from './verdict';

export const task: VerdictModule = { verdict: 'task', judge: (facts, before) => decideTask(before.scenario.id, facts) };

function decideTask(scenario: ScenarioId, input: LocatedFacts): TaskType {
  const spec = scenarioSpec(scenario);
  return spec ? spec.task : learnedTask(TASK_MODEL, taskCues(input));
}

/** Where the document names each task: its title, its opening statement, its body. */
export function taskCues(input: LocatedFacts): TaskCues {
  const scenarioCues = documentScenarioCues(input);
  const title = documentTitle(input, input.sections);
  // The statement starts with the declared or heading title when there is one; the rest is the opening.
  const opening = title === undefined ? scenarioCues.statement : scenarioCues.statement.slice(1);
  const body: Record<string, number> = {};
  for (const words of input.taskWords) for (const [id, count] of Object.entries(words)) body[id] = (body[id] ?? 0) + count;
  return {
    title: taskWordCounts(title ?? ''),
    opening: taskWordCounts(opening.join('\n')),
    body,
    wordCount: scenarioCues.wordCount,
    words: scenarioCues.words,
  };
}

function taskWordCounts(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  if (!text) return counts;
  // `match` with a global pattern counts every match from the start, whatever state the shared pattern is in.
  for (const [id, pattern] of Object.entries(TASK_CUES)) {
    const count = text.match(pattern)?.length ?? 0;
    if (count) counts[id] = count;
  }
  return counts;
}
