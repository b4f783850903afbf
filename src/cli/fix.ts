import { applyEdits } from '../core';
import { createOffsetLookup } from '../core/fixes/edits';
import type { Finding, Fix } from '../core/types';

/** ESLint's bound: fixes can enable further fixes, but a rule pair that undoes each other must not loop forever. */
export const MAX_FIX_PASSES = 10;

/**
 * Applies the preferred fix of each finding whose edits do not touch an edit already taken, in
 * document order; a fix is taken whole or not at all. Fixes that collide wait for the next pass,
 * after re-analysis. Suppression and alternative fixes are never preferred, so --fix never hides a
 * finding or picks between metrics for the author. Returns the new text and how many fixes were taken.
 */
export function applyPreferredFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const offsetOf = createOffsetLookup(text);
  const candidates = findings
    .map((finding) => finding.fixes.find((fix) => fix.isPreferred === true))
    .filter((fix): fix is Fix => fix !== undefined && fix.edits.length > 0)
    .map((fix) => ({ fix, spans: fix.edits.map((edit) => ({ start: offsetOf(edit.range.start), end: offsetOf(edit.range.end) })) }))
    .sort((a, b) => Math.min(...a.spans.map((s) => s.start)) - Math.min(...b.spans.map((s) => s.start)));

  const takenSpans: { start: number; end: number }[] = [];
  const taken: Fix[] = [];
  for (const { fix, spans } of candidates) {
    // Touching spans collide too: two insertions at one point would land in an arbitrary order.
    if (spans.some((span) => takenSpans.some((other) => span.start <= other.end && other.start <= span.end))) continue;
    takenSpans.push(...spans);
    taken.push(fix);
  }
  return { text: taken.length === 0 ? text : applyEdits(text, taken.flatMap((fix) => fix.edits)), applied: taken.length };
}
