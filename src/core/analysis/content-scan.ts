// The scans over a segment's content lines: scenario and task words, placeholders, element and
// checklist cues, model-complexity cues, training objectives and metric mentions.
import { withoutExamples } from './examples';
import { OUT_OF_SCOPE } from '../framework/patterns';
import {
  COMPLEX_MODEL_CUES,
  COMPLEXITY_REASON,
  NOT_CHOSEN_BEFORE,
  REASON_CONNECTIVE,
  SIMPLER_FAILS_CUES,
  WEIGHED_AGAINST,
} from '../framework/pitfalls';
import { PLACEHOLDER_TOKEN } from '../framework/residue';
import {
  EXPERIMENT_CALLED_OFF,
  EXPERIMENT_MEASURE,
  EXPERIMENT_NEGATED,
  isOnlineMetricsLabel,
  OBJECTIVE_TARGETS,
  ONLINE_EXPERIMENT,
} from '../framework/metrics';
import { TASK_CUES } from '../framework/scenarios';
import { ELEMENTS } from '../framework/elements';
import { scanElementCues } from './cue-scan';
import { labelHits } from './label-lines';
import { statedRole } from './metric-context';
import { scanMetrics } from './metric-mentions';
import { designStatementWords } from './scenario-statement';
import { addScenarioWords, withoutAdvice } from './scenario-words';
import type { LineKind, Locator, SegmentSignals, Unit } from './signal-types';
import { countMatches, createLocator, eachMatch, forEachMatch, lineStartsOf, unwrapParagraphs } from './text-scan';

