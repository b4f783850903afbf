// analyze(): the whole pipeline. The document is split into segments (one line scan), each segment
// is parsed once and reduced to signals (pure function of its text), and the document-level model
// is combined from those signals. `analyzeSteps` is the seam for incremental re-analysis: a session
// passes a `signalsOf` that returns cached signals for segments whose text did not change, and runs
// the steps in slices.
import { isAlias, parseDocument, visit, type Document } from 'yaml';
import type { DocumentFacts, LocatedFacts } from './analysis/facts';
import { combineSteps, type CombineInput } from './analysis/combine';
import { locateFacts, type SectionMemo } from './analysis/locate';
import type { HeadingReadings } from './analysis/headings';
import { segmentDocumentSteps, type Segmentation } from './analysis/segments';
import { swallowingRawHtml } from './analysis/raw-html-block';
import { computeSegmentSignals, type SegmentSignals } from './analysis/signals';
import { runSteps, type Steps } from './analysis/steps';
import { mergeConfigs, parseFrontMatterConfig, yamlErrorOffset, type ConfigVocabulary } from './config';
import { describe, suggest } from './config/validate';
import { CHECKLIST_ITEMS } from './framework/scenarios';
import { lineBreakOf } from './fixes/edits';
import { runRules, settingFor } from './rules/engine';
import { allRuleIds } from './rules/index';
import { disableLineAlone, unknownDirectiveRules, unknownDirectives, unusedDirectiveWarnings } from './suppression';
import { SCENARIO_IDS, type AnalysisResult, type AnalyzeOptions, type ConfigError, type MlsdConfig, type Range } from './types';

let vocabulary: ConfigVocabulary | undefined;

/** The IDs a front-matter `mlsd:` block (or a suppression comment) may name; built once. */
export function configVocabulary(): ConfigVocabulary {
  return (vocabulary ??= { ruleIds: new Set(allRuleIds()), scenarioItemIds: new Set(CHECKLIST_ITEMS.map((item) => item.id)) });
}

/** What one analysis session remembers from run to run: heading readings, the last section tree and the last front matter read. */
export interface AnalysisMemo {
  headingReadings: HeadingReadings;
  sections: SectionMemo;
  frontMatter?: { yamlText: string; reading: FrontMatterReading };
}

export function createAnalysisMemo(): AnalysisMemo {
  return { headingReadings: new Map(), sections: {} };
}

export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  return runSteps(analyzeSteps(text, options, computeSegmentSignals));
}

/**
 * The analysis in steps, with signals from `signalsOf`: one step per segment whose signals are asked for, then a few to combine.
 * A caller that already segmented `text` (an incremental session re-segments only what an edit
 * touched) passes its segmentation, and its memo.
 */
export function* analyzeSteps(
  text: string,
  options: AnalyzeOptions,
  signalsOf: (segmentText: string) => SegmentSignals,
  segmentation?: Segmentation,
  memo = createAnalysisMemo(),
): Steps<AnalysisResult> {
  const facts = yield* factsSteps(text, options, signalsOf, memo, segmentation);
  yield;
  // A document that is no design doc runs no rule, so its directives are not reported as unused.
  if (!facts.model.isDesignDoc) return { model: facts.model, findings: [], configErrors: facts.configErrors };
  const { findings, unusedDirectives } = runRules(facts);
  const { ruleIds } = configVocabulary();
  const isQuiet = (id: string): boolean => !ruleIds.has(id) || settingFor(facts, id, id.split('/')[0]!) === 'off';
  const unused = unusedDirectiveWarnings(
    unusedDirectives,
    facts.directives,
    facts.lines,
    options.path ?? '<document>',
    isQuiet,
    lineBreakOf(text),
  );
  return { model: facts.model, findings, configErrors: unused.length ? [...facts.configErrors, ...unused] : facts.configErrors };
}

export interface AnalyzedFacts extends DocumentFacts {
  configErrors: ConfigError[];
}

