// `npm run corpus:sources`: writes test/corpus/SOURCES.md, the attribution of every doc committed in
// test/corpus/docs (source, commit, licence, copyright line) followed by each source repository's
// licence text from test/corpus/licences/, as MIT, BSD and CC-BY require copies to carry
// (`-- --corpus DIR` for another corpus folder with the same layout).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusPaths, corpusRootFrom, readJson } from '../eval/labels';
import type { ManifestEntry } from '../eval/labels';

const licenceFileOf = (repository: string): string => `${repository.replace('/', '__')}.txt`;

export function renderSources(manifest: ManifestEntry[], licenceText: (repository: string) => string | undefined): string {
  const committed = manifest.filter((entry) => entry.committed);
  const pointers = manifest.length - committed.length;
  const lines = [
    '# Corpus sources, licences and attribution',
    '',
    `\`docs/\` holds ${committed.length} design docs written by other people, each an unmodified, byte-for-byte copy of`,
    'the file at the repository, path and commit below (its sha256 is in `manifest.json`), redistributed',
    `under its repository's licence. The other ${pointers} docs of the corpus are pointers only (see README.md).`,
    'Source of any doc: `https://github.com/<repository>/blob/<commit>/<path>`.',
    '',
    '| File | Repository | Path | Commit | Licence | Copyright |',
    '|---|---|---|---|---|---|',
    ...committed.map(
      (entry) =>
        `| \`${entry.file}\` | ${entry.repository} | \`${entry.path}\` | \`${entry.commit}\` | ${entry.licence} | ${entry.copyright ?? '—'} |`,
    ),
    '',
    '## Licence texts',
  ];
  for (const repository of [...new Set(committed.map((entry) => entry.repository))].sort()) {
    const text = licenceText(repository);
    lines.push(
      '',
      `### ${repository}`,
      '',
      text === undefined ? '(licence text missing: add it to licences/)' : ['```text', text.trimEnd(), '```'].join('\n'),
    );
  }
  return `${lines.join('\n')}\n`;
}

function main(): number {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const corpusRoot = corpusRootFrom(process.argv.slice(2), root);
  const manifest = readJson<ManifestEntry[]>(corpusPaths(corpusRoot).manifest);
  const missing: string[] = [];
  const text = renderSources(manifest, (repository) => {
    const file = path.join(corpusRoot, 'licences', licenceFileOf(repository));
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
    missing.push(repository);
    return undefined;
  });
  fs.writeFileSync(path.join(corpusRoot, 'SOURCES.md'), text);
  for (const repository of missing)
    console.error(
      `corpus:sources: no licence text for ${repository} in ${path.relative(root, path.join(corpusRoot, 'licences', licenceFileOf(repository)))}`,
    );
  return missing.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) process.exitCode = main();
