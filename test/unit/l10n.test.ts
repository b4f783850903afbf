// Runtime strings of the extension go through vscode.l10n.t (or the injected `t`), and
// l10n/bundle.l10n.json ships each of them, so a translation can be added without touching code.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { formatMessage } from '../../src/vscode/authoring/l10n';

const SOURCE_DIR = 'src/vscode';
// Either quote: the formatter writes a message that holds an apostrophe in double quotes.
const CALL = /\b(?:l10n\.)?t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g;

function messagesInSource(): Set<string> {
  const messages = new Set<string>();
  const files = fs.readdirSync(SOURCE_DIR, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
  for (const file of files) {
    const text = fs.readFileSync(path.join(SOURCE_DIR, file), 'utf8');
    for (const match of text.matchAll(CALL)) messages.add((match[1] ?? match[2])!.replace(/\\(.)/g, '$1'));
  }
  return messages;
}

describe('localisation', () => {
  it('ships exactly the runtime messages the code uses in l10n/bundle.l10n.json', () => {
    const bundle = JSON.parse(fs.readFileSync('l10n/bundle.l10n.json', 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(bundle).sort(), [...messagesInSource()].sort());
    for (const [key, value] of Object.entries(bundle)) assert.equal(value, key);
  });

  it('resolves every %key% of package.json from package.nls.json', () => {
    const manifest = fs.readFileSync('package.json', 'utf8');
    const nls = JSON.parse(fs.readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
    const used = new Set([...manifest.matchAll(/"%([\w.]+)%"/g)].map((match) => match[1]!));
    for (const key of used) assert.ok(key in nls, `package.nls.json lacks ${key}`);
    for (const key of Object.keys(nls)) assert.ok(used.has(key), `package.nls.json has unused ${key}`);
  });

  it('fills {n} placeholders and leaves unknown ones visible', () => {
    assert.equal(formatMessage('{0}/{1} {2}', 2, 8, 'Data'), '2/8 Data');
    assert.equal(formatMessage('{0} and {3}', 'a'), 'a and {3}');
  });
});
