// The shapes of hand labels (LABELLING-GUIDE.md) and of the corpus manifest, and where each lives.
// One labelling is one JSON file per doc per labeller; a doc labelled twice gets an adjudicated
// gold file. The older labelled sets keep all their docs in one `{ "docs": { file: label } }` file.
import fs from 'node:fs';
import path from 'node:path';

export type Status = 'present' | 'partial' | 'missing';

export interface Cell {
  status: Status;
  /** The labeller hesitated between two statuses. */
  doubtful?: boolean;
  /** 1-based lines that show the element (the evidence a learned reader trains on). */
  lines?: number[];
  reason?: string;
}

export interface DocLabel {
  file?: string;
  labeller?: string;
  isDesignDoc?: boolean;
  scenario: string;
  task: string;
  elements: Record<string, Cell>;
  scenarioItems: Record<string, Cell>;
  offlineMetric: { verdict: string };
  pitfalls: Record<string, { value: boolean }>;
  templateResidue: { value: boolean };
  hiddenContent: { value: boolean };
}

/**
 * A doc labelled only for its doc-level verdicts (scenario, task, offline metric): the quick-label
 * sets (`test/corpus-quick`) that measure those verdicts on many more repositories than full labels
 * can. Cells it does not have are not scored.
 */
export type EvalLabel = Pick<DocLabel, 'scenario' | 'task' | 'offlineMetric'> & Partial<DocLabel>;

export type Split = 'train' | 'dev' | 'test';
export const SPLITS: readonly Split[] = ['train', 'dev', 'test'];

export interface ManifestEntry {
  file: string;
  repository: string;
  path: string;
  commit: string;
  licence: string;
  copyright?: string | null;
  /** Why the licence was read as it was, where that is not obvious. */
  licenceNote?: string;
  /** True when the licence lets the doc's bytes live in the repository (test/corpus/docs). */
  committed: boolean;
  sha256: string;
  bytes?: number;
  lines?: number;
  language?: string;
  scenario: string;
  shape: string;
  title?: string;
  /** A quick-label set (test/corpus-quick) has its own halves by repository: fresh-dev, fresh-test. */
  split: Split;
  /** How many independent labellings the doc has. */
  labellers: number;
}

export const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

/** The corpus folder a corpus script works on: `--corpus DIR`, else the labelled corpus, test/corpus. */
export function corpusRootFrom(argv: readonly string[], repositoryRoot: string): string {
  const index = argv.indexOf('--corpus');
  return path.resolve(index >= 0 && argv[index + 1] ? argv[index + 1]! : path.join(repositoryRoot, 'test/corpus'));
}

/** The corpus folder's layout, relative to its root (test/corpus in the repository). */
export function corpusPaths(root: string) {
  return {
    manifest: path.join(root, 'manifest.json'),
    /** Docs whose licence allows redistribution, byte for byte. */
    docs: path.join(root, 'docs'),
    /** Pointer-only docs, fetched by `npm run corpus:fetch`; git-ignored. */
    texts: path.join(root, 'texts'),
    labels: path.join(root, 'labels'),
    gold: path.join(root, 'gold'),
  };
}

export type CorpusPaths = ReturnType<typeof corpusPaths>;

/** Where a doc's text is on this machine, or undefined when it has not been fetched. */
export function docTextPath(paths: CorpusPaths, entry: Pick<ManifestEntry, 'file' | 'committed'>): string | undefined {
  const candidate = path.join(entry.committed ? paths.docs : paths.texts, entry.file);
  return fs.existsSync(candidate) ? candidate : undefined;
}

/** Every labelling of a doc, by labeller (folder name under labels/). */
export function labellingsOf(paths: CorpusPaths, file: string): Map<string, DocLabel> {
  const found = new Map<string, DocLabel>();
  if (!fs.existsSync(paths.labels)) return found;
  for (const labeller of fs.readdirSync(paths.labels).sort()) {
    const candidate = path.join(paths.labels, labeller, `${file}.json`);
    if (fs.existsSync(candidate)) found.set(labeller, readJson<DocLabel>(candidate));
  }
  return found;
}

/**
 * The gold label of a doc: the adjudicated file when the doc was labelled twice, else its one
 * labelling. A doubly labelled doc without adjudication has no gold yet.
 */
export function goldLabelOf(paths: CorpusPaths, file: string): DocLabel | undefined {
  const adjudicated = path.join(paths.gold, `${file}.json`);
  if (fs.existsSync(adjudicated)) return readJson<DocLabel>(adjudicated);
  const labellings = [...labellingsOf(paths, file).values()];
  return labellings.length === 1 ? labellings[0] : undefined;
}
