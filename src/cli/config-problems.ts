import type { CliContext } from './context';
import type { ShownConfigProblem } from './formatters/types';

/**
 * Compiler-style lines on stderr ("file:line:col: severity: message"), which editors and terminals
 * link; `shownElsewhere` are those the output itself lists (the text format's file blocks).
 */
export function showConfigProblems(
  problems: readonly ShownConfigProblem[],
  context: CliContext,
  shownElsewhere: (problem: ShownConfigProblem) => boolean = () => false,
): void {
  for (const problem of problems) {
    if (shownElsewhere(problem)) continue;
    context.stderr(`${problem.displayPath}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message}\n`);
  }
  if (problems.some((problem) => problem.severity === 'error')) {
    context.stderr('mlsd: the configuration has errors; the parts in error were ignored and defaults used.\n');
  }
}
