// The coverage view's content: framework parts → elements, then the scenario's checklist, each with
// present / partial / missing, where the evidence is, and how severe the findings about it are (so
// the icons say what the Problems panel says). Pure; the tree view only renders it.
import { ELEMENTS, PARTS } from '../../core/framework/elements';
import { SCENARIOS } from '../../core/framework/scenarios';
import { describeGap } from '../../core/coverage-gaps';
import type {
  AnalysisResult,
  Coverage,
  CoverageStatus,
  DesignDocModel,
  Finding,
  Fix,
  Position,
  Range,
  Severity,
  TextEdit,
} from '../../core/types';

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
  /** The most severe finding about this entry (about any child, for a group); none when nothing is reported. */
  severity?: Severity;
  children: CoverageNode[];
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

function worst(severities: ReadonlyArray<Severity | undefined>): Severity | undefined {
  return SEVERITY_ORDER.find((severity) => severities.includes(severity));
}

/** A group is present when all its children are, missing when none is, partial otherwise. */
export function groupStatus(children: readonly CoverageNode[]): CoverageStatus {
  if (children.length > 0 && children.every((child) => child.status === 'present')) return 'present';
  if (children.every((child) => child.status === 'missing')) return 'missing';
  return 'partial';
}

function groupNode(kind: 'part' | 'scenario', id: string, label: string, children: CoverageNode[]): CoverageNode {
  const severity = worst(children.map((child) => child.severity));
  return { kind, id, label, status: groupStatus(children), ...(severity ? { severity } : {}), children };
}

/**
 * Framework parts with their elements, then the scenario's checklist. A part that is a single
 * element of the same name (Training, Trade-offs) is shown as that element alone, not as
 * "Training › Training".
 */
export function coverageTree(model: DesignDocModel, findings: readonly Finding[] = []): CoverageNode[] {
  const leafNode = (
    kind: 'element' | 'item',
    spec: { id: string; title: string; expectation: string },
    coverage: Coverage | undefined,
  ): CoverageNode => {
    const severity = worst(findings.filter((finding) => isAbout(finding, { kind, id: spec.id })).map((finding) => finding.severity));
    return {
      kind,
      id: spec.id,
      label: spec.title,
      // An entry the model does not list is missing.
      status: coverage?.status ?? 'missing',
      expectation: spec.expectation,
      ...(coverage?.status === 'partial' && coverage.gap ? { gap: describeGap(coverage.gap) } : {}),
      ...(coverage?.evidence ? { evidence: coverage.evidence } : {}),
      ...(severity ? { severity } : {}),
      children: [],
    };
  };
  const elementCoverage = new Map(model.elements.map((entry) => [entry.id, entry]));
  const nodes: CoverageNode[] = PARTS.map((part) => {
    const children = ELEMENTS.filter((element) => element.part === part.id).map((element) =>
      leafNode('element', element, elementCoverage.get(element.id)),
    );
    const only = children.length === 1 ? children[0] : undefined;
    return only && only.label === part.title ? only : groupNode('part', part.id, part.title, children);
  });

  const scenario = SCENARIOS.find((candidate) => candidate.id === model.scenario.id);
  if (scenario) {
    const itemCoverage = new Map(model.scenarioItems.map((entry) => [entry.id, entry]));
    nodes.push(
      groupNode(
        'scenario',
        scenario.id,
        scenario.title,
        scenario.items.map((item) => leafNode('item', item, itemCoverage.get(item.id))),
      ),
    );
  }
  return nodes;
}

/** A coverage entry in plain values (its evidence as a line), as the integration tests compare it. */
export interface CoverageOutline {
  id: string;
  status: CoverageStatus;
  severity: Severity | null;
  line: number | null;
  children: CoverageOutline[];
}

export function coverageOutline(node: CoverageNode): CoverageOutline {
  return {
    id: node.id,
    status: node.status,
    severity: node.severity ?? null,
    line: node.evidence ? node.evidence.start.line : null,
    children: node.children.map(coverageOutline),
  };
}

/** Every entry of the tree, groups and leaves, depth first. */
export function allCoverageNodes(nodes: readonly CoverageNode[]): CoverageNode[] {
  return nodes.flatMap((node) => [node, ...allCoverageNodes(node.children)]);
}

/** An entry of the tree as findings name it: its kind and ID. */
type Entry = Pick<CoverageNode, 'kind' | 'id'>;

/** Whether a finding is about this element or checklist item, as its subject says (never its rule ID or message). */
function isAbout(finding: Finding, entry: Entry): boolean {
  const { subject } = finding;
  return subject.kind === entry.kind && 'id' in subject && subject.id === entry.id;
}

/** The core's fix that inserts the section for this element or item. */
export function insertFixFor(result: AnalysisResult, entry: Entry): { finding: Finding; fix: Fix } | undefined {
  for (const finding of result.findings) {
    if (!isAbout(finding, entry)) continue;
    const fix = finding.fixes.find((candidate) => candidate.kind === 'insert-section');
    if (fix) return { finding, fix };
  }
  return undefined;
}

const HEADING_LINE = /^#{1,6} /m;

/**
 * Where the section a fix inserts ends up once its edits are applied, as offsets into the new text:
 * from its heading to the end of the inserted text (without the blank lines around it).
 */
export function insertedSection(
  edits: readonly TextEdit[],
  offsetOf: (position: Position) => number,
): { start: number; end: number } | undefined {
  const ordered = edits
    .map((change) => ({ change, from: offsetOf(change.range.start), to: offsetOf(change.range.end) }))
    .sort((a, b) => a.from - b.from);
  let shift = 0;
  for (const { change, from, to } of ordered) {
    const heading = HEADING_LINE.exec(change.newText);
    if (heading) {
      const start = from + shift + heading.index;
      return { start, end: from + shift + change.newText.trimEnd().length };
    }
    shift += change.newText.length - (to - from);
  }
  return undefined;
}
