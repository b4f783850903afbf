// Small timing helpers shared by the bench scripts: warm-up, then the median of repeated runs.
import { performance } from 'node:perf_hooks';

/** With `node --expose-gc`, each sample starts on a clean heap and pays only for its own garbage. */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Milliseconds per call: `warmup` untimed calls, then the median of `runs` timed ones, each after a
 * forced full GC unless `backToBack` (as keystrokes come; a forced full GC before each edit made the
 * 5,000-line edit about 1.6 to 2 times slower, so the bench reports both).
 */
export function timeMedian(
  run: () => unknown,
  { warmup, runs, backToBack = false }: { warmup: number; runs: number; backToBack?: boolean },
): number {
  for (let i = 0; i < warmup; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (!backToBack) collectGarbage();
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/**
 * Milliseconds per call of each function, measured in alternation (a b, b a, a b...) after
 * warm-up, so a busy machine slows both alike and their ratio stays meaningful.
 */
export function timeAlternating(runs: readonly (() => unknown)[], { warmup, runs: count }: { warmup: number; runs: number }): number[] {
  for (let i = 0; i < warmup; i++) for (const run of runs) run();
  const samples = runs.map((): number[] => []);
  const order = runs.map((_, index) => index);
  for (let i = 0; i < count; i++) {
    // Every other round in reverse, so neither always runs right after the other's garbage.
    for (const index of i % 2 === 0 ? order : [...order].reverse()) {
      collectGarbage();
      const start = performance.now();
      runs[index]!();
      samples[index]!.push(performance.now() - start);
    }
  }
  return samples.map(median);
}

/** Fewer repetitions for bigger docs, so a full bench stays around a minute. */
export function repetitionsFor(lines: number): { warmup: number; runs: number } {
  if (lines <= 1000) return { warmup: 20, runs: 41 };
  if (lines <= 10_000) return { warmup: 2, runs: 9 };
  return { warmup: 1, runs: 3 };
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
