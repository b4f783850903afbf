// Snippet bodies built from the framework data and the core's own skeletons: a snippet inserts the
// very text a quick fix or `mlsd init` writes, with each prompt as a tab stop to type over.
// Pure. The editor offers them where a person finds them: as completions once `mlsd-` is typed at
// the start of a line (sectionCompletion.ts) and in the "Insert Section…" quick pick. They are not
// contributed as plain snippets: Markdown hides those while typing, and Ctrl+Space would mix all of
// them into every word completion.
import { ELEMENTS, PARTS, type ElementSpec, type PartSpec } from './framework/elements';
import { PROMPT_PREFIX } from './framework/residue';
import { SCENARIOS, type ChecklistScenarioId, type ScenarioSpec } from './framework/scenarios';
import { renderChecklistSkeleton, renderElementSkeleton } from './templates';
import { METRICS, PREFERRED_METRICS, type MetricSpec } from './framework/metrics';
import { METRIC_TABLE, TRADEOFF_AXES, TRADEOFF_TABLE } from './framework/authoring';
import { TASK_TYPES, type MetricRole, type ScenarioId, type TaskType } from './types';

export type SnippetGroup = 'scenario' | 'framework' | 'tables';

export interface SnippetDefinition {
  group: SnippetGroup;
  /** For scenario snippets: whose checklist they cover. */
  scenario?: ChecklistScenarioId;
  /** Unique display name. */
  name: string;
  prefix: string;
  description: string;
  /** VS Code snippet syntax, lines joined with \n. */
  body: string;
}

/** Escapes literal text for a snippet body ($, } and \ are syntax there). */
export function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** Escapes one option of a `${1|a,b|}` choice (`,` and `|` also separate options). */
export function escapeSnippetChoice(text: string): string {
  return text.replace(/[$}\\,|]/g, '\\$&');
}

/** Numbers tab stops in order across one snippet. */
export class TabStops {
  private next = 1;

  placeholder(text: string): string {
    return `\${${this.next++}:${escapeSnippetText(text)}}`;
  }

  choice(options: readonly string[]): string {
    return `\${${this.next++}|${options.map(escapeSnippetChoice).join(',')}|}`;
  }
}

const PART_DEPTH = 2;
const ELEMENT_DEPTH = 3;
const PROMPT_LINE = new RegExp(`^(\\s*[-*] )(${PROMPT_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*)$`);

/** Core skeleton text → snippet body: literal text escaped, every prompt line a placeholder. */
export function skeletonToSnippet(skeleton: string, stops: TabStops = new TabStops()): string {
  return skeleton
    .split('\n')
    .map((line) => {
      const prompt = PROMPT_LINE.exec(line);
      return prompt ? `${prompt[1]}${stops.placeholder(prompt[2] ?? '')}` : escapeSnippetText(line);
    })
    .join('\n');
}

export function elementSnippet(element: ElementSpec): SnippetDefinition {
  return {
    group: 'framework',
    name: `mlsd: ${element.title} (${element.id})`,
    prefix: `mlsd-${element.id.replace('.', '-')}`,
    description: `Section for ${element.id}: ${element.expectation}`,
    body: skeletonToSnippet(renderElementSkeleton(element.id, ELEMENT_DEPTH)),
  };
}

/** A whole part, laid out as in the templates (a one-element part is just that element's section). */
export function partSnippet(part: PartSpec): SnippetDefinition {
  const elements = ELEMENTS.filter((element) => element.part === part.id);
  const skeleton =
    elements.length === 1 && elements[0]!.title === part.title
      ? renderElementSkeleton(elements[0]!.id, PART_DEPTH)
      : [`${'#'.repeat(PART_DEPTH)} ${part.title}\n`, ...elements.map((element) => renderElementSkeleton(element.id, ELEMENT_DEPTH))].join(
          '\n',
        );
  return {
    group: 'framework',
    name: `mlsd: ${part.title} (part)`,
    prefix: `mlsd-part-${part.id}`,
    description: `All of "${part.title}": ${elements.map((element) => element.title).join(', ')}`,
    body: skeletonToSnippet(skeleton),
  };
}

/** Everything a scenario adds on top of the framework: the core's checklist skeleton. */
export function scenarioSnippet(scenario: ScenarioSpec): SnippetDefinition {
  return {
    group: 'scenario',
    scenario: scenario.id,
    name: `mlsd: ${scenario.title} checklist (${scenario.id})`,
    prefix: `mlsd-${scenario.id}`,
    description: `The ${scenario.title.toLowerCase()} checklist: ${scenario.items.map((item) => item.title).join(', ')}`,
    body: skeletonToSnippet(renderChecklistSkeleton(scenario.id, scenario.items, PART_DEPTH)),
  };
}

/** A table's header row and its delimiter row. */
function tableHeader(cells: readonly string[]): string {
  return `| ${cells.map(escapeSnippetText).join(' | ')} |\n|${cells.map(() => '---|').join('')}`;
}

