// Whether the document is an ML design doc mlsd should judge: its markers (front matter, the
// configuration's globs), else enough of the framework covered or named by its headings.
import type { CoverageFact, LocatedComment, LocatedFacts, SectionNode } from '../analysis/facts';
import { matchesGlob } from '../analysis/glob';
import { ELEMENTS } from '../framework/elements';
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
  // draft is still a design doc). README and changelog headings raise the bar.
  const covered = ELEMENTS.filter((spec) => elements[spec.id].status !== 'missing');
  const present = covered.filter((spec) => elements[spec.id].status === 'present').length;
  const parts = new Set(covered.map((spec) => spec.part)).size;
  // The strict bar is met whatever the headings say: no need to read every heading again on every edit.
  if (present >= 10 && parts >= 4) return true;
  const strict = readmeHeadingCount(sections) >= 2;
  if (present >= (strict ? 10 : 6) && parts >= 4) return true;
  return !strict && covered.length >= 4 && specificallyNamed(sections) >= 3;
}

function readmeHeadingCount(sections: readonly SectionNode[]): number {
  return sections.filter((section) => README_HEADINGS.test(section.normalized) || VERSION_HEADING.test(section.normalized)).length;
}

/** How many elements some heading names specifically. */
function specificallyNamed(sections: readonly SectionNode[]): number {
  return new Set(sections.flatMap((section) => [...section.elements].filter(([, strength]) => strength === 'specific').map(([id]) => id)))
    .size;
}
