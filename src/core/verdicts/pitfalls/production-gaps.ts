// Neglecting production: two or more of the production elements (latency budget, monitoring,
// rollout, scaling) not covered.
import { pitfallSpec } from '../../framework/pitfalls';
import type { VerdictModule } from '../verdict';

const spec = pitfallSpec('production-gaps');

export const productionGaps: VerdictModule = {
  verdict: 'production-gaps',
  judge: (_facts, before) => ({ present: spec.restsOn.filter((id) => before.elements[id].status !== 'present').length >= 2 }),
};
