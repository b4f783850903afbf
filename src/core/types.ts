// The public vocabulary of the core. Every adapter (CLI, VS Code, remark plugin) speaks these
// types and nothing else. Positions follow the LSP convention (0-based line and character) so the
// editor can use them as they are; the CLI converts to 1-based for people and for the JSON report.

/** The 18 framework elements, in template order. A public contract. */
export const ELEMENT_IDS = [
  'framing.business-metric',
  'framing.model-metric',
  'framing.baseline',
  'framing.constraints',
  'data.sources',
  'data.ingestion',
  'data.quality',
  'features.categories',
  'features.computation',
  'model.baseline',
  'model.selection',
  'training.paradigm',
  'evaluation.offline',
  'serving.architecture',
  'serving.rollout',
  'serving.monitoring',
  'serving.scaling',
  'tradeoffs',
] as const;
export type ElementId = (typeof ELEMENT_IDS)[number];

export const SCENARIO_IDS = ['recommendation', 'fraud', 'search', 'moderation', 'generic'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];
export type ScenarioSource = 'frontmatter' | 'config' | 'detected' | 'default';

export const TASK_TYPES = ['ranking', 'imbalanced-classification', 'probability-estimation', 'regression', 'other'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export const PITFALL_IDS = ['modeling-first', 'ignored-data', 'over-engineering', 'production-gaps'] as const;
export type PitfallId = (typeof PITFALL_IDS)[number];

export type MetricRole = 'business' | 'model' | 'offline' | 'online' | 'guardrail' | 'unknown';
export type CoverageStatus = 'present' | 'partial' | 'missing';
export type OfflineMetricVerdict = 'fits' | 'misaligned' | 'none' | 'unverifiable';
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit offset within the line. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A plain text edit; applying edits never needs the parse tree. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * What a fix does, so a consumer picks a fix by kind, never by its title or inserted text:
 * `insert-section` inserts a skeleton section (an element's, or a scenario checklist);
 * `replace-metric` replaces a metric name with one that fits the task; `close-fence` closes a code
 * block left open (a fence or a `<pre>`); `disable-line` adds a suppression comment for the finding's line.
 * (Disabling a rule for a file or a project is an editor action on its own, not a core fix.)
 */
export type FixKind = 'insert-section' | 'replace-metric' | 'close-fence' | 'disable-line';

export interface Fix {
  kind: FixKind;
  title: string;
  edits: TextEdit[];
  /** The one obvious fix for its finding (VS Code's isPreferred). */
  isPreferred?: boolean;
}

export interface RelatedLocation {
  message: string;
  range: Range;
}

/**
 * What a finding is about, so a consumer (the review's grouping, the coverage view) never reads the
 * message to find out: a framework element (`framing.baseline`), a scenario checklist item
 * (`fraud/real-time`), a metric by its canonical name from the framework data (`Accuracy`) or a
 * pitfall. `document` is a finding about the document as a whole rather than one framework entry:
 * its front matter, content hidden from readers, a missing online metric, a training objective, a
 * leftover in a section that names no element.
 */
export type FindingSubject =
  | { kind: 'element'; id: ElementId }
  | { kind: 'item'; id: string }
  | { kind: 'metric'; id: string }
  | { kind: 'pitfall'; id: PitfallId }
  | { kind: 'document' };

export interface Finding {
  ruleId: string;
  subject: FindingSubject;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
  related: RelatedLocation[];
}

/** A heading and everything up to the next heading of the same or a higher level. */
export interface Section {
  title: string;
  depth: number;
  /** The heading line. */
  headingRange: Range;
  /** From the heading to the end of the section's last child. */
  range: Range;
  children: Section[];
}

/**
 * What a partial element or checklist item still lacks, so hovers, views and reports can say it
 * (`describeGap` words it). The first three are template residue: they earn no score.
 */
export const COVERAGE_GAPS = [
  'only-placeholder',
  'empty-section',
  'only-bare-bullets',
  'only-image',
  'only-diagram',
  'only-part-heading',
  'passing-mention',
  'no-number',
  'no-measure',
  'one-rollout-step',
  'one-monitoring-signal',
  'single-outcome-metric',
  'no-business-metric',
  'not-linked',
] as const;
export type CoverageGap = (typeof COVERAGE_GAPS)[number];

export interface Coverage<Id extends string = string> {
  id: Id;
  status: CoverageStatus;
  /** Where the main evidence is; undefined when missing. */
  evidence?: Range;
  /** What is still missing, when partial. */
  gap?: CoverageGap;
}

export interface MetricMention {
  /** Canonical metric name from the framework data (e.g. "NDCG@k", "PR-AUC"). */
  name: string;
  /** The text as written. */
  text: string;
  role: MetricRole;
  range: Range;
  /** True when the doc mentions it to reject it ("we do not use accuracy because ..."). */
  negated: boolean;
  /** True when the word names a quality, not the metric ("improve retrieval accuracy"): no fit check applies. */
  plainSense?: true;
}

export interface DesignDocModel {
  isDesignDoc: boolean;
  frontMatter: Record<string, unknown> | undefined;
  sections: Section[];
  scenario: { id: ScenarioId; source: ScenarioSource };
  task: TaskType;
  elements: Coverage<ElementId>[];
  scenarioItems: Coverage[];
  metrics: MetricMention[];
  offlineMetric: OfflineMetricVerdict;
  pitfalls: Record<PitfallId, boolean>;
  templateResidue: boolean;
  hiddenContent: boolean;
  /** 0..100 */
  score: number;
}

/** A configuration problem, located in the file (or front matter) that holds it. */
export interface ConfigError {
  /** Path of the config file, or the document's own path for a front-matter block. */
  file: string;
  range: Range;
  message: string;
  /** A warning (unknown key, unknown rule) leaves the rest of the config in force; an error means a value was dropped. */
  severity: 'error' | 'warning';
  /**
   * The one obvious edit of the document (a misspelt ID's correction, a stale comment's removal),
   * offered as a quick fix. `isPreferred` ones are safe for fix-all too (a stale comment's removal,
   * as ESLint's --fix removes an unused disable directive); a guessed correction is not.
   */
  fix?: { title: string; edits: TextEdit[]; isPreferred?: boolean };
}

export interface AnalysisResult {
  model: DesignDocModel;
  findings: Finding[];
  /** Problems in the front-matter `mlsd:` block; analysis went on with what was valid. */
  configErrors: ConfigError[];
}

export type RuleSetting = 'off' | Severity;
export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info', 'hint'];

/** The user's configuration, from `.mlsd.json|jsonc|yaml|yml` and the front-matter `mlsd:` block. */
export interface MlsdConfig {
  /** Rule ID → off or a severity. */
  rules?: Record<string, RuleSetting>;
  /** Used when the front matter does not declare a scenario. */
  scenario?: ScenarioId;
  /** Scenario checklist items ("fraud/real-time") to require on top of the doc's own scenario. */
  requiredItems?: string[];
  /** Extra heading wordings that mean an element, e.g. { "framing.constraints": ["SLOs"] }. */
  aliases?: Partial<Record<ElementId, string[]>>;
  /** Globs of files that are design docs whatever their content. */
  include?: string[];
  /** Globs of files never checked. */
  ignore?: string[];
}

export interface AnalyzeOptions {
  config?: MlsdConfig;
  /** Used for messages and for include/ignore globs; never read. */
  path?: string;
}
