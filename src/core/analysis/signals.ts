// Per-segment signals: everything the document-level verdicts need from one segment, computed by a
// pure function of the segment's text alone. Lines are relative to the segment (0 = its first line)
// so a signal can be cached by text and reused wherever the segment moves; the combiner adds the
// segment's start line. Nothing here depends on configuration.
//
// The work is split by what it reads: segment-blocks.ts walks the parsed blocks, body-summary.ts
// judges the body, content-scan.ts runs the text scans (cue-scan.ts, metric-mentions.ts) over the
// content lines.
import { parseMarkdown } from './parser';
import { summarizeBody } from './body-summary';
import { scanLines } from './content-scan';
import { openRawHtmlBlock } from './raw-html-block';
import { readBlocks } from './segment-blocks';
import type { SegmentSignals } from './signal-types';

export type {
  BodySignal,
  CommentSignal,
  CueHit,
  FacetReading,
  FrontMatterSignal,
  HeadingSignal,
  HollowReason,
  ImageHit,
  MetricHit,
  ObjectiveHit,
  SegmentSignals,
  Span,
} from './signal-types';
export { addScenarioWords } from './scenario-words';

/** Computes the signals of one segment. `text` has no trailing newline; lines are relative. */
export function computeSegmentSignals(text: string): SegmentSignals {
  const lines = text.split('\n');
  const tree = parseMarkdown(text);
  const signals: SegmentSignals = {
    lineCount: lines.length,
    body: { words: 0 },
    elementHits: new Map(),
    itemHits: new Map(),
    metrics: [],
    scenarioWords: {},
    designStatements: {},
    elementFacets: {},
    taskWords: { 'probability-estimation': 0, regression: 0, ranking: 0, 'imbalanced-classification': 0 },
    complexModels: [],
    simplerFails: [],
    objectives: [],
    placeholders: [],
    onlineMetricLabels: [],
    images: [],
    comments: [],
    lastContentLine: 0,
  };
  const openRawHtml = openRawHtmlBlock(tree);
  if (openRawHtml) signals.openRawHtml = openRawHtml;
  const { readable, kinds, unitOfLine, units, diagrams, codeBlocks } = readBlocks(tree, lines, signals);
  summarizeBody(signals, units, diagrams, codeBlocks, kinds);
  scanLines(readable, kinds, unitOfLine, signals);
  return signals;
}