/** Metrics that fit a task, the framework's preferred ones first. */
export function fittingMetrics(task: TaskType): string[] {
  const fitting = METRICS.filter((metric) => metric.fit[task] === 'fits').map((metric) => metric.name);
  const preferred = PREFERRED_METRICS[task].filter((name) => fitting.includes(name));
  return [...preferred, ...fitting.filter((name) => !preferred.includes(name))];
}

function namesWithRole(roles: readonly MetricRole[]): string[] {
  return METRICS.filter((metric: MetricSpec) => roles.includes(metric.typicalRole)).map((metric) => metric.name);
}

/** Task types that have metrics fitting them (every one but `other`). */
export const METRIC_TABLE_TASKS: readonly TaskType[] = TASK_TYPES.filter((task) => fittingMetrics(task).length > 0);

/**
 * Offline, online and guardrail metrics as a table. The offline choice lists only metrics that fit
 * the task; online and guardrail choices come from each metric's usual role.
 */
export function metricTableSnippet(task: TaskType): SnippetDefinition {
  const stops = new TabStops();
  const row = (kind: string, choices: readonly string[], target: string) =>
    `| ${escapeSnippetText(kind)} | ${stops.choice(choices)} | ${stops.placeholder(target)} | ${stops.placeholder(METRIC_TABLE.whyPrompt)} |`;
  const [offline, online, guardrail] = METRIC_TABLE.rows;
  const lines = [
    tableHeader(METRIC_TABLE.header),
    row(offline.kind, fittingMetrics(task), offline.targetPrompt),
    row(online.kind, namesWithRole(['online', 'business']), online.targetPrompt),
    row(guardrail.kind, namesWithRole(['guardrail']), guardrail.targetPrompt),
    '',
  ];
  return {
    group: 'tables',
    name: `mlsd: metric table for ${task}`,
    prefix: `mlsd-metrics-${task}`,
    description: `Offline / online / guardrail metrics; offline choices fit ${task}: ${fittingMetrics(task).join(', ')}`,
    body: lines.join('\n'),
  };
}

/** The classic trade-offs as rows, each with its two sides as a choice. */
export function tradeoffTableSnippet(): SnippetDefinition {
  const stops = new TabStops();
  const lines = [tableHeader(TRADEOFF_TABLE.header)];
  for (const tradeoff of TRADEOFF_AXES) {
    lines.push(
      `| ${escapeSnippetText(tradeoff.axis)} | ${stops.choice(tradeoff.options)} | ${stops.placeholder(TRADEOFF_TABLE.costPrompt)} | ${stops.placeholder(TRADEOFF_TABLE.reasonPrompt)} |`,
    );
  }
  lines.push('');
  return {
    group: 'tables',
    name: 'mlsd: trade-off table',
    prefix: 'mlsd-tradeoff-table',
    description: `Explicit trade-offs: ${TRADEOFF_AXES.map((tradeoff) => tradeoff.axis.toLowerCase()).join(', ')}`,
    body: lines.join('\n'),
  };
}

/** Every snippet, in framework order: parts with their elements, then scenarios with their items. */
export function buildSnippets(): SnippetDefinition[] {
  const snippets: SnippetDefinition[] = [];
  for (const part of PARTS) {
    snippets.push(partSnippet(part));
    for (const element of ELEMENTS.filter((candidate) => candidate.part === part.id)) snippets.push(elementSnippet(element));
  }
  for (const scenario of SCENARIOS) snippets.push(scenarioSnippet(scenario));
  for (const task of METRIC_TABLE_TASKS) snippets.push(metricTableSnippet(task));
  snippets.push(tradeoffTableSnippet());
  return snippets;
}

/** For the quick pick: the doc's scenario first, other scenarios after, then the framework, then the tables. */
export function orderedForScenario(snippets: readonly SnippetDefinition[], scenario: ScenarioId): SnippetDefinition[] {
  const inGroup = (group: SnippetGroup) => snippets.filter((snippet) => snippet.group === group);
  const scenarios = inGroup('scenario');
  return [
    ...scenarios.filter((snippet) => snippet.scenario === scenario),
    ...scenarios.filter((snippet) => snippet.scenario !== scenario),
    ...inGroup('framework'),
    ...inGroup('tables'),
  ];
}

/**
 * Where a section snippet may be completed: a line that so far holds only (indentation and) the
 * start of an `mlsd-` prefix. Returns the column the typed prefix starts at, so it is replaced.
 */
export function sectionPrefixStart(lineBeforeCursor: string): number | undefined {
  const typed = /^(\s*)(m(?:l(?:s(?:d(?:-[a-z0-9-]*)?)?)?)?)$/i.exec(lineBeforeCursor);
  return typed ? (typed[1] ?? '').length : undefined;
}
