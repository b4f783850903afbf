// Edits of suppression comments that are not whole new lines: removing an unused ID or comment, and
// where a comment after a line's text may go. A removal is written as a replacement of the removed
// text and what follows it on its line (or the next line with text) by that rest, so a stale copy
// applied again finds its text in place and changes nothing (applyEdits).
import type { DirectiveComment } from '../analysis/facts';
import type { TextEdit } from '../types';

/** Deletes one of several IDs with the separator that joins it to the next ID (to the one before, for the last). */
export function idRemoval(lines: readonly string[], at: { line: number; character: number }, id: string): TextEdit {
  const text = lines[at.line] ?? '';
  const end = at.character + id.length;
  const after = /^\s*,\s*|^\s+/.exec(text.slice(end))?.[0] ?? '';
  const isLast = after === '' || /^(?:--|$)/.test(text.slice(end + after.length));
  const before = /(?:\s*,\s*|\s+)$/.exec(text.slice(0, at.character));
  const start = isLast && before && !/mlsd-[\w-]+$/.test(text.slice(0, before.index)) ? before.index : at.character;
  return toLineEnd(lines, at.line, start, text.slice(isLast ? end : end + after.length));
}

/**
 * Deletes a comment: after text, the comment and the spaces before it; on lines of its own, those
 * lines, leaving a blank line where the comment stood between two lines of text (it separated them,
 * so removing it must not join them into one paragraph).
 */
export function commentRemoval(lines: readonly string[], directive: DirectiveComment, lineBreak: string): TextEdit {
  const { start, end } = directive.range;
  if (directive.inline) {
    const line = lines[start.line] ?? '';
    const spaces = /[ \t]*$/.exec(line.slice(0, start.character))![0].length;
    const from = start.character - spaces;
    const rest = (lines[end.line] ?? '').slice(end.character);
    return toLineEnd(lines, end.line, from, from === 0 ? rest.trimStart() : rest, start.line);
  }
  let next = end.line + 1;
  while (next < lines.length && (lines[next] ?? '').trim() === '') next++;
  if (next >= lines.length) {
    // Nothing follows: remove from the line after the last line with text, whose line break stays. A
    // copy applied again finds the document ending there, and removes nothing.
    let previous = start.line - 1;
    while (previous >= 0 && (lines[previous] ?? '').trim() === '') previous--;
    const from = { line: previous + 1, character: 0 };
    const last = lines.length - 1;
    return { range: { start: from, end: { line: last, character: (lines[last] ?? '').length } }, newText: '' };
  }
  // Only a comment at the margin between two lines of plain text separates paragraphs; in a quote or
  // a list item a blank line without the container's marker would end or loosen it.
  const plain = (text: string | undefined): boolean =>
    text !== undefined && text.trim() !== '' && !/^(?:\s|>|[-*+]\s|\d{1,9}[.)]\s)/.test(text);
  const separates = start.character === 0 && start.line > 0 && plain(lines[start.line - 1]) && next === end.line + 1 && plain(lines[next]);
  const kept = lines.slice(end.line + 1, next + 1).join(lineBreak);
  return {
    range: { start: { line: start.line, character: 0 }, end: { line: next, character: (lines[next] ?? '').length } },
    newText: separates ? `${lineBreak}${kept}` : kept,
  };
}

/** Replaces from `character` on `startLine` to the end of line `line` by `rest`, what of it stays. */
function toLineEnd(lines: readonly string[], line: number, character: number, rest: string, startLine = line): TextEdit {
  return {
    range: { start: { line: startLine, character }, end: { line, character: (lines[line] ?? '').length } },
    newText: rest,
  };
}

/**
 * Where a comment after the text of the last of `lines` (a paragraph or table from its first line)
 * goes: before a hard break (trailing spaces or a backslash) and before a table row's closing pipe,
 * so both keep their meaning. Undefined when the line ends inside something that goes on past it
 * (a code span, a comment, a tag, a link's text, address or title), where the comment would be part of it.
 */
export function inlineInsertion(lines: readonly string[], isTableRow: boolean): number | undefined {
  if (endsInsideInline(lines.join('\n'))) return undefined;
  const content = lines[lines.length - 1]!.trimEnd();
  const closing = isTableRow ? /(?<!\\)\|$/ : /\\$/;
  return content.replace(closing, '').trimEnd().length;
}

/**
 * Whether `text` ends inside an inline construct. Cautious: a backtick run nothing closes, a `[` or
 * `(` not closed, count as open (the next line might close them), which costs only a wider comment.
 */
function endsInsideInline(text: string): boolean {
  let brackets = 0;
  let parens = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '\\') at++;
    else if (char === '`') {
      const run = /^`+/.exec(text.slice(at))![0];
      const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
      close.lastIndex = at + run.length;
      const found = close.exec(text);
      if (!found) return true;
      at = found.index + run.length - 1;
    } else if (text.startsWith('<!--', at)) {
      const close = text.indexOf('-->', at + 4);
      if (close < 0) return true;
      at = close + 2;
    } else if (char === '<' && /[A-Za-z/]/.test(text[at + 1] ?? '')) {
      const close = text.indexOf('>', at);
      if (close < 0) return true;
      at = close;
    } else if (char === '[') brackets++;
    else if (char === ']') brackets = Math.max(0, brackets - 1);
    else if (char === '(') parens++;
    else if (char === ')') parens = Math.max(0, parens - 1);
  }
  return brackets > 0 || parens > 0;
}
