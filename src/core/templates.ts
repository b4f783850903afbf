// Starting documents and section skeletons, rendered from the framework data. `mlsd init`, the
// editor's "New design doc…" command and the insert-section fixes all come through here, and every
// prompt line starts with PROMPT_PREFIX so a re-analysis reports it as residue, never as content.
import { ELEMENTS, elementSpec, PARTS, type PartId } from './framework/elements';
import { PROMPT_PREFIX } from './framework/residue';
import { GENERIC_DOCUMENT_TITLE, scenarioSpec, type ChecklistItemSpec } from './framework/scenarios';
import { MODEL_METRIC_EXAMPLES, MODEL_METRIC_EXAMPLES_SLOT } from './framework/metrics';
import type { ElementId, ScenarioId, TaskType } from './types';

export type TemplateKind = 'design-doc' | 'interview';

function heading(depth: number, title: string): string {
  return `${'#'.repeat(Math.min(6, Math.max(1, depth)))} ${title}`;
}

function prompts(lines: readonly string[], task: TaskType = 'other'): string {
  return lines.map((line) => `- ${PROMPT_PREFIX}${line.replace(MODEL_METRIC_EXAMPLES_SLOT, MODEL_METRIC_EXAMPLES[task])}`).join('\n');
}

/** One element's section: its heading at `depth` and its prompts (with examples that fit the doc's task), ending with a newline. */
export function renderElementSkeleton(id: ElementId, depth: number, task?: TaskType): string {
  const spec = elementSpec(id);
  return `${heading(depth, spec.title)}\n\n${prompts(spec.prompts, task)}\n`;
}

/** A checklist section for the given items: a heading at `depth`, one sub-heading per item. */
export function renderChecklistSkeleton(scenario: ScenarioId, items: readonly ChecklistItemSpec[], depth: number): string {
  const title = `${scenarioSpec(scenario)?.title ?? 'Scenario'} checklist`;
  const body = items.map((item) => `${heading(depth + 1, item.title)}\n\n${prompts(item.prompts)}\n`).join('\n');
  return `${heading(depth, title)}\n\n${body}`;
}

/**
 * A starting document: front matter declaring the scenario, every framework part and element in
 * template order with short prompts, then the scenario checklist. The interview kind adds the
 * minutes each part deserves in a 45-minute interview.
 */
export function renderTemplate(scenario: ScenarioId, kind: TemplateKind = 'design-doc'): string {
  const task = scenarioSpec(scenario)?.task;
  const out: string[] = [
    '---',
    `scenario: ${scenario}`,
    '---',
    '',
    heading(1, `${scenarioSpec(scenario)?.documentTitle ?? GENERIC_DOCUMENT_TITLE}${kind === 'interview' ? ' (45-minute interview)' : ''}`),
    '',
  ];
  for (const part of PARTS) {
    const elements = ELEMENTS.filter((element) => element.part === part.id);
    const partTitle = kind === 'interview' ? `${part.title} (~${part.interviewMinutes} min)` : part.title;
    if (part.id === 'tradeoffs') {
      // A part with one element: the element's own heading is the part's heading.
      out.push(renderElementSkeleton('tradeoffs', 2, task));
      continue;
    }
    out.push(heading(2, partTitle), '');
    for (const element of elements) out.push(renderElementSkeleton(element.id, 3, task));
  }
  const spec = scenarioSpec(scenario);
  if (spec) out.push(renderChecklistSkeleton(scenario, spec.items, 2));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

export function partOf(id: ElementId): PartId {
  return elementSpec(id).part;
}
