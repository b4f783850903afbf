// The committed snippets and grammar are generated from the framework data; this keeps them from
// drifting apart. On failure run: npx tsx scripts/generate-snippets.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { GRAMMAR_PATH, grammarWithGeneratedPatterns } from '../../src/vscode/authoring/grammarPatterns';
import { SNIPPETS_PATH, snippetsFileText } from '../../src/vscode/authoring/snippetBodies';

describe('files generated from the framework data', () => {
  it('snippets/markdown.json is exactly what scripts/generate-snippets.ts writes', () => {
    assert.equal(fs.readFileSync(SNIPPETS_PATH, 'utf8'), snippetsFileText());
  });

  it('the grammar carries the generated metric-name and placeholder patterns', () => {
    const committed = fs.readFileSync(GRAMMAR_PATH, 'utf8');
    assert.equal(committed, grammarWithGeneratedPatterns(committed));
  });

  it('package.json contributes both files', () => {
    const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
      contributes: { snippets: { language: string; path: string }[]; grammars: { path: string; injectTo: string[] }[] };
    };
    assert.deepEqual(manifest.contributes.snippets, [{ language: 'markdown', path: `./${SNIPPETS_PATH}` }]);
    assert.deepEqual(manifest.contributes.grammars.map((g) => [g.path, g.injectTo]), [[`./${GRAMMAR_PATH}`, ['text.html.markdown']]]);
  });
});
