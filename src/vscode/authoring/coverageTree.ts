// The coverage view's content: framework parts → elements, then the scenario's checklist, each with
// present / partial / missing and where the evidence is. Pure; the tree view only renders it.
import { ELEMENTS, PARTS } from '../../core/framework/elements';
import { SCENARIOS } from '../../core/framework/scenarios';
import { describeGap } from '../../core/coverage-gaps';
import type { AnalysisResult, Coverage, CoverageStatus, DesignDocModel, Finding, Fix, Range } from '../../core/types';

export interface CoverageNode {
  kind: 'part' | 'element' | 'scenario' | 'item';
  /** Part ID, element ID, scenario ID or checklist item ID. */
  id: string;
  label: string;
  status: CoverageStatus;
  /** What must be there (elements and items). */
  expectation?: string;
  /** What is still missing, when partial (elements and items). */
  gap?: string;
  evidence?: Range;
  children: CoverageNode[];
}

/** A group is present when all its children are, missing when none is, partial otherwise. */
export function groupStatus(children: readonly CoverageNode[]): CoverageStatus {
  if (children.length > 0 && children.every((child) => child.status === 'present')) return 'present';
  if (children.every((child) => child.status === 'missing')) return 'missing';
  return 'partial';
}

/** An element or a checklist item with its coverage in the doc (missing when the model has none). */
function leafNode(kind: 'element' | 'item', spec: { id: string; title: string; expectation: string }, coverage: Coverage | undefined): CoverageNode {
  return {
    kind,
    id: spec.id,
    label: spec.title,
    status: coverage?.status ?? 'missing',
    expectation: spec.expectation,
    ...(coverage?.status === 'partial' && coverage.gap ? { gap: describeGap(coverage.gap) } : {}),
    ...(coverage?.evidence ? { evidence: coverage.evidence } : {}),
    children: [],
  };
}

export function coverageTree(model: DesignDocModel): CoverageNode[] {
  const elementCoverage = new Map(model.elements.map((entry) => [entry.id, entry]));
  const nodes: CoverageNode[] = PARTS.map((part) => {
    const children = ELEMENTS.filter((element) => element.part === part.id)
      .map((element) => leafNode('element', element, elementCoverage.get(element.id)));
    return { kind: 'part', id: part.id, label: part.title, status: groupStatus(children), children };
  });

  const scenario = SCENARIOS.find((candidate) => candidate.id === model.scenario.id);
  if (scenario) {
    const itemCoverage = new Map(model.scenarioItems.map((entry) => [entry.id, entry]));
    const children = scenario.items.map((item) => leafNode('item', item, itemCoverage.get(item.id)));
    nodes.push({ kind: 'scenario', id: scenario.id, label: scenario.title, status: groupStatus(children), children });
  }
  return nodes;
}

/**
 * Whether a finding is about this element or checklist item, read from its rule ID alone
 * ("missing-element/data.quality", "scenario-checklist/real-time", "missing-tradeoffs").
 */
function isAbout(finding: Finding, id: string): boolean {
  const [rule, sub] = finding.ruleId.split('/');
  if (sub === undefined) return rule === `missing-${id}`;
  return sub === id || (rule === 'scenario-checklist' && id.endsWith(`/${sub}`));
}

const INSERTS_SECTION = /^#{1,6} /m;

/** The core's fix that inserts the section for this element or item; never a "disable" fix. */
export function insertFixFor(result: AnalysisResult, id: string): { finding: Finding; fix: Fix } | undefined {
  for (const finding of result.findings) {
    if (!isAbout(finding, id)) continue;
    const fix = finding.fixes.find((candidate) => candidate.edits.some((edit) => INSERTS_SECTION.test(edit.newText)));
    if (fix) return { finding, fix };
  }
  return undefined;
}
