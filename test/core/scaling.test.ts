// Superlinear growth on hostile shapes (issue 14): each shape is analysed at n and 8n characters
// and the time may grow at most GROWTH_LIMIT times. Linear work grows about 8 times, quadratic 64;
// the test compares ratios, never absolute times, so a slow or busy machine does not fail it.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';

const SMALL = 16_000;
const FACTOR = 8;
const GROWTH_LIMIT = 20;
const ATTEMPTS = 3;

/** Repeats `unit` to about `size` characters. */
const fill = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.round(size / unit.length)));
/** `open` k times, a word, `close` k times: nesting as deep as the size allows. */
const nest = (open: string, close: string, size: number): string => {
  const depth = Math.round(size / (open.length + close.length));
  return `${open.repeat(depth)}a${close.repeat(depth)}`;
};

const SHAPES: Record<string, (size: number) => string> = {
  // Item 8: the shapes the issue measured.
  'a heading padded with blanks': (size) => `# a${' '.repeat(size)}b\n`,
  'one line of prose full of metric words': (size) => `# Metrics\n\n${fill('the offline recall and online CTR beat accuracy, not precision vs latency; ', size)}\n`,
  '"1." repeated': (size) => `# Scale\n\n${fill('1.', size)}\n`,
  'nested links': (size) => `# Links\n\n${nest('[', '](b)', size)}\n`,
  'a list indented 2 more per line': (size) => {
    let text = '# Plan\n\n';
    for (let depth = 0; text.length < size; depth++) text += `${' '.repeat(2 * depth)}- step\n`;
    return text;
  },
  // Item 11 and the shapes found while auditing every pattern.
  'nested block quotes': (size) => `${'>'.repeat(size)} a\n`,
  'nested images': (size) => `# Diagram\n\n${nest('![', '](b)', size)}\n`,
  'nested emphasis': (size) => `# Notes\n\n${nest('*a ', ' a*', size)}\n`,
  'closing brackets with nothing open': (size) => `# Notes\n\n${fill('](b)', size)}\n`,
  'a run of digits': (size) => `# Scale\n\nWe serve ${'1'.repeat(size)} requests per second.\n`,
  'a run of "{{"': (size) => `# Template\n\n${fill('{{', size)}\n`,
  'hyphenated words without end': (size) => `# Trade-offs\n\n${fill('a-', size)} vs b\n`,
  'comments opened and never closed': (size) => `# Notes\n\nintro ${fill('<!--', size)}\n`,
  'a list item continued by unindented lines': (size) => `# Notes\n\n- ${fill('data\n', size / 4)}`,
};

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
  for (const [name, shape] of Object.entries(SHAPES)) {
    it(name, () => {
      const small = shape(SMALL);
      const large = shape(SMALL * FACTOR);
      bestTime(small, 1);
      // A pause of the collector can double one measurement; superlinear growth fails every attempt.
      const ratios: number[] = [];
      for (let attempt = 0; attempt < ATTEMPTS && !ratios.some((ratio) => ratio <= GROWTH_LIMIT); attempt++) {
        ratios.push(bestTime(large, 2) / Math.max(1, bestTime(small, 3)));
      }
      assert.ok(ratios.some((ratio) => ratio <= GROWTH_LIMIT), `${FACTOR}x the text took ${ratios.map((ratio) => ratio.toFixed(1)).join(', ')} times the time (at most ${GROWTH_LIMIT}x)`);
    });
  }
});
