import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { generateDesignDoc } from '../../scripts/bench/generate';
import { analyze } from '../../src/core';
import { analyzeSteps, createAnalysisMemo } from '../../src/core/analyze';
import { combineSteps } from '../../src/core/analysis/combine';
import type { HeadingReadings } from '../../src/core/analysis/headings';
import { resegment } from '../../src/core/analysis/resegment';
import { segmentDocument, segmentDocumentSteps } from '../../src/core/analysis/segments';
import { computeSegmentSignals, type SegmentSignals } from '../../src/core/analysis/signals';
import { runSteps } from '../../src/core/analysis/steps';
import { documentLexiconScores } from '../../src/core/learned/lexicon-scores';
import { ELEMENT_MODEL } from '../../src/core/learned/model';
import { createOffsetLookup } from '../../src/core/fixes/edits';
import { applyTextEdit, createAnalysisSession } from '../../src/core/incremental';
import type { Position, TextEdit } from '../../src/core/types';

const FIXTURES = path.join(__dirname, '../fixtures/docs');
const fixtureDocs = fs
  .readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
// Generated docs add length and repetition (identical segment texts) to the hand-written fixtures.
const docs = [...fixtureDocs, generateDesignDoc(120, 7), generateDesignDoc(200, 11)];

function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  const lineBreak = /\r\n|\r|\n/g;
  for (let match = lineBreak.exec(text); match !== null && match.index < offset; match = lineBreak.exec(text)) {
    line++;
    lineStart = match.index + match[0].length;
  }
  return { line, character: offset - lineStart };
}

const offsetAt = (text: string, position: Position): number => createOffsetLookup(text)(position);

describe('incremental analysis: positions and edits', () => {
  it('maps LSP positions to offsets across LF, CRLF and CR line breaks', () => {
    const text = 'ab\r\ncd\nef\rgh';
    assert.equal(offsetAt(text, { line: 0, character: 1 }), 1);
    assert.equal(offsetAt(text, { line: 1, character: 0 }), 4);
    assert.equal(offsetAt(text, { line: 2, character: 2 }), 9);
    assert.equal(offsetAt(text, { line: 3, character: 1 }), 11);
  });

  it('clamps characters past the line end and lines past the document end, as VS Code does', () => {
    const text = 'ab\r\ncd';
    assert.equal(offsetAt(text, { line: 0, character: 99 }), 2);
    assert.equal(offsetAt(text, { line: 7, character: 0 }), 6);
  });

  it('gives the same offsets whatever order one lookup is asked in (it finds line starts on demand)', () => {
    const text = fc.array(fc.constantFrom('a', 'b', '\n', '\r', '\r\n', 'é'), { maxLength: 40 }).map((parts) => parts.join(''));
    const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 6 }) });
    fc.assert(
      fc.property(text, fc.array(position, { maxLength: 12 }), (doc, positions) => {
        const shared = createOffsetLookup(doc);
        for (const at of positions) assert.equal(shared(at), offsetAt(doc, at));
      }),
    );
  });

  it('applies an edit that spans lines', () => {
    const edit: TextEdit = { range: { start: { line: 0, character: 1 }, end: { line: 2, character: 1 } }, newText: 'X\nY' };
    assert.equal(applyTextEdit('abc\ndef\nghi', edit), 'aX\nYhi');
  });
});

