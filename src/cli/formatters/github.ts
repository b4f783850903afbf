import { toReportFinding } from '../../core/report';
import type { Severity } from '../../core/types';
import type { CheckOutput } from './types';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** GitHub Actions workflow commands, which the runner turns into annotations on the pull request. */
export function formatGithub({ files, configProblems }: CheckOutput): string {
  const lines: string[] = [];
  for (const problem of configProblems) {
    lines.push(command(problem.severity, problem.displayPath, problem, 'mlsd configuration', problem.message));
  }
  for (const { displayPath, findings } of files) {
    for (const finding of findings.map(toReportFinding)) {
      lines.push(command(COMMAND[finding.severity], displayPath, finding, finding.ruleId, finding.message));
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function command(
  kind: string,
  file: string,
  at: { line: number; column: number; endLine: number; endColumn: number },
  title: string,
  message: string,
): string {
  const properties = [
    `file=${escapeProperty(file)}`,
    `line=${at.line}`,
    `col=${at.column}`,
    `endLine=${at.endLine}`,
    `endColumn=${at.endColumn}`,
    `title=${escapeProperty(title)}`,
  ];
  return `::${kind} ${properties.join(',')}::${escapeData(message)}`;
}

// The runner's own escaping rules: data escapes %, CR and LF; properties also escape : and ,.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
