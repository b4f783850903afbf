// How much specific content a stretch of lines holds (words, numbers, quantities with units, list
// items, table rows, named systems): what the learned element verdict reads under its evidence.
// Code blocks and comments are not content.
import { lastAtOrBefore } from '../sorted';
import type { DocumentTotals, FeatureDocument } from './features';

/** How much specific content a stretch of lines holds. */
export interface ContentStats {
  words: number;
  numbers: number;
  /** Numbers with a unit or scale ("200 ms", "5%", "10M users", "$3"). */
  quantities: number;
  listItems: number;
  tableRows: number;
  /** Named systems, models and acronyms ("Kafka", "XGBoost", "BERT", "p99"). */
  namedTerms: number;
}

/** Lines read per evidence stretch: enough for a real section, bounded so a huge one costs nothing extra. */
const MAX_EVIDENCE_LINES = 80;
/** Lines read on each side of a cue phrase's line to find its paragraph or list. */
const PARAGRAPH_REACH = 6;

const NUMBER = /(?<![\p{L}_])\d+(?:[.,]\d+)?/gu;
const QUANTITY =
  /(?:[$€£¥]\s?\d|\d(?:[.,]\d+)?\s?(?:%|[kmbKMB]\b|ms\b|s\b|sec|seconds?|min(?:utes?)?\b|h\b|hours?|days?|weeks?|months?|years?|x\b|qps|rps|tps|[kmgt]b\b|[KMGT]B\b|million|billion|thousand|users?|requests?|items?|events?|rows?|samples?|docs?|documents?|queries|clicks?|dollars?|usd|мс|сек|мин|час|дн|млн|тыс))/giu;
const LIST_ITEM = /^\s{0,8}(?:[-*+]|\d{1,3}[.)])\s+\S/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}/;
/** CamelCase, ALLCAPS acronyms with two letters or more, and mixed names with digits ("p99", "GPT-4"). */
const NAMED_TERM = /\b(?:[A-Z][a-z]+[A-Z][A-Za-z0-9]*|[A-Z]{2,}[A-Za-z0-9]*|[A-Za-z]+-?\d+[A-Za-z0-9]*)\b/g;
const WORD = /[\p{L}\p{N}]/u;
const FENCE = /^\s{0,3}(?:`{3,}|~{3,})/;
const COMMENT_OPEN = '<!--';
const COMMENT_CLOSE = '-->';

function countMatches(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text)) count++;
  return count;
}

/**
 * Statistics of stretches inside one segment, by the segment's text and the stretch's place in it:
 * an edit changes one segment, and the evidence of most elements is elsewhere, so it is counted
 * once, not on every keystroke (and no text is copied to look it up).
 */
const rememberedContent = new Map<string, Map<string, ContentStats>>();
const MAX_REMEMBERED_SEGMENTS = 5_000;

/** Content statistics of lines [from, to] (at most `MAX_EVIDENCE_LINES`); code blocks and comments (suppression directives among them) are not content. */
export function contentOf(doc: FeatureDocument, totals: DocumentTotals, from: number, to: number): ContentStats {
  const first = Math.max(0, from);
  const last = Math.min(to, first + MAX_EVIDENCE_LINES - 1, doc.lines.length - 1);
  const segment = doc.segments[lastAtOrBefore(totals.segmentStarts, first)];
  if (!segment || last >= segment.startLine + segment.lineCount) return countContent(doc.lines.slice(first, last + 1));
  let bySpan = rememberedContent.get(segment.text);
  if (!bySpan) {
    if (rememberedContent.size >= MAX_REMEMBERED_SEGMENTS) rememberedContent.clear();
    bySpan = new Map();
    rememberedContent.set(segment.text, bySpan);
  }
  const key = `${first - segment.startLine}:${last - segment.startLine}`;
  let stats = bySpan.get(key);
  if (!stats) {
    stats = countContent(doc.lines.slice(first, last + 1));
    bySpan.set(key, stats);
  }
  return stats;
}

function countContent(lines: readonly string[]): ContentStats {
  const stats: ContentStats = { words: 0, numbers: 0, quantities: 0, listItems: 0, tableRows: 0, namedTerms: 0 };
  let inFence = false;
  let inComment = false;
  for (const line of lines) {
    let text = line;
    if (!inComment && FENCE.test(text)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    text = withoutComments(text, inComment);
    inComment = text === COMMENT_OPEN;
    if (inComment) text = '';
    else if (text.endsWith(COMMENT_OPEN)) {
      inComment = true;
      text = text.slice(0, -COMMENT_OPEN.length);
    }
    for (const token of text.split(/\s+/)) if (WORD.test(token)) stats.words++;
    stats.numbers += countMatches(NUMBER, text);
    stats.quantities += countMatches(QUANTITY, text);
    stats.namedTerms += countMatches(NAMED_TERM, text);
    if (LIST_ITEM.test(text)) stats.listItems++;
    else if (TABLE_ROW.test(text) && !TABLE_RULE.test(text)) stats.tableRows++;
  }
  return stats;
}

/**
 * The line without its HTML comments. A comment still open at the end of the line leaves the
 * marker `<!--` at the end, so the caller knows the next line starts inside it.
 */
function withoutComments(text: string, startsInComment: boolean): string {
  let out = '';
  let at = 0;
  let inside = startsInComment;
  while (at < text.length) {
    if (inside) {
      const close = text.indexOf(COMMENT_CLOSE, at);
      if (close < 0) return `${out}${COMMENT_OPEN}`;
      at = close + COMMENT_CLOSE.length;
      inside = false;
    } else {
      const open = text.indexOf(COMMENT_OPEN, at);
      if (open < 0) return out + text.slice(at);
      out += text.slice(at, open);
      at = open + COMMENT_OPEN.length;
      inside = true;
    }
  }
  return inside ? `${out}${COMMENT_OPEN}` : out;
}

/** The paragraph or list around a line: up to the nearest blank lines, a few lines each way. */
export function paragraphAround(lines: readonly string[], line: number): [number, number] {
  const blank = (index: number): boolean => (lines[index] ?? '').trim() === '';
  let from = line;
  while (from > 0 && line - from < PARAGRAPH_REACH && !blank(from - 1)) from--;
  let to = line;
  while (to + 1 < lines.length && to - line < PARAGRAPH_REACH && !blank(to + 1)) to++;
  return [from, to];
}
