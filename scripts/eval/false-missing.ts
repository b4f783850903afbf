// `npm run eval:false-missing`: why mlsd says "Missing X" for elements the labellers say a doc
// addresses (gold present or partial, mlsd missing), counted by cause on the train split (or dev),
// so error analysis is by class and reproducible, not doc by doc.
//   npm run eval:false-missing                  train: the table of causes, and where the cited lines sit
//   npm run eval:false-missing -- --split dev   the same on dev
//   npm run eval:false-missing -- --list        also every cell with its cause and cited lines
// A cell's cause is the first that holds:
//   other-language   the doc is not in English (the learned lexicon knows English words only)
//   unread           none of the cited lines is read as text, by the lexicon or by the scans (code, comment,
//                    image, box drawing; the text of a raw HTML block or a code block of prose is read)
//   known-wording    a cited line scores as a clear mention in the learned lexicon: the model saw it and judged missing
//   weak-wording     a cited line holds a few of the element's lexicon words, not enough for a clear mention
//   outside-lexicon  the cited lines say it in words neither the lexicon nor the cue phrases weigh
// and where the cited lines sit: under a heading naming the element, one naming another element, or
// one naming none. On train the shipped lexicon was built from these very docs' cited lines, so
// known-wording reads higher there than on dev. The test split is never read here: it is for
// `npm run eval` to report.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeFacts } from '../../src/core/analyze';
import type { SectionNode } from '../../src/core/analysis/facts';
import { parseMarkdown } from '../../src/core/analysis/parser';
import { readBlocks } from '../../src/core/analysis/segment-blocks';
import { segmentDocument } from '../../src/core/analysis/segments';
import { computeSegmentSignals } from '../../src/core/analysis/signals';
import { indexLexicon, STRONG_LINE, tokenLines, type LexiconIndex } from '../../src/core/learned/lexicon';
import { ELEMENT_MODEL } from '../../src/core/learned/model';
import { ELEMENT_IDS, type ElementId } from '../../src/core/types';
import { readTrainingSources } from '../train/corpus';
import type { DocLabel } from './labels';

export const CAUSES = ['other-language', 'unread', 'known-wording', 'weak-wording', 'outside-lexicon'] as const;
export type FalseMissingCause = (typeof CAUSES)[number];
export const PLACEMENTS = ['own-section', 'other-element-section', 'unnamed-section'] as const;
export type Placement = (typeof PLACEMENTS)[number];

/** A cited line with a few of the element's lexicon words (below a clear mention). */
const WEAK_LINE = 2;
/** Lines a reader sees as a picture or markup rather than text, though their characters are words. */
const PICTURE_LINE = /^\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+$|^\s*<\/?[a-z][^>]*>|[│┌┐└┘├┤─]{2,}/i;

/** What the classification reads of one document: its lines as the lexicon reads them, and its sections. */
export interface DocReading {
  lines: readonly string[];
  /** Document line → the words the lexicon reads on it (absent: the lexicon does not read the line). */
  words: ReadonlyMap<number, readonly string[]>;
  /** Document lines the scans read as text (paragraphs, table rows, the text of HTML blocks, code blocks of prose; not images). */
  scanned: ReadonlySet<number>;
  sections: readonly SectionNode[];
}

export function readDocument(text: string, sections: readonly SectionNode[]): DocReading {
  const words = new Map<number, readonly string[]>();
  const scanned = new Set<number>();
  for (const segment of segmentDocument(text).segments) {
    const signals = computeSegmentSignals(segment.text);
    for (const { line, tokens } of tokenLines(segment.text, signals)) words.set(line + segment.startLine, tokens);
    const { kinds, unitOfLine } = readBlocks(parseMarkdown(segment.text), segment.text.split('\n'), computeSegmentSignals(segment.text));
    kinds.forEach((kind, line) => {
      if (kind === 'text' && unitOfLine[line] && !unitOfLine[line].imageOnly) scanned.add(line + segment.startLine);
    });
  }
  return { lines: text.split('\n'), words, scanned, sections };
}

export interface CitedCell {
  element: ElementId;
  /** 1-based lines the labeller cited. */
  lines: readonly number[];
}

export interface CellCause {
  cause: FalseMissingCause;
  placement: Placement;
  /** The best lexicon score among the cited lines. */
  lexiconScore: number;
}

