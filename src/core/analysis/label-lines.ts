// Label lines read as structure: "**Data sources:** click logs and the catalogue", "- Baseline: a
// rule engine...", "<li><b>Monitoring:</b> ...</li>". A reader takes such a label as a small
// heading: a label that names an element, with its answer on the same line, shows the element is
// addressed (partial on its own, present with another cue; the weight was chosen on the corpus's
// dev split, 1 over 1.5 and 2). A label alone on its line with the answer below is left out: on
// train and dev it added little, and it made a thin constraints list present in the shared corpus.
import { ELEMENTS } from '../framework/elements';
import { normalizeHeading } from '../framework/patterns';
import type { ElementId } from '../types';
import type { CueHit } from './signals';

/** Labels longer than this are sentences with a colon in them, not labels. */
const MAX_LABEL = 60;
const MAX_LABEL_WORDS = 6;
/** Words of answer a label needs on its line. */
const MIN_ANSWER_WORDS = 4;
/** Supporting evidence: a labelled answer alone is often thin (no number, no named system). */
const LABEL_WEIGHT = 1;
const LIST_MARKER = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/;

/** Which elements a label names, by the elements' specific heading aliases; remembered per label. */
const namedByLabel = new Map<string, ElementId[]>();
const MAX_REMEMBERED = 5_000;

function elementsNamed(label: string): ElementId[] {
  let named = namedByLabel.get(label);
  if (named === undefined) {
    // The alias must be most of the label: "Latency vs accuracy:" names a trade-off, not the constraints.
    const names = (pattern: RegExp): boolean => 2 * (pattern.exec(label)?.[0].length ?? 0) >= label.length;
    named = ELEMENTS.filter((spec) =>
      spec.headings.some((alias) => alias.strength === 'specific' && !alias.underPart && names(alias.pattern)),
    ).map((spec) => spec.id);
    // "Baseline model:" names the model baseline only, as the same heading does.
    if (named.includes('model.baseline')) named = named.filter((id) => id !== 'framing.baseline');
    if (namedByLabel.size >= MAX_REMEMBERED) namedByLabel.clear();
    namedByLabel.set(label, named);
  }
  return named;
}

const countWords = (text: string): number => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

/**
 * Cue hits for labels naming elements. `content` is the segment's readable lines (blank where a
 * line is not content).
 */
export function labelHits(content: readonly string[]): Map<ElementId, CueHit[]> {
  const hits = new Map<ElementId, CueHit[]>();
  for (let line = 0; line < content.length; line++) {
    const text = content[line]!;
    if (text === '') continue;
    const marker = LIST_MARKER.exec(text);
    const start = marker ? marker[0].length : text.length - text.trimStart().length;
    const label = readLabel(text, start);
    if (!label) continue;
    const answer = countWords(text.slice(label.end));
    if (answer < MIN_ANSWER_WORDS) continue;
    const normalized = normalizeHeading(text.slice(start, label.end));
    if (normalized === '' || normalized.length > MAX_LABEL || countWords(normalized) > MAX_LABEL_WORDS) continue;
    for (const id of elementsNamed(normalized)) {
      const hit: CueHit = { line, start, end: label.end, weight: LABEL_WEIGHT, substantive: true, phrase: `label:${normalized}` };
      const list = hits.get(id);
      if (list) list.push(hit);
      else hits.set(id, [hit]);
    }
  }
  return hits;
}

/** The label at `start`: text up to a colon within MAX_LABEL characters ("Data sources:", "**Data sources:**", "**Data sources**:"). */
function readLabel(text: string, start: number): { end: number } | undefined {
  const limit = Math.min(text.length, start + MAX_LABEL + 4);
  for (let index = start; index < limit; index++) {
    const char = text[index];
    if (char === ':' || char === '：') {
      let end = index + 1;
      while (text[end] === '*' || text[end] === '_') end++;
      // "http://", "10:30": not labels.
      if (text[end] !== undefined && text[end] !== ' ' && text[end] !== '\t') return undefined;
      return index > start ? { end } : undefined;
    }
  }
  return undefined;
}
