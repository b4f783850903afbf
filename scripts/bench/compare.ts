// `node --expose-gc --import tsx scripts/bench/compare.ts --baseline=DIR [--sizes=500,5000] [--rounds=31]`:
// cold analysis of this checkout against another one (DIR: a checkout or copy of another commit whose
// node_modules resolve, e.g. a `git worktree` of main with a link to these node_modules), with
// markdownlint as the yardstick, in one process. The three run in turn (the order reversed every
// other round), each after a full GC, so a busy machine slows all three alike: on a machine shared
// with other jobs, separate runs of `npm run bench` differ by more than most changes gain. Each run
// is timed by the clock and by this process's CPU time, which counts other processes' turns much less.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { lint } from 'markdownlint/sync';
import { analyze } from '../../src/core';
import { generateDesignDoc } from './generate';
import { median, round } from './timing';

const argument = (name: string): string | undefined => process.argv.find((value) => value.startsWith(`--${name}=`))?.slice(name.length + 3);
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

interface Timed {
  name: string;
  run: (text: string) => unknown;
  wallMs: number[];
  cpuMs: number[];
}

async function main(): Promise<void> {
  const baselineDir = argument('baseline');
  if (!baselineDir) throw new Error('--baseline=DIR is required: the checkout to compare this one against');
  const sizes = (argument('sizes') ?? '500,5000').split(',').map(Number);
  const rounds = Number(argument('rounds') ?? 31);
  const baseline = (await import(path.resolve(baselineDir, 'src/core/index.ts'))) as { analyze: typeof analyze };
  for (const lines of sizes) {
    const text = generateDesignDoc(lines);
    const timed: Timed[] = [
      { name: 'baseline', run: (doc) => baseline.analyze(doc), wallMs: [], cpuMs: [] },
      { name: 'this', run: (doc) => analyze(doc), wallMs: [], cpuMs: [] },
      { name: 'markdownlint', run: (doc) => lint({ strings: { doc } }), wallMs: [], cpuMs: [] },
    ];
    for (let i = 0; i < 3; i++) for (const each of timed) each.run(text);
    for (let round = 0; round < rounds; round++) {
      for (const each of round % 2 === 0 ? timed : [...timed].reverse()) {
        collectGarbage();
        const [wallStart, cpuStart] = [performance.now(), cpuMs()];
        each.run(text);
        each.wallMs.push(performance.now() - wallStart);
        each.cpuMs.push(cpuMs() - cpuStart);
      }
    }
    const [base, mine, markdownlint] = timed.map((each) => ({ wall: median(each.wallMs), cpu: median(each.cpuMs) })) as [
      { wall: number; cpu: number },
      { wall: number; cpu: number },
      { wall: number; cpu: number },
    ];
    console.log(
      `${lines} lines, median of ${rounds}: baseline ${round(base.wall, 1)} ms (cpu ${round(base.cpu, 1)}), this ${round(mine.wall, 1)} ms ` +
        `(cpu ${round(mine.cpu, 1)}), markdownlint ${round(markdownlint.wall, 1)} ms (cpu ${round(markdownlint.cpu, 1)}); ` +
        `cold ratio baseline ${round(base.wall / markdownlint.wall, 3)}x, this ${round(mine.wall / markdownlint.wall, 3)}x; ` +
        `this / baseline ${round(mine.wall / base.wall, 3)} (cpu ${round(mine.cpu / base.cpu, 3)})`,
    );
  }
}

void main();
