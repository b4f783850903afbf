// Builds a DesignDocModel for the authoring unit tests: every element missing unless stated, so
// each test says exactly which parts of the doc exist.
import {
  ELEMENT_IDS,
  type CoverageStatus,
  type DesignDocModel,
  type ElementId,
  type MetricMention,
  type Section,
} from '../../src/core/types';

export function modelWith(
  elements: Partial<Record<ElementId, CoverageStatus>>,
  metrics: MetricMention[] = [],
  overrides: Partial<DesignDocModel> = {},
): DesignDocModel {
  return {
    isDesignDoc: true,
    frontMatter: undefined,
    sections: [],
    scenario: { id: 'generic', source: 'default' },
    task: 'other',
    elements: ELEMENT_IDS.map((id) => ({ id, status: elements[id] ?? 'missing' })),
    scenarioItems: [],
    metrics,
    offlineMetric: 'none',
    pitfalls: { 'modeling-first': false, 'ignored-data': false, 'over-engineering': false, 'production-gaps': false },
    templateResidue: false,
    hiddenContent: false,
    score: 0,
    ...overrides,
  };
}

export function mention(name: string, role: MetricMention['role'], line: number, character: number, negated = false): MetricMention {
  return { name, text: name, role, negated, range: { start: { line, character }, end: { line, character: character + name.length } } };
}

export function section(title: string, depth: number, startLine: number, endLine: number, children: Section[] = []): Section {
  const headingText = `${'#'.repeat(depth)} ${title}`;
  return {
    title,
    depth,
    headingRange: { start: { line: startLine, character: 0 }, end: { line: startLine, character: headingText.length } },
    range: { start: { line: startLine, character: 0 }, end: { line: endLine, character: 0 } },
    children,
  };
}
