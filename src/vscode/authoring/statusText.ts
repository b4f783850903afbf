// What the status-bar item says about the design doc being followed. Pure, so the exact text is
// unit tested. It names what the number is and leaves the error and warning counts to VS Code's own
// Problems item next to it.
import type { AnalysisResult } from '../../core/types';
import { formatMessage, type Translate } from './l10n';

export interface StatusText {
  /** With codicons, for the status bar. */
  text: string;
  tooltip: string;
}

/** The last segment of a URI path: "payments-fraud-design.md", "Untitled-1". */
export function documentName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function designDocStatus(result: AnalysisResult, name: string, t: Translate = formatMessage): StatusText {
  const score = result.model.score;
  return {
    text: `$(checklist) ${t('Design {0}/100', score)}`,
    tooltip: t('mlsd design score of {0}: {1}/100 for how much of the framework it covers. Click to show the coverage.', name, score),
  };
}
