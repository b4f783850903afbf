import assert from 'node:assert/strict';
import { applyPreferredFixes } from '../../src/core/fixes/preferred';
import type { Finding, Fix } from '../../src/core/types';
import { at, finding } from '../cli/helpers';

const insert = (line: number, character: number, newText: string, isPreferred = true): Fix => ({
  kind: 'insert-section',
  title: 'insert',
  edits: [{ range: at(line, character, line, character), newText }],
  isPreferred,
});
const replace = (line: number, from: number, to: number, newText: string, isPreferred = true): Fix => ({
  kind: 'replace-metric',
  title: 'replace',
  edits: [{ range: at(line, from, line, to), newText }],
  isPreferred,
});
const withFixes = (...fixes: Fix[]) => finding({ ruleId: 'r', severity: 'warning', message: 'm', range: at(0, 0, 0, 0), fixes });
const applyPreferred = (text: string, findings: Finding[]) => {
  const { text: fixed, applied } = applyPreferredFixes(text, findings);
  return { text: fixed, applied };
};

describe('core: applyPreferredFixes', () => {
  it('applies the preferred fix of each finding and ignores the others (suppressions, alternatives)', () => {
    const text = 'alpha\nbeta\ngamma\n';
    const result = applyPreferred(text, [
      withFixes(replace(1, 0, 4, 'BETA'), replace(1, 0, 4, 'Beta', false)),
      withFixes(insert(2, 0, '<!-- mlsd-disable-next-line r -->\n', false)),
    ]);
    assert.deepEqual(result, { text: 'alpha\nBETA\ngamma\n', applied: 1 });
  });

  it('leaves a colliding replacement for the next pass', () => {
    const text = 'one\ntwo\n';
    const result = applyPreferred(text, [
      withFixes(replace(0, 0, 3, 'ONE')),
      withFixes(replace(0, 1, 2, 'N')),
      withFixes(insert(0, 3, '!\n')),
    ]);
    assert.deepEqual(result, { text: 'ONE\ntwo\n', applied: 1 });
  });

  it('merges block insertions at one point into one edit, in finding order, one blank line apart', () => {
    // Taking one per pass made fix-all need a pass per section and stop at the pass cap unfinished.
    const text = 'one\ntwo\n';
    const result = applyPreferredFixes(text, [
      withFixes(insert(2, 0, '\n## A\n\nabout A\n')),
      withFixes(insert(2, 0, '\n## B\n\nabout B\n')),
      withFixes(insert(2, 0, '## C\n')),
      withFixes(insert(2, 0, '\n## A\n\nabout A\n')),
    ]);
    assert.equal(result.text, 'one\ntwo\n\n## A\n\nabout A\n\n## B\n\nabout B\n\n## C\n');
    assert.equal(result.applied, 4);
    assert.equal(result.edits.length, 1);
  });

  it('takes a fix with several edits whole or not at all', () => {
    const text = 'a\nb\nc\n';
    const twoEdits: Fix = {
      kind: 'replace-metric',
      title: 'both',
      isPreferred: true,
      edits: [
        { range: at(0, 0, 0, 1), newText: 'A' },
        { range: at(2, 0, 2, 1), newText: 'C' },
      ],
    };
    const result = applyPreferred(text, [withFixes(replace(2, 0, 1, 'see')), withFixes(twoEdits)]);
    assert.deepEqual(result, { text: 'A\nb\nC\n', applied: 1 });
  });

  it('keeps CRLF line endings intact when inserting at the end of a line', () => {
    const result = applyPreferred('title\r\nbody\r\n', [withFixes(insert(0, 99, '!'))]);
    assert.deepEqual(result, { text: 'title!\r\nbody\r\n', applied: 1 });
  });

  it('changes nothing when no finding has a preferred fix', () => {
    assert.deepEqual(applyPreferred('x\n', [withFixes(), withFixes(insert(0, 0, 'y', false))]), { text: 'x\n', applied: 0 });
  });
});