export function analyzeFacts(text: string, options: AnalyzeOptions): AnalyzedFacts {
  return runSteps(factsSteps(text, options, computeSegmentSignals, createAnalysisMemo()));
}

function* factsSteps(
  text: string,
  options: AnalyzeOptions,
  signalsOf: (segmentText: string) => SegmentSignals,
  memo: AnalysisMemo,
  segmentation?: Segmentation,
): Steps<AnalyzedFacts> {
  const { input, configErrors } = yield* combineInputSteps(text, options, signalsOf, memo, segmentation);
  const facts = yield* combineSteps(input);
  const file = options.path ?? '<document>';
  configErrors.push(
    ...unknownDirectives(facts.notDirectives, facts.lines, file),
    ...unknownDirectiveRules(facts.directives, facts.lines, file, configVocabulary().ruleIds),
    ...disableLineAlone(facts.directives, facts.lines, file),
  );
  return Object.assign(facts, { configErrors });
}

/** The located facts alone, before any verdict: what a learned verdict's trainer reads its features from. */
export function analyzeLocatedFacts(text: string, options: AnalyzeOptions): LocatedFacts {
  return runSteps(
    (function* () {
      const { input } = yield* combineInputSteps(text, options, computeSegmentSignals, createAnalysisMemo());
      return yield* locateFacts(input);
    })(),
  );
}

function* combineInputSteps(
  text: string,
  options: AnalyzeOptions,
  signalsOf: (segmentText: string) => SegmentSignals,
  memo: AnalysisMemo,
  segmentation?: Segmentation,
): Steps<{ input: CombineInput; configErrors: ConfigError[] }> {
  const segmented = segmentation ?? (yield* segmentDocumentSteps(text));
  const { lines, wrapper, swallowing, segments } = segmented;
  yield;
  const signals: SegmentSignals[] = [];
  for (const segment of segments) {
    signals.push(signalsOf(segment.text));
    yield;
  }
  const swallowingHtml = swallowingRawHtml(segmented, signals);
  const file = options.path ?? '<document>';

  const yamlText = signals[0]?.frontMatter?.value;
  const front = yamlText === undefined ? { data: undefined } : readFrontMatter(yamlText, lines, memo);
  let config: MlsdConfig = options.config ?? {};
  const configErrors: ConfigError[] = [];
  if (yamlText !== undefined && front.data && typeof front.data.mlsd === 'object' && front.data.mlsd !== null) {
    const validated = parseFrontMatterConfig(yamlText, file, 1, configVocabulary());
    config = mergeConfigs(options.config, validated.config);
    configErrors.push(...validated.problems);
  }
  const scenarioProblem = unknownDeclaredScenario(front.data, lines.slice(0, signals[0]?.frontMatter?.endLine ?? 0), file);
  if (scenarioProblem) configErrors.push(scenarioProblem);
  const input: CombineInput = {
    text,
    lines,
    segments,
    signals,
    config,
    frontMatter: front.data,
    ...(front.error ? { frontMatterError: front.error } : {}),
    ...(options.path ? { path: options.path } : {}),
    ...(wrapper ? { wrapper } : {}),
    ...(swallowing ? { swallowing } : {}),
    ...(swallowingHtml ? { swallowingRawHtml: swallowingHtml } : {}),
    headingReadings: memo.headingReadings,
    sectionMemo: memo.sections,
  };
  return { input, configErrors };
}

/**
 * A top-level `scenario:` in the front matter that names no scenario: a warning at its value (with
 * the closest one as the fix), where it had been passed over in silence for the detected scenario.
 * A value that is not a string at all (a list, a number, nothing) is named as what it is.
 */
