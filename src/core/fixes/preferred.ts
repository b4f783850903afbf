// "Fix all", shared by `mlsd check --fix` and the editor's fix-all so the two can never disagree.
import { applyEdits, createOffsetLookup, lineBreakOf } from './edits';
import type { AnalysisResult, ConfigError, Finding, TextEdit } from '../types';

/**
 * A guard against a rule pair that undoes each other, never reached in practice: insertions at one
 * point merge, so passes are only needed when a fix enables another (a closed code block frees the
 * sections it swallowed); fuzzed fix-alls settle in at most a few passes.
 */
const MAX_FIX_PASSES = 10;

/** An edit with its offsets in the text it applies to. */
type Span = { start: number; end: number; edit: TextEdit };

/** What one pass of a fix-all did: the text before it, the edits it applied and the text after. */
export interface FixPass {
  before: string;
  edits: readonly TextEdit[];
  after: string;
}

/**
 * Applies preferred fixes, re-analyses, and repeats until nothing more applies (bounded). Returns
 * the fixed text and its analysis (undefined when `analyzeText` gave none). `onPass` sees each pass.
 */
export function fixUntilStable<Result extends AnalysisResult | undefined>(
  text: string,
  analyzeText: (text: string) => Result,
  onPass?: (pass: FixPass) => void,
): { text: string; result: Result; applied: number } {
  let current = text;
  let result = analyzeText(current);
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES && result?.model.isDesignDoc; pass++) {
    const fixed = applyPreferredFixes(current, result.findings, result.configErrors);
    if (fixed.applied === 0 || fixed.text === current) break;
    onPass?.({ before: current, edits: fixed.edits, after: fixed.text });
    current = fixed.text;
    applied += fixed.applied;
    result = analyzeText(current);
  }
  return { text: current, result, applied };
}

/**
 * Applies the preferred fix of each finding whose edits do not touch an edit already taken, in
 * document order; a fix is taken whole or not at all. Block insertions at one point do not collide:
 * they are merged into one edit, in finding order, so a fix-all converges instead of taking one per
 * pass. Other fixes that touch wait for the next pass, after re-analysis. Suppression and
 * alternative fixes are never preferred, so --fix never hides a finding or picks between metrics
 * for the author. A problem in the document's own comments (an unused directive) is fixed the same
 * way when its fix is preferred. Returns the new text, how many fixes were taken and the edits applied.
 */
export function applyPreferredFixes(
  text: string,
  findings: readonly Finding[],
  problems: readonly ConfigError[] = [],
): { text: string; applied: number; edits: TextEdit[] } {
  const offsetOf = createOffsetLookup(text);
  const preferred = [
    // Sections inserted at one point (the end of the doc) come in template order: the checklist after the elements.
    ...findings.map((finding) => ({
      edits: finding.fixes.find((fix) => fix.isPreferred === true)?.edits,
      last: finding.subject.kind === 'item' ? 1 : 0,
    })),
    ...problems.map((problem) => ({ edits: problem.fix?.isPreferred ? problem.fix.edits : undefined, last: 0 })),
  ];
  const candidates = preferred
    .filter((candidate): candidate is { edits: TextEdit[]; last: number } => candidate.edits !== undefined && candidate.edits.length > 0)
    .map(({ edits, last }) => ({
      last,
      spans: edits.map((edit) => ({ start: offsetOf(edit.range.start), end: offsetOf(edit.range.end), edit })),
    }))
    .sort((a, b) => Math.min(...a.spans.map((s) => s.start)) - Math.min(...b.spans.map((s) => s.start)) || a.last - b.last);

  const takenSpans: Span[] = [];
  let applied = 0;
  for (const { spans } of candidates) {
    // Touching spans collide: an insertion at the end of a replaced span, or a replacement next to
    // another. Two block insertions at one point merge instead.
    const collides = spans.some((span) =>
      takenSpans.some((other) => span.start <= other.end && other.start <= span.end && !mergeable(span, other, text)),
    );
    if (collides) continue;
    for (const span of spans) {
      const same = takenSpans.find((other) => mergeable(span, other, text));
      if (!same) takenSpans.push({ ...span });
      else if (!same.edit.newText.includes(span.edit.newText))
        same.edit = { range: same.edit.range, newText: joinBlocks(same.edit.newText, span.edit.newText, lineBreakOf(text)) };
    }
    applied++;
  }
  const edits = takenSpans.map((span) => span.edit);
  return { text: applied === 0 ? text : applyEdits(text, edits), applied, edits };
}

/**
 * Two insertions at one point, each of whole lines (ending with a line break); the point may be
 * the indentation both take off the line below (see insertBlockBefore).
 */
function mergeable(a: Span, b: Span, text: string): boolean {
  return (
    a.start === b.start &&
    a.end === b.end &&
    text.slice(a.start, a.end).trim() === '' &&
    /[\r\n]$/.test(a.edit.newText) &&
    /[\r\n]$/.test(b.edit.newText)
  );
}

/** `second` after `first` as its own paragraph: one blank line between them, never two. */
function joinBlocks(first: string, second: string, lineBreak: string): string {
  const blank = lineBreak + lineBreak;
  if (first.endsWith(blank)) return first + second.replace(/^(?:\r?\n|\r)+/, '');
  if (second.startsWith(lineBreak)) return first + second;
  return first + lineBreak + second;
}
