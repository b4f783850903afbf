import assert from 'node:assert/strict';
import { applyPreferredFixes } from '../../src/core/fixes/preferred';
import type { Fix } from '../../src/core/types';
import { at, finding } from '../cli/helpers';

const insert = (line: number, character: number, newText: string, isPreferred = true): Fix => ({ title: 'insert', edits: [{ range: at(line, character, line, character), newText }], isPreferred });
const replace = (line: number, from: number, to: number, newText: string, isPreferred = true): Fix => ({ title: 'replace', edits: [{ range: at(line, from, line, to), newText }], isPreferred });
const withFixes = (...fixes: Fix[]) => finding({ ruleId: 'r', severity: 'warning', message: 'm', range: at(0, 0, 0, 0), fixes });

describe('core: applyPreferredFixes', () => {
  it('applies the preferred fix of each finding and ignores the others (suppressions, alternatives)', () => {
    const text = 'alpha\nbeta\ngamma\n';
    const result = applyPreferredFixes(text, [
      withFixes(replace(1, 0, 4, 'BETA'), replace(1, 0, 4, 'Beta', false)),
      withFixes(insert(2, 0, '<!-- mlsd-disable-next-line r -->\n', false)),
    ]);
    assert.deepEqual(result, { text: 'alpha\nBETA\ngamma\n', applied: 1 });
  });

  it('leaves a colliding fix for the next pass, including two insertions at one point', () => {
    const text = 'one\ntwo\n';
    const result = applyPreferredFixes(text, [
      withFixes(insert(2, 0, 'A\n')),
      withFixes(insert(2, 0, 'B\n')),
      withFixes(replace(0, 0, 3, 'ONE')),
      withFixes(replace(0, 1, 2, 'N')),
    ]);
    assert.deepEqual(result, { text: 'ONE\ntwo\nA\n', applied: 2 });
  });

  it('takes a fix with several edits whole or not at all', () => {
    const text = 'a\nb\nc\n';
    const twoEdits: Fix = { title: 'both', isPreferred: true, edits: [{ range: at(0, 0, 0, 1), newText: 'A' }, { range: at(2, 0, 2, 1), newText: 'C' }] };
    const result = applyPreferredFixes(text, [withFixes(replace(2, 0, 1, 'see')), withFixes(twoEdits)]);
    assert.deepEqual(result, { text: 'A\nb\nC\n', applied: 1 });
  });

  it('keeps CRLF line endings intact when inserting at the end of a line', () => {
    const result = applyPreferredFixes('title\r\nbody\r\n', [withFixes(insert(0, 99, '!'))]);
    assert.deepEqual(result, { text: 'title!\r\nbody\r\n', applied: 1 });
  });

  it('changes nothing when no finding has a preferred fix', () => {
    assert.deepEqual(applyPreferredFixes('x\n', [withFixes(), withFixes(insert(0, 0, 'y', false))]), { text: 'x\n', applied: 0 });
  });
});
