// `npm run corpus:fetch`: brings the text of the corpus docs whose licence keeps them out of the
// repository (manifest entries with "committed": false) into the git-ignored test/corpus/texts/
// (or another corpus folder's, with `-- --corpus DIR`),
// from the file's public host at its pinned commit, and keeps only bytes whose sha256 matches the
// manifest. Where the network does not reach that host, it says which docs are missing and why.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusPaths, corpusRootFrom, readJson } from '../eval/labels';
import type { ManifestEntry } from '../eval/labels';

const TIMEOUT_MS = 15_000;

const rawUrl = (entry: ManifestEntry): string =>
  `https://raw.githubusercontent.com/${entry.repository}/${entry.commit}/${entry.path.split('/').map(encodeURIComponent).join('/')}`;

const sha256 = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

async function fetchOne(entry: ManifestEntry, target: string): Promise<string | undefined> {
  try {
    const response = await fetch(rawUrl(entry), { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) return `HTTP ${response.status}`;
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (sha256(bytes) !== entry.sha256) return 'the bytes differ from the pinned sha256';
    fs.writeFileSync(target, bytes);
    return undefined;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return cause ?? (error as Error).message;
  }
}

async function main(): Promise<number> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const paths = corpusPaths(corpusRootFrom(process.argv.slice(2), root));
  const pointers = readJson<ManifestEntry[]>(paths.manifest).filter((entry) => !entry.committed);
  fs.mkdirSync(paths.texts, { recursive: true });
  let present = 0;
  let fetched = 0;
  const failed: string[] = [];
  for (const entry of pointers) {
    const target = path.join(paths.texts, entry.file);
    if (fs.existsSync(target) && sha256(fs.readFileSync(target)) === entry.sha256) {
      present++;
      continue;
    }
    const problem = await fetchOne(entry, target);
    if (problem) failed.push(`${entry.file} (${entry.repository}@${entry.commit.slice(0, 8)}:${entry.path}): ${problem}`);
    else fetched++;
  }
  console.log(`corpus:fetch: ${pointers.length} pointer-only docs: ${present} already here, ${fetched} fetched, ${failed.length} missing`);
  for (const line of failed) console.log(`  ${line}`);
  return failed.length ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
});
