// The pure edits both editor adapters (the extension and the language server) apply when the user
// silences a rule for the file or the project.
import { strict as assert } from 'node:assert';
import { applyEdits } from '../../src/core';
import { disableRuleInConfigText, newConfigWithRuleOff } from '../../src/core/config';
import { disableFileEdit } from '../../src/core/suppression';

function applyOffsetEdits(text: string, edits: readonly { offset: number; length: number; content: string }[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
    result = result.slice(0, edit.offset) + edit.content + result.slice(edit.offset + edit.length);
  }
  return result;
}

describe('editor edits: disable a rule for the file', () => {
  it('goes right after the front matter', () => {
    const text = '---\nscenario: fraud\n---\n# Fraud\n';
    assert.equal(
      applyEdits(text, [disableFileEdit(text, 'over-engineering')]),
      '---\nscenario: fraud\n---\n<!-- mlsd-disable-file over-engineering -->\n# Fraud\n',
    );
  });

  it('goes on the first line without front matter, keeping CRLF line ends', () => {
    const text = '# Fraud\r\n\r\nText.\r\n';
    assert.equal(
      applyEdits(text, [disableFileEdit(text, 'missing-tradeoffs')]),
      '<!-- mlsd-disable-file missing-tradeoffs -->\r\n# Fraud\r\n\r\nText.\r\n',
    );
  });

  it('is appended when the front matter is the whole file', () => {
    const text = '---\nmlsd: true\n---';
    assert.equal(
      applyEdits(text, [disableFileEdit(text, 'production-gaps')]),
      '---\nmlsd: true\n---\n<!-- mlsd-disable-file production-gaps -->',
    );
  });

  it('treats an unclosed front-matter fence as text', () => {
    const text = '---\nnot closed\n# Title\n';
    assert.equal(applyEdits(text, [disableFileEdit(text, 'ignored-data')]), `<!-- mlsd-disable-file ignored-data -->\n${text}`);
  });
});

describe('editor edits: disable a rule in the project config', () => {
  it('adds the rule to JSONC and keeps its comments and other rules', () => {
    const text = '{\n  // agreed with the team\n  "rules": { "missing-tradeoffs": "off" }\n}\n';
    const edited = applyOffsetEdits(text, disableRuleInConfigText('/p/.mlsd.jsonc', text, 'over-engineering') ?? []);
    assert.match(edited, /\/\/ agreed with the team/);
    assert.deepEqual(JSON.parse(edited.replace(/\/\/.*\n/, '')), { rules: { 'missing-tradeoffs': 'off', 'over-engineering': 'off' } });
  });

  it('sets the rule in YAML through its document model', () => {
    const text = '# project defaults\nscenario: fraud\nrules:\n  missing-tradeoffs: "off"\n';
    const edited = applyOffsetEdits(text, disableRuleInConfigText('/p/.mlsd.yaml', text, 'over-engineering') ?? []);
    assert.equal(edited, '# project defaults\nscenario: fraud\nrules:\n  missing-tradeoffs: "off"\n  over-engineering: off\n');
  });

  it('writes a whole config into an empty file', () => {
    assert.equal(
      applyOffsetEdits('\n', disableRuleInConfigText('/p/.mlsd.json', '\n', 'over-engineering') ?? []),
      newConfigWithRuleOff('over-engineering'),
    );
    assert.deepEqual(JSON.parse(newConfigWithRuleOff('over-engineering')), { rules: { 'over-engineering': 'off' } });
  });

  it('refuses YAML it cannot edit safely', () => {
    assert.equal(disableRuleInConfigText('/p/.mlsd.yaml', 'rules: [unclosed\n', 'over-engineering'), undefined);
    assert.equal(disableRuleInConfigText('/p/.mlsd.yaml', '- a list\n', 'over-engineering'), undefined);
  });
});