describe('incremental analysis: session', () => {
  const doc = generateDesignDoc(200, 3);

  it('returns what analyze() returns, and parses every segment once on the first update', () => {
    const session = createAnalysisSession();
    assert.deepEqual(session.update(doc), analyze(doc));
    assert.equal(session.stats.segments, segmentDocument(doc).segments.length);
    assert.equal(session.stats.parsed, new Set(segmentDocument(doc).segments.map((segment) => segment.text)).size);
    assert.equal(session.text, doc);
  });

  it('parses only the edited segment again after a one-character edit', () => {
    const session = createAnalysisSession();
    session.update(doc);
    const line = doc.split('\n').findIndex((text, index) => index > 100 && text.startsWith('The '));
    const result = session.applyEdit({ range: { start: { line, character: 3 }, end: { line, character: 3 } }, newText: 'x' });
    assert.equal(session.stats.parsed, 1);
    assert.deepEqual(result, analyze(session.text));
  });

  it('keeps the signals of a segment text while a segment still has it, and drops them once none has', () => {
    const section = '## Serving\n\nOnline ranking behind the search API, p99 under 80 ms.';
    const twice = `# Search ranking\n\n${section}\n\n${section}\n`;
    const session = createAnalysisSession();
    session.update(twice);
    // Segments: the title, then the two equal sections; the first section's body line is line 4.
    const body = { line: 4, character: 0 };
    const typed = session.applyEdit({ range: { start: body, end: body }, newText: 'x' });
    assert.equal(session.stats.parsed, 1);
    assert.deepEqual(typed, analyze(session.text));
    // Back to the text the other section still has: nothing to parse.
    session.applyEdit({ range: { start: body, end: { line: 4, character: 1 } }, newText: '' });
    assert.equal(session.stats.parsed, 0);
    assert.equal(session.text, twice);
    // The typed text left the document, and so did its signals.
    session.applyEdit({ range: { start: body, end: body }, newText: 'x' });
    assert.equal(session.stats.parsed, 1);
  });

  it('parses nothing again when only the options change, and applies the new options', () => {
    const session = createAnalysisSession();
    session.update(doc);
    session.setOptions({ config: { rules: { 'missing-element': 'off' } } });
    const result = session.update(doc);
    assert.equal(session.stats.parsed, 0);
    assert.deepEqual(result, analyze(doc, { config: { rules: { 'missing-element': 'off' } } }));
  });

  it('gives the same result in slices, a step per segment with at most its own parse', () => {
    const session = createAnalysisSession();
    const run = (text: string): { steps: number; result: unknown } => {
      const steps = session.updateInSlices(text);
      let count = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) count++;
      return { steps: count, result: step.value };
    };
    const { segments } = segmentDocument(doc);
    const cold = run(doc);
    assert.equal(session.stats.parsed, new Set(segments.map((segment) => segment.text)).size);
    assert.deepEqual(cold.result, analyze(doc));
    // The same text again: nothing to parse, and its segmentation is the last one.
    const warm = run(doc);
    assert.equal(session.stats.parsed, 0);
    let segmentationSteps = 0;
    const segmenting = segmentDocumentSteps(doc);
    while (!segmenting.next().done) segmentationSteps++;
    // Parsing adds no step of its own: it happens inside the step of its segment.
    assert.equal(cold.steps, warm.steps + segmentationSteps);
    assert.ok(warm.steps > segments.length, `${warm.steps} steps for ${segments.length} segments`);
  });

  it('abandons a sliced analysis when a newer update starts, and finishes the newer one', async () => {
    const session = createAnalysisSession();
    const edited = doc.replace('## 3. Features', '## 3. Feature engineering');
    const first = session.analyzeInSlices(doc, { budgetMs: 0, yieldToHost: () => Promise.resolve() });
    const second = session.analyzeInSlices(edited, { budgetMs: 0, yieldToHost: () => Promise.resolve() });
    assert.equal(await first, undefined);
    assert.deepEqual(await second, analyze(edited));
  });
});

// Fragments that change the structure the segmentation and the judgement depend on.
const FRAGMENTS = [
  'x',
  ' ',
  '\n',
  '\n\n',
  '\r\n',
  '# ',
  '## Model\n',
  '### Offline metrics\n',
  '## Trade-offs\n\nLatency vs accuracy: we keep the smaller model.\n',
  '```\n',
  '```python\n',
  '~~~\n',
  '---\n',
  '<!-- ',
  ' -->',
  '<!-- mlsd-disable template-residue -->\n',
  '<!-- mlsd-disable-next-line -->\n',
  'TBD',
  '- [ ] TODO\n',
  '| Metric | Value |\n| --- | --- |\n| accuracy | 0.91 |\n',
  'We use accuracy as the offline metric.',
  'We do not use accuracy because fraud is 0.1% of traffic.',
  'NDCG@10',
  'PR-AUC',
  'p99 latency under 50 ms',
  'scenario: fraud\n',
  'mlsd:\n  rules:\n    template-residue: off\n',
  '![offline metrics](eval.png)\n',
  'A/B test with rollback',
  'a transformer with 48 layers',
  '```markdown\n',
  // Raw-text HTML blocks hide "#" lines until their end tag, across blank lines; one left open hides nothing.
  '<pre><code># install dependencies\n',
  '</code></pre>\n',
  // Code blocks read as text: a bare fence of arrows and an indented block of prose.
  '```\nClick logs → Kafka → feature store → ranker\n```\n',
  '\n    We retrain weekly and alert on drift of the input features.\n',
];

