// Runs of consecutive hit groups (a segment's cue hits for one list), remembered while what they
// were built from stays the same. An edit changes one segment's hits, hence one run of each list it
// touches, so a reduction over a whole document's groups is merged from its runs and only the
// touched run is built again. The element phrases and the checklist items' phrase weights both
// reduce this way.
import type { CueHit } from './analysis/signals';

export const GROUPS_PER_RUN = 16;

interface Group {
  hits: readonly CueHit[];
  startLine: number;
}

/** What a run was built from: for each group its hits, start line relative to the run's first, and mark. */
export interface RunSource {
  /** Which list the run belongs to, where lists can share hits (an element ID). */
  tag: string;
  hits: readonly (readonly CueHit[])[];
  offsets: Int32Array;
  /** Per group, what decides what its hits are worth (where it stands). */
  marks: Uint8Array;
  /**
   * The group objects the run was last built or found for. A group is one segment's hits for one
   * list and never changes (its hits, line and section stay), so the same objects give the same
   * run without reading them: a keystroke keeps every group but the edited segment's.
   */
  groups: readonly Group[];
}

export function runSource(groups: readonly Group[], marks: Uint8Array, from: number, to: number, tag: string): RunSource {
  const base = groups[from]!.startLine;
  const own = groups.slice(from, to);
  const hits = own.map((group) => group.hits);
  return {
    tag,
    hits,
    offsets: Int32Array.from(hits, (_, at) => groups[from + at]!.startLine - base),
    marks: marks.slice(from, to),
    groups: own,
  };
}

/** The end of the run that starts at group `from`. */
export const runEnd = (groups: readonly Group[], from: number): number => Math.min(groups.length, from + GROUPS_PER_RUN);

/** Remembered runs, by their first group's hits (which live in that segment's cached signals). */
export class RunCache<Run extends RunSource> {
  private readonly byFirstHits = new WeakMap<readonly CueHit[], Run[]>();

  /**
   * The run remembered for these very groups [from, to), if any: found without the groups' marks,
   * which the caller then reads only for the runs not found here.
   */
  findSame(groups: readonly Group[], from: number, to: number, tag: string): Run | undefined {
    const remembered = this.byFirstHits.get(groups[from]!.hits);
    if (remembered) for (const run of remembered) if (sameGroups(run, groups, from, to, tag)) return run;
    return undefined;
  }

  /** The run remembered for groups [from, to) with these marks, if one was built from the same. */
  find(groups: readonly Group[], marks: Uint8Array, from: number, to: number, tag: string): Run | undefined {
    const remembered = this.byFirstHits.get(groups[from]!.hits);
    // No closures here: this runs for every run of every list on every edit.
    if (remembered)
      for (const run of remembered)
        if (builtFrom(run, groups, marks, from, to, tag)) {
          // Equal groups, other objects (the edit shifted lines): the next edit finds the run by these.
          run.groups = groups.slice(from, to);
          return run;
        }
    return undefined;
  }

  /** Keeps a few runs per first hits, as equal segments share hits; returns `run`. */
  remember(groups: readonly Group[], from: number, run: Run): Run {
    const first = groups[from]!.hits;
    const remembered = this.byFirstHits.get(first);
    if (!remembered) this.byFirstHits.set(first, [run]);
    else {
      if (remembered.length >= RUNS_PER_FIRST_HITS) remembered.shift();
      remembered.push(run);
    }
    return run;
  }
}

const RUNS_PER_FIRST_HITS = 4;

function sameGroups(run: RunSource, groups: readonly Group[], from: number, to: number, tag: string): boolean {
  if (run.tag !== tag || run.groups.length !== to - from) return false;
  for (let index = from; index < to; index++) if (run.groups[index - from] !== groups[index]) return false;
  return true;
}

function builtFrom(run: RunSource, groups: readonly Group[], marks: Uint8Array, from: number, to: number, tag: string): boolean {
  if (run.tag !== tag || run.hits.length !== to - from) return false;
  const base = groups[from]!.startLine;
  for (let index = from; index < to; index++) {
    const group = groups[index]!;
    const at = index - from;
    if (run.hits[at] !== group.hits || run.offsets[at] !== group.startLine - base || run.marks[at] !== marks[index]) return false;
  }
  return true;
}
