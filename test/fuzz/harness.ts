// The fuzz harness: generated and mutated design docs through analyze(), every fix, the fix-all and an
// incremental session, checking the invariants an author relies on. A case is a pure function of
// (seed, index), so any failure is reproduced by its two numbers. Used by `npm run fuzz` and, on
// 1,000 cases, by the unit tests.
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  analyze,
  applyEdits,
  createAnalysisSession,
  fixUntilStable,
  type AnalysisResult,
  type AnalyzeOptions,
  type FixPass,
  type MlsdConfig,
  type Range,
  type TextEdit,
} from '../../src/core';
import { decodeDocument, encodeDocument, type TextEncodingName } from '../../src/cli/encoding';
import { createOffsetLookup } from '../../src/core/fixes/edits';
import { SECTIONS } from '../core/docs';
// mulberry32 from the bench generator: the same numbers on every platform, so a case is a function of (seed, index).
import { createRandom } from '../../scripts/bench/generate';

/** The invariants, one counter each. */
export const FAILURE_KINDS = [
  'throw', // analyze(), a fix or the fix-all threw
  'out-of-range', // a finding, related location, fix edit, evidence or metric range outside the text
  'no-op-fix', // an offered fix that leaves the text as it is
  'not-idempotent', // a second fix-all changes the text again
  'lost-text', // a fix-all pass dropped original text outside the spans it replaced, or bytes did not survive --fix's encoding round trip
  'line-break', // a fix-all put a line break of another kind into a document with one kind
  'session-differs', // an incremental session disagrees with a full analysis
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export interface FuzzCase {
  index: number;
  text: string;
  options: AnalyzeOptions;
}

export interface Failure {
  kind: FailureKind;
  seed: number;
  index: number;
  detail: string;
  text: string;
}

export interface FuzzSummary {
  cases: number;
  designDocs: number;
  fixesChecked: number;
  preferredFixesChecked: number;
  fixAllsChanged: number;
  maxFixPasses: number;
  counts: Record<FailureKind, number>;
  /** The first failures of each kind, for reproduction. */
  examples: Failure[];
  /** The slowest case and its time, to spot super-linear input (hangs are another branch's subject, but show up here). */
  slowest: { index: number; ms: number };
}

const FIXTURE_DIR = path.resolve(__dirname, '../fixtures/docs');
let fixtureLines: string[][] | undefined;

/** The realistic fixture docs, as lines: cases start from windows of them. */
function fixtures(): string[][] {
  fixtureLines ??= fs
    .readdirSync(FIXTURE_DIR)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => fs.readFileSync(path.join(FIXTURE_DIR, file), 'utf8').split(/\r\n|\r|\n/));
  return fixtureLines;
}

/** Lines that stress the segmenter, the directives and the fixes. */
const TRICKY_LINES = [
  '',
  '---',
  '```',
  '~~~',
  '````',
  '```python',
  '```markdown',
  '```mermaid',
  'flowchart LR',
  'A[Feature store] -->|drift| B{Alert the on-call?}',
  'subgraph S["Serving (p99 < 50 ms)"]',
  'sequenceDiagram',
  'M->>Ops: retrain weekly',
  'end',
  '    indented code',
  '<!--',
  '-->',
  '<!-- TODO: fill in -->',
  '<!-- mlsd-disable -->',
  '<!-- mlsd-enable -->',
  '<!-- mlsd-disable-next-line missing-element -->',
  '<!-- mlsd-disable-file hidden-content -->',
  '<!-- mlsd-disable-next-line -->',
  '| Metric | Target |',
  '|---|---|',
  '| PR-AUC | 0.8 |',
  '> We do not use accuracy because fraud is 0.1% of traffic.',
  'TBD',
  '...',
  '![offline metrics](img/metrics.png)',
  '<details>',
  '</details>',
  '- [ ] monitoring',
  '[^1]: a footnote',
  '* * *',
  '===',
  '# ',
  '#',
  '## Metrics',
  '### Data sources',
  '## Model',
  '## Monitoring',
  '## Trade-offs',
  '## Кеш и мониторинг',
  '## Évaluation hors ligne',
  'Accuracy 99%.',
  'We use a transformer.',
  'NDCG@10 and Recall@100 offline; CTR online.',
  'Latency p99 < 50 ms.',
  'scenario: fraud',
  'mlsd: true',
  '\t- tabbed item',
  '<div>',
  '</div>',
  '\\```',
  '`inline ``` fence`',
  '1. first',
  '10) tenth',
  '+ plus item',
  '[link]: https://example.invalid',
  '😀 emoji heading',
];

