// A lexicon of the words of docs' titles, openings and headings: per word, the smoothed log-odds
// of a class's docs having it against the other docs having it (src/core/learned/class-scores.ts
// scores a doc with it). Built on train docs only; train rows are scored cross-fitted.
import type { ClassLexicon } from '../../src/core/learned/class-scores';
import type { Split } from '../eval/labels';
import { FOLDS, foldOf } from './corpus';
import { roundForFile } from './fit';

export interface LexiconDoc {
  repository: string;
  split: Split;
  /** The doc's distinct title, opening and heading words. */
  words: readonly string[];
  gold: string;
}

/** A word must be in this many train docs (docs of one repository counting as one) to be in the lexicon. */
const LEXICON_MIN_DOCS = 3;
/** Log-odds this small say nothing and are left out. */
const LEXICON_MIN_WEIGHT = 0.5;

/** Each doc weighs 1 / (docs of its repository), so one repository's template headings count once. */
export function buildClassLexicon(docs: readonly LexiconDoc[], classes: readonly string[]): ClassLexicon {
  const perRepository = new Map<string, number>();
  for (const doc of docs) perRepository.set(doc.repository, (perRepository.get(doc.repository) ?? 0) + 1);
  const classWeight = new Array<number>(classes.length).fill(0);
  const wordWeight = new Map<string, number[]>();
  for (const doc of docs) {
    const weight = 1 / perRepository.get(doc.repository)!;
    const c = classes.indexOf(doc.gold);
    if (c < 0) continue;
    classWeight[c]! += weight;
    for (const word of doc.words) {
      let counts = wordWeight.get(word);
      if (!counts) wordWeight.set(word, (counts = new Array<number>(classes.length).fill(0)));
      counts[c]! += weight;
    }
  }
  const total = classWeight.reduce((a, b) => a + b, 0);
  const lexicon: Record<string, Record<string, number>> = {};
  for (const word of [...wordWeight.keys()].sort()) {
    const counts = wordWeight.get(word)!;
    const docsWithWord = counts.reduce((a, b) => a + b, 0);
    if (docsWithWord < LEXICON_MIN_DOCS) continue;
    const weights: Record<string, number> = {};
    classes.forEach((id, c) => {
      const inClass = (counts[c]! + 0.5) / (classWeight[c]! + 1);
      const elsewhere = (docsWithWord - counts[c]! + 0.5) / (total - classWeight[c]! + 1);
      const logOdds = roundForFile(Math.log(inClass / elsewhere));
      if (Math.abs(logOdds) >= LEXICON_MIN_WEIGHT) weights[id] = logOdds;
    });
    if (Object.keys(weights).length) lexicon[word] = weights;
  }
  return lexicon;
}

/**
 * The lexicon each doc is scored with: a train doc's built without its fold, as an unseen doc's
 * would be (else the model learns to trust a lexicon that has seen the doc); any other doc's, the
 * one the core ships.
 */
export function crossFittedLexicons(docs: readonly LexiconDoc[], full: ClassLexicon, classes: readonly string[]): ClassLexicon[] {
  const trainDocs = docs.filter((doc) => doc.split === 'train');
  const byFold = Array.from({ length: FOLDS }, (_, fold) =>
    buildClassLexicon(
      trainDocs.filter((doc) => foldOf(doc.repository) !== fold),
      classes,
    ),
  );
  return docs.map((doc) => (doc.split === 'train' ? byFold[foldOf(doc.repository)]! : full));
}
