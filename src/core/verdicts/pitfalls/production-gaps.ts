// Neglecting production: the production elements (latency budget, monitoring, rollout, scaling)
// thin. The hand rule (two or more of them not present) is one feature of the learned verdict,
// which decides; it is only reported with one of them short of present to point at.
import { pitfallSpec } from '../../framework/pitfalls';
import type { VerdictModule } from '../verdict';
import { pitfallFeatures, readPitfall } from './learned';

const spec = pitfallSpec('production-gaps');

export const productionGaps: VerdictModule = {
  verdict: 'production-gaps',
  judge: (facts, { elements }) => {
    const gaps = spec.restsOn.filter((id) => elements[id].status !== 'present').length;
    return readPitfall(spec.id, pitfallFeatures(spec, facts, elements, gaps >= 2), gaps > 0);
  },
};
