// The document in two stages. `LocatedFacts`: what the segments and their signals say, placed at
// document positions (the last stage that sees segments). `DocumentFacts`: what the rules see, the
// verdicts judged from the located facts plus the public model.
import type { SwallowingRawHtml } from './raw-html-block';
import type { MarkdownWrapper, SwallowingFence } from './segments';
import type { CueHit, FacetReading, HollowReason } from './signals';
import type { PartId } from '../framework/elements';
import type { LexiconScores } from '../learned/lexicon';
import type { LearnedReading } from '../learned/model';
import type { MetricFit } from '../framework/metrics';
import type { CoverageGap, CoverageStatus, DesignDocModel, ElementId, MetricRole, MlsdConfig, Range, Section, TaskType } from '../types';
import type { PitfallVerdicts, ProxyObjective } from '../verdicts/verdict';

export interface SectionNode {
  title: string;
  normalized: string;
  depth: number;
  /** Index of the segment whose heading this is. */
  segment: number;
  headingRange: Range;
  /** First line of the section (its heading). */
  startLine: number;
  /** Last line of the section's own body, before its first child. */
  bodyEndLine: number;
  /** Last line of the section including its children. */
  endLine: number;
  parent?: SectionNode;
  children: SectionNode[];
  /** Parts this heading names ("Data pipeline" → data). */
  parts: ReadonlySet<PartId>;
  /** Elements this heading names, with how strongly. */
  elements: ReadonlyMap<ElementId, 'specific' | 'broad'>;
  /** Checklist items ("fraud/real-time") this heading names. */
  items: ReadonlySet<string>;
  /** Why the section's own body is not content, if it is not. */
  hollow?: HollowReason;
  /** The section or one of its children has real content. */
  hasContent: boolean;
  /** Words in the section's own body. */
  words: number;
  /** Metric role its heading states ("Online metrics" → online). */
  role?: MetricRole;
}

export interface CoverageFact {
  status: CoverageStatus;
  evidence?: Range;
  /** The section that names the concept, when one does. */
  section?: SectionNode;
  /** Partial only because the section naming it is an unfilled template (reported as residue). */
  residueOnly: boolean;
  /** Residue, but the text also mentions the concept elsewhere in passing: it keeps a passing mention's credit. */
  mentionedElsewhere?: true;
  /** What is still missing, when partial. */
  gap?: CoverageGap;
  /** The hand reading's cue weight (a named section with content counts as its threshold): a feature of the learned verdict. */
  score: number;
  /** The learned verdict's features and probabilities (framework elements only). */
  learned?: LearnedReading;
}

export interface MetricFact {
  name: string;
  text: string;
  range: Range;
  role: MetricRole;
  negated: boolean;
  fit?: MetricFit;
  section?: SectionNode;
  /** Listed where the document states its offline metrics (an evaluation or metrics section). */
  inEvaluation: boolean;
  /** The role came from the words around the mention or a label above it, not from the metric's usual role. */
  stated?: true;
  /** Named as a training loss or as one side of a trade-off. */
  asLoss?: true;
  inTradeoff?: true;
  /** The plain word for a quality ("improve retrieval accuracy"), not the metric. */
  plainSense?: true;
}

export interface ResidueFact {
  /** `slot`: a template's slot left in a heading ("<MVP or Production System>"). */
  kind: 'placeholder' | 'slot' | 'empty' | 'bare' | 'image' | 'diagram';
  range: Range;
  text: string;
  section?: SectionNode;
}

export interface HiddenFact {
  kind: 'image-metrics' | 'image-only' | 'unclosed-fence' | 'html-comment' | 'code-wrapper';
  range: Range;
  related: { message: string; range: Range }[];
  /** Where to close an unclosed fence or raw HTML block: before this line. */
  closeBeforeLine?: number;
  /** What closes it: the fence marker, or the end tag of a raw HTML block. */
  closeWith?: string;
  /** What is left open, when it is a raw HTML block rather than a fence: its start tag ("<pre>"). */
  rawHtmlTag?: string;
}

export interface DirectiveComment {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';
  ruleIds: string[];
  /** The whole comment, `<!--` to `-->`. */
  range: Range;
  /** Written after or before text on its line, so the line is not a directive line of its own. */
  inline?: true;
}

/** One segment's cue hits for one element or checklist item, and the line the segment starts on. */
export interface HitGroup {
  startLine: number;
  hits: readonly CueHit[];
  /** The innermost section holding the segment (and so every hit in it): found once per segment, not per hit. */
  section: SectionNode | undefined;
}

