// Regenerates the files built from the framework data: snippets/markdown.json and the metric-name
// pattern of the injection grammar. Run after changing the data: `npx tsx scripts/generate-snippets.ts`.
// test/unit/generated-files.test.ts fails when a committed file differs from what this writes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GRAMMAR_PATH, grammarWithGeneratedPatterns } from '../src/vscode/authoring/grammarPatterns';
import { SNIPPETS_PATH, snippetsFileText } from '../src/vscode/authoring/snippetBodies';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function write(relative: string, text: string): void {
  const file = path.join(root, relative);
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (before === text) {
    console.log(`${relative}: up to date`);
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`${relative}: written`);
}

write(SNIPPETS_PATH, snippetsFileText());
write(GRAMMAR_PATH, grammarWithGeneratedPatterns(fs.readFileSync(path.join(root, GRAMMAR_PATH), 'utf8')));
