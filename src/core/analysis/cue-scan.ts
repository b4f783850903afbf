// Cue scanning: where the segment's content uses the phrases that show a framework element or a
// checklist item is addressed.
import { ELEMENTS, type Cue } from '../framework/elements';
import { CHECKLIST_ITEMS } from '../framework/scenarios';
import type { ElementId } from '../types';
import type { CueHit, Locator, SegmentSignals } from './signal-types';

/** All cues of one element (or checklist item) as one regex, one capture group per cue. */
interface CueScanner {
  id: string;
  pattern: RegExp;
  weights: readonly number[];
}

function cueScanner(id: string, cues: readonly Cue[]): CueScanner {
  return { id, pattern: new RegExp(cues.map((cue) => `(${cue.pattern.source})`).join('|'), 'gi'), weights: cues.map((cue) => cue.weight) };
}

// One pass per element instead of one per cue: the scans run over every line of every document.
const ELEMENT_SCANNERS = ELEMENTS.map((element) => cueScanner(element.id, element.cues));
const ITEM_SCANNERS = CHECKLIST_ITEMS.map((item) => cueScanner(item.id, item.cues));

/**
 * Records the element and checklist-item cue hits of the content. `text` is the content as the cues
 * read it (hard-wrapped paragraphs unwrapped), `locate` maps its offsets back to lines.
 */
export function scanElementCues(
  text: string,
  locate: Locator,
  substantiveAt: (line: number) => boolean,
  lines: readonly string[],
  signals: SegmentSignals,
): void {
  for (const scanner of ELEMENT_SCANNERS) {
    const hits = scanCues(scanner, text, locate, substantiveAt, lines);
    if (hits.length) signals.elementHits.set(scanner.id as ElementId, hits);
  }
  for (const scanner of ITEM_SCANNERS) {
    const hits = scanCues(scanner, text, locate, substantiveAt, lines);
    if (hits.length) signals.itemHits.set(scanner.id, hits);
  }
}

function scanCues(
  scanner: CueScanner,
  text: string,
  locate: Locator,
  substantiveAt: (line: number) => boolean,
  lines: readonly string[],
): CueHit[] {
  const hits: CueHit[] = [];
  const { pattern, weights } = scanner;
  // The next search starts right after a match's start, so a long phrase does not hide a shorter
  // cue inside it ("stream through Kafka into the warehouse" and "Kafka"). Each exec is positioned
  // explicitly, so nothing depends on where an earlier scan left the pattern; a copy of the pattern
  // per scan (or matchAll, which makes one) made computing signals 9% slower.
  for (let match = execFrom(pattern, text, 0); match; match = execFrom(pattern, text, match.index + 1)) {
    if (match[0].length === 0) continue;
    let group = 1;
    while (match[group] === undefined && group < weights.length) group++;
    const span = locate(match.index, match.index + match[0].length);
    const phrase = (lines[span.line] ?? '').slice(span.start, span.end).toLowerCase();
    hits.push({
      line: span.line,
      start: span.start,
      end: span.end,
      weight: weights[group - 1]!,
      substantive: substantiveAt(span.line),
      phrase,
    });
  }
  return hits;
}

/** The first match of the global `pattern` in `text` at or after `from`. */
function execFrom(pattern: RegExp, text: string, from: number): RegExpExecArray | null {
  pattern.lastIndex = from;
  return pattern.exec(text);
}
