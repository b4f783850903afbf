// Times analyze() on 1 MB hostile inputs (the shapes of issue 14) against an ordinary generated
// design doc of the same size, and reports the peak memory of analysing a 10 MB doc.
// Usage: node --expose-gc --import tsx scripts/bench/hostile.ts
import { analyze } from '../../src/core/analyze';
import { generateDesignDoc } from './generate';

const MB = 1_000_000;

/** An ordinary design doc of about `size` characters: generated sections, repeated. */
function ordinaryDoc(size: number): string {
  const sample = generateDesignDoc(2_000);
  const text = sample.repeat(Math.ceil(size / sample.length));
  return text.slice(0, text.lastIndexOf('\n', size) + 1);
}

const fill = (unit: string, size: number): string => unit.repeat(Math.round(size / unit.length));
const nest = (open: string, close: string, size: number): string => {
  const depth = Math.round(size / (open.length + close.length));
  return `${open.repeat(depth)}a${close.repeat(depth)}`;
};

const HOSTILE: Record<string, (size: number) => string> = {
  'heading padded with blanks': (size) => `# a${' '.repeat(size)}b\n`,
  'one line of prose full of metric words': (size) => `# Metrics\n\n${fill('the offline recall and online CTR beat accuracy, not precision vs latency; ', size)}\n`,
  '"1." repeated': (size) => `# Scale\n\n${fill('1.', size)}\n`,
  'nested links': (size) => `# Links\n\n${nest('[', '](b)', size)}\n`,
  'list indented 2 more per line': (size) => {
    const lines: string[] = ['# Plan', ''];
    let length = 0;
    for (let depth = 0; length < size; depth++) {
      const line = `${' '.repeat(2 * depth)}- step`;
      lines.push(line);
      length += line.length + 1;
    }
    return `${lines.join('\n')}\n`;
  },
  'nested block quotes': (size) => `${'>'.repeat(size)} a\n`,
  'nested images': (size) => `# Diagram\n\n${nest('![', '](b)', size)}\n`,
  'nested emphasis': (size) => `# Notes\n\n${nest('*a ', ' a*', size)}\n`,
  'unmatched closing brackets': (size) => `# Notes\n\n${fill('](b)', size)}\n`,
  'a run of digits': (size) => `# Scale\n\nWe serve ${'1'.repeat(size)} requests per second.\n`,
  'a run of "{{"': (size) => `# Template\n\n${fill('{{', size)}\n`,
};

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
  for (const [name, shape] of Object.entries(HOSTILE)) {
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
  console.log(`10 MB design doc (${(large.length / MB).toFixed(2)} MB): ${(elapsed / 1000).toFixed(1)} s, RSS ${(before / MB).toFixed(0)} MB before it, peak RSS of the process ${((process.resourceUsage().maxRSS * 1024) / MB).toFixed(0)} MB`);
}

main();