/** Front matter, from none to hostile: broken YAML, aliases, unknown keys, wrong types, unclosed, a doc that ends at its fence. */
const FRONT_MATTERS = [
  '',
  '',
  '',
  '---\nmlsd: true\n---\n',
  '---\nmlsd: true\n---\n',
  '---\nmlsd: true\n---',
  '---\nscenario: fraud\n---\n',
  '---\nscenario: search\ntitle: Ranking\n---\n',
  '---\nmlsd:\n  rules:\n    missing-element: off\n    hidden-content: error\n---\n',
  '---\nmlsd:\n  scenario: moderation\n  requiredItems: [recommendation/cold-start, nope/nothing]\n---\n',
  '---\nmlsd:\n  aliases:\n    framing.constraints: [SLOs, "Limits"]\n---\n',
  '---\nmlsd: [1, 2\n---\n',
  '---\nmlsd:\n  rules: 7\n---\n',
  '---\nmlsd:\n  rules:\n    missing-element: loud\n---\n',
  '---\nbase: &b {mlsd: true}\ncopy: *b\nmlsd: true\n---\n',
  '---\nmlsd: true\n',
  '---\n---\n',
  '---\n\n---\n',
  '---\nmlsd: true\n---\r\n',
  '---\nmlsd: null\n---\n',
  '---\n"mlsd": {"scenario": "generic", "include": ["**/*.md"]}\n---\n',
];

const CONFIGS: (MlsdConfig | undefined)[] = [
  undefined,
  undefined,
  undefined,
  { scenario: 'fraud' },
  { rules: { 'missing-element': 'off' } },
  { rules: { 'template-residue': 'error', 'missing-tradeoffs': 'hint' } },
  { include: ['**/*.md'] },
  { requiredItems: ['recommendation/cold-start'] },
  { aliases: { 'framing.constraints': ['SLOs'] } },
];

const ODD_CHARACTERS = [
  '\u0000',
  '\t',
  '\r',
  '\u00a0',
  '\u200b',
  '\ufeff',
  'é',
  '😀',
  '\ud800',
  '<',
  '>',
  '`',
  '#',
  '|',
  '-',
  '*',
  '\\',
  '[',
  ']',
  '!',
];

