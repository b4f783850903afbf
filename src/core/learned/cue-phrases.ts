// The cue phrases one element's hits add up to, for the learned verdict: each phrase once, where it
// weighs most (earliest on a tie), and whether it stands under a heading naming the element. This runs
// for every element on every edit, so it costs what the edit touched: each segment's hits are reduced
// once (they live in its cached signals), runs of consecutive segments are reduced once and kept
// while their hits, relative places and sections stay the same, and the document's phrases are
// merged from the runs.
import type { CueHit } from '../analysis/signals';
import type { SectionNode } from '../analysis/facts';
import type { ElementId } from '../types';
import type { ElementHitGroup } from './features';
import { GROUPS_PER_RUN, RunCache, runEnd, runSource, type RunSource } from '../hit-runs';

/** One phrase at its best in the document. */
export interface PhraseEvidence {
  hit: CueHit;
  line: number;
  value: number;
  /** Under a heading that names the element. */
  underHeading: boolean;
}

/** The phrases of the counted groups (in the order first seen) at their best, and how many segments have counted hits. */
export function bestOfEachPhrase(groups: readonly ElementHitGroup[], id: ElementId): ElementPhrases {
  const known = phrasesOfGroups.get(groups)?.get(id);
  if (known) return known;
  const { phrases, segmentsWithHits } = mergeRuns(groups, id);
  const merged: ElementPhrases = {
    phrases: phrases.map((phrase) => ({
      hit: scratch.entry[phrase]!.hit,
      line: scratch.line[phrase]!,
      value: scratch.value[phrase]!,
      underHeading: scratch.under[phrase] === 1,
    })),
    segmentsWithHits,
  };
  const byId = phrasesOfGroups.get(groups);
  if (byId) byId.set(id, merged);
  else phrasesOfGroups.set(groups, new Map([[id, merged]]));
  return merged;
}

export interface ElementPhrases {
  readonly phrases: readonly PhraseEvidence[];
  readonly segmentsWithHits: number;
}

/**
 * The phrases of each list of groups by element. A session keeps the lists an edit did not touch,
 * and their groups and sections never change: their phrases are the same.
 */
const phrasesOfGroups = new WeakMap<readonly ElementHitGroup[], Map<ElementId, ElementPhrases>>();

/** One phrase's best hit in a segment, and what it is worth. */
interface PhraseBest {
  hit: CueHit;
  value: number;
  /** The phrase as a number: comparing numbers on every edit is much cheaper than comparing strings. */
  phrase: number;
}

/**
 * A segment's hits reduced to the best (earliest on a tie) of each phrase, remembered per hits
 * list: the lists live in the segment's cached signals, so an edit reduces only the segments it
 * changed. Groups come in document order, so keeping the first of equal values across groups keeps
 * the earliest line.
 */
const reducedHits = new WeakMap<readonly CueHit[], readonly PhraseBest[]>();
/** Cue phrases are matches of the framework's fixed cue patterns: a small, bounded vocabulary. */
const phraseNumbers = new Map<string, number>();

/**
 * Scratch tables by phrase number, shared by every call (the analysis is synchronous): the round
 * that last saw each phrase and its best value, line and hit in that round. Typed arrays instead of
 * a map keyed by phrase: this runs for every element on every edit.
 */
const scratch = {
  round: new Int32Array(0),
  value: new Float64Array(0),
  line: new Int32Array(0),
  under: new Uint8Array(0),
  entry: [] as (PhraseBest | undefined)[],
};
let phraseRound = 0;

function nextPhraseRound(): number {
  if (scratch.round.length < phraseNumbers.size) {
    const size = Math.max(256, phraseNumbers.size * 2);
    const round = new Int32Array(size);
    round.set(scratch.round);
    const value = new Float64Array(size);
    value.set(scratch.value);
    const line = new Int32Array(size);
    line.set(scratch.line);
    const under = new Uint8Array(size);
    under.set(scratch.under);
    Object.assign(scratch, { round, value, line, under });
  }
  if (phraseRound >= 0x3fffffff) {
    scratch.round.fill(0);
    phraseRound = 0;
  }
  return ++phraseRound;
}

function bestByPhrase(hits: readonly CueHit[]): readonly PhraseBest[] {
  let reduced = reducedHits.get(hits);
  if (!reduced) {
    const best = new Map<string, PhraseBest>();
    for (const hit of hits) {
      const value = hit.weight * (hit.substantive ? 1 : 0.5);
      const previous = best.get(hit.phrase);
      if (previous && (value < previous.value || (value === previous.value && hit.line >= previous.hit.line))) continue;
      let phrase = phraseNumbers.get(hit.phrase);
      if (phrase === undefined) {
        phrase = phraseNumbers.size;
        phraseNumbers.set(hit.phrase, phrase);
      }
      best.set(hit.phrase, { hit, value, phrase });
    }
    reduced = [...best.values()];
    reducedHits.set(hits, reduced);
  }
  return reduced;
}

