// Raw HTML headings alone on their line ("<h3>Model Deployment</h3>"): docs written in HTML mark
// their sections this way, and a reader sees a heading as in Markdown. The segmenter splits at
// them, and the segment's reading takes one as its heading.
import { normalizeHeading } from '../framework/patterns';
import { countWords, type BlockReading } from './segment-blocks';

/** An h1-h6 element alone on its line; inline tags inside it are allowed, other headings are not. */
export const HTML_HEADING = /^ {0,3}<h([1-6])(?:\s[^<>]*)?>([^<>]*(?:<(?!\/h[1-6])[^<>]*>[^<>]*)*)<\/h\1>\s*$/i;

/** Makes a raw HTML heading on the segment's first line its heading (the HTML block is read as text before this). */
export function readHtmlHeading(reading: BlockReading, blockStartLine: number): void {
  const { lines, kinds, unitOfLine, signals } = reading;
  const first = lines[0] ?? '';
  if (blockStartLine !== 0 || signals.heading || !first.includes('<h')) return;
  const heading = HTML_HEADING.exec(first);
  if (!heading) return;
  const title = heading[2]!
    .replace(/<[^<>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const start = first.indexOf('>') + 1;
  signals.heading = {
    depth: Number(heading[1]),
    title,
    normalized: normalizeHeading(title),
    start,
    end: first.toLowerCase().lastIndexOf('</h'),
  };
  kinds[0] = 'heading';
  const unit = unitOfLine[0];
  unitOfLine[0] = undefined;
  if (!unit) return;
  if (unit.endLine === 0) reading.units.splice(reading.units.indexOf(unit), 1);
  else {
    // Text run on below the heading in the same HTML block stays the body's.
    unit.startLine = 1;
    unit.words = countWords(reading.readable.slice(1, unit.endLine + 1).join(' '));
  }
}