const OBJECTIVE_TARGET_WORDS = [...OBJECTIVE_TARGETS.proxies, ...OBJECTIVE_TARGETS.other, ...OBJECTIVE_TARGETS.outcomes].join('|');
const OBJECTIVE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(?:optimi[sz]\w*(?: for)?|objective(?: is)?:?|labels?(?: are| is)?:?|train\w*(?: the model)?(?: to predict| on)|predict\w*|maximi[sz]\w*)\s+(?:\S+\s+){0,4}?(${OBJECTIVE_TARGET_WORDS})(?![\p{L}\p{N}_])`,
  'giu',
);
const FACETED_ELEMENTS = ELEMENTS.flatMap(({ id, facets }) => (facets ? [{ id, facets }] : []));
/** The text before a word that puts it inside a link's address, read up to URL_REACH characters back. */
const IN_URL = /(?:\]\(|https?:\/\/)[^)\s]*$/;
const URL_REACH = 300;
/** Words between the objective's verb and its target that reject it ("not a raw click", "instead of clicks"). */
const REJECTED_OBJECTIVE = /\b(?:not|never|instead of|rather than|avoid\w*)\b/i;
/** An objective supposed to show what goes wrong: "if you optimise for clicks, ...". */
const HYPOTHETICAL = /\bif\s+(?:you|we|one|they)\s+$/i;
const JUSTIFICATION = /\b(?:proxy|because|correlat\w+|stand-in|leading indicator|so that|which (?:drives|predicts))\b/i;

/**
 * Scans the segment's content lines. Each pattern runs once over a masked copy of the segment in
 * which every line that is not real content (code, comments, headings, placeholders) is blanked,
 * so offsets still map to lines and each regex is called a handful of times per segment, not per line.
 */
export function scanLines(
  lines: readonly string[],
  kinds: readonly LineKind[],
  unitOfLine: readonly (Unit | undefined)[],
  signals: SegmentSignals,
): void {
  const content = lines.map((text, line) => (kinds[line] === 'text' && unitOfLine[line] && !unitOfLine[line]!.placeholder ? text : ''));
  const masked = content.join('\n');
  if (masked.trim() === '') return;
  const locate = createLocator(lineStartsOf(content));
  // A question ("Do we need continual training?") raises a topic without answering it.
  const substantive: (boolean | undefined)[] = [];
  const substantiveAt = (line: number): boolean =>
    (substantive[line] ??= (unitOfLine[line]?.words ?? 0) >= 4 && !/\?\s*$/.test(content[line] ?? ''));

  countScenarioWords(masked, signals);
  scanFacets(masked, content, signals);
  eachMatch(PLACEHOLDER_TOKEN, masked, locate, (span) => signals.placeholders.push(span));
  // Cue phrases are read with hard-wrapped paragraphs unwrapped: "labels arrive up to" / "30 days
  // after" is one phrase. Metric and placeholder scans stay per line.
  const unwrapped = unwrapParagraphs(content, unitOfLine);
  scanElementCues(unwrapped?.text ?? masked, unwrapped?.locate ?? locate, substantiveAt, lines, signals);
  for (const [id, hits] of labelHits(content)) signals.elementHits.set(id, [...(signals.elementHits.get(id) ?? []), ...hits]);
  scanModelCues(masked, locate, signals);
  scanObjectives(masked, content, locate, signals);
  scanMetrics(lines, kinds, content, unitOfLine, masked, locate, signals);
  if (MAY_LABEL_ONLINE.test(masked)) scanOnlineMetricLabels(content, signals);
}

const MAY_LABEL_ONLINE = /online|a\/b|онлайн/i;
const LIST_MARKER = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/;
/** Longer text before a colon is a sentence, not a label. */
const MAX_LABEL = 80;
const WORDS = /[\p{L}\p{N}]{2,}.*[\p{L}\p{N}]{2,}/u;

/** Words saying a phrase is something measured. */
const ONLINE_MEASURE = /\bmeasur\w*|\btrack\w*|\brates?\b|\bper (?:user|session|visit|day|week)\b/i;
/** Where a sentence ends, the break kept with it (so lengths add up to offsets). */
const SENTENCE_END = /(?<=[.;!?]\s+)/;
/** Where a later sentence on a line starts: "Offline: PR-AUC. Online: losses prevented". */
const SENTENCE_START = /[.;]\s+(?=\S)/g;

/**
 * "* Online" over a list of measures, "**Online metrics:** acceptance rate, time to send": the doc
 * names its online metrics in its own words, at the start of a line or of a later sentence on it.
 * Only a label with something after it, on its line or the next line with text, counts.
 */
function scanOnlineMetricLabels(content: readonly string[], signals: SegmentSignals): void {
  for (let line = 0; line < content.length; line++) {
    const text = content[line]!;
    const starts = [LIST_MARKER.exec(text)?.[0].length ?? text.length - text.trimStart().length];
    if (text.includes(':')) forEachMatch(SENTENCE_START, text, (index, length) => starts.push(index + length));
    for (const start of starts) {
      const later = start !== starts[0];
      const colon = text.indexOf(':', start);
      // A label later on the line needs its colon: the words before it are a sentence otherwise.
      if (colon < 0 && later) continue;
      const end = colon < 0 ? text.length : colon;
      if (end - start > MAX_LABEL || !isOnlineMetricsLabel(text.slice(start, end))) continue;
      // What follows must be words, not a placeholder ("Online: TODO"); later on a line, words that
      // say what is measured online ("Online: losses prevented, measured in an A/B test"), since
      // "Offline: PR-AUC. Online: served behind the API" names no metric.
      const rest = text.slice(end).replace(PLACEHOLDER_TOKEN, ' ');
      if (later && !(ONLINE_MEASURE.test(rest) || statedRole(rest.replace(/^:/, '')) === 'online')) continue;
      let next = line + 1;
      while (next < content.length && next <= line + 2 && content[next]!.trim() === '') next++;
      if (!WORDS.test(rest) && !WORDS.test(content[next] ?? '')) continue;
      signals.onlineMetricLabels.push({ line, start, end });
      break;
    }
    if (signals.onlineMetricLabels.at(-1)?.line !== line) scanExperimentMeasure(text, line, signals);
  }
}

/** A sentence that measures something in an online experiment, as a label would introduce it: the experiment's words are the span. */
function scanExperimentMeasure(text: string, line: number, signals: SegmentSignals): void {
  let start = 0;
  for (const sentence of text.split(SENTENCE_END)) {
    const experiment = ONLINE_EXPERIMENT.exec(sentence);
    const after = experiment ? sentence.slice(experiment.index + experiment[0].length) : '';
    const negated = experiment && (EXPERIMENT_NEGATED.test(sentence.slice(0, experiment.index)) || EXPERIMENT_CALLED_OFF.test(after));
    if (experiment && EXPERIMENT_MEASURE.test(sentence) && !negated) {
      const at = start + experiment.index;
      signals.onlineMetricLabels.push({ line, start: at, end: at + experiment[0].length });
      return;
    }
    start += sentence.length;
  }
}

function scanModelCues(masked: string, locate: Locator, signals: SegmentSignals): void {
  // What the data or a comparison says for a complex model holds for the section's models; a
  // connective ("because") only for the model it follows.
  const sectionGivesReason = COMPLEXITY_REASON.test(masked);
  forEachMatch(COMPLEX_MODEL_CUES, masked, (index, length) => {
    // A word of a link's address ("huggingface.co/docs/transformers/...") names no model the doc uses.
    if (IN_URL.test(lineBefore(masked, index, URL_REACH))) return;
    const end = index + length;
    const line = lineAround(masked, index, end);
    // "Non-goals: deep learning", "Two-tower MLP (not GNN)": a family the doc does not use.
    if (OUT_OF_SCOPE.test(line) || NOT_CHOSEN_BEFORE.test(lineBefore(masked, index, NOT_CHOSEN_REACH))) return;
    const justified = sectionGivesReason || reasonFollows(masked, end) || WEIGHED_AGAINST.test(line);
    signals.complexModels.push({ ...locate(index, end), justified });
  });
  eachMatch(SIMPLER_FAILS_CUES, masked, locate, (span) => signals.simplerFails.push(span));
}

/** The text before `index` on its line, at most `reach` characters of it. */
function lineBefore(text: string, index: number, reach: number): string {
  return text.slice(Math.max(text.lastIndexOf('\n', index - 1) + 1, index - reach), index);
}

/** The line holding `from`..`to`, read at most SENTENCE_REACH characters either side. */
function lineAround(text: string, from: number, to: number): string {
  const start = Math.max(text.lastIndexOf('\n', from) + 1, from - SENTENCE_REACH);
  const newline = text.indexOf('\n', to);
  return text.slice(start, Math.min(newline < 0 ? text.length : newline, to + SENTENCE_REACH));
}

/** Characters read before a model mention for words that rule it out. */
const NOT_CHOSEN_REACH = 40;

/** How far a sentence is read after a model mention: a bound, so each mention costs a constant. */
const SENTENCE_REACH = 400;

/** A sentence ends at a line break or at a full stop, question or exclamation mark before a space. */
const endsSentence = (text: string, at: number): boolean =>
  text[at] === '\n' || ('.!?'.includes(text[at]!) && /\s/.test(text[at + 1] ?? ' '));

/**
 * Whether a connective gives a reason after the model named up to `end`, in the rest of its sentence
 * or the next one: a "because" elsewhere in the section is about something else.
 */
function reasonFollows(text: string, end: number): boolean {
  const to = sentenceEnd(text, sentenceEnd(text, end) + 1);
  return REASON_CONNECTIVE.test(text.slice(end, to));
}

/** The offset just past the end of the sentence running at `at`. */
function sentenceEnd(text: string, at: number): number {
  const bound = Math.min(text.length, at + SENTENCE_REACH);
  for (let index = at; index < bound; index++) if (endsSentence(text, index)) return index + 1;
  return bound;
}

function scanObjectives(masked: string, content: readonly string[], locate: Locator, signals: SegmentSignals): void {
  forEachMatch(OBJECTIVE, masked, (index, length, match) => {
    // "the label is not a raw click", "if you train on raw clicks, ...": the doc argues against that objective.
    if (
      REJECTED_OBJECTIVE.test(match[0].slice(0, length - match[1]!.length)) ||
      HYPOTHETICAL.test(masked.slice(Math.max(0, index - 16), index))
    )
      return;
    const start = index + length - match[1]!.length;
    const span = locate(start, start + match[1]!.length);
    signals.objectives.push({ ...span, target: match[1]!.toLowerCase(), justified: JUSTIFICATION.test(content[span.line] ?? '') });
  });
}

/** The facets of the elements that have them, read in the segment's real content (no template text). */
function scanFacets(masked: string, content: readonly string[], signals: SegmentSignals): void {
  for (const { id, facets } of FACETED_ELEMENTS) {
    let named = 0;
    facets.each.forEach((facet, index) => {
      if (facet.test(masked)) named |= 1 << index;
    });
    if (!named) continue;
    const detailed =
      facets.stated.test(masked) &&
      content.some((line, index) => facets.stated.test(line) && (facets.detail.test(line) || facets.detail.test(content[index + 1] ?? '')));
    signals.elementFacets[id] = { named, detailed };
  }
}

function countScenarioWords(masked: string, signals: SegmentSignals): void {
  // An example ("for example, a recommender...") says nothing of what the document is about.
  const text = withoutExamples(masked);
  addScenarioWords(text, signals.scenarioWords);
  designStatementWords(masked, signals.designStatements);
  // "We recommend retraining weekly" is advice, not a recommender to rank with.
  const withoutAdvised = withoutAdvice(text);
  for (const task of Object.keys(TASK_CUES) as (keyof typeof TASK_CUES)[])
    signals.taskWords[task] += countMatches(TASK_CUES[task], withoutAdvised);
}
