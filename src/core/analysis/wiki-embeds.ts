// Obsidian (wiki-link) image embeds, `![[diagram.png]]` or `![[chart.png|300]]`: Markdown parsers
// leave them as text, but a reader sees an image, not words. A section holding only such embeds is
// an image-only section, and its images can hold the metrics its text does not.
import type { ImageHit } from './signal-types';

/** The name stops at any bracket, so a line of unclosed `![[` costs its length once. */
const WIKI_IMAGE_EMBED = /!\[\[([^[\]\n|]{1,200}?\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?|avif|excalidraw))(?:\|[^[\]\n]{0,100})?\]\]/gi;

/** The image embeds on lines `startLine..endLine`, in order. */
export function wikiImageEmbeds(lines: readonly string[], startLine: number, endLine: number): ImageHit[] {
  const images: ImageHit[] = [];
  for (let line = startLine; line <= endLine && line < lines.length; line++) {
    const text = lines[line]!;
    if (!text.includes('![[')) continue;
    for (const match of text.matchAll(WIKI_IMAGE_EMBED)) {
      const name = match[1]!;
      images.push({ line, start: match.index, end: match.index + match[0].length, alt: name.replace(/\.[^.]+$/, ''), url: name });
    }
  }
  return images;
}

/** `text` without its image embeds. */
export function withoutWikiImageEmbeds(text: string): string {
  return text.replace(WIKI_IMAGE_EMBED, '');
}
