// The shape of one segment's signals (see signals.ts), and the intermediate types the modules that
// compute them share. Lines are relative to the segment (0 = its first line).
import type { ElementId, MetricRole, TaskType } from '../types';
import type { OpenRawHtmlSignal } from './raw-html-block';

/** A span on one line of the segment. */
export interface Span {
  line: number;
  start: number;
  end: number;
}

/** Which of an element's facets a text names (bit i: facet i), and whether it says how on a line naming the stated one. */
export interface FacetReading {
  named: number;
  detailed: boolean;
}

export interface CueHit extends Span {
  weight: number;
  /** False when the line is a short bullet that only names a topic. */
  substantive: boolean;
  /** The matched words, lower-cased: repeating a phrase is not more evidence. */
  phrase: string;
}

export interface MetricHit extends Span {
  name: string;
  text: string;
  negated: boolean;
  /** Role stated on the line or by a label line above it ("Online metrics:"). */
  statedRole?: MetricRole;
  /** The line talks about a loss or training objective rather than an evaluation metric. */
  asLoss: boolean;
  /** Inside a trade-off phrase ("latency vs accuracy"), not a metric choice. */
  inTradeoff: boolean;
  /** The plain word for a quality, not the metric: "improve retrieval accuracy", "**Accuracy**: MAE". */
  plainSense?: true;
}

export interface ObjectiveHit extends Span {
  target: string;
  justified: boolean;
}

export interface CommentSignal {
  startLine: number;
  endLine: number;
  /** Character where the comment starts on its first line. */
  start: number;
  /** Character where it ends on its last line. */
  end: number;
  text: string;
  /** Written among other content: inside a paragraph, heading or table, or among a raw HTML block's tags. */
  inline?: true;
}

export interface ImageHit extends Span {
  alt: string;
  url: string;
}

export type HollowReason = 'empty' | 'placeholder' | 'image' | 'diagram' | 'bare';

export interface BodySignal {
  /** Words of real content (placeholders, images and comments excluded). */
  words: number;
  /** Why the body does not count as content, if it does not. */
  hollow?: HollowReason;
}

export interface HeadingSignal {
  depth: number;
  title: string;
  normalized: string;
  /** The heading text on line 0. */
  start: number;
  end: number;
}

export interface FrontMatterSignal {
  /** YAML text without the fences. */
  value: string;
  /** Line of the opening fence (always 0) and of the closing fence. */
  endLine: number;
}

export interface SegmentSignals {
  lineCount: number;
  heading?: HeadingSignal;
  frontMatter?: FrontMatterSignal;
  body: BodySignal;
  /** Cue hits by element and by checklist item; only those with hits (Maps: the combiner walks them on every edit). */
  elementHits: Map<ElementId, CueHit[]>;
  itemHits: Map<string, CueHit[]>;
  metrics: MetricHit[];
  /** Scenario ID (or "generic") → number of detection words. */
  scenarioWords: Record<string, number>;
  /** The scenario words of the sentences that say what is designed (a design verb), the designed thing counting double. */
  designStatements: Record<string, number>;
  taskWords: Record<Exclude<TaskType, 'other'>, number>;
  /** The parts of each element with `facets` that the segment names, only for elements it names one of. */
  elementFacets: Record<string, FacetReading>;
  /** Complex model mentions; `justified` when the segment gives a reason (data type, a beaten baseline). */
  complexModels: (Span & { justified: boolean })[];
  simplerFails: Span[];
  objectives: ObjectiveHit[];
  placeholders: Span[];
  /** Labels that introduce online metrics in the doc's own words, each followed by what they name. */
  onlineMetricLabels: Span[];
  images: ImageHit[];
  comments: CommentSignal[];
  /** A `<pre>` (or script, style, textarea) block at the top level that no end tag closes in the segment. */
  openRawHtml?: OpenRawHtmlSignal;
  /** First line (relative) with content other than the heading, for "where is the body". */
  lastContentLine: number;
}

/** What a line of the segment holds, as far as the scans are concerned. */
export type LineKind = 'blank' | 'heading' | 'frontmatter' | 'text' | 'code' | 'comment' | 'html';

/** A paragraph, table or table row: the unit the body summary counts. */
export interface Unit {
  startLine: number;
  endLine: number;
  words: number;
  placeholder: boolean;
  imageOnly: boolean;
  nested: boolean;
  /** Holds a number, a "label: value" pair or a link, so it is not a bare topic name. */
  specific: boolean;
}

/** Maps offsets in a scanned text back to a span on one line of the segment. */
export type Locator = (start: number, end: number) => Span;
