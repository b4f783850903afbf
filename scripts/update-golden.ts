// Regenerates test/fixtures/golden/*.json from test/fixtures/docs/*.md. Run it only when a change
// in the analysis is meant; review the diff like code.
//   npx tsx scripts/update-golden.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldenOf } from '../test/core/golden';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docs = path.join(root, 'test/fixtures/docs');
const golden = path.join(root, 'test/fixtures/golden');
fs.mkdirSync(golden, { recursive: true });
for (const file of fs.readdirSync(docs).filter((name) => name.endsWith('.md'))) {
  const text = fs.readFileSync(path.join(docs, file), 'utf8');
  fs.writeFileSync(path.join(golden, file.replace(/\.md$/, '.json')), `${JSON.stringify(goldenOf(text, file), null, 2)}\n`);
  console.log(`wrote golden/${file.replace(/\.md$/, '.json')}`);
}