type EditStep = { where: number; toLineStart: boolean; nearTop: boolean; length: number; insert: string; via: 'edit' | 'update' };

const editStep: fc.Arbitrary<EditStep> = fc.record({
  where: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  toLineStart: fc.boolean(),
  nearTop: fc.boolean(),
  length: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 9, max: 400 })),
  insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constant(''), fc.string({ maxLength: 6 })),
  via: fc.constantFrom('edit' as const, 'update' as const),
});

/** The step as offsets into `text`: nearTop aims at the front matter, toLineStart at block syntax. */
function locate(text: string, step: EditStep): { start: number; end: number } {
  const span = step.nearTop ? Math.min(text.length, 200) : text.length;
  let start = Math.floor(step.where * (span + 1));
  if (step.toLineStart) start = text.lastIndexOf('\n', start - 1) + 1;
  // Never split a CRLF: an LSP position cannot point between its two characters.
  if (text[start - 1] === '\r' && text[start] === '\n') start--;
  let end = Math.min(text.length, start + step.length);
  if (text[end - 1] === '\r' && text[end] === '\n') end--;
  return { start, end };
}

describe('incremental analysis: re-segmenting only around an edit', () => {
  it('equals segmenting the whole text after random edits, and keeps the segments before the edit', function () {
    this.timeout(120_000);
    let reused = 0;
    let edits = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: docs.length - 1 }), fc.array(editStep, { minLength: 1, maxLength: 8 }), (docIndex, steps) => {
        let text = docs[docIndex]!;
        let segmentation = segmentDocument(text);
        for (const step of steps) {
          const { start, end } = locate(text, step);
          const next = text.slice(0, start) + step.insert + text.slice(end);
          const quick = resegment(text, segmentation, next);
          const full = segmentDocument(next);
          // Told where the edit is, as a session's applyEdit tells it, it compares less and finds the same.
          assert.deepEqual(resegment(text, segmentation, next, { start, end }), quick);
          edits++;
          if (quick) {
            reused++;
            assert.deepEqual(quick, full);
            // Segments that end before the line above the edited one are kept as the same objects,
            // so their cached signals are found at once.
            const editedLine = text.slice(0, start).split('\n').length - 1;
            segmentation.segments.forEach((segment, index) => {
              const following = segmentation.segments[index + 1];
              if (following && following.startLine < editedLine) assert.equal(quick.segments[index], segment);
            });
          }
          text = next;
          segmentation = full;
        }
      }),
      { numRuns: 400 },
    );
    // Half the generated edits aim at the preamble, and CRs or open fences stay for the rest of a
    // script: those re-segment all. Typing in a body takes the quick path (over 85% of single-character
    // edits in every fixture without an unclosed fence).
    assert.ok(reused > edits / 20, `${reused} of ${edits} edits re-segmented around the edit`);
  });

  it('splits the lines of the edited region and moves the later segments by the lines it added', () => {
    const text = '# Title\n\nIntro.\n\n## Data\n\nLogs.\n\n## Model\n\nGBDT.\n';
    const before = segmentDocument(text);
    const next = text.replace('Logs.', 'Logs.\n\n### Quality\n\nDedup.');
    const after = resegment(text, before, next)!;
    assert.deepEqual(
      after.segments.map((segment) => [segment.startLine, segment.lineCount]),
      [
        [0, 4],
        [4, 4],
        [8, 4],
        [12, 4],
      ],
    );
    assert.equal(after.segments[0], before.segments[0]);
    assert.equal(after.segments[3]!.text, before.segments[2]!.text);
    assert.deepEqual(after, segmentDocument(next));
  });
});

/** Signals computed once per segment text and reused after, as a session reuses them. */
function reusingSignals(): (segmentText: string) => SegmentSignals {
  const cached = new Map<string, SegmentSignals>();
  return (segmentText) => {
    let signals = cached.get(segmentText);
    if (!signals) cached.set(segmentText, (signals = computeSegmentSignals(segmentText)));
    return signals;
  };
}

