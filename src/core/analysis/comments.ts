// HTML comments in a segment: where each is (a directive, hidden prose), and how the scans skip
// one written inside a paragraph, heading or table while still reading the rest of its line.
import type { Html, Nodes } from 'mdast';
import { collectOfType } from './mdast-nodes';
import type { CommentSignal, SegmentSignals } from './signal-types';

/** The comments inside a paragraph, heading or table node, read into `signals` and returned. */
export function inlineComments(node: Nodes, lines: readonly string[], signals: SegmentSignals): CommentSignal[] {
  // Most blocks hold no comment: a look at their lines is cheaper than a walk of their nodes.
  const from = (node.position?.start.line ?? 1) - 1;
  const to = (node.position?.end.line ?? 1) - 1;
  let commented = false;
  for (let line = from; line <= to && !commented; line++) commented = lines[line]?.includes('<!--') ?? false;
  if (!commented) return [];
  const inline: Html[] = [];
  collectOfType(node, 'html', inline);
  const first = signals.comments.length;
  for (const html of inline) if (html.value.startsWith('<!--')) readComments(html, signals, true);
  return signals.comments.slice(first);
}

/** Each comment of an HTML node (a block may hold several, and text after them), located. */
export function readComments(node: Html, signals: SegmentSignals, inline: boolean): void {
  const startLine = (node.position?.start.line ?? 1) - 1;
  const pattern = /<!--([\s\S]*?)(?:-->|$)/g;
  const blockStart = (node.position?.start.column ?? 1) - 1;
  for (let match = pattern.exec(node.value); match; match = pattern.exec(node.value)) {
    const before = node.value.slice(0, match.index);
    const lineOffset = before.split('\n').length - 1;
    const firstLineStart = lineOffset === 0 ? blockStart + match.index : match.index - before.lastIndexOf('\n') - 1;
    const inside = match[0].split('\n');
    const last = inside[inside.length - 1]!;
    const endLineOfComment = startLine + lineOffset + inside.length - 1;
    const end = inside.length === 1 ? firstLineStart + last.length : last.length + (endLineOfComment === startLine ? blockStart : 0);
    const comment: CommentSignal = {
      startLine: startLine + lineOffset,
      endLine: endLineOfComment,
      start: firstLineStart,
      end,
      text: (match[1] ?? '').trim(),
    };
    if (inline) comment.inline = true;
    signals.comments.push(comment);
    if (match[0].length === 0) break;
  }
}

/** Blanks a comment in place in `lines` (relative to its segment), keeping every other character where it was. */
export function blankComment(lines: string[], comment: CommentSignal): void {
  for (let line = comment.startLine; line <= comment.endLine && line < lines.length; line++) {
    const text = lines[line]!;
    const start = line === comment.startLine ? comment.start : 0;
    const end = line === comment.endLine ? Math.min(comment.end, text.length) : text.length;
    if (end > start) lines[line] = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
  }
}
