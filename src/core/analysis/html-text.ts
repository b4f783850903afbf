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
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
/** Elements whose content is not read as text. */
const HIDDEN_CONTENT = new Set(['script', 'style', 'svg', 'math', 'textarea']);
/** The cells of a row read as one piece of content, as a Markdown table row does. */
const CELL_TAGS = new Set(['td', 'th']);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '-',
  ndash: '-',
  hellip: '.',
  laquo: '"',
  raquo: '"',
  rarr: '>',
  larr: '<',
};
/** The longest entity read ("&#x10FFFF;"); a longer run after "&" is plain text. */
const MAX_ENTITY = 10;

const isLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isNameChar = (code: number): boolean => isLetter(code) || (code >= 48 && code <= 57) || code === 45;

/**
 * The visible text of `lines` (the lines of one HTML block, without any container prefix such as
 * `> `; `columns[i]` is where line i starts in the document line, so the result can be placed back).
 */
export function htmlBlockText(lines: readonly string[], columns: readonly number[]): HtmlText {
  const scanner = new HtmlScanner();
  const out: string[] = [];
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const source = lines[lineIndex]!;
    const { text, hasWord } = scanner.readLine(source);
    out.push(text);
    scanner.endLine(lineIndex, hasWord, source);
  }
  scanner.closeUnit();
  const units = scanner.units;
  for (const unit of units) unit.value = out.slice(unit.startLine, unit.endLine + 1).join('\n');
  // Columns shift a line's text to where it stands in the document line.
  return { lines: out.map((text, index) => ' '.repeat(columns[index] ?? 0) + text), units };
}

/** The state of one pass over a block: where the reader is (tag, comment, quote, hidden element, row) and the units so far. */
class HtmlScanner {
  readonly units: HtmlTextUnit[] = [];
  private unitStart = -1;
  private unitEnd = -1;
  private inTag = false;
  private inComment = false;
  private quote = 0;
  /** Tag name being read, lower case, and whether it is a closing tag. */
  private tagName = '';
  private readingName = false;
  private closing = false;
  /** Inside <script>, <style>...: the name whose closing tag ends the hidden content. */
  private hiddenUntil = '';
  private inRow = false;

  /** One line as the reader sees it: same length, tags and hidden content blanked. */
  readLine(source: string): { text: string; hasWord: boolean } {
    const visible: string[] = [];
    let hasWord = false;
    for (let index = 0; index < source.length; index++) {
      if (this.inComment) {
        visible.push(' ');
        if (source[index] === '>' && source[index - 1] === '-' && source[index - 2] === '-') this.inComment = false;
      } else if (this.inTag) {
        visible.push(' ');
        this.readInsideTag(source, index);
      } else if (source[index] === '<' && this.startsMarkup(source, index, visible)) {
        index = visible.length - 1;
      } else if (this.hiddenUntil) {
        visible.push(' ');
      } else {
        const taken = readText(source, index, visible);
        if (taken.word) hasWord = true;
        index += taken.length - 1;
      }
    }
    return { text: visible.join(''), hasWord };
  }

  /** After a line: it extends the current unit, or (blank, outside markup) ends it. */
  endLine(lineIndex: number, hasWord: boolean, source: string): void {
    if (hasWord) {
      if (this.unitStart < 0) this.unitStart = lineIndex;
      this.unitEnd = lineIndex;
    } else if (!this.inTag && !this.inComment && this.unitStart >= 0 && source.trim() === '') this.closeUnit();
  }

  closeUnit(): void {
    if (this.unitStart < 0) return;
    this.units.push({ startLine: this.unitStart, endLine: this.unitEnd, value: '' });
    this.unitStart = -1;
  }

  private readInsideTag(source: string, index: number): void {
    const code = source.charCodeAt(index);
    if (this.readingName) {
      if (isNameChar(code)) {
        this.tagName += source[index]!.toLowerCase();
        return;
      }
      this.readingName = false;
    }
    if (this.quote) {
      if (code === this.quote) this.quote = 0;
    } else if (code === 34 || code === 39) this.quote = code;
    else if (source[index] === '>') this.endTag();
  }

  /** A comment or a tag opening at `index` ("<" seen): blanks what it read into `visible`; false when the "<" is text. */
  private startsMarkup(source: string, index: number, visible: string[]): boolean {
    if (source.startsWith('<!--', index)) {
      this.inComment = true;
      visible.push(' ', ' ', ' ', ' ');
      return true;
    }
    const next = source.charCodeAt(index + 1);
    const isClosing = next === 47;
    const nameStart = source.charCodeAt(index + (isClosing ? 2 : 1));
    if (!isLetter(nameStart) && next !== 33 && next !== 63) return false;
    this.inTag = true;
    this.closing = isClosing;
    this.tagName = '';
    this.readingName = isLetter(nameStart);
    this.quote = 0;
    visible.push(' ');
    if (isClosing) visible.push(' ');
    return true;
  }

  private endTag(): void {
    this.inTag = false;
    const name = this.tagName;
    if (this.hiddenUntil) {
      if (this.closing && name === this.hiddenUntil) this.hiddenUntil = '';
      return;
    }
    if (!this.closing && HIDDEN_CONTENT.has(name)) this.hiddenUntil = name;
    if (CELL_TAGS.has(name) && this.inRow) return;
    if (name === 'tr') this.inRow = !this.closing;
    if (BLOCK_TAGS.has(name)) this.closeUnit();
  }
}

/** Plain text at `index`: an entity as the character it stands for (padded to its length), else the character. */
function readText(source: string, index: number, visible: string[]): { length: number; word: boolean } {
  const char = source[index]!;
  if (char === '&') {
    const entity = readEntity(source, index);
    if (entity) {
      visible.push(entity.text);
      for (let pad = 1; pad < entity.length; pad++) visible.push(' ');
      return { length: entity.length, word: entity.text.trim() !== '' };
    }
  }
  visible.push(char);
  return { length: 1, word: char !== ' ' && char !== '\t' };
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
