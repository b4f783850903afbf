// The document-level judgement: the located facts, then the verdict modules in order, pausing
// between them, then the public model. Only the located-facts phase sees segments and signals, so
// an incremental session that keeps the signals of unchanged segments runs this again cheaply.
import { ELEMENT_IDS, PITFALL_IDS, type Coverage, type DesignDocModel, type PitfallId } from '../types';
import { VERDICT_MODULES, type Verdicts } from '../verdicts';
import type { CoverageFact, DocumentFacts, LocatedFacts } from './facts';
import { locateFacts, type CombineInput } from './locate';
import type { Steps } from './steps';

export type { CombineInput } from './locate';

/** Combines the document in steps: a sliced analysis may hand the host its turn at each `yield`. */
export function* combineSteps(input: CombineInput): Steps<DocumentFacts> {
  const located = yield* locateFacts(input);
  yield;
  const verdicts = yield* judgeSteps(located);
  return documentFacts(located, verdicts);
}

function* judgeSteps(facts: LocatedFacts): Steps<Verdicts> {
  const verdicts = {} as Record<keyof Verdicts, unknown>;
  for (const module of VERDICT_MODULES) {
    verdicts[module.verdict] =
      'judgeInSteps' in module ? yield* module.judgeInSteps(facts, verdicts as Verdicts) : module.judge(facts, verdicts as Verdicts);
    yield;
  }
  return verdicts as Verdicts;
}

function documentFacts(located: LocatedFacts, verdicts: Verdicts): DocumentFacts {
  const model: DesignDocModel = {
    isDesignDoc: verdicts.isDesignDoc,
    frontMatter: located.frontMatter,
    sections: located.outline,
    scenario: verdicts.scenario,
    task: verdicts.task,
    elements: ELEMENT_IDS.map((id) => coverageOut(id, verdicts.elements[id])),
    scenarioItems: [...verdicts.items].map(([id, fact]) => coverageOut(id, fact)),
    metrics: verdicts.metrics.map((metric) => ({
      name: metric.name,
      text: metric.text,
      role: metric.role,
      range: metric.range,
      negated: metric.negated,
      ...(metric.plainSense ? { plainSense: true as const } : {}),
    })),
    offlineMetric: verdicts.offlineMetric.verdict,
    pitfalls: Object.fromEntries(PITFALL_IDS.map((id) => [id, verdicts[id].present])) as Record<PitfallId, boolean>,
    templateResidue: verdicts.residue.length > 0,
    hiddenContent: verdicts.hidden.length > 0,
    score: verdicts.score,
  };
  const facts: DocumentFacts = {
    text: located.text,
    lines: located.lines,
    config: located.config,
    sections: located.sections,
    elements: verdicts.elements,
    items: verdicts.items,
    metrics: verdicts.metrics,
    task: verdicts.task,
    residue: verdicts.residue,
    hidden: verdicts.hidden,
    pitfalls: {
      'modeling-first': verdicts['modeling-first'],
      'ignored-data': verdicts['ignored-data'],
      'over-engineering': verdicts['over-engineering'],
      'production-gaps': verdicts['production-gaps'],
    },
    directives: located.directives,
    notDirectives: located.notDirectives,
    model,
  };
  if (verdicts.offlineMetric.headline) facts.headline = verdicts.offlineMetric.headline;
  if (verdicts.offlineMetric.culprit) facts.misalignedMetric = verdicts.offlineMetric.culprit;
  if (verdicts.proxyObjective) facts.proxyObjective = verdicts.proxyObjective;
  if (verdicts.onlineMetric) facts.onlineMetric = verdicts.onlineMetric;
  if (located.frontMatterRange) facts.frontMatterRange = located.frontMatterRange;
  if (located.frontMatterError) facts.frontMatterError = located.frontMatterError;
  return facts;
}

function coverageOut<Id extends string>(id: Id, fact: CoverageFact): Coverage<Id> {
  const out: Coverage<Id> =
    fact.evidence && fact.status !== 'missing' ? { id, status: fact.status, evidence: fact.evidence } : { id, status: fact.status };
  if (fact.status === 'partial' && fact.gap) out.gap = fact.gap;
  return out;
}
