// Regressions from issue 14 ("data loss"), one per numbered item that lives in the core.
import assert from 'node:assert/strict';
import { analyze, applyEdits, fixUntilStable } from '../../src/core';
import type { Section } from '../../src/core/types';
import { doc, SECTIONS } from './docs';
import { parseMarkdown } from '../../src/core/analysis/parser';

/** The fixed text and how many passes changed it (each pass ends with one more analysis). */
const fixAll = (text: string) => {
  let analyses = 0;
  const fixed = fixUntilStable(text, (current) => {
    analyses++;
    return analyze(current);
  });
  return { text: fixed.text, passes: analyses - 1 };
};

describe('fix regressions (issue 14)', () => {
  it('3. fixes in a CRLF document insert CRLF lines only', () => {
    const text = doc({ monitoring: '', tradeoffs: '', scaling: '' }).replace(/\n/g, '\r\n');
    const finding = analyze(text).findings.find((candidate) => candidate.ruleId === 'missing-element/serving.monitoring')!;
    for (const fix of finding.fixes) for (const edit of fix.edits) assert.doesNotMatch(edit.newText, /(^|[^\r])\n/, fix.title);
    const fixed = fixAll(text).text;
    assert.notEqual(fixed, text);
    assert.doesNotMatch(fixed, /(^|[^\r])\n/);
    assert.ok(fixed.includes('## Monitoring\r\n'));
  });

  it('4. "Disable … for this line" on a doc that ends at its front matter starts a new line after the fence', () => {
    const text = '---\nmlsd: true\n---';
    const finding = analyze(text).findings.find((candidate) => candidate.range.start.line <= 2)!;
    const disable = finding.fixes.find((fix) => fix.title.startsWith('Disable'))!;
    const fixed = applyEdits(text, disable.edits);
    assert.equal(fixed, `---\nmlsd: true\n---\n<!-- mlsd-disable-file ${finding.ruleId} -->\n`);
    const after = analyze(fixed);
    assert.ok(after.model.isDesignDoc, 'the front matter still reads as front matter');
    assert.ok(
      !after.findings.some((candidate) => candidate.ruleId === finding.ruleId && candidate.range.start.line === finding.range.start.line),
    );
    assert.ok(after.findings.length > 0, 'only that rule is silenced, not every finding');
  });

  it('5. fix-all inserts every missing section at one point in one pass and a second fix-all changes nothing', () => {
    // Every missing element goes before the one section there is: 17 insertions at one point.
    const text =
      '---\nmlsd: true\nscenario: recommendation\n---\n# Feed ranking\n\n## Trade-offs\n\nLatency vs accuracy: a two-stage funnel instead of scoring every item.\n';
    const first = fixAll(text);
    assert.ok(first.passes <= 2, `took ${first.passes} passes`);
    assert.equal(fixAll(first.text).text, first.text);
    assert.equal(fixAll(first.text).passes, 0);
    for (const heading of ['## Business metric', '## Data sources', '## Monitoring', '## Trade-offs'])
      assert.ok(first.text.includes(`\n${heading}\n`), heading);
    assert.doesNotMatch(first.text, /\n\n\n/, 'merged sections are one blank line apart');
  });

  it('a skeleton inserted before a heading indented a few spaces leaves it a heading, not a line of its last list item', () => {
    const text = doc({ quality: '', features: `  ${SECTIONS.features}` });
    const fixed = fixAll(text).text;
    assert.match(fixed, /\n## Data quality\n/);
    assert.match(fixed, /- TODO[^\n]*\n\n## Features\n/);
    const titles = (sections: Section[]): string[] => sections.flatMap((section) => [section.title, ...titles(section.children)]);
    assert.ok(titles(analyze(fixed).model.sections).includes('Features'), 'the features heading is still a section');
    const { children } = parseMarkdown(fixed) as { children: { type: string; depth?: number }[] };
    assert.equal(children.filter((node) => node.type === 'heading').length, (fixed.match(/^#{1,6} /gm) ?? []).length);
  });

  it('6. "Close the code block" right after a bare opening fence applies through applyEdits', () => {
    // The fix inserts "```" and a blank line; the opening fence and its blank line sit right above.
    const text = '---\nmlsd: true\n---\n# Fraud\n\n```\n\n## Data sources\n\nCard transactions and chargebacks.\n';
    const finding = analyze(text).findings.find((candidate) => candidate.ruleId === 'hidden-content/unclosed-fence')!;
    const close = finding.fixes.find((fix) => fix.isPreferred)!;
    const fixed = applyEdits(text, close.edits);
    assert.notEqual(fixed, text);
    assert.ok(fixed.includes('```\n\n```\n\n## Data sources'));
    assert.ok(!analyze(fixed).findings.some((candidate) => candidate.ruleId === 'hidden-content/unclosed-fence'));
  });

  it('skeletons never land inside a code block or an HTML comment left open at the end', () => {
    for (const tail of ['````\n<!--\n', '```python\n```text\n', '<!--\nnotes\n']) {
      const text = `---\nmlsd: true\n---\n# Fraud\n\n${tail}`;
      const once = fixAll(text).text;
      assert.equal(fixAll(once).text, once, JSON.stringify(tail));
      assert.ok(once.endsWith(tail), 'the open block stays last');
    }
  });

  it('skeletons land above a <pre> that is never closed, not in the sections a renderer shows as its code', () => {
    const text = '---\nmlsd: true\n---\n# Fraud\n\n<pre>\nscore(transaction)\n\n## Data sources\n\nCard transactions and chargebacks.\n';
    const once = fixAll(text).text;
    const pre = once.indexOf('<pre>');
    const inserted = once.split('\n').filter((line) => line.startsWith('## ') && !text.includes(line));
    assert.ok(inserted.length > 0);
    for (const heading of inserted) assert.ok(once.indexOf(`\n${heading}\n`) < pre, heading);
    // Fixing all also closes the <pre> before the heading it swallowed.
    assert.ok(once.endsWith('<pre>\nscore(transaction)\n\n</pre>\n\n## Data sources\n\nCard transactions and chargebacks.\n'));
    assert.equal(fixAll(once).text, once);
  });

  it('a front matter alias without its anchor is a front-matter error, not a throw', () => {
    const result = analyze('---\ncopy: *missing\nmlsd: true\n---\n# Title\n');
    // The broken block still says `mlsd: true` (issue 14, item 12): a design doc, with the error on it.
    assert.equal(result.model.isDesignDoc, true);
    assert.ok(result.findings.some((finding) => finding.ruleId === 'front-matter'));
    assert.equal(typeof result.model.score, 'number');
  });
});
