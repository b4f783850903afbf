// An analysis session per open document. The core splits a document into segments (a heading and
// its lines) and reduces each segment to signals by a pure function of the segment's text; the
// session keeps those signals by text, so after an edit only the segments whose text changed are
// parsed and judged again, and the document-level verdicts are combined from the cached parts.
// The result is, by construction and by test, exactly what `analyze()` returns for the same text.
import { analyzeSteps, createAnalysisMemo } from '../analyze';
import { resegment, type EditedRange } from '../analysis/resegment';
import { segmentDocumentSteps, type Segmentation } from '../analysis/segments';
import { runSteps, type Steps } from '../analysis/steps';
import { computeSegmentSignals, type SegmentSignals } from '../analysis/signals';
import { createOffsetLookup } from '../fixes/edits';
import type { AnalysisResult, AnalyzeOptions, TextEdit } from '../types';

export interface SliceOptions {
  /** Work per slice before handing control back to the host, in milliseconds. Default 10. */
  budgetMs?: number;
  /** Resolves when the host has had its turn. Default: a zero-delay timer. */
  yieldToHost?: () => Promise<void>;
  /** Clock in milliseconds. Default: `performance.now()` (or `Date.now()` where it is absent). */
  now?: () => number;
}

export interface AnalysisSession {
  /** The text of the last update or edit. */
  readonly text: string;
  /** The result for `text`, once it has been analysed. */
  readonly result: AnalysisResult | undefined;
  /** What the last analysis did: how many segments the text has and how many were parsed again. */
  readonly stats: { segments: number; parsed: number };
  /** Analyses a new version of the document; only changed segments are parsed again. */
  update(text: string): AnalysisResult;
  /** Applies one edit (LSP positions on the current text) and analyses the result. */
  applyEdit(edit: TextEdit): AnalysisResult;
  /** Applies edits one after the other, each against the text the previous one left, as VS Code's content changes are. */
  applyEdits(edits: readonly TextEdit[]): AnalysisResult;
  /** New options (settings or config changed). Signals do not depend on them, so the cache stays. */
  setOptions(options: AnalyzeOptions): void;
  /**
   * The same as `update`, in steps: each `next()` reads at most one segment (parsing it only when
   * its text changed), then a few steps combine the document and the last returns the result.
   */
  updateInSlices(text: string): Steps<AnalysisResult>;
  /**
   * Runs `updateInSlices` giving the host a turn whenever a slice has used its budget. Resolves to
   * the result, or to undefined when a later update started first (its result is the one to use).
   */
  analyzeInSlices(text: string, options?: SliceOptions): Promise<AnalysisResult | undefined>;
}

const defaultNow = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());
const defaultYield = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function createAnalysisSession(options: AnalyzeOptions = {}): AnalysisSession {
  let currentOptions = options;
  let text = '';
  let result: AnalysisResult | undefined;
  /** How `text` was segmented, so the next text is re-segmented only where it differs. */
  let segmentation: Segmentation | undefined;
  const cache = createSignalCache();
  /** Bumped by every update, so a sliced analysis notices that a newer one has started. */
  let generation = 0;
  let stats = { segments: 0, parsed: 0 };
  /** Heading readings and the front matter, kept from one analysis of this document to the next. */
  const memo = createAnalysisMemo();

  /** Analyses `next` in steps with cached signals; `edited` is where it differs from `text`, when an edit says. */
  function* analyzeCached(next: string, edited?: EditedRange): Steps<AnalysisResult> {
    const run = cache.startRun();
    const nextSegmentation = (segmentation && resegment(text, segmentation, next, edited)) ?? (yield* segmentDocumentSteps(next));
    yield;
    const analysed = yield* analyzeSteps(next, currentOptions, run.signalsOf, nextSegmentation, memo);
    stats = run.finish();
    segmentation = nextSegmentation;
    text = next;
    result = analysed;
    return analysed;
  }

  /** Analyses `next` to the end at once; a sliced analysis still running is superseded. */
  const analyzeNow = (next: string, edited?: EditedRange): AnalysisResult => {
    generation++;
    return runSteps(analyzeCached(next, edited));
  };

  return {
    get text() {
      return text;
    },
    get result() {
      return result;
    },
    get stats() {
      return stats;
    },
    update: (next) => analyzeNow(next),
    applyEdit(edit) {
      const { start, end } = editedRange(text, edit);
      return analyzeNow(text.slice(0, start) + edit.newText + text.slice(end), { start, end });
    },
    applyEdits: (edits) => analyzeNow(edits.reduce((next, edit) => applyTextEdit(next, edit), text)),
    setOptions(next) {
      currentOptions = next;
    },
    updateInSlices(next) {
      generation++;
      return analyzeCached(next);
    },
    analyzeInSlices(next, sliceOptions = {}) {
      const mine = ++generation;
      return runInSlices(analyzeCached(next), () => generation === mine, sliceOptions);
    },
  };
}