export interface MetricMention {
  name: string;
  text: string;
  range: Range;
  negated: boolean;
  /** A role the words around the mention state. */
  statedRole?: MetricRole;
  /** Named as a training loss, or as one side of a trade-off: not a metric the document tracks. */
  asLoss: boolean;
  inTradeoff: boolean;
  /** The plain word for a quality ("improve retrieval accuracy"), not the metric. */
  plainSense?: true;
}

/** A complex model family named (transformer, GNN, ensemble of...). */
export interface ModelMention {
  range: Range;
  /** A reason is given where it is named. */
  justified: boolean;
  /** Named in a reference section (about someone else's system). */
  inReference: boolean;
}

export interface ObjectiveMention {
  target: string;
  justified: boolean;
  range: Range;
}

export interface LocatedComment {
  text: string;
  range: Range;
  /** Written among other content (a paragraph, heading, table or raw HTML block's tags). */
  inline?: true;
}

export interface LocatedImage {
  alt: string;
  url: string;
  range: Range;
  /** The section whose own body holds the image. */
  section?: SectionNode;
}

/** Where a segment lies and how many content words it holds: what the learned verdict's figures need, without its signals. */
export interface LocatedSegment {
  text: string;
  startLine: number;
  lineCount: number;
  words: number;
}

/** The document as the analysis received it: its text, configuration, front matter and how it was split. */
export interface DocumentContext {
  text: string;
  lines: readonly string[];
  config: MlsdConfig;
  /** Front matter as parsed (undefined when absent or malformed). */
  frontMatter: Record<string, unknown> | undefined;
  frontMatterError?: { range: Range; message: string };
  path?: string;
  /** A ```markdown fence wrapping the document, whose fence lines were blanked before analysis. */
  wrapper?: MarkdownWrapper;
  /** A fence never closed, whose swallowed headings were split into sections all the same. */
  swallowing?: SwallowingFence;
  /** A `<pre>` (or script, style, textarea) never closed, whose swallowed headings were read as sections all the same. */
  swallowingRawHtml?: SwallowingRawHtml;
}

export interface LocatedFacts extends DocumentContext {
  /** Front matter lines (fences included), when the document has front matter. */
  frontMatterRange?: Range;
  sections: SectionNode[];
  /** The innermost section holding a line. */
  sectionAt: (line: number) => SectionNode | undefined;
  outline: Section[];
  /** Cue hits by element and by checklist item, in document order; reference sections left out. */
  elementHits: Map<string, HitGroup[]>;
  itemHits: Map<string, HitGroup[]>;
  /** Metric mentions in document order; reference sections left out. */
  metrics: MetricMention[];
  models: ModelMention[];
  /** Some passage says why a simpler model is not enough. */
  simplerFails: boolean;
  objectives: ObjectiveMention[];
  placeholders: Range[];
  /** Labels that introduce online metrics in the doc's own words ("* Online" over a list). */
  onlineMetricLabels: Range[];
  comments: LocatedComment[];
  /** Comments before the document's second segment (where mlsd's own review carries its marker). */
  openingComments: LocatedComment[];
  images: LocatedImage[];
  /** Words that point to each scenario and task, one count per segment in document order (summed only when needed). */
  scenarioWords: Readonly<Record<string, number>>[];
  /** The scenario words of each segment's sentences that say what is designed, in document order. */
  designStatements: Readonly<Record<string, number>>[];
  taskWords: Readonly<Record<string, number>>[];
  /** The facets each segment names of the elements that have them, in document order. */
  elementFacets: Readonly<Record<string, FacetReading>>[];
  directives: DirectiveComment[];
  /** Comments that start like a directive ("mlsd-…") but are none: they silence nothing. */
  notDirectives: LocatedComment[];
  /** The segments in document order, by position and size. */
  segments: LocatedSegment[];
  /** The learned lexicon's scores of the document's lines, per element. */
  lexicon: LexiconScores;
}

export interface DocumentFacts {
  text: string;
  lines: readonly string[];
  config: MlsdConfig;
  sections: SectionNode[];
  elements: Record<ElementId, CoverageFact>;
  items: Map<string, CoverageFact>;
  metrics: MetricFact[];
  headline?: MetricFact;
  /** When the offline metric is misaligned: the mention that makes it so. */
  misalignedMetric?: MetricFact;
  /** Where the document states an online metric. */
  onlineMetric?: Range;
  task: TaskType;
  residue: ResidueFact[];
  hidden: HiddenFact[];
  pitfalls: PitfallVerdicts;
  /** A proxy training objective that does not serve the business outcome. */
  proxyObjective?: ProxyObjective;
  directives: DirectiveComment[];
  notDirectives: LocatedComment[];
  /** Front matter lines (fences included), when the document has front matter. */
  frontMatterRange?: Range;
  frontMatterError?: { range: Range; message: string };
  model: DesignDocModel;
}
