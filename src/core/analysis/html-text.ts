// The text a reader sees in a raw HTML block (`<ol><li><b>Data:</b> click logs</li>`, `<p>`,
// `<td>`): tags, comments and entities blanked in place, so every visible character keeps its line
// and column and cue, metric and word scans run on it as on Markdown text. One pass over the block,
// character by character, with a small state machine: no DOM, no regex over unbounded input, so a
// hostile block (a tag or quote never closed, thousands of `<`) stays linear.
import type { Html } from 'mdast';

/** A run of lines a reader takes as one piece of content: a list item, a paragraph, a table row. */
export interface HtmlTextUnit {
  /** Lines relative to the block's first line. */
  startLine: number;
  endLine: number;
  /** The visible text of those lines, joined with "\n". */
  value: string;
}

export interface HtmlText {
  /** Each line of the block as the reader sees it, same length and columns as the source line. */
  lines: string[];
  units: HtmlTextUnit[];
}

/** Tags that start or end a piece of content; any other tag (b, i, a, span, font...) is inline. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** Elements whose content is not read as text. */
const HIDDEN_CONTENT = new Set(['script', 'style', 'svg', 'math', 'textarea']);
/** The cells of a row read as one piece of content, as a Markdown table row does. */
const CELL_TAGS = new Set(['td', 'th']);

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '-', ndash: '-', hellip: '.', laquo: '"', raquo: '"', rarr: '>', larr: '<' };
/** The longest entity read ("&#x10FFFF;"); a longer run after "&" is plain text. */
const MAX_ENTITY = 10;

const isLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isNameChar = (code: number): boolean => isLetter(code) || (code >= 48 && code <= 57) || code === 45;

/**
 * The visible text of `lines` (the lines of one HTML block, without any container prefix such as
 * `> `; `columns[i]` is where line i starts in the document line, so the result can be placed back).
 */
export function htmlBlockText(lines: readonly string[], columns: readonly number[]): HtmlText {
  const out: string[] = [];
  const units: HtmlTextUnit[] = [];
  let unitStart = -1;
  let unitEnd = -1;
  let inTag = false;
  let inComment = false;
  let quote = 0;
  /** Tag name being read, lower case, and whether it is a closing tag. */
  let tagName = '';
  let readingName = false;
  let closing = false;
  /** Inside <script>, <style>...: the name whose closing tag ends the hidden content. */
  let hiddenUntil = '';
  let inRow = false;

  const closeUnit = (): void => {
    if (unitStart < 0) return;
    units.push({ startLine: unitStart, endLine: unitEnd, value: '' });
    unitStart = -1;
  };
  const endTag = (): void => {
    inTag = false;
    const name = tagName;
    if (hiddenUntil) {
      if (closing && name === hiddenUntil) hiddenUntil = '';
      return;
    }
    if (!closing && HIDDEN_CONTENT.has(name)) hiddenUntil = name;
    if (CELL_TAGS.has(name) && inRow) return;
    if (name === 'tr') inRow = !closing;
    if (BLOCK_TAGS.has(name)) closeUnit();
  };

  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const source = lines[lineIndex]!;
    const visible: string[] = [];
    let hasWord = false;
    for (let index = 0; index < source.length; index++) {
      const code = source.charCodeAt(index);
      const char = source[index]!;
      if (inComment) {
        visible.push(' ');
        if (char === '>' && source[index - 1] === '-' && source[index - 2] === '-') inComment = false;
        continue;
      }
      if (inTag) {
        visible.push(' ');
        if (readingName) {
          if (isNameChar(code)) {
            tagName += char.toLowerCase();
            continue;
          }
          readingName = false;
        }
        if (quote) {
          if (code === quote) quote = 0;
        } else if (code === 34 || code === 39) quote = code;
        else if (char === '>') endTag();
        continue;
      }
      if (char === '<') {
        const next = source.charCodeAt(index + 1);
        if (source.startsWith('<!--', index)) {
          inComment = true;
          visible.push(' ', ' ', ' ', ' ');
          index += 3;
          continue;
        }
        const isClosing = next === 47;
        const nameStart = source.charCodeAt(index + (isClosing ? 2 : 1));
        if (isLetter(nameStart) || next === 33 || next === 63) {
          inTag = true;
          closing = isClosing;
          tagName = '';
          readingName = isLetter(nameStart);
          quote = 0;
          visible.push(' ');
          if (isClosing) {
            visible.push(' ');
            index++;
          }
          continue;
        }
      }
      if (hiddenUntil) {
        visible.push(' ');
        continue;
      }
      if (char === '&') {
        const entity = readEntity(source, index);
        if (entity) {
          visible.push(entity.text);
          for (let pad = 1; pad < entity.length; pad++) visible.push(' ');
          index += entity.length - 1;
          if (entity.text.trim()) hasWord = true;
          continue;
        }
      }
      visible.push(char);
      if (char !== ' ' && char !== '\t') hasWord = true;
    }
    const text = visible.join('');
    out.push(text);
    if (hasWord) {
      if (unitStart < 0) unitStart = lineIndex;
      unitEnd = lineIndex;
    } else if (!inTag && !inComment && unitStart >= 0 && source.trim() === '') closeUnit();
  }
  closeUnit();
  for (const unit of units) unit.value = out.slice(unit.startLine, unit.endLine + 1).join('\n');
  // Columns shift a line's text to where it stands in the document line.
  return { lines: out.map((text, index) => ' '.repeat(columns[index] ?? 0) + text), units };
}

/** An entity at `index` ("&amp;", "&#233;"): the character it stands for and its length in the source. */
function readEntity(source: string, index: number): { text: string; length: number } | undefined {
  // Looks only a few characters ahead: a line of "&" with no ";" must not be scanned from every "&".
  const semicolon = source.slice(index + 1, index + MAX_ENTITY + 1).indexOf(';');
  if (semicolon < 0) return undefined;
  const end = index + 1 + semicolon;
  const body = source.slice(index + 1, end);
  let text: string | undefined;
  if (body.startsWith('#')) {
    const value = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    // One UTF-16 unit keeps columns exact; other characters read as a blank.
    if (Number.isFinite(value) && value > 0) text = value < 0xd800 ? String.fromCharCode(value) : ' ';
  } else {
    text = NAMED_ENTITIES[body.toLowerCase()];
    if (text === undefined && /^[a-z]+$/i.test(body)) text = ' ';
  }
  if (text === undefined || /[\n\r]/.test(text)) return undefined;
  return { text: text === '\t' ? ' ' : text, length: end - index + 1 };
}

/**
 * The visible text of an HTML block node of a segment whose lines are `lines`, placed at the
 * block's lines and columns; undefined for a comment block (the comment reader handles it). A line
 * whose document text does not end with the block's text (a container prefix the parser rewrote)
 * reads as blank rather than at a wrong column.
 */
export function htmlNodeText(node: Html, lines: readonly string[]): { startLine: number; text: HtmlText } | undefined {
  if (node.value.trimStart().startsWith('<!--')) return undefined;
  const startLine = (node.position?.start.line ?? 1) - 1;
  const blockLines = node.value.split('\n');
  const columns: number[] = [];
  const placed: string[] = [];
  blockLines.forEach((text, index) => {
    const documentLine = lines[startLine + index] ?? '';
    const column = index === 0 ? (node.position?.start.column ?? 1) - 1 : documentLine.length - text.length;
    const fits = column >= 0 && documentLine.startsWith(text, column);
    columns.push(fits ? column : 0);
    placed.push(fits ? text : '');
  });
  return { startLine, text: htmlBlockText(placed, columns) };
}
