import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { RULES, ruleDocsUrl, RULE_DOCS_BASE_URL } from '../../src/core';

const pages = path.resolve(__dirname, '../../docs/rules');

describe('rule docs pages', () => {
  it('every rule has a page and every page a rule', () => {
    const documented = fs
      .readdirSync(pages)
      .filter((file) => file.endsWith('.md'))
      .map((file) => file.slice(0, -3))
      .sort();
    assert.deepEqual(documented, RULES.map((rule) => rule.id).sort());
  });

  for (const rule of RULES) {
    it(`${rule.id}: the page says what, why, shows an example and how to configure`, () => {
      const text = fs.readFileSync(path.join(pages, `${rule.id}.md`), 'utf8');
      assert.ok(text.startsWith(`# ${rule.id}\n`));
      assert.ok(text.includes(`**Default severity:** ${rule.defaultSeverity}`));
      for (const heading of ['## What it checks', '## Why', '## Example', '## Configure'])
        assert.ok(text.includes(heading), `${rule.id} lacks ${heading}`);
      assert.ok(text.includes(`mlsd-disable-next-line ${rule.id}`));
    });
  }

  it('links are built from one base, for rule IDs and sub-IDs alike', () => {
    assert.equal(ruleDocsUrl('missing-element/data.quality'), `${RULE_DOCS_BASE_URL}docs/rules/missing-element.md`);
    assert.equal(ruleDocsUrl('template-residue'), `${RULE_DOCS_BASE_URL}docs/rules/template-residue.md`);
  });

  it('rule IDs are stable kebab-case and descriptions are one sentence', () => {
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.match(rule.description, /^[A-Z][^.]*(?:\.[^ .][^.]*)*\.$/);
    }
  });
});
