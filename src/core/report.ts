// The document report: the JSON shape of `mlsd report --format json` (the contract in
// contracts/report.schema.json) and the Markdown review that the CLI prints and the editor saves.
// Pure, so the CLI and the VS Code extension render the same thing.
import { ELEMENTS, PARTS, type PartId } from './framework/elements';
import { CHECKLIST_ITEMS } from './framework/scenarios';
import { ELEMENT_IDS, type AnalysisResult, type CoverageStatus, type Finding, type MetricRole, type OfflineMetricVerdict, type PitfallId, type Range, type ScenarioId, type ScenarioSource, type Severity, type TaskType } from './types';

/** A finding with 1-based lines and columns, as people and the JSON report count them. */
export interface ReportFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
}

export interface DesignReport {
  file: string;
  isDesignDoc: boolean;
  scenario: { id: ScenarioId; source: ScenarioSource };
  task: TaskType;
  elements: { id: string; status: CoverageStatus; line: number | null }[];
  scenarioItems: { id: string; status: CoverageStatus; line: number | null }[];
  offlineMetric: OfflineMetricVerdict;
  metrics: { name: string; line: number; role: MetricRole }[];
  pitfalls: Record<PitfallId, boolean>;
  templateResidue: boolean;
  hiddenContent: boolean;
  findings: ReportFinding[];
  score: number;
}

export function toOneBased(range: Range): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

export function toReportFinding(finding: Finding): ReportFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    ...toOneBased(finding.range),
    fixable: finding.fixes.some((fix) => fix.isPreferred === true),
  };
}

/** Exactly the report contract: nothing more, nothing less, so consumers can validate it strictly. */
export function toDesignReport(result: AnalysisResult, file: string): DesignReport {
  const { model } = result;
  const lineOf = (evidence: Range | undefined): number | null => (evidence ? evidence.start.line + 1 : null);
  return {
    file,
    isDesignDoc: model.isDesignDoc,
    scenario: { id: model.scenario.id, source: model.scenario.source },
    task: model.task,
    elements: model.elements.map((element) => ({ id: element.id, status: element.status, line: lineOf(element.evidence) })),
    scenarioItems: model.scenarioItems.map((item) => ({ id: item.id, status: item.status, line: lineOf(item.evidence) })),
    offlineMetric: model.offlineMetric,
    metrics: model.metrics.map((metric) => ({ name: metric.name, line: metric.range.start.line + 1, role: metric.role })),
    pitfalls: { ...model.pitfalls },
    templateResidue: model.templateResidue,
    hiddenContent: model.hiddenContent,
    findings: result.findings.map(toReportFinding),
    score: model.score,
  };
}

const STATUS_LABEL: Record<CoverageStatus, string> = { present: '✅ present', partial: '🟡 partial', missing: '❌ missing' };
const PITFALL_LABEL: Record<PitfallId, string> = {
  'modeling-first': 'Jumping straight to modelling',
  'ignored-data': 'Ignoring the data pipeline',
  'over-engineering': 'Over-engineering',
  'production-gaps': 'Neglecting production realities',
};
const partOfElement = new Map<string, PartId>(ELEMENTS.map((element) => [element.id, element.part]));
const checklistItemIds = CHECKLIST_ITEMS.map((item) => item.id);
// Longest first, so "framing.model-metric" is not mistaken for a shorter ID it contains.
const elementIdsByLength = [...ELEMENT_IDS].sort((a, b) => b.length - a.length);

/**
 * The design review as Markdown: score and verdicts, a coverage table per framework part, the
 * scenario checklist, then the findings grouped by the part they concern. The CLI prints it and
 * the editor's "Show design review" command saves it.
 */
export function renderMarkdownReport(result: AnalysisResult, file: string): string {
  const report = toDesignReport(result, file);
  const out: string[] = [`# Design review: ${escapeInline(file)}`, ''];
  if (!report.isDesignDoc) {
    out.push('This document does not read as an ML system design document, so it was not reviewed.', '');
    return out.join('\n');
  }
  out.push(
    `**Score: ${report.score}/100**`,
    '',
    `- Scenario: **${report.scenario.id}** (${report.scenario.source}); task: ${report.task}`,
    `- Offline metric: ${report.offlineMetric}`,
    `- Template residue: ${report.templateResidue ? 'yes' : 'no'}; hidden content: ${report.hiddenContent ? 'yes' : 'no'}`,
    '',
    '## Coverage',
    '',
    '| Part | Element | Status | Line |',
    '| --- | --- | --- | --- |',
  );
  const elementsById = new Map(report.elements.map((element) => [element.id, element]));
  for (const part of PARTS) {
    for (const element of ELEMENTS.filter((spec) => spec.part === part.id)) {
      const coverage = elementsById.get(element.id);
      if (!coverage) continue;
      out.push(`| ${part.title} | ${element.title} (\`${element.id}\`) | ${STATUS_LABEL[coverage.status]} | ${coverage.line ?? ''} |`);
    }
  }
  if (report.scenarioItems.length > 0) {
    out.push('', '## Scenario checklist', '', '| Item | Status | Line |', '| --- | --- | --- |');
    for (const item of report.scenarioItems) out.push(`| \`${item.id}\` | ${STATUS_LABEL[item.status]} | ${item.line ?? ''} |`);
  }
  const pitfalls = (Object.keys(PITFALL_LABEL) as PitfallId[]).filter((id) => report.pitfalls[id]);
  out.push('', '## Pitfalls', '');
  if (pitfalls.length === 0) out.push('None found.');
  else for (const id of pitfalls) out.push(`- ${PITFALL_LABEL[id]} (\`${id}\`)`);

  out.push('', '## Findings', '');
  if (report.findings.length === 0) out.push('None.');
  const groups = groupFindingsByPart(result.findings);
  for (const { title, findings } of groups) {
    out.push(`### ${title}`, '');
    for (const finding of findings.map(toReportFinding)) {
      out.push(`- Line ${finding.line}, ${finding.severity}: ${escapeInline(finding.message)} (\`${finding.ruleId}\`)`);
    }
    out.push('');
  }
  if (groups.length === 0) out.push('');
  return out.join('\n');
}

/**
 * Findings about an element go under its part, findings about a checklist item under the scenario
 * checklist, the rest (whole-document verdicts) under "Across the document".
 */
function groupFindingsByPart(findings: readonly Finding[]): { title: string; findings: Finding[] }[] {
  const byGroup = new Map<PartId | 'checklist' | 'document', Finding[]>();
  for (const finding of findings) {
    const elementId = elementIdsByLength.find((id) => finding.ruleId.includes(id));
    const group = (elementId && partOfElement.get(elementId)) || (checklistItemIds.some((id) => finding.message.includes(id)) ? 'checklist' : 'document');
    byGroup.set(group, [...(byGroup.get(group) ?? []), finding]);
  }
  const groups = PARTS.filter((part) => byGroup.has(part.id)).map((part) => ({ title: part.title, findings: byGroup.get(part.id) ?? [] }));
  const checklist = byGroup.get('checklist');
  if (checklist) groups.push({ title: 'Scenario checklist', findings: checklist });
  const rest = byGroup.get('document');
  if (rest) groups.push({ title: 'Across the document', findings: rest });
  return groups;
}

function escapeInline(text: string): string {
  return text.replace(/([\\*_[\]<>|])/g, '\\$1');
}