export function causeOf(cell: CitedCell, reading: DocReading, index: LexiconIndex, language: string | undefined): CellCause {
  const element = ELEMENT_IDS.indexOf(cell.element);
  const cited = cell.lines.map((line) => line - 1);
  let lexiconScore = 0;
  let read = false;
  for (const line of cited) {
    const words = reading.words.get(line);
    // A line of markup is read when the scans read its text (an HTML block's <li>), else not at all.
    if (!reading.scanned.has(line) && (!words || PICTURE_LINE.test(reading.lines[line] ?? ''))) continue;
    read = true;
    let score = 0;
    for (const word of words ?? []) for (const [at, weight] of index.get(word) ?? []) if (at === element) score += weight;
    lexiconScore = Math.max(lexiconScore, score);
  }
  const cause: FalseMissingCause =
    language !== undefined && language !== 'en'
      ? 'other-language'
      : !read
        ? 'unread'
        : lexiconScore >= STRONG_LINE
          ? 'known-wording'
          : lexiconScore >= WEAK_LINE
            ? 'weak-wording'
            : 'outside-lexicon';
  return { cause, placement: placementOf(cell.element, cited, reading.sections), lexiconScore };
}

/** Where the cited lines sit: under a heading naming the element, else one naming another, else none. */
function placementOf(element: ElementId, cited: readonly number[], sections: readonly SectionNode[]): Placement {
  const named = new Set<ElementId>();
  for (const line of cited)
    for (const section of sections)
      if (section.startLine <= line && line <= section.endLine) for (const id of section.elements.keys()) named.add(id);
  return named.has(element) ? 'own-section' : named.size > 0 ? 'other-element-section' : 'unnamed-section';
}

export interface FalseMissingCell extends CellCause {
  doc: string;
  element: ElementId;
  gold: 'present' | 'partial';
  lines: readonly number[];
}

/** The cells of one doc that gold calls addressed and mlsd calls missing, each with its cause. */
export function falseMissingCells(
  file: string,
  text: string,
  gold: DocLabel,
  language: string | undefined,
  index: LexiconIndex,
): FalseMissingCell[] {
  const facts = analyzeFacts(text, { path: file });
  const reading = readDocument(text, facts.sections);
  const cells: FalseMissingCell[] = [];
  for (const element of ELEMENT_IDS) {
    const cell = gold.elements[element];
    if (!cell || cell.status === 'missing' || facts.elements[element].status !== 'missing') continue;
    const lines = cell.lines ?? [];
    cells.push({ doc: file, element, gold: cell.status, lines, ...causeOf({ element, lines }, reading, index, language) });
  }
  return cells;
}

export function main(argv: string[]): number {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const valueOf = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const split = valueOf('--split') ?? 'train';
  if (split !== 'train' && split !== 'dev') {
    console.error(`--split must be train or dev (the test split is only read by npm run eval), not ${split}`);
    return 2;
  }
  const corpus = path.resolve(valueOf('--corpus') ?? path.join(root, 'test/corpus'));
  const index = indexLexicon(ELEMENT_MODEL.lexicon);
  const cells: FalseMissingCell[] = [];
  let addressed = 0;
  for (const { entry, text, gold } of readTrainingSources(corpus).sources) {
    if (entry.split !== split) continue;
    addressed += Object.values(gold.elements).filter((cell) => cell.status !== 'missing').length;
    cells.push(...falseMissingCells(entry.file, text, gold, entry.language, index));
  }
  console.log(`${split}: ${cells.length} false-missing cells of ${addressed} that gold calls addressed`);
  console.log(`${'cause'.padEnd(16)} ${'cells'.padStart(5)}  ${PLACEMENTS.map((placement) => placement.padStart(22)).join('')}`);
  for (const cause of CAUSES) {
    const own = cells.filter((cell) => cell.cause === cause);
    const byPlacement = PLACEMENTS.map((placement) => String(own.filter((cell) => cell.placement === placement).length).padStart(22));
    console.log(`${cause.padEnd(16)} ${String(own.length).padStart(5)}  ${byPlacement.join('')}`);
  }
  const byElement = new Map<string, number>();
  for (const cell of cells) byElement.set(cell.element, (byElement.get(cell.element) ?? 0) + 1);
  const elements = [...byElement].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  console.log(`by element: ${elements.map(([element, count]) => `${element} ${count}`).join(', ')}`);
  if (argv.includes('--list'))
    for (const cell of cells)
      console.log(
        `${cell.doc}  ${cell.element} ${cell.gold}  ${cell.cause} (${cell.lexiconScore.toFixed(1)}), ${cell.placement}, lines ${cell.lines.join(' ')}`,
      );
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) process.exitCode = main(process.argv.slice(2));
