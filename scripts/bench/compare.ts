// `node --expose-gc --import tsx scripts/bench/compare.ts --baseline=DIR [--sizes=500,5000] [--rounds=31] [--edits=401]`:
// cold analysis and one-character edits of this checkout against another one (DIR: a checkout or
// copy of another commit whose node_modules resolve, e.g. a `git worktree` of main with a link to
// these node_modules), with markdownlint as the yardstick for cold, in one process. They run in turn
// (the order reversed every other round), cold runs each after a full GC, so a busy machine slows
// all alike: on a machine shared with other jobs, separate runs of `npm run bench` differ by more
// than most changes gain. Each run is timed by the clock and by this process's CPU time, which
// counts other processes' turns much less. Edits are timed as `npm run bench` times them (back to
// back, a character typed and deleted in turn in the middle line), one edit of each session in turn,
// `--edits` pairs; the ratio is taken pair by pair. `--only=cold` or `--only=edit` runs one part.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { lint } from 'markdownlint/sync';
import { fileURLToPath } from 'node:url';
import type { analyze } from '../../src/core';
import type { createAnalysisSession } from '../../src/core/incremental';
import { generateDesignDoc, middleEditOffset } from './generate';
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

type Core = { analyze: typeof analyze; createAnalysisSession: typeof createAnalysisSession };

const thisCheckout = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The core of a checkout; both are loaded the same way. Even so, on a machine loaded with other jobs
 * an A/A run (two copies of one commit) read one copy 10-16% faster cold and 4-5% slower on edits:
 * judge a change against an A/A run made in the same conditions, or time each checkout in processes
 * of its own, in turn.
 */
async function loadCore(dir: string): Promise<Core> {
  const core = (await import(path.resolve(dir, 'src/core/index.ts'))) as { analyze: typeof analyze };
  const sessions = (await import(path.resolve(dir, 'src/core/incremental/index.ts'))) as {
    createAnalysisSession: typeof createAnalysisSession;
  };
  return { analyze: core.analyze, createAnalysisSession: sessions.createAnalysisSession };
}

/** The median and the quartiles. */
const describe = (values: readonly number[]): string => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number): number => round(sorted[Math.floor(share * (sorted.length - 1))]!, 3);
  return `${round(median(sorted), 3)} [${at(0.25)}–${at(0.75)}]`;
};

function compareCold(baseline: Core, checkout: Core, text: string, lines: number, rounds: number): void {
  const timed: Timed[] = [
    { name: 'baseline', run: (doc) => baseline.analyze(doc), wallMs: [], cpuMs: [] },
    { name: 'this', run: (doc) => checkout.analyze(doc), wallMs: [], cpuMs: [] },
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
    `${lines} lines cold, median of ${rounds}: baseline ${round(base.wall, 1)} ms (cpu ${round(base.cpu, 1)}), this ${round(mine.wall, 1)} ms ` +
      `(cpu ${round(mine.cpu, 1)}), markdownlint ${round(markdownlint.wall, 1)} ms (cpu ${round(markdownlint.cpu, 1)}); ` +
      `cold ratio baseline ${round(base.wall / markdownlint.wall, 3)}x, this ${round(mine.wall / markdownlint.wall, 3)}x; ` +
      `this / baseline ${round(mine.wall / base.wall, 3)} (cpu ${round(mine.cpu / base.cpu, 3)})`,
  );
}

/** A session on `text` and a function typing and deleting one character in its middle line, in turn, given the whole text as the editor gives it. */
function editor(core: Core, text: string): () => void {
  const session = core.createAnalysisSession();
  session.update(text);
  const offset = middleEditOffset(text);
  const typedText = `${text.slice(0, offset)}x${text.slice(offset)}`;
  let inserted = false;
  return () => {
    session.update(inserted ? text : typedText);
    inserted = !inserted;
  };
}

function compareEdits(baseline: Core, mine: Core, text: string, lines: number, edits: number): void {
  const sessions = [editor(baseline, text), editor(mine, text)] as const;
  for (const edit of sessions) for (let i = 0; i < 20; i++) edit();
  const wall: [number[], number[]] = [[], []];
  const cpu: [number[], number[]] = [[], []];
  // One edit of each in turn, the order swapped every other pair: each pair ran under the same load.
  for (let pair = 0; pair < edits; pair++) {
    for (const which of pair % 2 === 0 ? [0, 1] : [1, 0]) {
      const [wallStart, cpuStart] = [performance.now(), cpuMs()];
      sessions[which]!();
      wall[which]!.push(performance.now() - wallStart);
      cpu[which]!.push(cpuMs() - cpuStart);
    }
  }
  const ratios = (samples: [number[], number[]]): number[] => samples[1].map((mine, pair) => mine / samples[0][pair]!);
  console.log(
    `${lines} lines edit, ${edits} pairs, median [quartiles] ms: baseline ${describe(wall[0])} (cpu ${describe(cpu[0])}), ` +
      `this ${describe(wall[1])} (cpu ${describe(cpu[1])}); this / baseline per pair ${describe(ratios(wall))} (cpu ${describe(ratios(cpu))})`,
  );
}

async function main(): Promise<void> {
  const baselineDir = argument('baseline');
  if (!baselineDir) throw new Error('--baseline=DIR is required: the checkout to compare this one against');
  const sizes = (argument('sizes') ?? '500,5000').split(',').map(Number);
  const rounds = Number(argument('rounds') ?? 31);
  const edits = Number(argument('edits') ?? 401);
  const baseline = await loadCore(baselineDir);
  const mine = await loadCore(thisCheckout);
  const only = argument('only');
  for (const lines of sizes) {
    const text = generateDesignDoc(lines);
    if (only !== 'edit') compareCold(baseline, mine, text, lines, rounds);
    if (only !== 'cold') compareEdits(baseline, mine, text, lines, edits);
  }
}

void main();