function underNamingHeading(section: SectionNode | undefined, id: ElementId): boolean {
  for (let node = section; node; node = node.parent) if (node.elements.has(id)) return true;
  return false;
}

/**
 * How a group counts for an element: not at all (its section is an unfilled template), or counted,
 * under a heading naming the element or not. A group is one segment, so one section.
 */
const SKIPPED = 0;
const COUNTED = 1;
const UNDER_HEADING = 2;

function groupContext(group: ElementHitGroup, id: ElementId): number {
  const section = group.section;
  if (section?.hollow && section.hollow !== 'image' && section.hollow !== 'diagram') return SKIPPED;
  return underNamingHeading(section, id) ? UNDER_HEADING : COUNTED;
}

/**
 * A run of consecutive groups reduced to each phrase's best (lines relative to the run's first
 * group, phrases in the order first seen), with what it was reduced from, to check it still applies.
 * An edit changes one segment's hits, so it reduces again the one run holding that segment, and the
 * document's phrases are merged from a few runs instead of every hit.
 */
interface GroupRun extends RunSource {
  phrases: readonly { entry: PhraseBest; line: number; underHeading: boolean }[];
  /** Distinct start lines of the counted groups with hits, and the first and last of them (relative); -1 when none. */
  segments: number;
  firstStart: number;
  lastStart: number;
}

const elementRuns = new RunCache<GroupRun>();

/** The run of groups from `from`; `contexts` is filled for its groups unless the run is found by the groups themselves. */
function runAt(groups: readonly ElementHitGroup[], from: number, contexts: Uint8Array, id: ElementId): GroupRun {
  const to = runEnd(groups, from);
  const same = elementRuns.findSame(groups, from, to, id);
  if (same) return same;
  for (let index = from; index < to; index++) contexts[index] = groupContext(groups[index]!, id);
  return elementRuns.find(groups, contexts, from, to, id) ?? elementRuns.remember(groups, from, reduceRun(groups, from, to, contexts, id));
}

function reduceRun(groups: readonly ElementHitGroup[], from: number, to: number, contexts: Uint8Array, id: ElementId): GroupRun {
  const base = groups[from]!.startLine;
  const phrases: { entry: PhraseBest; line: number; underHeading: boolean }[] = [];
  const at = new Map<number, number>();
  let segments = 0;
  let firstStart = -1;
  let lastStart = -1;
  for (let index = from; index < to; index++) {
    const group = groups[index]!;
    const context = contexts[index]!;
    if (context === SKIPPED || group.hits.length === 0) continue;
    const start = group.startLine - base;
    if (lastStart !== start || segments === 0) segments++;
    if (firstStart < 0) firstStart = start;
    lastStart = start;
    for (const entry of bestByPhrase(group.hits)) {
      const known = at.get(entry.phrase);
      // Groups come in document order: keeping the first of equal values keeps the earliest line.
      if (known !== undefined && entry.value <= phrases[known]!.entry.value) continue;
      const best = { entry, line: start + entry.hit.line, underHeading: context === UNDER_HEADING };
      if (known === undefined) {
        at.set(entry.phrase, phrases.length);
        phrases.push(best);
      } else phrases[known] = best;
    }
  }
  return { ...runSource(groups, contexts, from, to, id), phrases, segments, firstStart, lastStart };
}

/** The phrases of the counted groups, each with its best value, line, hit and heading left in the scratch tables. */
function mergeRuns(groups: readonly ElementHitGroup[], id: ElementId): { phrases: number[]; segmentsWithHits: number } {
  const contexts = new Uint8Array(groups.length);
  const runs: GroupRun[] = [];
  for (let from = 0; from < groups.length; from += GROUPS_PER_RUN) runs.push(runAt(groups, from, contexts, id));
  // After the reduction, which may number new phrases, so the tables are large enough.
  const round = nextPhraseRound();
  const phrases: number[] = [];
  let segmentsWithHits = 0;
  let lastStart = -1;
  for (let index = 0; index < runs.length; index++) {
    const run = runs[index]!;
    const base = groups[index * GROUPS_PER_RUN]!.startLine;
    if (run.segments > 0) {
      // A segment brings one group per element, but count each start line once even if not.
      segmentsWithHits += run.segments - (base + run.firstStart === lastStart ? 1 : 0);
      lastStart = base + run.lastStart;
    }
    for (const { entry, line, underHeading } of run.phrases) {
      const phrase = entry.phrase;
      if (scratch.round[phrase] === round && entry.value <= scratch.value[phrase]!) continue;
      if (scratch.round[phrase] !== round) phrases.push(phrase);
      scratch.round[phrase] = round;
      scratch.value[phrase] = entry.value;
      scratch.line[phrase] = base + line;
      scratch.under[phrase] = underHeading ? 1 : 0;
      scratch.entry[phrase] = entry;
    }
  }
  return { phrases, segmentsWithHits };
}
