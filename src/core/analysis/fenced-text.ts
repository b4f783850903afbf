// The text a reader reads in a code block that holds no code: a fence with no language (or "text"),
// or an indented block, around prose, "label: value" lines or a pipeline drawn with arrows.
// Design docs put their architecture and their plans in such blocks, and a reader takes the words
// in them ("Feature store", "retrain weekly") as the doc's content. A block with code in it (a
// command, an assignment, a file tree, braces) stays code, and so does a box drawing. Arrow glyphs
// are blanked in place, so every word keeps its line and column.
import type { Code } from 'mdast';
import { mermaidText } from './mermaid-text';

/** Languages a writer gives a fence that holds no code. */
const PLAIN_LANGS = new Set(['', 'text', 'txt', 'plaintext', 'plain', 'ascii']);
/** Share of a block's lines that may look like code before the block is read as code. */
const MAX_CODE_SHARE = 0.2;

/** A line that reads as code, a shell command, markup or a file listing rather than as text. */
const CODE_LINE = new RegExp(
  [
    String.raw`[;{}]\s*$`,
    String.raw`^\s*[{}\[\]]`,
    String.raw`^\s*(?:def|class|import|from\s+\S+\s+import|return|const|let|var|function|public|private|#include|#!)\b`,
    String.raw`^\s*(?:\$|>>>|%)\s`,
    String.raw`^\s*(?:sudo|docker|pip3?|npm|yarn|git|curl|wget|python3?|cd|ls|mkdir|export|kubectl|helm|make|uvicorn|mlflow)\s`,
    String.raw`^\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE|WITH)\s`,
    String.raw`^\s*[\w.\[\]"']+\s*(?:=|\+=|:=)\s*\S`,
    String.raw`[├└]──`,
    String.raw`^\s*[\w.-]+/\s*(?:#.*)?$`,
    String.raw`^\s*[\w-]+\.(?:py|ts|js|json|ya?ml|md|txt|csv|sql|sh|ipynb|toml|cfg|ini|env|joblib|pkl)\b`,
    String.raw`^\s*<\/?[a-z][\w-]*[\s>]`,
    String.raw`^\s*\[\^?[\w-]+\]:\s`,
  ].join('|'),
  'i',
);
const BOX_DRAWING = /[\u2500-\u257F]|[-=+]{3,}/;
/** Glyphs of a drawn pipeline (box drawing, arrows, bullets), blanked so only the words are read. */
const DIAGRAM_GLYPHS = /[\u2190-\u21FF\u2500-\u259F\u25A0-\u25FF\u2022\u27F6\u279C]|[-=~_+|<>.*]{2,}|(?<=\s|^)[|+v^](?=\s|$)/g;
const WORD = /[\p{L}\p{N}]{2,}/u;

export interface FencedText {
  /** Document line (relative to the segment) of the block's first content line. */
  startLine: number;
  /** Each content line as the reader sees it: diagram glyphs blanked, same length. */
  lines: string[];
  /** Lines (relative to `startLine`) holding words: each is one piece of content, as a diagram's boxes are. */
  wordLines: number[];
}

/**
 * The text of a fenced or indented block that holds no code, or undefined when it holds code or
 * its fence names a language. `lines` are the segment's lines.
 */
export function fencedText(node: Code, lines: readonly string[]): FencedText | undefined {
  const lang = (node.lang ?? '').toLowerCase();
  const diagram = lang === 'mermaid';
  if (!diagram && !PLAIN_LANGS.has(lang)) return undefined;
  const openLine = (node.position?.start.line ?? 1) - 1;
  const endLine = (node.position?.end.line ?? 1) - 1;
  const column = (node.position?.start.column ?? 1) - 1;
  // An indented block has no fence lines: all its lines are content.
  const fence = /^\s*(`{3,}|~{3,})/.exec((lines[openLine] ?? '').slice(column));
  const last = (lines[endLine] ?? '').trim();
  const closes = fence !== null && endLine > openLine && last.endsWith(fence[1]!) && /^[>\s]*[`~]+$/.test(last);
  const startLine = fence ? openLine + 1 : openLine;
  const content = lines.slice(startLine, closes ? endLine : endLine + 1);
  if (diagram) {
    const labels = mermaidText(content);
    return labels && { startLine, ...labels };
  }
  let codeLike = 0;
  let nonBlank = 0;
  for (const line of content) {
    if (line.trim() === '') continue;
    // A box drawing is a picture: its words are labels in boxes, not sentences (chosen on dev over reading them).
    if (BOX_DRAWING.test(line)) return undefined;
    nonBlank++;
    if (CODE_LINE.test(line)) codeLike++;
  }
  if (nonBlank === 0 || codeLike > MAX_CODE_SHARE * nonBlank) return undefined;
  const readable = content.map((line) => line.replace(DIAGRAM_GLYPHS, (glyphs) => ' '.repeat(glyphs.length)));
  const wordLines: number[] = [];
  readable.forEach((line, index) => {
    if (WORD.test(line)) wordLines.push(index);
  });
  return wordLines.length ? { startLine, lines: readable, wordLines } : undefined;
}
