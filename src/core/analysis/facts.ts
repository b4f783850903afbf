// The document as the rules see it: the public model plus the located facts behind each verdict.
import type { Segment } from './segments';
import type { HollowReason, SegmentSignals } from './signals';
import type { PartId } from '../framework/elements';
import type { LearnedReading } from '../learned/model';
import type { MetricFit } from '../framework/metrics';
import type { CoverageGap, CoverageStatus, DesignDocModel, ElementId, MetricRole, MlsdConfig, Range, TaskType } from '../types';

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
  /** What is still missing, when partial. */
  gap?: CoverageGap;
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
}

export interface ResidueFact {
  kind: 'placeholder' | 'empty' | 'bare' | 'image' | 'diagram';
  range: Range;
  text: string;
  section?: SectionNode;
}

export interface HiddenFact {
  kind: 'image-metrics' | 'unclosed-fence' | 'html-comment' | 'code-wrapper';
  range: Range;
  related: { message: string; range: Range }[];
  /** Where to close an unclosed fence: before this line. */
  closeBeforeLine?: number;
  fenceMarker?: string;
}

export interface DirectiveComment {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-file';
  ruleIds: string[];
  startLine: number;
  endLine: number;
}

export interface DocumentFacts {
  text: string;
  lines: readonly string[];
  segments: readonly Segment[];
  signals: readonly SegmentSignals[];
  config: MlsdConfig;
  sections: SectionNode[];
  elements: Record<ElementId, CoverageFact>;
  items: Map<string, CoverageFact>;
  metrics: MetricFact[];
  headline?: MetricFact;
  task: TaskType;
  residue: ResidueFact[];
  hidden: HiddenFact[];
  directives: DirectiveComment[];
  /** Front matter lines (fences included), when the document has front matter. */
  frontMatterRange?: Range;
  frontMatterError?: { range: Range; message: string };
  /** Line of the first model-architecture evidence and of the first scoping evidence. */
  firstModelLine?: number;
  firstScopeLine?: number;
  model: DesignDocModel;
}
