// Building the learned lexicon (src/core/learned/lexicon.ts) from the lines labellers cited as
// evidence: for each element, the words whose share of evidence lines most exceeds their share of
// the other content lines (smoothed log-odds), kept when they mark evidence in at least two docs.
// Counting only: deterministic, and fast enough to rebuild per cross-fitting fold. Pure.
import type { Lexicon, TokenLine } from '../../src/core/learned/lexicon';
import { ELEMENT_IDS } from '../../src/core/types';

export interface LexiconDoc {
  file: string;
  repository: string;
  /** Content lines of the doc with their words, at document lines. */
  lines: readonly TokenLine[];
  /** Element → the content lines cited as its evidence. */
  evidence: ReadonlyMap<string, ReadonlySet<number>>;
}

/** Words kept per element: enough for the wordings seen, few enough to read. */
const WORDS_PER_ELEMENT = 80;
/** A word must mark evidence lines this often, in docs of this many repositories (one author's habits are not a wording). */
const MIN_EVIDENCE_LINES = 3;
const MIN_REPOSITORIES = 3;
/** Bare numbers say nothing about which element a line is about. */
const BARE_NUMBER = /^#?[\d.,_-]+$/;
/** Smallest log-odds kept: the word is several times likelier on an evidence line. */
const MIN_WEIGHT = 1;
const SMOOTHING = 0.5;

export function buildLexicon(docs: readonly LexiconDoc[]): Lexicon {
  const lineCount = new Map<string, number>();
  let totalLines = 0;
  const byElement = ELEMENT_IDS.map(() => ({ evidenceLines: 0, counts: new Map<string, number>(), docs: new Map<string, Set<string>>() }));
  for (const doc of docs) {
    for (const { line, tokens } of doc.lines) {
      totalLines++;
      for (const token of tokens) lineCount.set(token, (lineCount.get(token) ?? 0) + 1);
      ELEMENT_IDS.forEach((id, element) => {
        if (!doc.evidence.get(id)?.has(line)) return;
        const tally = byElement[element]!;
        tally.evidenceLines++;
        for (const token of tokens) {
          tally.counts.set(token, (tally.counts.get(token) ?? 0) + 1);
          const seenIn = tally.docs.get(token) ?? new Set<string>();
          seenIn.add(doc.repository.toLowerCase());
          tally.docs.set(token, seenIn);
        }
      });
    }
  }
  const lexicon: Record<string, Record<string, number>> = {};
  ELEMENT_IDS.forEach((id, element) => {
    const { evidenceLines, counts, docs: docsOf } = byElement[element]!;
    const otherLines = totalLines - evidenceLines;
    const weighed: [string, number][] = [];
    for (const [token, inEvidence] of counts) {
      if (inEvidence < MIN_EVIDENCE_LINES || (docsOf.get(token)?.size ?? 0) < MIN_REPOSITORIES || BARE_NUMBER.test(token)) continue;
      const elsewhere = (lineCount.get(token) ?? 0) - inEvidence;
      const weight =
        Math.log((inEvidence + SMOOTHING) / (evidenceLines + 2 * SMOOTHING)) -
        Math.log((elsewhere + SMOOTHING) / (otherLines + 2 * SMOOTHING));
      if (weight >= MIN_WEIGHT) weighed.push([token, Math.round(weight * 100) / 100]);
    }
    weighed.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const kept = weighed.slice(0, WORDS_PER_ELEMENT).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    lexicon[id] = Object.fromEntries(kept);
  });
  return lexicon;
}
