// The ML task: the scenario's, else the one the title names, else "other" for an assistant or RAG
// system, else the one the body keeps naming.
import type { LocatedFacts, SectionNode } from '../analysis/facts';
import { GENERATIVE_TITLE, scenarioSpec, TASK_CUES } from '../framework/scenarios';
import type { ScenarioId, TaskType } from '../types';
import { documentTitle } from './scenario';
import type { VerdictModule } from './verdict';

export const task: VerdictModule = { verdict: 'task', judge: (facts, before) => decideTask(before.scenario.id, facts, facts.sections) };

function decideTask(scenario: ScenarioId, input: LocatedFacts, sections: readonly SectionNode[]): TaskType {
  const spec = scenarioSpec(scenario);
  if (spec) return spec.task;
  // The title decides when it names the task ("Ads CTR prediction", "Demand forecasting"); on a
  // tie the more specific task wins (ads → probabilities, forecasts → regression). Else the body.
  const title = documentTitle(input, sections) ?? '';
  let titleTask: TaskType | undefined;
  let titleTop = 0;
  for (const [task, pattern] of Object.entries(TASK_CUES)) {
    // `match` with a global pattern counts every match from the start, whatever state the shared pattern is in.
    const titleCount = title.match(pattern)?.length ?? 0;
    if (titleCount > titleTop) [titleTask, titleTop] = [task as TaskType, titleCount];
  }
  if (titleTask) return titleTask;
  if (GENERATIVE_TITLE.test(title)) return 'other';
  const counts: Record<string, number> = {};
  for (const words of input.taskWords) for (const [task, count] of Object.entries(words)) counts[task] = (counts[task] ?? 0) + count;
  const ranked = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const [first] = ranked;
  return first && first[1] >= 2 ? (first[0] as TaskType) : 'other';
}
