// The body summary of a segment: how many words of real content it holds, and why it does not
// count as content when it does not (empty, placeholders, an image, a diagram, bare topic names).
import type { LineKind, SegmentSignals, Unit } from './signal-types';

export function summarizeBody(
  signals: SegmentSignals,
  units: readonly Unit[],
  diagrams: number,
  codeBlocks: number,
  kinds: readonly LineKind[],
): void {
  let words = 0;
  let real = 0;
  let placeholders = 0;
  let images = 0;
  let nestedReal = 0;
  let longestUnit = 0;
  let specifics = 0;
  for (const unit of units) {
    if (unit.placeholder) placeholders++;
    else if (unit.imageOnly) images++;
    else {
      real++;
      words += unit.words;
      if (unit.nested) nestedReal++;
      longestUnit = Math.max(longestUnit, unit.words);
      if (unit.specific) specifics++;
    }
  }
  let lastContentLine = 0;
  for (let line = kinds.length - 1; line > 0; line--) {
    if (kinds[line] !== 'blank') {
      lastContentLine = line;
      break;
    }
  }
  signals.lastContentLine = lastContentLine;
  signals.body = { words };
  const otherCode = codeBlocks - diagrams;
  if (real === 0 && otherCode === 0) {
    signals.body.hollow = placeholders > 0 ? 'placeholder' : images > 0 ? 'image' : diagrams > 0 ? 'diagram' : 'empty';
  } else if (otherCode === 0 && longestUnit < 6 && nestedReal === 0 && words < 12 && specifics === 0) {
    // A few short bullets that only name topics ("A/B Test", "Monitoring"): an unfilled template.
    // A short line leading into a diagram ("Our pipeline:") only introduces it: the diagram is the content.
    signals.body.hollow = diagrams > 0 ? 'diagram' : 'bare';
  }
}
