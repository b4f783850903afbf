// The 0-100 score: coverage of the elements and checklist items, the offline metric, less points
// for pitfalls, template residue and hidden content.
import type { CoverageFact } from '../analysis/facts';
import { RESIDUE_GAPS } from '../coverage-gaps';
import { ELEMENT_IDS, PITFALL_IDS } from '../types';
import type { Verdicts, VerdictModule } from './verdict';

export const score: VerdictModule = { verdict: 'score', judge: (_facts, before) => scoreOf(before) };

function scoreOf(verdicts: Verdicts): number {
  // A section only named, with nothing written under it (a skeleton, a snippet left unfilled), earns
  // nothing: inserting a template must never raise the score. Nor lower it: a concept the text also
  // mentions in passing keeps that mention's half.
  const value = ({ status, gap, mentionedElsewhere }: CoverageFact): number =>
    status === 'present' ? 1 : status === 'partial' && (!(gap && RESIDUE_GAPS.has(gap)) || mentionedElsewhere) ? 0.5 : 0;
  const elementShare = ELEMENT_IDS.reduce((sum, id) => sum + value(verdicts.elements[id]), 0) / ELEMENT_IDS.length;
  const items = [...verdicts.items.values()];
  const itemShare = items.length ? items.reduce((sum, item) => sum + value(item), 0) / items.length : elementShare;
  const offline = verdicts.offlineMetric.verdict;
  const metricPoints = offline === 'fits' ? 1 : offline === 'misaligned' ? 0 : 0.3;
  const pitfalls = PITFALL_IDS.filter((id) => verdicts[id].present).length;
  const raw =
    70 * elementShare +
    15 * itemShare +
    15 * metricPoints -
    5 * pitfalls -
    (verdicts.residue.length > 0 ? 3 : 0) -
    (verdicts.hidden.length > 0 ? 3 : 0);
  return Math.max(0, Math.min(100, Math.round(raw)));
}
