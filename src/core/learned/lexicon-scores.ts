// The learned lexicon's scores of a document: each segment's lines scored against the lexicon,
// remembered by segment text for each model (an edit rescores only the segments it changed), added
// up over the document. Computed in the located-facts phase, the last that sees segments' signals.
import type { SegmentSignals } from '../analysis/signals';
import { addScores, emptyScores, indexLexicon, scoreLines, tokenLines, type LexiconIndex, type LexiconScores } from './lexicon';
import type { ElementVerdictModel } from './model';

const segmentScores = new WeakMap<ElementVerdictModel, { index: LexiconIndex; bySegmentText: Map<string, LexiconScores> }>();
const MAX_REMEMBERED_SEGMENTS = 10_000;

export function documentLexiconScores(
  model: ElementVerdictModel,
  segments: readonly { text: string; startLine: number }[],
  signals: readonly SegmentSignals[],
): LexiconScores {
  let remembered = segmentScores.get(model);
  if (!remembered) {
    remembered = { index: indexLexicon(model.lexicon), bySegmentText: new Map() };
    segmentScores.set(model, remembered);
  }
  const total = emptyScores();
  segments.forEach((segment, index) => {
    let scores = remembered.bySegmentText.get(segment.text);
    if (!scores) {
      scores = scoreLines(remembered.index, tokenLines(segment.text, signals[index]!));
      if (remembered.bySegmentText.size >= MAX_REMEMBERED_SEGMENTS) remembered.bySegmentText.clear();
      remembered.bySegmentText.set(segment.text, scores);
    }
    addScores(total, scores, segment.startLine);
  });
  return total;
}