/** Builds case `index` of run `seed`: a base doc (fixture window, section mix or tricky lines), mutated, with front matter and line breaks. */
export function generateCase(seed: number, index: number): FuzzCase {
  const random = createRandom((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

  let lines: string[];
  const base = random();
  if (base < 0.45) {
    const doc = pick(fixtures());
    const length = between(5, 70);
    const start = random() < 0.5 ? 0 : between(0, Math.max(0, doc.length - length));
    lines = doc.slice(start, start + length);
  } else if (base < 0.8) {
    const sections = Object.values(SECTIONS).filter(() => random() < 0.5);
    lines = [pick(['# Shop feed ranking', '# Card fraud detection', 'Design doc', '']), '', ...sections.join('\n').split('\n')];
  } else {
    lines = Array.from({ length: between(0, 30) }, () => (random() < 0.7 ? pick(TRICKY_LINES) : (pick(pick(fixtures())) ?? '')));
  }

  for (let mutations = between(0, 4); mutations > 0; mutations--) lines = mutate(lines, random, pick, between);

  const lineBreak = pick(['\n', '\n', '\n', '\r\n', '\r\n', 'mixed', '\r']);
  let text =
    lineBreak === 'mixed'
      ? lines
          .map((line, i) => line + (i % 3 === 0 ? '\r\n' : '\n'))
          .join('')
          .slice(0, -1)
      : lines.join(lineBreak);
  if (random() < 0.7 && text !== '' && lineBreak !== 'mixed') text += lineBreak;
  let front = pick(FRONT_MATTERS);
  if (lineBreak === '\r\n') front = front.replace(/\r?\n/g, '\r\n');
  if (front.endsWith('---') && random() < 0.7) text = '';
  text = front + text;
  if (random() < 0.15) text = insertOddCharacters(text, random, pick, between);
  if (random() < 0.05) text = text.slice(0, between(0, text.length));

  const config = pick(CONFIGS);
  const options: AnalyzeOptions = { path: pick(['design.md', 'docs/design/ranking.md', 'README.md']) };
  if (config) options.config = config;
  return { index, text, options };
}

function mutate(
  lines: string[],
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
  between: (low: number, high: number) => number,
): string[] {
  const at = between(0, lines.length);
  const result = [...lines];
  switch (pick(['delete', 'duplicate', 'insert', 'swap', 'heading', 'fence', 'blank'] as const)) {
    case 'delete':
      result.splice(at, between(1, 8));
      break;
    case 'duplicate':
      result.splice(between(0, lines.length), 0, ...lines.slice(at, at + between(1, 6)));
      break;
    case 'insert':
      result.splice(at, 0, ...Array.from({ length: between(1, 4) }, () => pick(TRICKY_LINES)));
      break;
    case 'swap': {
      const other = between(0, Math.max(0, lines.length - 1));
      if (at < lines.length) [result[at], result[other]] = [result[other]!, result[at]!];
      break;
    }
    case 'heading':
      if (at < lines.length) result[at] = `${'#'.repeat(between(1, 7))} ${result[at]!.replace(/^#+\s*/, '')}`;
      break;
    case 'fence':
      result.splice(at, 0, pick(['```', '~~~', '```text', '````', '```mermaid']));
      break;
    case 'blank':
      return result.filter((line) => line.trim() !== '');
  }
  return result;
}

function insertOddCharacters(
  text: string,
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
  between: (low: number, high: number) => number,
): string {
  let result = text;
  for (let count = between(1, 5); count > 0; count--) {
    const at = between(0, result.length);
    result = result.slice(0, at) + pick(ODD_CHARACTERS) + result.slice(at);
  }
  return result;
}

const lineBreaks = /\r\n|\r|\n/;

function insideText(range: Range, lines: readonly string[]): boolean {
  const ok = (position: Range['start']): boolean =>
    position.line >= 0 && position.line < lines.length && position.character >= 0 && position.character <= lines[position.line]!.length;
  const ordered =
    range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ok(range.start) && ok(range.end) && ordered;
}

/** The ranges of a result that fall outside the text, described. */
function outOfRange(result: AnalysisResult, text: string): string[] {
  const lines = text.split(lineBreaks);
  const problems: string[] = [];
  for (const finding of result.findings) {
    if (!insideText(finding.range, lines)) problems.push(`${finding.ruleId} range ${JSON.stringify(finding.range)}`);
    for (const related of finding.related)
      if (!insideText(related.range, lines)) problems.push(`${finding.ruleId} related ${JSON.stringify(related.range)}`);
    for (const fix of finding.fixes)
      for (const edit of fix.edits)
        if (!insideText(edit.range, lines)) problems.push(`${finding.ruleId} "${fix.title}" edit ${JSON.stringify(edit.range)}`);
  }
  for (const element of result.model.elements)
    if (element.evidence && !insideText(element.evidence, lines)) problems.push(`evidence of ${element.id}`);
  for (const metric of result.model.metrics) if (!insideText(metric.range, lines)) problems.push(`metric ${metric.name}`);
  for (const error of result.configErrors) if (!insideText(error.range, lines)) problems.push(`config error ${error.message}`);
  return problems;
}

/** True when `before`, less the spans the pass replaced, is still in `after` in order: nothing else was dropped. */
function keepsUnreplacedText(pass: FixPass): boolean {
  const offsetOf = createOffsetLookup(pass.before);
  const replaced = pass.edits
    .map((edit) => [offsetOf(edit.range.start), offsetOf(edit.range.end)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let kept = '';
  let from = 0;
  for (const [start, end] of replaced) {
    if (start > from) kept += pass.before.slice(from, start);
    from = Math.max(from, end);
  }
  kept += pass.before.slice(from);
  let at = 0;
  for (let i = 0; i < pass.after.length && at < kept.length; i++) if (pass.after.charCodeAt(i) === kept.charCodeAt(at)) at++;
  return at === kept.length;
}

const ENCODINGS: { encoding: TextEncodingName; byteOrderMark: boolean }[] = [
  { encoding: 'utf-8', byteOrderMark: false },
  { encoding: 'utf-8', byteOrderMark: true },
  { encoding: 'utf-16le', byteOrderMark: true },
  { encoding: 'utf-16be', byteOrderMark: true },
];

/**
 * The CLI's side of "loses nothing": the doc saved in each encoding reads back as the same text, is
 * writable exactly when it is well-formed, and the fixed text written back reads as the fixed text
 * with the original bytes before the first change.
 */
function encodingLosses(text: string, fixed: string): string[] {
  const problems: string[] = [];
  const wellFormed = !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
  let same = 0;
  while (same < text.length && text[same] === fixed[same]) same++;
  for (const like of ENCODINGS) {
    // UTF-8 cannot hold a lone surrogate (the encoder writes U+FFFD): no file has this text.
    if (!wellFormed && like.encoding === 'utf-8') continue;
    // A text that starts with U+FEFF, saved without a BOM, is the same file as the rest saved with one.
    if (!like.byteOrderMark && text.startsWith('\ufeff')) continue;
    const name = `${like.encoding}${like.byteOrderMark ? ' with BOM' : ''}`;
    const bytes = encodeDocument(text, like);
    const decoded = decodeDocument(bytes);
    // A NUL makes a file without a BOM binary: skipped, never written, so nothing to lose.
    if (decoded.kind === 'binary') {
      if (like.byteOrderMark || !text.includes('\u0000')) problems.push(`${name} read as binary`);
      continue;
    }
    if (wellFormed && (decoded.text !== text || decoded.notWritable !== undefined))
      problems.push(`${name} did not read back as written (${decoded.notWritable ?? 'different text'})`);
    if (!wellFormed && decoded.notWritable === undefined) problems.push(`${name} with a lone surrogate was taken as writable`);
    if (decoded.notWritable !== undefined || fixed === text) continue;
    const written = encodeDocument(fixed, decoded);
    const back = decodeDocument(written);
    if (back.kind !== 'text' || back.text !== fixed) problems.push(`${name}: the fixed text did not read back`);
    const prefix = encodeDocument(text.slice(0, same), like);
    // The last code unit of the prefix may be half of a pair the fix split: compare whole bytes before it.
    const safe = Math.max(0, prefix.length - 4);
    for (let i = 0; i < safe; i++) {
      if (written[i] !== bytes[i]) {
        problems.push(`${name}: byte ${i} before the first change was rewritten`);
        break;
      }
    }
  }
  return problems;
}

/** The one kind of line break a text uses, or undefined for none or a mix. */
function onlyLineBreak(text: string): string | undefined {
  const kinds = new Set(text.match(/\r\n|\r|\n/g) ?? []);
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error);
}

export interface CaseOutcome {
  failures: { kind: FailureKind; detail: string }[];
  designDoc: boolean;
  fixes: number;
  preferredFixes: number;
  fixAllChanged: boolean;
  fixPasses: number;
}

/** Runs every check on one case. Never throws: a throw is itself a failure. */
export function checkCase(fuzzCase: FuzzCase, seed: number): CaseOutcome {
  const outcome: CaseOutcome = { failures: [], designDoc: false, fixes: 0, preferredFixes: 0, fixAllChanged: false, fixPasses: 0 };
  const fail = (kind: FailureKind, detail: string): void => {
    outcome.failures.push({ kind, detail });
  };
  const { text, options } = fuzzCase;
  const random = createRandom(seed ^ Math.imul(fuzzCase.index + 7, 0x27d4eb2d));

  // The fix-all's analyses go through an incremental session, as the editor's do: each pass re-parses
  // only the sections it changed. The session is checked against full analyses below.
  const session = createAnalysisSession(options);
  const analyses = new Map<string, AnalysisResult>();
  const analyzeText = (current: string): AnalysisResult => {
    let result = analyses.get(current);
    if (!result) {
      result = session.update(current);
      analyses.set(current, result);
    }
    return result;
  };

  let result: AnalysisResult;
  try {
    result = analyze(text, options);
  } catch (error) {
    fail('throw', `analyze: ${describeError(error)}`);
    return outcome;
  }
  try {
    if (!isDeepStrictEqual(analyzeText(text), result)) fail('session-differs', 'a session given the text differs from analyze()');
  } catch (error) {
    fail('throw', `session: ${describeError(error)}`);
    return outcome;
  }
  outcome.designDoc = result.model.isDesignDoc;
  for (const problem of outOfRange(result, text)) fail('out-of-range', problem);

  // Every offered fix changes the text; one of them, at random, is re-analysed.
  const allFixes = result.findings.flatMap((finding) => finding.fixes.map((fix) => ({ finding, fix })));
  const probe = allFixes.length > 0 ? Math.floor(random() * allFixes.length) : -1;
  allFixes.forEach(({ finding, fix }, position) => {
    outcome.fixes++;
    if (fix.isPreferred) outcome.preferredFixes++;
    try {
      const fixed = applyEdits(text, fix.edits);
      if (fixed === text)
        fail(
          'no-op-fix',
          `${fix.isPreferred ? 'preferred ' : ''}"${fix.title}" for ${finding.ruleId} at line ${finding.range.start.line + 1}`,
        );
      else if (position === probe)
        for (const problem of outOfRange(analyzeText(fixed), fixed)) fail('out-of-range', `after "${fix.title}": ${problem}`);
    } catch (error) {
      fail('throw', `fix "${fix.title}": ${describeError(error)}`);
    }
  });

  // Fix-all: loses nothing outside the replaced spans, keeps the line breaks, and a second run changes nothing.
  try {
    const passes: FixPass[] = [];
    const fixed = fixUntilStable(text, analyzeText, (pass) => passes.push(pass)).text;
    outcome.fixPasses = passes.length;
    outcome.fixAllChanged = fixed !== text;
    for (const pass of passes)
      if (!keepsUnreplacedText(pass)) fail('lost-text', `pass ${passes.indexOf(pass) + 1} dropped text outside its edits`);
    const lineBreak = onlyLineBreak(text);
    if (lineBreak !== undefined && fixed !== text && onlyLineBreak(fixed) !== lineBreak)
      fail('line-break', `fix-all added a line break other than ${JSON.stringify(lineBreak)}`);
    for (const problem of outOfRange(analyzeText(fixed), fixed)) fail('out-of-range', `after fix-all: ${problem}`);
    for (const problem of encodingLosses(text, fixed)) fail('lost-text', problem);
    const again = fixUntilStable(fixed, analyzeText).text;
    if (again !== fixed)
      fail('not-idempotent', `a second fix-all changed the text after ${passes.length} passes (${describeChange(fixed, again)})`);
  } catch (error) {
    fail('throw', `fix-all: ${describeError(error)}`);
  }

  // The session after a random edit of the original text equals a full analysis of the edited text.
  try {
    const edited = randomEdit(text, random);
    session.update(text);
    const incremental = session.applyEdit(edited.edit);
    if (session.text !== edited.text) fail('session-differs', 'the session applied the edit differently');
    else if (!isDeepStrictEqual(incremental, analyze(edited.text, options)))
      fail('session-differs', `after replacing ${JSON.stringify(edited.edit.range)} with ${JSON.stringify(edited.edit.newText)}`);
  } catch (error) {
    fail('throw', `session: ${describeError(error)}`);
  }
  return outcome;
}

const EDIT_TEXTS = ['', 'x', '\n', '\r\n', '## Monitoring\n', '```\n', '<!--', '-->', '\n\n# Title\n', 'accuracy', '---\n', 'é😀'];

/** An edit at a random spot: a replacement of up to 40 characters with a snippet that moves headings, fences or comments. */
function randomEdit(text: string, random: () => number): { edit: TextEdit; text: string } {
  const start = Math.floor(random() * (text.length + 1));
  const end = Math.min(text.length, start + Math.floor(random() * 40 * (random() < 0.5 ? 0 : 1)));
  const newText = EDIT_TEXTS[Math.floor(random() * EDIT_TEXTS.length)]!;
  const positionAt = (offset: number): { line: number; character: number } => {
    const before = text.slice(0, offset).split(lineBreaks);
    return { line: before.length - 1, character: before[before.length - 1]!.length };
  };
  // Offsets inside a CRLF pair have no LSP position: move to the pair's start.
  const snap = (offset: number): number => (offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset);
  const from = snap(start);
  const to = Math.max(from, snap(end));
  return {
    edit: { range: { start: positionAt(from), end: positionAt(to) }, newText },
    text: text.slice(0, from) + newText + text.slice(to),
  };
}

function describeChange(before: string, after: string): string {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  const line = before.slice(0, start).split(lineBreaks).length;
  return `first difference at line ${line}: ${JSON.stringify(after.slice(start, start + 60))}`;
}

/** Runs cases `from`..`from + runs - 1` of `seed`, keeping the first `examplesPerKind` failures of each kind. */
export function runFuzz(options: {
  seed: number;
  runs: number;
  from?: number;
  examplesPerKind?: number;
  onProgress?: (done: number, summary: FuzzSummary) => void;
}): FuzzSummary {
  const counts = Object.fromEntries(FAILURE_KINDS.map((kind) => [kind, 0])) as Record<FailureKind, number>;
  const summary: FuzzSummary = {
    cases: 0,
    designDocs: 0,
    fixesChecked: 0,
    preferredFixesChecked: 0,
    fixAllsChanged: 0,
    maxFixPasses: 0,
    counts,
    examples: [],
    slowest: { index: -1, ms: 0 },
  };
  const from = options.from ?? 0;
  const examplesPerKind = options.examplesPerKind ?? 3;
  for (let index = from; index < from + options.runs; index++) {
    const started = performance.now();
    let fuzzCase: FuzzCase;
    try {
      fuzzCase = generateCase(options.seed, index);
    } catch (error) {
      throw new Error(`the generator failed on case ${index} of seed ${options.seed}: ${describeError(error)}`);
    }
    const outcome = checkCase(fuzzCase, options.seed);
    const ms = performance.now() - started;
    if (ms > summary.slowest.ms) summary.slowest = { index, ms };
    summary.cases++;
    if (outcome.designDoc) summary.designDocs++;
    summary.fixesChecked += outcome.fixes;
    summary.preferredFixesChecked += outcome.preferredFixes;
    if (outcome.fixAllChanged) summary.fixAllsChanged++;
    summary.maxFixPasses = Math.max(summary.maxFixPasses, outcome.fixPasses);
    const kindsSeen = new Set<FailureKind>();
    for (const failure of outcome.failures) {
      // Counted once per case and kind, so one bad doc with ten no-op fixes counts as one case.
      if (kindsSeen.has(failure.kind)) continue;
      kindsSeen.add(failure.kind);
      counts[failure.kind]++;
      if (summary.examples.filter((example) => example.kind === failure.kind).length < examplesPerKind) {
        summary.examples.push({ ...failure, seed: options.seed, index, text: fuzzCase.text });
      }
    }
    if (options.onProgress && (index - from + 1) % 1000 === 0) options.onProgress(index - from + 1, summary);
  }
  return summary;
}
