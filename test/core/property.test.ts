import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, applyEdits, type Range } from '../../src/core';

/** Markdown-ish text: headings, lists, fences, comments, front matter, tables, images and prose. */
const markdownLine = fc.oneof(
  fc.constantFrom(
    '',
    '---',
    '```',
    '~~~',
    '```python',
    '<!--',
    '-->',
    '<!-- mlsd-disable -->',
    '<pre><code># install',
    '</code></pre>',
    '| a | b |',
    '|---|---|',
    '> quote',
    'TBD',
    '...',
    '![chart](img/metrics.png)',
    '    Indented: logs → feature store',
    'A → B ──▶ C',
  ),
  fc
    .tuple(
      fc.constantFrom('# ', '## ', '### ', '- ', '* ', '1. ', '  - ', ''),
      fc.constantFrom(
        'Metrics',
        'Data sources',
        'Model',
        'Monitoring',
        'accuracy',
        'NDCG@10',
        'latency 50 ms',
        'fraud',
        'Baseline',
        'scenario: fraud',
        'We do not use accuracy',
        'Trade-offs',
        'Кеш и мониторинг',
        '',
      ),
    )
    .map(([prefix, text]) => prefix + text),
  fc.string({ maxLength: 40 }),
);
const markdown = fc.tuple(fc.array(markdownLine, { maxLength: 40 }), fc.constantFrom('\n', '\r\n')).map(([lines, eol]) => lines.join(eol));

function inside(range: Range, lines: readonly string[]): boolean {
  const ok = (position: Range['start']) =>
    position.line >= 0 && position.line < lines.length && position.character >= 0 && position.character <= lines[position.line]!.length;
  const ordered =
    range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ok(range.start) && ok(range.end) && ordered;
}

describe('property: arbitrary Markdown', () => {
  it('never throws, keeps every range inside the document, and every fix applies', () => {
    fc.assert(
      fc.property(markdown, fc.boolean(), (body, designDoc) => {
        const text = designDoc ? `---\nmlsd: true\n---\n${body}` : body;
        const lines = text.split(/\r\n|\r|\n/);
        const result = analyze(text);
        for (const finding of result.findings) {
          assert.ok(inside(finding.range, lines), `${finding.ruleId} range out of the document`);
          for (const related of finding.related) assert.ok(inside(related.range, lines));
          for (const fix of finding.fixes) {
            for (const edit of fix.edits) assert.ok(inside(edit.range, lines), `${fix.title} edit out of the document`);
            const fixed = applyEdits(text, fix.edits);
            assert.equal(typeof analyze(fixed).model.score, 'number');
          }
        }
        for (const element of result.model.elements) if (element.evidence) assert.ok(inside(element.evidence, lines));
        for (const metric of result.model.metrics) assert.ok(inside(metric.range, lines));
        assert.ok(result.model.score >= 0 && result.model.score <= 100);
      }),
      { numRuns: 150 },
    );
  });
});
