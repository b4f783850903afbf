// The words a reader reads in a mermaid diagram: the labels of its nodes, edges, subgraphs, notes
// and messages, which GitHub draws as the diagram. Labellers read them as text ("the Mermaid diagram
// is text, so nothing is hidden"), so a design drawn as a flowchart states its feature store and its
// drift monitor as a paragraph would. Ids, arrows, keywords and styling are blanked in place, so each
// label keeps its line and column and a finding points at the box it came from. One pass per line,
// character by character: a hostile line (brackets never closed) stays linear.

/** The diagram's type: its first word ("flowchart LR", "sequenceDiagram", "mindmap"). */
const HEADER = /^\s*([A-Za-z][\w-]*)/;
/** Diagrams whose lines are text as written: a mindmap's nodes, a timeline's events, a gantt's tasks. */
const PLAIN_DIAGRAMS = new Set(['mindmap', 'timeline', 'gantt', 'journey', 'pie', 'quadrantchart', 'kanban']);
/** Diagrams whose text from a line's colon on is no label: a task's dates, a journey step's score. */
const METADATA_AFTER_COLON = new Set(['gantt', 'journey']);
/** Lines that style or wire the diagram and draw no text. */
const DIRECTIVE =
  /^\s*(?:%%|classDef\b|class\b|style\b|linkStyle\b|click\b|direction\b|end\b|autonumber\b|activate\b|deactivate\b|dateFormat\b|axisFormat\b|tickInterval\b|todayMarker\b|excludes\b|includes\b|weekday\b|accTitle\b|accDescr\b|x-axis\b|y-axis\b|::icon\()/i;
/** A keyword whose line's rest is a label ("subgraph Serving path", "loop Every hour", "section Data"). */
const LABEL_KEYWORD = /^(\s*)(?:subgraph|loop|alt|else|opt|par|and|critical|break|option|section|title|rect|box)\b/i;
/** "participant A as Model server": the alias after "as" is what is drawn. */
const PARTICIPANT = /^(\s*)(?:participant|actor)\s+\S+\s+as\s+/i;
const PARTICIPANT_NAME = /^(\s*)(?:participant|actor)\s+/i;
/** Before a colon, what makes the text after it a label: a note, a message's or a transition's link. */
const NOTE = /^\s*note\s+(?:over|left of|right of)\b/i;
const LINK = /--|->|-\)|-x|\.\.|\|\|/;
/** Marks inside a label that draw no word: line breaks, icons, entities, class suffixes, colours. */
const LABEL_NOISE = /<\/?[a-z][^<>\n]{0,80}>|\\n|fa:fa-[\w-]+|&[#\w]{1,10};|:::[\w-]+|rgba?\([^()]{0,40}\)/gi;
/** "A -- yes --> B", "A == retrain ==> B", "A -. fallback .-> B": the text on the link (bounded, so a line of dashes stays linear). */
const EDGE_TEXT = /(?:--|==|-\.)\s+([^-=.>|[\](){}"][^>|[\](){}"]{0,100}?)\s+(?:-->|==>|\.->|---|-\.-)/g;
const NOT_SPACE = /\S/g;
const WORD = /[\p{L}\p{N}]{2,}/u;
const OPENERS = '[({';
const CLOSERS = '])}';

export interface DiagramText {
  /** Each content line with only its labels left, same length. */
  lines: string[];
  /** Lines (relative to the first content line) holding words: one piece of content each, as a box is. */
  wordLines: number[];
}

/** The labels of a mermaid diagram's lines (the fence's content, without its fence lines). */
export function mermaidText(content: readonly string[]): DiagramText | undefined {
  let kind: string | undefined;
  let inConfig = false;
  const lines = content.map((line) => {
    // A "---" block before the type holds the diagram's configuration, not what it draws.
    if (kind === undefined && line.trim() === '---') inConfig = !inConfig;
    if (inConfig || line.trim() === '---') return blank(line);
    if (kind === undefined) {
      const header = HEADER.exec(line);
      if (!header) return blank(line);
      kind = header[1]!.toLowerCase();
      // "pie title Pets adopted": a title may follow the type on the header line.
      const title = /\btitle\s+/i.exec(line);
      return title ? clean(keepRange(line, title.index + title[0].length, line.length, false)) : blank(line);
    }
    return labelsOf(line, kind);
  });
  const wordLines: number[] = [];
  lines.forEach((line, index) => {
    if (WORD.test(line)) wordLines.push(index);
  });
  return wordLines.length ? { lines, wordLines } : undefined;
}

function labelsOf(line: string, kind: string): string {
  if (DIRECTIVE.test(line)) return blank(line);
  if (PLAIN_DIAGRAMS.has(kind)) {
    let end = line.length;
    if (METADATA_AFTER_COLON.has(kind) && !LABEL_KEYWORD.test(line)) {
      const colon = line.indexOf(':');
      if (colon >= 0) end = colon;
    }
    const keyword = LABEL_KEYWORD.exec(line);
    return clean(keepRange(line, keyword ? keyword[0].length : 0, end, true));
  }
  const keyword = LABEL_KEYWORD.exec(line);
  if (keyword) {
    // "subgraph DP["Data Pipeline"]" draws its bracketed title; "subgraph Serving path" the rest of the line.
    const rest = line.slice(keyword[0].length);
    return /["[({]/.test(rest) ? bracketed(line, keyword[0].length) : clean(keepRange(line, keyword[0].length, line.length, false));
  }
  const alias = PARTICIPANT.exec(line) ?? PARTICIPANT_NAME.exec(line);
  if (alias) return clean(keepRange(line, alias[0].length, line.length, false));
  const colon = colonLabelStart(line);
  if (colon !== undefined) return bracketed(line, 0, colon).slice(0, colon) + clean(line.slice(colon));
  return bracketed(line, 0);
}

/**
 * Where the label after a colon starts: "Note over A,B: text", "A->>B: message", "s1 --> s2:
 * label". Not in a node's own text ("A[Recall: 0.9]") nor an edge's ("A -->|p: 0.5| B").
 */
function colonLabelStart(line: string): number | undefined {
  const colon = line.indexOf(':');
  if (colon < 0 || line[colon + 1] === ':') return undefined;
  const head = line.slice(0, colon);
  if (/["[\]|]/.test(head)) return undefined;
  return NOTE.test(head) || LINK.test(head) ? colon + 1 : undefined;
}

/**
 * Keeps what a flowchart draws from `from` (to `to`): the text inside brackets, braces and
 * parentheses (a node's shape), between quotes, and between pipes or after "-- " (an edge's label).
 * Ids and arrows outside them are blanked.
 */
function bracketed(line: string, from: number, to = line.length): string {
  const kept = new Array<string>(line.length).fill(' ');
  let depth = 0;
  let quoted = false;
  let piped = false;
  for (let index = from; index < to; index++) {
    const char = line[index]!;
    if (char === '"') {
      quoted = !quoted;
      continue;
    }
    if (quoted) {
      kept[index] = char;
      continue;
    }
    if (OPENERS.includes(char)) {
      depth++;
      continue;
    }
    if (CLOSERS.includes(char)) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth > 0) {
      kept[index] = char;
      continue;
    }
    if (char === '|') {
      piped = !piped;
      continue;
    }
    if (piped) kept[index] = char;
  }
  edgeTexts(line, from, to, kept);
  return clean(kept.join(''));
}

function edgeTexts(line: string, from: number, to: number, kept: string[]): void {
  EDGE_TEXT.lastIndex = from;
  for (let match = EDGE_TEXT.exec(line); match && match.index < to; match = EDGE_TEXT.exec(line)) {
    const start = match.index + match[0].indexOf(match[1]!);
    for (let index = start; index < start + match[1]!.length; index++) kept[index] = line[index]!;
  }
}

function keepRange(line: string, from: number, to: number, plain: boolean): string {
  const head = ' '.repeat(from);
  const body = line.slice(from, to);
  // A mindmap node's shape ("root((Ranking))", "id[Feature store]") draws its text, not its id.
  const text = plain ? body.replace(/^(\s*)[\w-]+(?=[[({])/, (id, space: string) => space + ' '.repeat(id.length - space.length)) : body;
  return head + text.replace(/["[\](){}]/g, ' ') + ' '.repeat(line.length - to);
}

function clean(text: string): string {
  return text.replace(LABEL_NOISE, (noise) => ' '.repeat(noise.length));
}

function blank(line: string): string {
  return line.replace(NOT_SPACE, ' ');
}
