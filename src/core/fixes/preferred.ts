// "Fix all", shared by `mlsd check --fix` and the editor's fix-all so the two can never disagree.
import { applyEdits, createOffsetLookup } from './edits';
import type { AnalysisResult, Finding, Fix } from '../types';

/** ESLint's bound: fixes can enable further fixes, but a rule pair that undoes each other must not loop forever. */
const MAX_FIX_PASSES = 10;

/**
 * Applies preferred fixes, re-analyses, and repeats until nothing more applies (bounded). Returns
 * the fixed text and its analysis (undefined when `analyzeText` gave none).
 */
export function fixUntilStable<Result extends AnalysisResult | undefined>(text: string, analyzeText: (text: string) => Result): { text: string; result: Result } {
  let current = text;
  let result = analyzeText(current);
  for (let pass = 0; pass < MAX_FIX_PASSES && result?.model.isDesignDoc; pass++) {
    const fixed = applyPreferredFixes(current, result.findings);
    if (fixed.applied === 0 || fixed.text === current) break;
    current = fixed.text;
    result = analyzeText(current);
  }
  return { text: current, result };
}

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
