// Words for what a partial element or checklist item still lacks: one home for the hover, the
// coverage view, the findings and the Markdown review.
import type { CoverageGap, CoverageStatus } from './types';

const GAP_TEXT: Record<CoverageGap, string> = {
  'only-placeholder': 'only a TODO or an unfilled template prompt',
  'empty-section': 'a heading with nothing under it',
  'only-bare-bullets': 'only bare topic bullets, no content',
  'only-image': 'only an image, no text',
  'only-diagram': 'only a diagram, no text',
  'only-part-heading': 'only a heading over sections about other elements',
  'passing-mention': 'only a passing mention, never addressed',
  'no-number': 'no number with a unit',
  'no-measure': 'a goal with no measure of success',
  'one-monitoring-signal': 'one signal watched (drift, live quality, logs or alerts), with no threshold or test',
  'one-rollout-step': 'one step of a rollout named (an A/B test, versions or a rollback), with no share, duration or phases',
  'single-outcome-metric': 'one outcome metric, no stated business goal',
  'no-business-metric': 'no business metric for it to drive',
  'not-linked': 'no stated link to the business metric it should drive',
};

/** Gaps that are template residue: the element is named but nothing was written, so it earns no score. */
export const RESIDUE_GAPS: ReadonlySet<CoverageGap> = new Set(['only-placeholder', 'empty-section', 'only-bare-bullets']);

/**
 * Whether every entry short of present is an unfilled template section: template-residue reports
 * those, and a pitfall resting on them waits until they are written (a freshly rendered template
 * has every section, only unfilled).
 */
export function onlyResidueGaps(entries: readonly { status: CoverageStatus; gap?: CoverageGap }[]): boolean {
  const gaps = entries.filter((entry) => entry.status !== 'present');
  return gaps.length > 0 && gaps.every((entry) => entry.gap !== undefined && RESIDUE_GAPS.has(entry.gap));
}

export function describeGap(gap: CoverageGap): string {
  return GAP_TEXT[gap];
}
