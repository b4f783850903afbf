// The learned lexicon's scores of a document: each segment's lines scored against the lexicon,
// remembered by segment text for each model (an edit rescores only the segments it changed), added
// up over the document. Computed in the located-facts phase, the last that sees segments' signals.
import type { SegmentSignals } from '../analysis/signals';
import { addScores, emptyScores, indexLexicon, scoreLines, tokenLines, type LexiconIndex, type LexiconScores } from './lexicon';
import type { ElementVerdictModel } from './model';

/**
 * Per model, the scores by segment text, and the last document's signals and scores in segment
 * order: after a keystroke nearly every segment has the signals it had at the same place (signals
 * are a function of the segment's text), so its scores are found there, not looked up by text.
 */
const segmentScores = new WeakMap<
  ElementVerdictModel,
  {
    index: LexiconIndex;
    bySegmentText: Map<string, LexiconScores>;
    lastSignals: readonly SegmentSignals[];
    lastScores: readonly LexiconScores[];
  }
>();
const MAX_REMEMBERED_SEGMENTS = 10_000;

export function documentLexiconScores(
  model: ElementVerdictModel,
  segments: readonly { text: string; startLine: number }[],
  signals: readonly SegmentSignals[],
): LexiconScores {
  let remembered = segmentScores.get(model);
  if (!remembered) {
    remembered = { index: indexLexicon(model.lexicon), bySegmentText: new Map(), lastSignals: [], lastScores: [] };
    segmentScores.set(model, remembered);
  }
  const { lastSignals, lastScores } = remembered;
  const scores: LexiconScores[] = [];
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    let segmentScores = lastSignals[index] === signals[index] ? lastScores[index] : remembered.bySegmentText.get(segment.text);
    if (!segmentScores) {
      segmentScores = scoreLines(remembered.index, tokenLines(segment.text, signals[index]!));
      if (remembered.bySegmentText.size >= MAX_REMEMBERED_SEGMENTS) remembered.bySegmentText.clear();
      remembered.bySegmentText.set(segment.text, segmentScores);
    }
    scores.push(segmentScores);
  }
  remembered.lastSignals = signals;
  remembered.lastScores = scores;
  const total = emptyScores();
  for (let from = 0; from < segments.length; from += SEGMENTS_PER_RUN)
    addScores(total, runScores(segments, scores, from), segments[from]!.startLine);
  return total;
}

/**
 * The scores of a run of consecutive segments (lines relative to its first), kept while the run's
 * segments have the same scores: an edit adds up again only the run it changed. Scores are
 * remembered by segment text, so the same scores mean the same texts, hence the same lines apart.
 */
interface RunScores {
  parts: readonly LexiconScores[];
  scores: LexiconScores;
}

const SEGMENTS_PER_RUN = 16;
/** By the scores of the run's first segment; a few each, as equal segments share them. */
const runsByFirst = new WeakMap<LexiconScores, RunScores[]>();
const RUNS_PER_FIRST = 4;

function runScores(segments: readonly { startLine: number }[], scores: readonly LexiconScores[], from: number): LexiconScores {
  const to = Math.min(segments.length, from + SEGMENTS_PER_RUN);
  const remembered = runsByFirst.get(scores[from]!);
  if (remembered) for (const run of remembered) if (samePartsAt(run.parts, scores, from, to)) return run.scores;
  const run: RunScores = { parts: scores.slice(from, to), scores: emptyScores() };
  for (let index = from; index < to; index++) addScores(run.scores, scores[index]!, segments[index]!.startLine - segments[from]!.startLine);
  if (!remembered) runsByFirst.set(scores[from]!, [run]);
  else {
    if (remembered.length >= RUNS_PER_FIRST) remembered.shift();
    remembered.push(run);
  }
  return run.scores;
}

function samePartsAt(parts: readonly LexiconScores[], scores: readonly LexiconScores[], from: number, to: number): boolean {
  if (parts.length !== to - from) return false;
  for (let index = from; index < to; index++) if (parts[index - from] !== scores[index]) return false;
  return true;
}
