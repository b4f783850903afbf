// `node --import tsx scripts/bench/typing.ts [--sizes=500,5000] [--edits=400]`: ms per keystroke
// in one analysis session, typing a word and deleting it again at a few places in a generated
// design doc, back to back. What `npm run bench` reports as the edit time, as a loop long enough
// to profile (`node --cpu-prof --import tsx scripts/bench/typing.ts`) and to compare two checkouts.
// Each keystroke is timed by this process's CPU time as well as by the clock: on a busy machine
// the clock counts other processes' turns, the CPU time much less so.
import { performance } from 'node:perf_hooks';
import { applyTextEdit, createAnalysisSession } from '../../src/core/incremental';
import type { TextEdit } from '../../src/core/types';
import { generateDesignDoc, middleEditOffset } from './generate';
import { median, round } from './timing';

const argument = (name: string): string | undefined => process.argv.find((value) => value.startsWith(`--${name}=`))?.slice(name.length + 3);
const SIZES = (argument('sizes') ?? '500,5000').split(',').map(Number);
const EDITS = Number(argument('edits') ?? 400);
const WORD = 'latency ';

/** Line and character of `offset` in `text`. */
function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Times `EDITS` keystrokes: the word typed then deleted, at the middle of the doc and at a third and two thirds. */
function typingMs(lines: number): { medianMs: number; meanMs: number; cpuMedianMs: number; cpuMeanMs: number } {
  const text = generateDesignDoc(lines);
  const session = createAnalysisSession();
  session.update(text);
  const places = [
    middleEditOffset(text),
    text.indexOf('\n', Math.floor(text.length / 3)),
    text.indexOf('\n', Math.floor((2 * text.length) / 3)),
  ];
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  // The session is given the whole new text, as the editor gives it (`analyzeInSlices(getText())`).
  const timed = (edit: TextEdit): void => {
    const next = applyTextEdit(session.text, edit);
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    session.update(next);
    samples.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuSamples.push((cpu.user + cpu.system) / 1000);
  };
  let edits = 0;
  while (edits < EDITS) {
    for (const offset of places) {
      const { line, character } = positionAt(session.text, offset);
      for (let typed = 0; typed < WORD.length; typed++) {
        const at = { line, character: character + typed };
        timed({ range: { start: at, end: at }, newText: WORD[typed]! });
      }
      for (let left = WORD.length; left > 0; left--) {
        const end = { line, character: character + left };
        timed({ range: { start: { line, character: character + left - 1 }, end }, newText: '' });
      }
      edits += 2 * WORD.length;
    }
  }
  if (session.text !== text) throw new Error('typing and deleting the word should leave the text as it was');
  const warm = samples.slice(2 * WORD.length);
  const cpuWarm = cpuSamples.slice(2 * WORD.length);
  const mean = (values: number[]): number => round(values.reduce((sum, value) => sum + value, 0) / values.length, 3);
  return { medianMs: round(median(warm), 3), meanMs: mean(warm), cpuMedianMs: round(median(cpuWarm), 3), cpuMeanMs: mean(cpuWarm) };
}

for (const lines of SIZES) {
  const { medianMs, meanMs, cpuMedianMs, cpuMeanMs } = typingMs(lines);
  console.log(`${lines} lines: ${medianMs} ms median, ${meanMs} ms mean per keystroke; CPU ${cpuMedianMs} ms median, ${cpuMeanMs} ms mean`);
}