/**
 * Signals of segments by segment text. Newly computed signals go into the cache at once, so a run
 * that a newer update overtakes still saves the next one work; a run that finishes leaves only the
 * segments its text uses, so memory follows the document.
 */
interface SignalCacheRun {
  signalsOf(segmentText: string): SegmentSignals;
  /** Ends the run: the cache keeps what it used; returns how many segments it read and parsed. */
  finish(): AnalysisSession['stats'];
}

function createSignalCache(): { startRun(): SignalCacheRun } {
  const cache = new Map<string, SegmentSignals>();
  /** How many segments of the last finished run have each text (equal segments share one). */
  const uses = new Map<string, number>();
  /**
   * The last finished run's segment texts and signals, in order. After a keystroke nearly every
   * segment has the text it had at the same place, so it is found there, not looked up by text.
   */
  let lastTexts: readonly string[] = [];
  let lastSignals: readonly SegmentSignals[] = [];
  /** Texts parsed since the last run finished (a sliced run parses before it combines, and may be overtaken). */
  let parsedSinceLast: string[] = [];
  return {
    startRun() {
      const texts: string[] = [];
      const signalsList: SegmentSignals[] = [];
      const signalsOf = (segmentText: string): SegmentSignals => {
        const index = texts.length;
        let signals = lastTexts[index] === segmentText ? lastSignals[index] : cache.get(segmentText);
        if (signals === undefined) {
          parsedSinceLast.push(segmentText);
          signals = computeSegmentSignals(segmentText);
          cache.set(segmentText, signals);
        }
        texts.push(segmentText);
        signalsList.push(signals);
        return signals;
      };
      const finish = (): AnalysisSession['stats'] => {
        const stats = { segments: texts.length, parsed: parsedSinceLast.length };
        // Only the places where the texts differ change what the cache must keep.
        const dropped: string[] = [];
        for (let index = 0; index < Math.max(texts.length, lastTexts.length); index++) {
          const was = lastTexts[index];
          const is = texts[index];
          if (was === is) continue;
          if (is !== undefined) uses.set(is, (uses.get(is) ?? 0) + 1);
          if (was !== undefined) {
            uses.set(was, uses.get(was)! - 1);
            dropped.push(was);
          }
        }
        for (const text of dropped.concat(parsedSinceLast)) {
          if ((uses.get(text) ?? 0) > 0) continue;
          uses.delete(text);
          cache.delete(text);
        }
        parsedSinceLast = [];
        lastTexts = texts;
        lastSignals = signalsList;
        return stats;
      };
      return { signalsOf, finish };
    },
  };
}

/** Runs `steps`, giving the host a turn after each slice; undefined once `stillWanted` says a newer run took over. */
async function runInSlices<T>(steps: Steps<T>, stillWanted: () => boolean, sliceOptions: SliceOptions): Promise<T | undefined> {
  const budgetMs = sliceOptions.budgetMs ?? 10;
  const yieldToHost = sliceOptions.yieldToHost ?? defaultYield;
  const now = sliceOptions.now ?? defaultNow;
  for (;;) {
    const sliceEnd = now() + budgetMs;
    let step = steps.next();
    while (!step.done && now() < sliceEnd) step = steps.next();
    if (step.done) return step.value;
    await yieldToHost();
    if (!stillWanted()) return undefined;
  }
}

export function applyTextEdit(text: string, edit: TextEdit): string {
  const { start, end } = editedRange(text, edit);
  return text.slice(0, start) + edit.newText + text.slice(end);
}

/** The characters of `text` an edit replaces. */
function editedRange(text: string, edit: TextEdit): EditedRange {
  const offsetOf = createOffsetLookup(text);
  const start = offsetOf(edit.range.start);
  return { start, end: Math.max(start, offsetOf(edit.range.end)) };
}
