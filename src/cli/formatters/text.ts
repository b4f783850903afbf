import { toReportFinding } from '../../core/report';
import type { Severity } from '../../core/types';
import type { CheckOutput } from './types';

/** ESLint's "stylish" layout: one block per file with aligned columns, then a summary line. */
export function formatText({ files }: CheckOutput): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  const blocks: string[] = [];
  for (const { displayPath, result } of files) {
    if (result.findings.length === 0) continue;
    const rows = result.findings.map(toReportFinding).map((finding) => {
      counts[finding.severity]++;
      if (finding.fixable) fixable++;
      return [`${finding.line}:${finding.column}`, finding.severity, finding.message, finding.ruleId];
    });
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => (row[column] as string).length)));
    const lines = rows.map((row) => `  ${row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column] as number) : cell)).join('  ')}`);
    blocks.push(`${displayPath}\n${lines.join('\n')}\n`);
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return '';
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info > 0) parts.push(plural(counts.info, 'info'));
  if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
  let summary = `${counts.error > 0 ? '✖' : '⚠'} ${plural(total, 'problem')} (${parts.join(', ')})\n`;
  if (fixable > 0) summary += `  ${plural(fixable, 'problem')} fixable with the --fix option.\n`;
  return `\n${blocks.join('\n')}\n${summary}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
