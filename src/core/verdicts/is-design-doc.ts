// Whether the document is an ML design doc mlsd should judge: its markers (front matter, the
// configuration's globs), else enough of the framework covered or named by its headings.
import type { CoverageFact, LocatedComment, LocatedFacts, SectionNode } from '../analysis/facts';
import { matchesGlob } from '../analysis/glob';
import { elementSpec, ELEMENTS } from '../framework/elements';
import { anyWord } from '../framework/patterns';
import { REPORT_MARKER } from '../report';
import type { ElementId } from '../types';
import type { VerdictModule } from './verdict';

const README_HEADINGS = anyWord([
  'installation',
  'install',
  'usage',
  'getting started',
  'quick ?start',
  'license',
  'contributing',
  'changelog',
  'release notes',
  'added',
  'fixed',
  'changed',
  'removed',
  'deprecated',
  'security',
  'unreleased',
  'api reference',
  'faq',
  'acknowledg\\w+',
]);
const VERSION_HEADING = /^\[?v?\d+\.\d+/;

export const isDesignDocument: VerdictModule = {
  verdict: 'isDesignDoc',
  judge: (facts, before) => isDesignDoc(facts, facts.sections, before.elements),
};

/** Whether the document is mlsd's own review (its marker comment is in the first segment). */
function isGeneratedReport(opening: readonly LocatedComment[]): boolean {
  return opening.some((comment) => comment.text.startsWith(REPORT_MARKER) && !/[\w-]/.test(comment.text.charAt(REPORT_MARKER.length)));
}

function isDesignDoc(input: LocatedFacts, sections: readonly SectionNode[], elements: Record<ElementId, CoverageFact>): boolean {
  // mlsd's own review quotes the framework on every line; judging it would review the review.
  if (isGeneratedReport(input.openingComments)) return false;
  const marker = input.frontMatter?.mlsd;
  if (marker === false) return false;
  if (marker !== undefined || typeof input.frontMatter?.scenario === 'string') return true;
  if (input.path) {
    if (input.config.ignore?.some((glob) => matchesGlob(input.path!, glob))) return false;
    if (input.config.include?.some((glob) => matchesGlob(input.path!, glob))) return true;
  }
  // Enough of the framework, either as content or as headings that name its elements (a sparse
  // draft is still a design doc). README and changelog headings raise the bar. Content must also
  // read as ML: an API reference or a changelog covers "architecture", "scaling" and "monitoring"
  // in plenty, and no task, scenario, metric or model words.
  const covered = ELEMENTS.filter((spec) => elements[spec.id].status !== 'missing');
  const present = covered.filter((spec) => elements[spec.id].status === 'present').length;
  const parts = new Set(covered.map((spec) => spec.part)).size;
  const words = contentWords(input);
  const mlDensity = mlWordsPerThousand(input, words);
  if (parts >= 4 && mlDensity >= SOME_ML_WORDS) {
    // The strict bar is met whatever the headings say: no need to read every heading again on every edit.
    if (present >= 10) return true;
    // A short write-up dense in ML words (an interview outline, a project README with its install
    // steps) is one even when few elements are fully addressed.
    if (covered.length >= 5 && mlDensity >= DENSE_ML_WORDS) return true;
  }
  const strict = readmeHeadingCount(sections) >= 2;
  if (!strict && present >= 6 && parts >= 4 && mlDensity >= SOME_ML_WORDS) return true;
  // A draft's headings: at least one of them about the data, features, model or its metric, since
  // an operations doc names architecture, rollout, monitoring and scaling too; and, once there is
  // more than a few lines of content, some ML words in it ("## Metrics" over Prometheus counters).
  if (strict || covered.length < 4 || (mlDensity < SOME_ML_WORDS && words >= DRAFT_WORDS)) return false;
  const named = specificallyNamed(sections);
  return named.size >= 3 && [...named].some(isAboutTheModel);
}

/** Content words below which a document is still a skeleton or a first draft, judged by its headings. */
const DRAFT_WORDS = 40;

const contentWords = (input: LocatedFacts): number => input.segments.reduce((sum, segment) => sum + segment.words, 0);

/** Framing's model metric and every element of the data, features, model, training and evaluation parts. */
const isAboutTheModel = (id: ElementId): boolean => {
  const { part } = elementSpec(id);
  return id === 'framing.model-metric' || (part !== 'framing' && part !== 'serving' && part !== 'tradeoffs');
};

/**
 * ML words per thousand words of content: task and scenario words, metric and model mentions.
 * Measured on the labelled corpora and 1,500 other Markdown files (READMEs, changelogs, API docs of
 * npm, Debian and SDK packages): design docs read a median of 52, the other files 0 (90% under 6).
 */
const SOME_ML_WORDS = 2;
const DENSE_ML_WORDS = 25;

function mlWordsPerThousand(input: LocatedFacts, contentWords: number): number {
  let count = input.metrics.length + input.models.length;
  for (const perSegment of [input.scenarioWords, input.taskWords])
    for (const words of perSegment) for (const n of Object.values(words)) count += n;
  return contentWords ? (count * 1000) / contentWords : 0;
}

function readmeHeadingCount(sections: readonly SectionNode[]): number {
  return sections.filter((section) => README_HEADINGS.test(section.normalized) || VERSION_HEADING.test(section.normalized)).length;
}

/** The elements some heading names specifically. */
function specificallyNamed(sections: readonly SectionNode[]): Set<ElementId> {
  return new Set(sections.flatMap((section) => [...section.elements].filter(([, strength]) => strength === 'specific').map(([id]) => id)));
}
