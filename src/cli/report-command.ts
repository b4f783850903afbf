import path from 'node:path';
import { describeGap } from '../core/coverage-gaps';
import {
  AWAITS_TEMPLATE,
  awaitsTemplate,
  renderMarkdownReport,
  toDesignReport,
  type DesignReport,
  type ReportCoverage,
} from '../core/report';
import type { PitfallId } from '../core/types';
import { oneOf, parseCommandLine } from './args';
import { analyzeWithSettings } from './check-document';
import { showConfigProblems } from './config-problems';
import { EXIT_OK, EXIT_USAGE, type CliContext } from './context';
import { DocumentSet, STDIN_OPERAND } from './documents';
import { isExclusion } from './files';
import { UsageError } from './usage-error';

const FORMATS = ['text', 'json', 'markdown'] as const;

export async function runReport(args: readonly string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandLine('report', args, { format: { type: 'string' }, config: { type: 'string' } });
  const format = oneOf('format', values.format, FORMATS, 'text');
  if (positionals.length === 0) throw new UsageError('report needs at least one FILE.');

  const documents = new DocumentSet(context, values.config as string | undefined);
  const reports: { report: DesignReport; markdown: string }[] = [];
  for await (const document of documents.documents(positionals)) {
    const result = analyzeWithSettings(document, document.text);
    documents.addProblems(document.displayPath, result.configErrors);
    reports.push({
      report: toDesignReport(result, document.displayPath),
      markdown: format === 'markdown' ? renderMarkdownReport(result, document.displayPath) : '',
    });
  }

  if (format === 'json') {
    // The shape follows the command line, not how many documents a folder held: one file named, one object.
    const named = positionals.filter((operand) => !isExclusion(operand));
    const oneFileNamed =
      named.length === 1 && (named[0] === STDIN_OPERAND || (await context.host.kindOf(path.resolve(context.cwd, named[0]!))) === 'file');
    const json = oneFileNamed ? reports[0]?.report : reports.map(({ report }) => report);
    if (json !== undefined) context.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else if (format === 'markdown') {
    context.stdout(reports.map(({ markdown }) => markdown).join('\n'));
  } else {
    context.stdout(reports.map(({ report }) => renderTextReport(report)).join('\n'));
  }
  showConfigProblems(documents.configProblems, context);
  if (documents.failed > 0) context.stderr(`mlsd: ${documents.failed} file${documents.failed === 1 ? '' : 's'} could not be read.\n`);
  return documents.failed > 0 || documents.configProblems.some((problem) => problem.severity === 'error') ? EXIT_USAGE : EXIT_OK;
}

const STATUS_MARK = { present: '✔', partial: '◐', missing: '✖' } as const;

function coverageLine(entry: ReportCoverage): string {
  return `    ${STATUS_MARK[entry.status]} ${entry.status.padEnd(7)}  ${entry.id}${entry.line === null ? '' : `  (line ${entry.line})`}${entry.gap ? `: ${describeGap(entry.gap)}` : ''}`;
}

/** A terminal-sized summary: verdicts first, then coverage, then what to fix. */
function renderTextReport(report: DesignReport): string {
  if (!report.isDesignDoc) return `${report.file}: not a design document (nothing to review).\n`;
  const pitfalls = Object.entries(report.pitfalls)
    .filter(([, present]) => present)
    .map(([id]) => (awaitsTemplate(report, id as PitfallId) ? `${id} (${AWAITS_TEMPLATE})` : id));
  const lines = [
    `${report.file}: score ${report.score}/100`,
    `  scenario ${report.scenario.id} (${report.scenario.source}), task ${report.task}, offline metric ${report.offlineMetric}`,
    `  pitfalls: ${pitfalls.length > 0 ? pitfalls.join(', ') : 'none'}${report.templateResidue ? '; template residue' : ''}${report.hiddenContent ? '; hidden content' : ''}`,
    '',
    '  Elements',
    ...report.elements.map(coverageLine),
  ];
  if (report.scenarioItems.length > 0) {
    lines.push('', `  ${report.scenario.id} checklist`);
    for (const item of report.scenarioItems) {
      lines.push(coverageLine(item));
    }
  }
  lines.push(
    '',
    `  ${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}${report.findings.length > 0 ? ' (run "mlsd check" for details)' : ''}`,
  );
  return `${lines.join('\n')}\n`;
}
