import { toReportFinding } from '../../core/report';
import type { CheckOutput } from './types';

/** One entry per checked file, findings 1-based; configuration problems listed with the files they came from. */
export function formatJson({ files, configProblems }: CheckOutput): string {
  const results = files.map(({ displayPath, isDesignDoc, findings: fileFindings }) => {
    const findings = fileFindings.map(toReportFinding);
    return {
      file: displayPath,
      isDesignDoc,
      errorCount: findings.filter((f) => f.severity === 'error').length,
      warningCount: findings.filter((f) => f.severity === 'warning').length,
      fixableCount: findings.filter((f) => f.fixable).length,
      findings,
    };
  });
  return `${JSON.stringify({ results, configProblems }, null, 2)}\n`;
}
