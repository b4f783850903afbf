// What the status-bar item says about the active design doc. Pure, so the exact text is unit tested.
import type { AnalysisResult, Severity } from '../../core/types';
import { formatMessage, type Translate } from './l10n';

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

export function countFindings(result: AnalysisResult): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  const bucket: Record<Severity, keyof FindingCounts> = { error: 'error', warning: 'warning', info: 'info', hint: 'info' };
  for (const finding of result.findings) counts[bucket[finding.severity]]++;
  return counts;
}

export interface StatusText {
  /** With codicons, for the status bar. */
  text: string;
  tooltip: string;
}

export function designDocStatus(result: AnalysisResult, t: Translate = formatMessage): StatusText {
  const counts = countFindings(result);
  const score = result.model.score;
  return {
    text: `$(checklist) ${score} $(error) ${counts.error} $(warning) ${counts.warning} $(info) ${counts.info}`,
    tooltip: t(
      'mlsd: design score {0}/100 · {1} errors, {2} warnings, {3} infos. Click to show the framework coverage.',
      score,
      counts.error,
      counts.warning,
      counts.info,
    ),
  };
}
