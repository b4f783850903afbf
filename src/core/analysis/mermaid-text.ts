// The words a reader reads in a Mermaid flowchart: the labels of its boxes ("FRAUD[Fraud check]"),
// of its arrows ("-->|nightly|") and of its subgraphs. Design docs draw their pipeline this way,
// and the labellers cite those lines as where the doc shows its ingestion, serving and monitoring.
// Node ids, arrows, keywords and styling are blanked in place, so every word keeps its column.
import type { Code } from 'mdast';
import type { FencedText } from './fenced-text';

/** The first line of a flowchart ("graph TD", "flowchart LR"); other diagram kinds stay unread. */
const FLOWCHART = /^\s*(?:graph|flowchart)\b/i;
/** Lines that only style, link or comment: nothing on them is read. */
const NOT_READ = /^\s*(?:%%|style\b|classDef\b|class\b|linkStyle\b|click\b|direction\b|end\s*$)/i;
const SUBGRAPH = /^(\s*subgraph\s+)/i;
const OPENERS = '[({';
const CLOSERS = '])}';
const MARKUP = /<[^<>]*>|\\n|&\w+;|["`]/g;
const WORD = /[\p{L}\p{N}]{2,}/u;

/** The label text of a Mermaid flowchart block, or undefined when the block is not one. `lines` are the segment's lines. */
export function mermaidText(node: Code, lines: readonly string[]): FencedText | undefined {
  if ((node.lang ?? '').toLowerCase() !== 'mermaid') return undefined;
  const openLine = (node.position?.start.line ?? 1) - 1;
  const endLine = (node.position?.end.line ?? 1) - 1;
  const startLine = openLine + 1;
  const last = (lines[endLine] ?? '').trim();
  const content = lines.slice(startLine, endLine > openLine && /^[>\s]*[`~]{3,}$/.test(last) ? endLine : endLine + 1);
  const first = content.findIndex((line) => line.trim() !== '' && !/^\s*%%/.test(line));
  if (first < 0 || !FLOWCHART.test(content[first]!)) return undefined;
  const readable = content.map((line, index) => (index <= first || NOT_READ.test(line) ? ' '.repeat(line.length) : labelsOf(line)));
  const wordLines: number[] = [];
  readable.forEach((line, index) => {
    if (WORD.test(line)) wordLines.push(index);
  });
  return wordLines.length ? { startLine, lines: readable, wordLines } : undefined;
}

/** The line with all but its labels blanked: text inside brackets or between "|" bars, and a subgraph's title. */
function labelsOf(line: string): string {
  const subgraph = SUBGRAPH.exec(line);
  if (subgraph && !line.includes('[')) return ' '.repeat(subgraph[1]!.length) + line.slice(subgraph[1]!.length).replace(MARKUP, blank);
  let out = '';
  let depth = 0;
  let inBars = false;
  for (const char of line) {
    if (OPENERS.includes(char)) {
      depth++;
      out += ' '.repeat(char.length);
    } else if (CLOSERS.includes(char) && depth > 0) {
      depth--;
      out += ' '.repeat(char.length);
    } else if (char === '|' && depth === 0) {
      inBars = !inBars;
      out += ' ';
    } else out += depth > 0 || inBars ? char : ' '.repeat(char.length);
  }
  return out.replace(MARKUP, blank);
}

const blank = (text: string): string => ' '.repeat(text.length);
