// Times analyze() on 1 MB hostile inputs (the shapes of issue 14) against an ordinary generated
// design doc of the same size, and reports the peak memory of analysing a 10 MB doc.
// Usage: node --expose-gc --import tsx scripts/bench/hostile.ts
import { analyze } from '../../src/core/analyze';
import { HOSTILE_SHAPES } from '../../test/core/hostile-shapes';
import { generateDesignDoc } from './generate';

const MB = 1_000_000;

/** An ordinary design doc of about `size` characters: generated sections, repeated. */
function ordinaryDoc(size: number): string {
  const sample = generateDesignDoc(2_000);
  const text = sample.repeat(Math.ceil(size / sample.length));
  return text.slice(0, text.lastIndexOf('\n', size) + 1);
}

function time(text: string): number {
  const started = performance.now();
  analyze(text);
  return performance.now() - started;
}

function main(): void {
  const ordinary = ordinaryDoc(MB);
  time(ordinary);
  const baseline = time(ordinary);
  console.log(`ordinary design doc, ${(ordinary.length / MB).toFixed(2)} MB: ${baseline.toFixed(0)} ms`);
  for (const [name, shape] of Object.entries(HOSTILE_SHAPES)) {
    const text = shape(MB);
    const ms = time(text);
    console.log(`${name}, ${(text.length / MB).toFixed(2)} MB: ${ms.toFixed(0)} ms (${(ms / baseline).toFixed(2)}x)`);
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const large = ordinaryDoc(10 * MB);
  const before = process.memoryUsage().rss;
  const started = performance.now();
  analyze(large);
  const elapsed = performance.now() - started;
  // maxRSS is the process's peak resident memory so far (KiB), the whole run included.
  console.log(
    `10 MB design doc (${(large.length / MB).toFixed(2)} MB): ${(elapsed / 1000).toFixed(1)} s, RSS ${(before / MB).toFixed(0)} MB before it, peak RSS of the process ${((process.resourceUsage().maxRSS * 1024) / MB).toFixed(0)} MB`,
  );
}

main();
