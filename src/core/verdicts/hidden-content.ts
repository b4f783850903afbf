// Content a reader cannot see as text: the whole document in a code block, an unclosed fence or
// `<pre>` that swallows headings, prose in HTML comments, metrics only in images, sections that are
// only images.
import { parseDirective } from '../suppression';
import type { HiddenFact, LocatedFacts, LocatedImage, MetricFact, SectionNode } from '../analysis/facts';
import { anyWord } from '../framework/patterns';
import { PLACEHOLDER_UNIT } from '../framework/residue';
import type { Range } from '../types';
import { isEvaluationSection, isOfflineMention } from './metric-roles';
import type { VerdictModule } from './verdict';

const METRIC_IMAGE = anyWord([
  'metrics?',
  'auc',
  'roc',
  'pr',
  'ndcg',
  'precision',
  'recall',
  'accuracy',
  'loss',
  'evaluation',
  'mape',
  'rmse',
  'mae',
  'f1',
  'offline',
]);

export const hiddenContent: VerdictModule = {
  verdict: 'hidden',
  judge: (facts, before) => findHiddenContent(facts, facts.sections, before.metrics),
};

function findHiddenContent(input: LocatedFacts, sections: readonly SectionNode[], metrics: readonly MetricFact[]): HiddenFact[] {
  const hidden: HiddenFact[] = [];
  const { lines } = input;
  if (input.wrapper) {
    const open = input.text.split(/\r\n|\r|\n/)[input.wrapper.open] ?? '';
    hidden.push({
      kind: 'code-wrapper',
      range: { start: { line: input.wrapper.open, character: 0 }, end: { line: input.wrapper.open, character: open.length } },
      related: [],
    });
  }
  const wholeLine = (line: number): Range => {
    const text = lines[line] ?? '';
    return { start: { line, character: text.length - text.trimStart().length }, end: { line, character: text.length } };
  };
  if (input.swallowing) {
    const { open, headings } = input.swallowing;
    hidden.push({
      kind: 'unclosed-fence',
      range: wholeLine(open),
      related: headings.map((line) => ({ message: 'Heading swallowed by the unclosed code block', range: wholeLine(line) })),
      closeBeforeLine: headings[0]!,
      closeWith: /^\s*(`{3,}|~{3,})/.exec(lines[open] ?? '')?.[1] ?? '```',
    });
  }
  // A `<pre>` nothing closes hides the rest of the document from a renderer just as a fence does.
  if (input.swallowingRawHtml) {
    const { open, tag, headings } = input.swallowingRawHtml;
    hidden.push({
      kind: 'unclosed-fence',
      range: wholeLine(open),
      related: headings.map((line) => ({ message: `Heading swallowed by the unclosed <${tag}>`, range: wholeLine(line) })),
      closeBeforeLine: headings[0]!,
      closeWith: `</${tag}>`,
      rawHtmlTag: `<${tag}>`,
    });
  }
  for (const comment of input.comments) {
    // A directive, or a note to fill something in later ("TODO: write up serving"): nothing is hidden.
    if (parseDirective(comment.text) || PLACEHOLDER_UNIT.test(comment.text.trim())) continue;
    // A commented-out image hides a picture, not prose: its alt text is no hidden content.
    const words = comment.text
      .replace(COMMENTED_IMAGE, ' ')
      .split(/\s+/)
      .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
    if (words < 6) continue;
    hidden.push({ kind: 'html-comment', range: comment.range, related: [] });
  }
  const imageMetrics = metricsInImages(input.images, sections, metrics);
  hidden.push(...imageMetrics);
  const imageOnly = sectionsOnlyImages(input.images, sections, imageMetrics);
  if (imageOnly) hidden.push(imageOnly);
  hidden.sort((a, b) => a.range.start.line - b.range.start.line);
  return hidden;
}

function metricsInImages(images: readonly LocatedImage[], sections: readonly SectionNode[], metrics: readonly MetricFact[]): HiddenFact[] {
  const hidden: HiddenFact[] = [];
  const imagesOf = new Map<SectionNode, LocatedImage[]>();
  for (const image of images) {
    if (!image.section) continue;
    const own = imagesOf.get(image.section);
    if (own) own.push(image);
    else imagesOf.set(image.section, [image]);
  }
  // Metrics only in images: an evaluation section whose images carry what its text does not.
  for (const section of sections) {
    const own = imagesOf.get(section);
    if (!own || !isEvaluationSection(section)) continue;
    const ownMetrics = metrics.some(
      (metric) => metric.range.start.line >= section.startLine && metric.range.start.line <= section.bodyEndLine && !metric.negated,
    );
    if (ownMetrics) continue;
    // The image is the section's only content, or its name says it holds metrics.
    const image =
      section.hollow === 'image'
        ? own[0]
        : own.find((candidate) => METRIC_IMAGE.test(`${candidate.alt} ${candidate.url.replace(/[-_/.]/g, ' ')}`));
    if (!image) continue;
    hidden.push({
      kind: 'image-metrics',
      range: image.range,
      related: [{ message: `Section '${section.title}'`, range: section.headingRange }],
    });
  }
  // Images whose names say they hold results, in a document that states no offline metric in text.
  const textOffline = metrics.some(isOfflineMention);
  if (!textOffline) {
    for (const image of images) {
      const range = image.range;
      if (hidden.some((fact) => fact.kind === 'image-metrics' && fact.range.start.line === range.start.line)) continue;
      if (METRIC_IMAGE.test(`${image.alt} ${image.url.replace(/[-_/.]/g, ' ')}`))
        hidden.push({ kind: 'image-metrics', range, related: [] });
    }
  }
  return hidden;
}

/** Markdown or HTML image markup inside a comment. */
const COMMENTED_IMAGE = /!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)|<img\b[^>]{0,500}>/gi;

/** Sections whose own body is only an image, past which the design is in pictures rather than text. */
const IMAGE_ONLY_SECTIONS = 2;

/**
 * Several sections whose whole body is an image: what they design (an architecture, a pipeline,
 * requirements) is in pictures a reviewer cannot read, search or diff. One such section is a diagram
 * beside a design written elsewhere; from two on the doc leaves its design to the pictures (chosen on
 * train, where one section flags more docs their labellers did not call hidden than it finds).
 * Sections already reported for metrics only in images are left to that finding.
 */
function sectionsOnlyImages(
  images: readonly LocatedImage[],
  sections: readonly SectionNode[],
  imageMetrics: readonly HiddenFact[],
): HiddenFact | undefined {
  const reported = new Set(imageMetrics.map((fact) => fact.range.start.line));
  // One pass over the images, not one per section: a doc of a thousand pictures stays linear.
  const firstImage = new Map<SectionNode, LocatedImage>();
  for (const image of images) if (image.section?.hollow === 'image' && !firstImage.has(image.section)) firstImage.set(image.section, image);
  const only: { section: SectionNode; image: LocatedImage }[] = [];
  for (const section of sections) {
    const image = firstImage.get(section);
    if (image && !reported.has(image.range.start.line)) only.push({ section, image });
  }
  if (only.length < IMAGE_ONLY_SECTIONS) return undefined;
  return {
    kind: 'image-only',
    range: only[0]!.image.range,
    related: only.map(({ section }) => ({ message: `Section '${section.title}' is only an image`, range: section.headingRange })),
  };
}
