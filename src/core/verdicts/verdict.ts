// What a verdict module is: one judgement about the document, taken from the located facts and the
// verdicts of the modules before it in the list (see ./index.ts), returned with its evidence ranges.
import type { CoverageFact, HiddenFact, LocatedFacts, MetricFact, ObjectiveMention, ResidueFact } from '../analysis/facts';
import type { Steps } from '../analysis/steps';
import type { PitfallReading } from './pitfalls/learned';
import type { DesignDocModel, ElementId, Range, ScenarioId, ScenarioSource, TaskType } from '../types';

export interface PitfallVerdict {
  present: boolean;
  /** The learned verdict's features and probability (the hand rule's verdict is one of the features). */
  learned: PitfallReading;
}

export interface ModelingFirstVerdict extends PitfallVerdict {
  /** Line of the first model-architecture evidence. */
  firstModelLine?: number;
}

export interface OverEngineeringVerdict extends PitfallVerdict {
  /** The first complex model the document names. */
  firstComplexModel?: Range;
}

export interface PitfallVerdicts {
  'modeling-first': ModelingFirstVerdict;
  'ignored-data': PitfallVerdict;
  'over-engineering': OverEngineeringVerdict;
  'production-gaps': PitfallVerdict;
}

/** A proxy training objective (clicks) where the business outcome is a purchase or revenue. */
export interface ProxyObjective {
  objective: ObjectiveMention;
  businessOutcome: MetricFact;
}

export interface Verdicts extends PitfallVerdicts {
  scenario: { id: ScenarioId; source: ScenarioSource };
  task: TaskType;
  /** Metric mentions with their roles and how they fit the task. */
  metrics: MetricFact[];
  elements: Record<ElementId, CoverageFact>;
  /** The scenario's checklist items (and those the configuration requires), in order. */
  items: Map<string, CoverageFact>;
  hidden: HiddenFact[];
  offlineMetric: {
    verdict: DesignDocModel['offlineMetric'];
    /** The mentions that state the document's offline metrics. */
    stated: MetricFact[];
    headline?: MetricFact;
    /** When misaligned: the mention the diagnostic points at. */
    culprit?: MetricFact;
  };
  /** Where the document states an online metric (a mention, or a heading or label over its own words for one). */
  onlineMetric: Range | undefined;
  residue: ResidueFact[];
  proxyObjective: ProxyObjective | undefined;
  isDesignDoc: boolean;
  score: number;
}

/** One module per verdict: `judge` when it is quick, `judgeInSteps` when it loops over the whole document and pauses. */
export type VerdictModule = {
  [Key in keyof Verdicts]:
    | { verdict: Key; judge(facts: LocatedFacts, before: Verdicts): Verdicts[Key] }
    | { verdict: Key; judgeInSteps(facts: LocatedFacts, before: Verdicts): Steps<Verdicts[Key]> };
}[keyof Verdicts];
