// Ignoring the data: a detailed model next to a thin data pipeline.
import type { CoverageFact, LocatedFacts } from '../../analysis/facts';
import { pitfallSpec } from '../../framework/pitfalls';
import type { ElementId } from '../../types';
import type { PitfallVerdict, VerdictModule } from '../verdict';
import { pitfallFeatures, readPitfall } from './learned';

const spec = pitfallSpec('ignored-data');

export const ignoredData: VerdictModule = { verdict: 'ignored-data', judge: (facts, before) => judgeIgnoredData(facts, before.elements) };

/**
 * The hand rule (thin data next to a detailed model: at most one data element covered, or two
 * covered in a data part a third the size of the model part) is one feature of the learned verdict,
 * which decides; it is only reported with a data element short of present to point at.
 */
function judgeIgnoredData(facts: LocatedFacts, elements: Record<ElementId, CoverageFact>): PitfallVerdict {
  const gap = spec.restsOn.some((id) => elements[id].status !== 'present');
  return readPitfall(spec.id, pitfallFeatures(spec, facts, elements, handRule(facts, elements)), gap);
}

function handRule(facts: LocatedFacts, elements: Record<ElementId, CoverageFact>): boolean {
  const dataPresent = spec.restsOn.filter((id) => elements[id].status === 'present').length;
  const wordsAbout = (ids: readonly ElementId[]): number =>
    facts.sections.filter((section) => ids.some((id) => section.elements.has(id))).reduce((sum, section) => sum + section.words, 0);
  const thinData = dataPresent <= 1 || (dataPresent === 2 && wordsAbout(spec.restsOn) * 3 < wordsAbout(spec.weighedAgainst ?? []));
  return thinData && elements['model.selection'].status !== 'missing';
}
