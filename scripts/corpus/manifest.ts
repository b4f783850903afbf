// `npm run corpus:manifest`: folds the finders' manifest fragments (test/corpus/manifest.*.json)
// into test/corpus/manifest.json, counts each doc's labellings, checks the committed bytes, and
// gives every repository that has none yet its split. A repository keeps its split forever once
// given, so the split is fixed before any tuning; no repository is in two splits.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusPaths, labellingsOf, readJson, SPLITS } from '../eval/labels';
import type { ManifestEntry, Split } from '../eval/labels';

/** Target share of each split, by docs, within each scenario. */
const SPLIT_SHARE: Record<Split, number> = { train: 0.6, dev: 0.2, test: 0.2 };

const sha256 = (bytes: Buffer | string): string => crypto.createHash('sha256').update(bytes).digest('hex');

/** The scenario most of a repository's docs are about (ties: alphabetical), which stratifies the split. */
function scenarioOfRepository(entries: ManifestEntry[]): string {
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(entry.scenario, (counts.get(entry.scenario) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/**
 * Gives a split to each repository that has none: within each scenario, repositories in the
 * order of the hash of their name go to the split furthest below its share of that scenario's docs.
 */
export function assignSplits(entries: ManifestEntry[]): void {
  const byRepository = new Map<string, ManifestEntry[]>();
  for (const entry of entries) {
    const key = entry.repository.toLowerCase();
    byRepository.set(key, [...(byRepository.get(key) ?? []), entry]);
  }
  const strata = new Map<string, { repository: string; docs: ManifestEntry[]; split?: Split }[]>();
  for (const [repository, docs] of byRepository) {
    const split = docs.find((doc) => SPLITS.includes(doc.split))?.split;
    const scenario = scenarioOfRepository(docs);
    strata.set(scenario, [...(strata.get(scenario) ?? []), { repository, docs, split }]);
  }
  for (const repositories of strata.values()) {
    const total = repositories.reduce((sum, repository) => sum + repository.docs.length, 0);
    const assigned: Record<Split, number> = { train: 0, dev: 0, test: 0 };
    for (const repository of repositories) if (repository.split) assigned[repository.split] += repository.docs.length;
    const unassigned = repositories
      .filter((repository) => !repository.split)
      .sort((a, b) => sha256(a.repository).localeCompare(sha256(b.repository)));
    for (const repository of unassigned) {
      const deficit = (split: Split): number => SPLIT_SHARE[split] * total - assigned[split];
      repository.split = [...SPLITS].sort((a, b) => deficit(b) - deficit(a))[0]!;
      assigned[repository.split] += repository.docs.length;
    }
    for (const repository of repositories) for (const doc of repository.docs) doc.split = repository.split!;
  }
}

function main(): number {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const corpusRoot = path.join(root, 'test/corpus');
  const paths = corpusPaths(corpusRoot);
  const entries = new Map<string, ManifestEntry>();
  if (fs.existsSync(paths.manifest)) for (const entry of readJson<ManifestEntry[]>(paths.manifest)) entries.set(entry.file, entry);
  const fragments = fs.readdirSync(corpusRoot).filter((name) => /^manifest\..+\.json$/.test(name));
  for (const fragment of fragments) {
    for (const entry of readJson<ManifestEntry[]>(path.join(corpusRoot, fragment))) {
      if (!entries.has(entry.file)) entries.set(entry.file, entry);
    }
  }
  const problems: string[] = [];
  for (const entry of entries.values()) {
    entry.labellers = labellingsOf(paths, entry.file).size;
    if (entry.committed) {
      const docPath = path.join(paths.docs, entry.file);
      if (!fs.existsSync(docPath)) problems.push(`${entry.file}: committed but not in ${path.relative(root, paths.docs)}`);
      else if (sha256(fs.readFileSync(docPath)) !== entry.sha256) problems.push(`${entry.file}: bytes differ from the manifest's sha256`);
    }
  }
  const manifest = [...entries.values()].sort((a, b) => a.file.localeCompare(b.file));
  assignSplits(manifest);
  fs.writeFileSync(paths.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  for (const fragment of fragments) fs.rmSync(path.join(corpusRoot, fragment));
  const count = (split: Split): number => manifest.filter((entry) => entry.split === split).length;
  console.log(
    `manifest: ${manifest.length} docs (train ${count('train')}, dev ${count('dev')}, test ${count('test')}); folded ${fragments.length} fragment(s)`,
  );
  for (const problem of problems) console.error(`corpus: ${problem}`);
  return problems.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) process.exitCode = main();