function unknownDeclaredScenario(
  data: Record<string, unknown> | undefined,
  frontMatterLines: readonly string[],
  file: string,
): ConfigError | undefined {
  const declared = data?.scenario;
  if (declared === undefined || (SCENARIO_IDS as readonly string[]).includes(declared as string)) return undefined;
  const line = frontMatterLines.findIndex((text, index) => index > 0 && /^scenario[ \t]*:/.test(text));
  if (line < 0) return undefined;
  const text = frontMatterLines[line]!;
  const choices = SCENARIO_IDS.map((id) => JSON.stringify(id)).join(', ');
  if (typeof declared !== 'string') {
    return {
      file,
      range: { start: { line, character: 0 }, end: { line, character: text.trimEnd().length } },
      severity: 'warning',
      message: `Expected the scenario to be one of ${choices}, found ${describe(declared)}.`,
    };
  }
  const at = text.indexOf(declared, text.indexOf(':') + 1);
  // The value on the key's own line gets the range and the fix; a block scalar's value lies below it, so the key's line is marked, with no fix.
  const range: Range =
    at >= 0
      ? { start: { line, character: at }, end: { line, character: at + declared.length } }
      : { start: { line, character: 0 }, end: { line, character: text.length } };
  const closest = at >= 0 ? suggest(declared, SCENARIO_IDS) : undefined;
  return {
    file,
    range,
    severity: 'warning',
    message: `Unknown scenario ${JSON.stringify(declared)}; expected one of ${choices}.`,
    ...(closest ? { fix: { title: `Change to "${closest}"`, edits: [{ range, newText: closest }] } } : {}),
  };
}

interface FrontMatterReading {
  data: Record<string, unknown> | undefined;
  error?: { range: Range; message: string };
}

/** The front matter, read again only when its YAML changed: typing in the body re-reads the same YAML on every keystroke. */
function readFrontMatter(yamlText: string, lines: readonly string[], memo: AnalysisMemo): FrontMatterReading {
  if (memo.frontMatter?.yamlText !== yamlText) memo.frontMatter = { yamlText, reading: parseFrontMatter(yamlText, lines) };
  return memo.frontMatter.reading;
}

/** Aliases one front matter may expand: more is a resource-exhaustion attack (the "billion laughs"). */
const MAX_FRONT_MATTER_ALIASES = 100;

function parseFrontMatter(yamlText: string, lines: readonly string[]): FrontMatterReading {
  const document = parseDocument(yamlText, { prettyErrors: false, logLevel: 'error' });
  const error = document.errors[0];
  // Front matter line n is document line n + 1 (the opening fence is line 0).
  const locate = (offset: number): Range => {
    const before = yamlText.slice(0, offset).split('\n');
    const line = before.length;
    const lineText = lines[line] ?? '';
    return {
      start: { line, character: Math.min(before[before.length - 1]!.length, lineText.length) },
      end: { line, character: lineText.length },
    };
  };
  if (error)
    return {
      data: markersOf(yamlText),
      error: { range: locate(yamlErrorOffset(yamlText, error.pos[0])), message: error.message.split('\n')[0]! },
    };
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_FRONT_MATTER_ALIASES });
  } catch (thrown) {
    // An unresolved alias or an alias bomb: reported where the first alias is, the rest of the document still analysed.
    return {
      data: markersOf(yamlText),
      error: { range: locate(firstAliasOffset(document)), message: String((thrown as Error).message).split('\n')[0]! },
    };
  }
  return { data: value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined };
}

function firstAliasOffset(document: Document): number {
  let offset = 0;
  visit(document, (_key, node) => {
    if (!isAlias(node)) return undefined;
    offset = node.range?.[0] ?? 0;
    return visit.BREAK;
  });
  return offset;
}

/**
 * The design-doc markers of a front matter that does not load, read from its top-level lines, so
 * a broken block still marks the file as a design doc (and gets its error reported) instead of
 * silently turning it into an ordinary Markdown file.
 */
function markersOf(yamlText: string): Record<string, unknown> | undefined {
  const mlsd = /^mlsd[ \t]*:[ \t]*(\S*)/m.exec(yamlText);
  const scenario = /^scenario[ \t]*:[ \t]*["']?([\w-]+)/m.exec(yamlText);
  if (!mlsd && !scenario) return undefined;
  return { ...(mlsd ? { mlsd: mlsd[1] !== 'false' } : {}), ...(scenario ? { scenario: scenario[1] } : {}) };
}
