import assert from 'node:assert/strict';
import { RULES, renderTemplate, ruleDocsUrl } from '../../src/core';
import { MemoryHost, run } from './harness';

describe('cli: init', () => {
  it('writes the generic design-doc template to design-doc.md by default', async () => {
    const host = new MemoryHost({});
    assert.deepEqual(await run(['init'], host), {
      code: 0,
      stdout: 'Wrote design-doc.md (generic design-doc template). Check it with: mlsd check design-doc.md\n',
      stderr: '',
    });
    assert.equal(host.files.get('/work/design-doc.md'), renderTemplate('generic', 'design-doc'));
  });

  it('writes the scenario and kind asked for, at the path asked for', async () => {
    const host = new MemoryHost({});
    const result = await run(['init', '--scenario', 'fraud', '--kind', 'interview', 'docs/fraud.md'], host);
    assert.equal(result.code, 0);
    assert.equal(host.files.get('/work/docs/fraud.md'), renderTemplate('fraud', 'interview'));
  });

  it('quotes a path with spaces in the command it suggests, so it can be pasted', async () => {
    const result = await run(['init', "my team's answer.md"], new MemoryHost({}));
    assert.equal(
      result.stdout,
      "Wrote my team's answer.md (generic design-doc template). Check it with: mlsd check 'my team'\\''s answer.md'\n",
    );
  });

  it('refuses to overwrite an existing file and leaves it untouched', async () => {
    const host = new MemoryHost({ '/work/design-doc.md': 'my own words\n' });
    const result = await run(['init'], host);
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr,
      'mlsd: design-doc.md already exists; mlsd init never overwrites. Choose another PATH.\nRun "mlsd --help" for usage.\n',
    );
    assert.equal(host.files.get('/work/design-doc.md'), 'my own words\n');
  });

  it('writes a template that mlsd reads as a design doc of its scenario', async () => {
    const host = new MemoryHost({});
    await run(['init', '--scenario', 'search', 'search.md'], host);
    const { stdout } = await run(['report', '--format', 'json', 'search.md'], host);
    const report = JSON.parse(stdout);
    assert.deepEqual([report.isDesignDoc, report.scenario], [true, { id: 'search', source: 'frontmatter' }]);
  });
});

describe('cli: rules', () => {
  it('json: every rule with its default severity, description and docs URL', async () => {
    const { code, stdout } = await run(['rules', '--format', 'json'], new MemoryHost({}));
    assert.equal(code, 0);
    assert.deepEqual(
      JSON.parse(stdout),
      RULES.map((rule) => ({
        id: rule.id,
        defaultSeverity: rule.defaultSeverity,
        description: rule.description,
        url: ruleDocsUrl(rule.id),
      })),
    );
  });

  it('text: an aligned line per rule with its docs URL under it', async () => {
    const { code, stdout } = await run(['rules'], new MemoryHost({}));
    assert.equal(code, 0);
    const lines = stdout.split('\n');
    assert.equal(lines.length, RULES.length * 2 + 1);
    const idWidth = Math.max(...RULES.map((rule) => rule.id.length));
    const first = RULES[0]!;
    assert.equal(lines[0], `${first.id.padEnd(idWidth)}  ${first.defaultSeverity.padEnd(7)}  ${first.description}`);
    assert.equal(lines[1], `${' '.repeat(idWidth + 11)}${ruleDocsUrl(first.id)}`);
  });
});
