// Hover text, as Markdown, from the framework data and the doc model: on a metric, what it measures
// and which tasks it fits; on a framework heading, what that section must contain. Pure.
import { DOCUMENT_HEADINGS, ELEMENTS, PARTS, type ElementSpec, type PartSpec } from '../../core/framework/elements';
import { metricSpec, type MetricFit } from '../../core/framework/metrics';
import { normalizeHeading } from '../../core/framework/patterns';
import { SCENARIOS, type ChecklistItemSpec } from '../../core/framework/scenarios';
import { describeGap } from '../../core/coverage-gaps';
import type { Coverage, DesignDocModel, Position, Range, Section, TaskType } from '../../core/types';
import { formatMessage, type Translate } from './l10n';

export interface HoverContent {
  markdown: string;
  range: Range;
}

export function contains(range: Range, position: Position): boolean {
  const afterStart =
    position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

export function hoverAt(model: DesignDocModel, position: Position, t: Translate = formatMessage): HoverContent | undefined {
  const mention = model.metrics.find((candidate) => contains(candidate.range, position));
  if (mention) {
    // A plain-word mention ("improve retrieval accuracy") is no headline metric: describe the metric
    // without judging it against this doc's task, as the metric-task rule does not.
    const markdown = mention.plainSense
      ? withParagraph(
          metricHover(mention.name, 'other', t),
          t("Read here as the plain word for a quality, not as the metric, so it is not checked against this doc's task."),
        )
      : metricHover(mention.name, model.task, t);
    if (markdown) return { markdown, range: mention.range };
  }
  const section = headingAt(model.sections, position.line);
  if (section && contains(section.headingRange, position)) {
    const markdown = headingHover(section, model, t);
    if (markdown) return { markdown, range: section.headingRange };
  }
  return undefined;
}

function withParagraph(markdown: string | undefined, paragraph: string): string | undefined {
  return markdown === undefined ? undefined : `${markdown}\n\n${paragraph}`;
}

function tasksWhere(fit: Partial<Record<TaskType, MetricFit>>, wanted: (fit: MetricFit) => boolean): TaskType[] {
  return (Object.entries(fit) as [TaskType, MetricFit][]).filter(([, value]) => wanted(value)).map(([task]) => task);
}

export function metricHover(name: string, task: TaskType, t: Translate = formatMessage): string | undefined {
  const spec = metricSpec(name);
  if (!spec) return undefined;
  // The doc's own task gets its own sentence below; the general lines name the other tasks only.
  const otherTask = (candidate: TaskType) => candidate !== task;
  const fits = tasksWhere(spec.fit, (fit) => fit === 'fits').filter(otherTask);
  const misfits = tasksWhere(spec.fit, (fit) => fit !== 'fits').filter(otherTask);
  const fitLines: string[] = [];
  if (fits.length > 0) fitLines.push(t('Fits: {0}.', fits.join(', ')));
  if (misfits.length > 0) fitLines.push(t('Misaligned as the headline metric for: {0}.', misfits.join(', ')));
  if (Object.keys(spec.fit).length === 0) fitLines.push(t('Typical role: {0}. Not tied to one task type.', spec.typicalRole));
  const paragraphs = [`**${name}**: ${spec.description}`, ...(fitLines.length > 0 ? [fitLines.join('  \n')] : [])];
  if (task !== 'other') {
    const fit = spec.fit[task];
    paragraphs.push(
      fit === 'fits'
        ? t("Fits this doc's task ({0}).", task)
        : fit === 'misfit'
          ? t("Does not fit this doc's task ({0}).", task)
          : fit === 'misfit-alone'
            ? t("Does not fit this doc's task ({0}) on its own: pair it with a metric that does.", task)
            : t("Neutral for this doc's task ({0}).", task),
    );
  }
  return paragraphs.join('\n\n');
}

/** The heading whose line this is, searched through the section tree. */
export function headingAt(sections: readonly Section[], line: number): Section | undefined {
  for (const section of sections) {
    if (section.headingRange.start.line === line) return section;
    if (line > section.range.start.line && line <= section.range.end.line) {
      const inner = headingAt(section.children, line);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** The status, and for a partial one what is still missing ("partial: no number with a unit"). */
function statusOf(coverage: readonly Coverage[], id: string): string {
  const entry = coverage.find((candidate) => candidate.id === id);
  if (!entry) return 'missing';
  return entry.status === 'partial' && entry.gap ? `${entry.status}: ${describeGap(entry.gap)}` : entry.status;
}

/**
 * What this heading stands for: the elements and checklist items the analysis found there; else a
 * part named by its own title (as templates write them); else the heading wordings of the data.
 */
export function sectionsMeantBy(
  section: Section,
  model: DesignDocModel,
): { elements: ElementSpec[]; items: ChecklistItemSpec[]; part: PartSpec | undefined } {
  const line = section.headingRange.start.line;
  const byEvidence = (entry: Coverage) => entry.evidence?.start.line === line;
  const title = normalizeHeading(section.title);
  const scenarioItems = SCENARIOS.flatMap((scenario) => scenario.items);
  const elements = ELEMENTS.filter((element) => model.elements.some((entry) => entry.id === element.id && byEvidence(entry)));
  const items = scenarioItems.filter((item) => model.scenarioItems.some((entry) => entry.id === item.id && byEvidence(entry)));
  if (elements.length > 0 || items.length > 0) return { elements, items, part: undefined };

  const titledPart = PARTS.find((part) => normalizeHeading(part.title) === title);
  if (titledPart) return { elements: [], items: [], part: titledPart };

  const named = ELEMENTS.filter((element) => element.headings.some((alias) => alias.strength === 'specific' && alias.pattern.test(title)));
  const namedItems = scenarioItems.filter((item) => item.scenario === model.scenario.id && item.headings.test(title));
  if (named.length > 0 || namedItems.length > 0) return { elements: named, items: namedItems, part: undefined };
  if (DOCUMENT_HEADINGS.test(title)) return { elements: [], items: [], part: undefined };
  return { elements: [], items: [], part: PARTS.find((part) => part.headings.test(title)) };
}

export function headingHover(section: Section, model: DesignDocModel, t: Translate = formatMessage): string | undefined {
  const { elements, items, part } = sectionsMeantBy(section, model);
  const blocks: string[] = [];
  for (const element of elements) {
    blocks.push(
      `**${element.title}** (\`${element.id}\`)  \n${t('Must contain: {0}.', element.expectation)}  \n${t('In this doc: {0}.', statusOf(model.elements, element.id))}`,
    );
  }
  for (const item of items) {
    blocks.push(
      `**${item.title}** (\`${item.id}\`)  \n${t('Must contain: {0}.', item.expectation)}  \n${t('In this doc: {0}.', statusOf(model.scenarioItems, item.id))}`,
    );
  }
  if (part) {
    const inPart = ELEMENTS.filter((element) => element.part === part.id);
    blocks.push(
      [
        `**${part.title}**: ${t('this part must cover')}`,
        ...inPart.map((element) => `- ${element.title} (${statusOf(model.elements, element.id)}): ${element.expectation}`),
      ].join('\n'),
    );
  }
  return blocks.length > 0 ? blocks.join('\n\n---\n\n') : undefined;
}
