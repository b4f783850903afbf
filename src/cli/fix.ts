import type { Finding, Fix, Position } from '../core/types';

/** ESLint's bound: fixes can enable further fixes, but a rule pair that undoes each other must not loop forever. */
export const MAX_FIX_PASSES = 10;

/**
 * Applies the preferred fix of each finding whose edits do not overlap an edit already taken, in
 * document order. Fixes that collide wait for the next pass, after re-analysis.
 * Returns the new text and how many fixes were applied.
 */
export function applyPreferredFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const offsetOf = createOffsetLookup(text);
  const candidates = findings
    .map((finding) => finding.fixes.find((fix) => fix.isPreferred === true))
    .filter((fix): fix is Fix => fix !== undefined && fix.edits.length > 0)
    .map((fix) => ({
      edits: fix.edits
        .map((edit) => ({ start: offsetOf(edit.range.start), end: offsetOf(edit.range.end), newText: edit.newText }))
        .sort((a, b) => a.start - b.start || a.end - b.end),
    }))
    .sort((a, b) => (a.edits[0]?.start ?? 0) - (b.edits[0]?.start ?? 0));

  const taken: { start: number; end: number; newText: string }[] = [];
  let applied = 0;
  for (const candidate of candidates) {
    // Two insertions at the same point also collide: their order would be arbitrary.
    const collides = candidate.edits.some((edit) => taken.some((other) => edit.start <= other.end && other.start <= edit.end));
    if (collides) continue;
    taken.push(...candidate.edits);
    applied++;
  }
  taken.sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of taken) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return { text: result, applied };
}

function createOffsetLookup(text: string): (position: Position) => number {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return ({ line, character }) => {
    if (line >= lineStarts.length) return text.length;
    const start = lineStarts[line] as number;
    const next = line + 1 < lineStarts.length ? (lineStarts[line + 1] as number) - 1 : text.length;
    return Math.min(start + character, next);
  };
}