/** The learned verdict's reading of every element (features, probabilities, verdict), from the signals `signalsOf` gives. */
function learnedReading(text: string, signalsOf: (segmentText: string) => SegmentSignals, headingReadings: HeadingReadings) {
  const { lines, segments } = segmentDocument(text);
  const signals = segments.map((segment) => signalsOf(segment.text));
  const facts = runSteps(combineSteps({ text, lines, segments, signals, config: {}, frontMatter: undefined, headingReadings }));
  return Object.values(facts.elements).map(({ learned, status, evidence, gap }) => ({ learned, status, evidence, gap }));
}

describe('incremental analysis: equals a full analysis after any edit script', () => {
  it('keeps session results identical to analyze() over random edits of realistic docs', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: docs.length - 1 }), fc.array(editStep, { minLength: 1, maxLength: 8 }), (docIndex, steps) => {
        const session = createAnalysisSession({ path: 'design.md' });
        let text = docs[docIndex]!;
        session.update(text);
        for (const step of steps) {
          const { start, end } = locate(text, step);
          const next = text.slice(0, start) + step.insert + text.slice(end);
          const result =
            step.via === 'edit'
              ? session.applyEdit({ range: { start: positionAt(text, start), end: positionAt(text, end) }, newText: step.insert })
              : session.update(next);
          text = next;
          assert.equal(session.text, text);
          assert.deepEqual(result, analyze(text, { path: 'design.md' }));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reads the same learned features from reused signals as from a fresh parse, after any edit', function () {
    // The learned verdict keeps what it reduced from a segment's cue hits while the segment's
    // signals are reused, as a session reuses them; its features, probabilities and verdicts (not
    // only the statuses a result shows) must equal those of a fresh reading.
    this.timeout(120_000);
    // A longer doc too, where elements have cue hits in more segments than the verdict reduces at once.
    const learnedDocs = [...docs, generateDesignDoc(600, 5)];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: learnedDocs.length - 1 }),
        fc.array(editStep, { minLength: 1, maxLength: 6 }),
        (docIndex, steps) => {
          const reused = reusingSignals();
          const readings: HeadingReadings = new Map();
          let text = learnedDocs[docIndex]!;
          learnedReading(text, reused, readings);
          for (const step of steps) {
            const { start, end } = locate(text, step);
            text = text.slice(0, start) + step.insert + text.slice(end);
            assert.deepEqual(learnedReading(text, reused, readings), learnedReading(text, computeSegmentSignals, new Map()));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("moves the learned verdict's evidence with the lines an edit adds between two segments that name an element", () => {
    const text = [
      '# Churn prediction',
      '',
      '## Goals',
      '',
      '- existing rules',
      '',
      '## Data',
      '',
      'Billing events.',
      '',
      '## Notes',
      '',
      'Short.',
      'Today the current rule engine flags accounts with a heuristic of 12 rules over 30 days of billing logs and support tickets.',
      '',
    ].join('\n');
    const edited = text.replace('Billing events.', 'Billing events.\n\nPlan changes.');
    const reused = reusingSignals();
    const readings: HeadingReadings = new Map();
    learnedReading(text, reused, readings);
    assert.deepEqual(learnedReading(edited, reused, readings), learnedReading(edited, computeSegmentSignals, new Map()));
  });

  it('reads the offline metric afresh when a line above its mention turns into a future-work label and back', () => {
    // The offline reading keeps line readings by text across edits: the label line's new text must be read as such.
    const text = [
      '# Ticket triage',
      '',
      '## Problem',
      '',
      'Route support tickets to the right queue; today agents triage by hand.',
      '',
      '## Evaluation',
      '',
      '**Results**',
      '',
      '- Macro F1 of 0.82 on the held-out test set.',
      '',
    ].join('\n');
    const session = createAnalysisSession();
    assert.deepEqual(session.update(text), analyze(text));
    const label = { line: 8, character: 0 };
    const typed = session.applyEdit({
      range: { start: label, end: { line: 8, character: '**Results**'.length } },
      newText: '**Next steps**',
    });
    assert.deepEqual(typed, analyze(session.text));
    assert.notEqual(typed.model.offlineMetric, session.update(text).model.offlineMetric);
    assert.deepEqual(session.result, analyze(text));
  });

  it('adds up the lexicon scores of unchanged runs of segments as it would afresh, wherever lines are added', () => {
    // A copy of the model has nothing remembered: its sums are computed from scratch.
    const fresh = structuredClone(ELEMENT_MODEL);
    const scoresOf = (text: string, model: typeof ELEMENT_MODEL) => {
      const { segments } = segmentDocument(text);
      return documentLexiconScores(
        model,
        segments,
        segments.map((segment) => computeSegmentSignals(segment.text)),
      );
    };
    let text = generateDesignDoc(600, 5);
    scoresOf(text, ELEMENT_MODEL);
    for (const at of [0.9, 0.5, 0.2, 0.51]) {
      const offset = text.indexOf('\n\n', Math.floor(text.length * at));
      text = `${text.slice(0, offset)}\n\nA line about click logs and the current rule engine.${text.slice(offset)}`;
      assert.deepEqual(scoresOf(text, ELEMENT_MODEL), scoresOf(text, fresh));
    }
  });

  it('keeps session results identical to analyze() while typing within lines, where sections and located facts are reused', function () {
    // Keystrokes that add or remove no line keep the segments' lines: the session then reuses the
    // section tree while no heading or section body changes, splices the one edited segment's facts
    // into the remembered ones, and keeps the phrase weights of the elements it did not touch.
    this.timeout(120_000);
    const keystroke = fc.record({
      where: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      typed: fc.oneof(fc.constantFrom('x', ' ', '#', '|', '-', '`', '*', '1', 'TBD', ' ms', 'NDCG'), fc.constant('')),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: docs.length - 1 }), fc.array(keystroke, { minLength: 1, maxLength: 12 }), (docIndex, keys) => {
        const session = createAnalysisSession();
        let text = docs[docIndex]!;
        session.update(text);
        for (const key of keys) {
          let start = Math.floor(key.where * text.length);
          // Deleting takes one character that is not a line break; typing never adds one.
          if (key.typed === '') while (start < text.length && (text[start] === '\n' || text[start] === '\r')) start++;
          const end = key.typed === '' ? Math.min(text.length, start + 1) : start;
          if (text[start - 1] === '\r' && text[start] === '\n') continue;
          const result = session.applyEdit({ range: { start: positionAt(text, start), end: positionAt(text, end) }, newText: key.typed });
          text = text.slice(0, start) + key.typed + text.slice(end);
          assert.deepEqual(result, analyze(text));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reuses the section tree after a keystroke inside a body line, and builds it afresh when a section changes', () => {
    const memo = createAnalysisMemo();
    const signalsOf = reusingSignals();
    const run = (text: string) => runSteps(analyzeSteps(text, {}, signalsOf, undefined, memo));
    let text = generateDesignDoc(200, 3);
    run(text);
    const tree = memo.sections.last!.sections;
    const line = text.indexOf('\nThe ', text.length / 2) + 1;
    // A letter inside a word: no heading, line, hollowness or word count changes.
    text = `${text.slice(0, line + 2)}x${text.slice(line + 2)}`;
    assert.deepEqual(run(text), analyze(text));
    assert.equal(memo.sections.last!.sections, tree);
    // A letter ending a section's last line moves the end of its range and of the sections holding it in the outline.
    const section = memo.sections.last!.sections.find((candidate) => candidate.endLine > candidate.startLine + 2)!;
    const lineEnd = text
      .split('\n')
      .slice(0, section.endLine + 1)
      .join('\n').length;
    const endEdited = `${text.slice(0, lineEnd)}x${text.slice(lineEnd)}`;
    assert.deepEqual(run(endEdited), analyze(endEdited));
    assert.equal(memo.sections.last!.sections, tree);
    assert.deepEqual(run(text), analyze(text));
    // A space splitting that word adds one to its section's words: a new tree, equal to a fresh one.
    text = `${text.slice(0, line + 3)} ${text.slice(line + 3)}`;
    assert.deepEqual(run(text), analyze(text));
    assert.notEqual(memo.sections.last!.sections, tree);
  });

  it('gives identical results when the same edits run in slices', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: docs.length - 1 }), fc.array(editStep, { minLength: 1, maxLength: 4 }), (docIndex, steps) => {
        const session = createAnalysisSession();
        let text = docs[docIndex]!;
        for (const step of steps) {
          const { start, end } = locate(text, step);
          text = text.slice(0, start) + step.insert + text.slice(end);
          const slices = session.updateInSlices(text);
          let done = slices.next();
          while (!done.done) done = slices.next();
          assert.deepEqual(done.value, analyze(text));
        }
      }),
      { numRuns: 25 },
    );
  });
});
