// Metric-name completion: only where a metric is expected (a metrics/evaluation section, a table
// with a Metric column, or after words like "metric" or "optimise"), those that fit the doc's task
// first and the misaligned ones last. Pure.
import { METRICS, PREFERRED_METRICS } from '../../core/framework/metrics';
import type { DesignDocModel, Position, Section, TaskType } from '../../core/types';
import { formatMessage, type Translate } from './l10n';

export interface MetricCompletion {
  label: string;
  /** Sorts the list: fitting metrics first, in the framework's order of preference. */
  sortText: string;
  detail: string;
  documentation: string;
  fit: 'fits' | 'neutral' | 'misaligned';
}

const METRIC_HEADING = /\b(?:metrics?|evaluation|evaluate|kpis?|success|measur\w*|a\/b|experiments?|guardrails?|objectives?)\b/i;
const METRIC_CUE_BEFORE =
  /\b(?:metrics?|measured (?:by|with)|optimi[sz](?:e|es|ing) (?:for )?|kpis?|guardrails?|target(?:ing)?|track(?:ing)?|evaluated? (?:by|with|on))\W*(?:\w+\W+){0,3}$/i;
const METRIC_COLUMN = /^\s*(?:metrics?|kpis?)\s*$/i;

function enclosing(sections: readonly Section[], line: number, chain: Section[] = []): Section[] {
  for (const section of sections) {
    if (line >= section.range.start.line && line <= section.range.end.line) {
      return enclosing(section.children, line, [...chain, section]);
    }
  }
  return chain;
}

/** A document's line by number, undefined past the end; read lazily so big docs are not split. */
export type LineReader = (line: number) => string | undefined;

/** Whether a metric name is expected at this position. */
export function isMetricContext(model: DesignDocModel, lineAt: LineReader, position: Position): boolean {
  const line = lineAt(position.line) ?? '';
  const before = line.slice(0, position.character);
  if (/^\s{0,3}#/.test(line)) return false;
  if (METRIC_CUE_BEFORE.test(before)) return true;
  if (line.trimStart().startsWith('|') && tableHasMetricColumn(lineAt, position.line)) return true;
  return enclosing(model.sections, position.line).some((section) => METRIC_HEADING.test(section.title));
}

/** Walks up to the table's header row and looks for a Metric column. */
function tableHasMetricColumn(lineAt: LineReader, row: number): boolean {
  let header = row;
  while (header > 0 && (lineAt(header - 1) ?? '').trimStart().startsWith('|')) header--;
  return (lineAt(header) ?? '').split('|').some((cell) => METRIC_COLUMN.test(cell));
}

function fitOf(name: string, task: TaskType): MetricCompletion['fit'] {
  const fit = METRICS.find((metric) => metric.name === name)?.fit[task];
  return fit === 'fits' ? 'fits' : fit === undefined ? 'neutral' : 'misaligned';
}

export function metricCompletions(task: TaskType, t: Translate = formatMessage): MetricCompletion[] {
  const preferred = PREFERRED_METRICS[task];
  const rank = (name: string): number => {
    const fit = fitOf(name, task);
    const preference = preferred.indexOf(name);
    if (fit === 'fits') return preference === -1 ? preferred.length : preference;
    return fit === 'neutral' ? 100 : 200;
  };
  const items = METRICS.map((metric, order) => {
    const fit = fitOf(metric.name, task);
    const detail =
      fit === 'fits' ? t('fits {0}', task) : fit === 'misaligned' ? t('misaligned for {0}', task) : t('{0} metric', metric.typicalRole);
    return {
      label: metric.name,
      sortText: `${String(rank(metric.name)).padStart(3, '0')}-${String(order).padStart(3, '0')}`,
      detail,
      documentation: metric.description,
      fit,
    };
  });
  return items.sort((a, b) => a.sortText.localeCompare(b.sortText));
}
