// Superlinear growth on hostile shapes (issue 14): each shape is analysed at n and 8n characters
// and the time may grow at most GROWTH_LIMIT times. Linear work grows about 8 times, quadratic 64;
// the test compares ratios, never absolute times, so a slow or busy machine does not fail it.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { HOSTILE_SHAPES } from './hostile-shapes';

const SMALL = 16_000;
const FACTOR = 8;
const GROWTH_LIMIT = 20;
const ATTEMPTS = 3;

function bestTime(text: string, runs: number): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    analyze(text);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('analysis time grows linearly on hostile shapes', function () {
  this.timeout(60_000);
  for (const [name, shape] of Object.entries(HOSTILE_SHAPES)) {
    it(name, () => {
      const small = shape(SMALL);
      const large = shape(SMALL * FACTOR);
      bestTime(small, 1);
      // A pause of the collector can double one measurement; superlinear growth fails every attempt.
      const ratios: number[] = [];
      for (let attempt = 0; attempt < ATTEMPTS && !ratios.some((ratio) => ratio <= GROWTH_LIMIT); attempt++) {
        ratios.push(bestTime(large, 2) / Math.max(1, bestTime(small, 3)));
      }
      assert.ok(
        ratios.some((ratio) => ratio <= GROWTH_LIMIT),
        `${FACTOR}x the text took ${ratios.map((ratio) => ratio.toFixed(1)).join(', ')} times the time (at most ${GROWTH_LIMIT}x)`,
      );
    });
  }
});
