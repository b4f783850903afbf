import { toReportFinding } from '../../core/report';
import type { Severity } from '../../core/types';
import type { CheckOutput } from './types';

const plain = (text: string): string => text;
const ansi =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`;
const PLAIN_STYLE = { path: plain, position: plain, ruleId: plain, error: plain, warning: plain, info: plain, hint: plain, bold: plain };
const COLOR_STYLE = {
  path: ansi(4, 24),
  position: ansi(2, 22),
  ruleId: ansi(2, 22),
  error: ansi(31, 39),
  warning: ansi(33, 39),
  info: ansi(34, 39),
  hint: ansi(34, 39),
  bold: ansi(1, 22),
};

/**
 * ESLint's "stylish" layout: one block per file with aligned columns, then a summary line. A
 * problem with the document's own suppression comments or front matter is a row of its block (no
 * rule), counted like a finding, as ESLint lists an unused disable directive; a config file's
 * problems get a block of their own, first, so the summary counts what --max-warnings counts.
 * Colours only when asked.
 */
export function formatText({ files, configProblems, color }: CheckOutput): string {
  const style = color ? COLOR_STYLE : PLAIN_STYLE;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  const blocks: string[] = [];
  const documents = new Set(files.map((file) => file.displayPath));
  const configFiles = [...new Set(configProblems.map((problem) => problem.displayPath))]
    .filter((displayPath) => !documents.has(displayPath))
    .map((displayPath) => ({ displayPath, findings: [] }));
  for (const { displayPath, findings } of [...configFiles, ...files]) {
    const problems = configProblems.filter((problem) => problem.displayPath === displayPath);
    if (findings.length === 0 && problems.length === 0) continue;
    const located = mergeByPosition(
      findings.map(toReportFinding).map((finding) => {
        if (finding.fixable) fixable++;
        return { ...finding, ruleId: finding.ruleId as string };
      }),
      problems.map((problem) => {
        if (problem.fixable) fixable++;
        return { ...problem, ruleId: '' };
      }),
    );
    const rows = located.map((row) => {
      counts[row.severity]++;
      return { position: `${row.line}:${row.column}`, severity: row.severity, message: row.message, ruleId: row.ruleId };
    });
    // Widths come from the plain text; colour codes are added after padding so columns stay aligned.
    const positionWidth = Math.max(...rows.map((row) => row.position.length));
    const severityWidth = Math.max(...rows.map((row) => row.severity.length));
    const messageWidth = Math.max(...rows.map((row) => row.message.length));
    // A problem that is no rule's ends at its message, with no padding after it.
    const lines = rows.map((row) =>
      [
        `  ${style.position(row.position.padEnd(positionWidth))}`,
        style[row.severity](row.severity.padEnd(severityWidth)),
        ...(row.ruleId ? [row.message.padEnd(messageWidth), style.ruleId(row.ruleId)] : [row.message]),
      ].join('  '),
    );
    blocks.push(`${style.path(displayPath)}\n${lines.join('\n')}\n`);
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return '';
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info > 0) parts.push(plural(counts.info, 'info'));
  if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
  const summaryStyle = counts.error > 0 ? style.error : style.warning;
  let summary = `${summaryStyle(style.bold(`${counts.error > 0 ? '✖' : '⚠'} ${plural(total, 'problem')} (${parts.join(', ')})`))}\n`;
  if (fixable > 0) summary += `  ${plural(fixable, 'problem')} fixable with the --fix option.\n`;
  return `\n${blocks.join('\n')}\n${summary}`;
}

interface Positioned {
  line: number;
  column: number;
}

/** The findings in their order, each problem before the first finding after its position. */
function mergeByPosition<T extends Positioned>(findings: readonly T[], problems: readonly T[]): T[] {
  const pending = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
  const before = (a: T, b: T): boolean => a.line < b.line || (a.line === b.line && a.column < b.column);
  const merged: T[] = [];
  let next = 0;
  for (const finding of findings) {
    while (next < pending.length && before(pending[next]!, finding)) merged.push(pending[next++]!);
    merged.push(finding);
  }
  return [...merged, ...pending.slice(next)];
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
