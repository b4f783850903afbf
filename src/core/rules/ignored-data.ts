import { pitfallSpec } from '../framework/pitfalls';
import { missingAnchor } from '../fixes/insert';
import type { Rule } from './rule';
import { coverageOfGaps, gapsAmong, isUnwrittenTemplate } from './pitfall-support';

const spec = pitfallSpec('ignored-data');

export const ignoredData: Rule = {
  id: 'ignored-data',
  defaultSeverity: 'warning',
  description: 'The data pipeline (sources, ingestion, quality) must get as much care as the model.',
  check(facts) {
    if (!facts.model.pitfalls['ignored-data'] || isUnwrittenTemplate(facts)) return [];
    const gaps = gapsAmong(facts, spec.restsOn);
    const model = facts.elements['model.selection'];
    return [
      {
        subject: { kind: 'pitfall', id: 'ignored-data' },
        message: `Thin data pipeline next to the model: ${coverageOfGaps(facts, gaps)} — needs ${spec.expectation}`,
        range: missingAnchor(facts, gaps[0]!),
        related: model.evidence ? [{ message: 'Model part', range: model.evidence }] : [],
      },
    ];
  },
};
