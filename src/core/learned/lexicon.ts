// A learned lexicon per element: the words (and heading words) that mark the lines labellers cited
// as evidence of the element in the corpus's train split, each with its log-odds weight. It finds
// an element written in words outside the hand-made phrase lists ("we start from the rule engine"
// for a baseline, "Sources: clickstream logs, orders DB" for data sources), gives the learned
// verdict a line to point at, and stays readable: the weights file lists the words.
// A line's score for an element is the sum of the weights of its distinct words. Lines of code
// blocks, comments, front matter, placeholders and hollow (template) sections are never read.
// Pure and per segment: the scores of a segment depend on its text alone, so they are remembered
// by text and an edit recomputes only the segments it touched.
import type { SegmentSignals } from '../analysis/signals';
import { blankComment } from '../analysis/comments';
import { forEachMatch } from '../analysis/text-scan';
import { ELEMENT_IDS, type ElementId } from '../types';

/** Element → word → weight; heading words are prefixed with "#". */
export type Lexicon = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** A content line of a segment and its distinct words (heading words of the segment included). */
export interface TokenLine {
  /** Line relative to the segment. */
  line: number;
  tokens: readonly string[];
}

/** The best line of a segment (or a doc) for each element, by element index. */
export interface LexiconScores {
  best: Float64Array;
  /** Line of the best score (relative to the segment, or a document line once combined); -1 when none. */
  line: Int32Array;
  /** Lines scoring at least `STRONG_LINE`. */
  strongLines: Int32Array;
}

/** A line scoring this much is a clear mention (a few evidence words together). */
export const STRONG_LINE = 4;

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}_-]*/gu;
const FENCE = /^\s{0,3}(?:`{3,}|~{3,})/;

function wordsOf(text: string): string[] {
  const words: string[] = [];
  forEachMatch(TOKEN, text.toLowerCase(), (_, length, match) => {
    if (length >= 2 || /\d/.test(match[0])) words.push(match[0]);
  });
  return words;
}

/** The content lines of one segment with their words; none when the segment is hollow (a template). */
export function tokenLines(segmentText: string, signal: SegmentSignals): TokenLine[] {
  if (signal.body.hollow) return [];
  const lines = segmentText.split('\n');
  const skipped = new Set<number>();
  if (signal.frontMatter) for (let line = 0; line <= signal.frontMatter.endLine; line++) skipped.add(line);
  // A comment inside a paragraph or heading leaves the rest of its line to read.
  for (const comment of signal.comments)
    if (comment.inline) blankComment(lines, comment);
    else for (let line = comment.startLine; line <= comment.endLine; line++) skipped.add(line);
  for (const span of signal.placeholders) skipped.add(span.line);
  const headingWords = signal.heading ? wordsOf(signal.heading.title).map((word) => `#${word}`) : [];
  const out: TokenLine[] = [];
  let inFence = false;
  for (let line = signal.heading ? 1 : 0; line < lines.length; line++) {
    const text = lines[line]!;
    if (FENCE.test(text)) {
      inFence = !inFence;
      continue;
    }
    if (inFence || skipped.has(line)) continue;
    const words = wordsOf(text);
    if (words.length === 0) continue;
    out.push({ line, tokens: [...new Set([...words, ...headingWords])] });
  }
  return out;
}

/** The lexicon by word: which elements each word weighs for. */
export type LexiconIndex = ReadonlyMap<string, readonly (readonly [number, number])[]>;

export function indexLexicon(lexicon: Lexicon): LexiconIndex {
  const index = new Map<string, [number, number][]>();
  ELEMENT_IDS.forEach((id, element) => {
    for (const [word, weight] of Object.entries(lexicon[id] ?? {})) {
      const entries = index.get(word);
      if (entries) entries.push([element, weight]);
      else index.set(word, [[element, weight]]);
    }
  });
  return index;
}

export function emptyScores(): LexiconScores {
  return {
    best: new Float64Array(ELEMENT_IDS.length),
    line: new Int32Array(ELEMENT_IDS.length).fill(-1),
    strongLines: new Int32Array(ELEMENT_IDS.length),
  };
}

/** The best line per element among `lines`, earliest on a tie. */
export function scoreLines(index: LexiconIndex, lines: readonly TokenLine[]): LexiconScores {
  const scores = emptyScores();
  const sums = new Float64Array(ELEMENT_IDS.length);
  for (const { line, tokens } of lines) {
    sums.fill(0);
    for (const token of tokens) for (const [element, weight] of index.get(token) ?? []) sums[element] = sums[element]! + weight;
    for (let element = 0; element < sums.length; element++) {
      const sum = sums[element]!;
      if (sum >= STRONG_LINE) scores.strongLines[element]!++;
      if (sum > scores.best[element]!) {
        scores.best[element] = sum;
        scores.line[element] = line;
      }
    }
  }
  return scores;
}

/** Adds one segment's scores (lines relative to it) into the document's. */
export function addScores(into: LexiconScores, scores: LexiconScores, startLine: number): void {
  for (let element = 0; element < into.best.length; element++) {
    into.strongLines[element]! += scores.strongLines[element]!;
    if (scores.best[element]! > into.best[element]!) {
      into.best[element] = scores.best[element]!;
      into.line[element] = scores.line[element]! + startLine;
    }
  }
}

export const elementIndex = (id: ElementId): number => ELEMENT_IDS.indexOf(id);
