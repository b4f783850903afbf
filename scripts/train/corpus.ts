// What every trainer reads and writes the same way: the labelled train and dev docs of a corpus
// folder (the test split is never read), the repository folds for cross-fitting, and writing a
// weights file or, with --check, saying whether it holds what the corpus fits.
import fs from 'node:fs';
import path from 'node:path';
import { corpusPaths, docTextPath, goldLabelOf, readJson, type DocLabel, type ManifestEntry } from '../eval/labels';

export interface TrainingSource {
  entry: ManifestEntry & { split: 'train' | 'dev' };
  /** The doc's text, without a byte-order mark. */
  text: string;
  gold: DocLabel;
}

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * The labelled train and dev docs on this machine, in manifest order, and how many train/dev docs
 * are not on it (their text was not fetched).
 */
export function readTrainingSources(corpusRoot: string): { sources: TrainingSource[]; notOnMachine: number } {
  const paths = corpusPaths(corpusRoot);
  const sources: TrainingSource[] = [];
  let notOnMachine = 0;
  for (const entry of readJson<ManifestEntry[]>(paths.manifest)) {
    if (entry.split === 'test') continue;
    const textPath = docTextPath(paths, entry);
    const gold = goldLabelOf(paths, entry.file);
    if (!textPath) notOnMachine++;
    if (!textPath || !gold) continue;
    sources.push({ entry: { ...entry, split: entry.split }, text: stripBom(fs.readFileSync(textPath, 'utf8')), gold });
  }
  return { sources, notOnMachine };
}

/** Cross-fitting folds of the train docs: a repository's docs stay in one fold. */
export const FOLDS = 5;

/** FNV-1a: a fixed fold per repository, whatever the order of the manifest. */
export function foldOf(repository: string): number {
  let hash = 0x811c9dc5;
  for (const char of repository.toLowerCase()) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash % FOLDS;
}

export const percent = (value: number): string => `${(100 * value).toFixed(1)}%`;

/**
 * Writes `text` to `out`, or with `check` only says whether `out` holds it. Returns whether it does
 * (always true when writing).
 */
export function writeOrCheckWeights(out: string, text: string, check: boolean, log: (line: string) => void = console.log): boolean {
  const name = path.basename(out);
  if (check) {
    const same = fs.existsSync(out) && fs.readFileSync(out, 'utf8') === text;
    log(same ? `${name} is what this corpus fits` : `${name} differs from what this corpus fits: run npm run train`);
    return same;
  }
  fs.writeFileSync(out, text);
  log(`wrote ${name} (${text.length} bytes)`);
  return true;
}
