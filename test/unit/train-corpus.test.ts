// What every trainer shares (scripts/train/corpus.ts): which docs it reads, the repository folds,
// and writing or checking a weights file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FOLDS, foldOf, readTrainingSources, writeOrCheckWeights } from '../../scripts/train/corpus';

const sample = path.resolve('test/fixtures/eval-sample');

describe('trainers: the shared corpus reader', () => {
  it('reads the labelled train and dev docs on this machine, never test, and counts those not fetched', () => {
    const { sources, notOnMachine } = readTrainingSources(sample);
    assert.deepEqual(
      sources.map(({ entry }) => [entry.file, entry.split]),
      [['card-fraud.md', 'train']],
    );
    assert.equal(notOnMachine, 1, 'the dev doc whose licence keeps its text out of the repository');
    assert.ok(sources[0]!.text.startsWith('#'), 'the text as the analysis reads it');
    assert.ok(sources[0]!.gold.elements, 'with its gold label');
  });

  it('puts a repository in one fold whatever its case, and every fold in range', () => {
    assert.equal(foldOf('Example/Fraud-Notes'), foldOf('example/fraud-notes'));
    for (const repository of ['a/b', 'example/recs', 'owner/design-docs', 'x/y-z'])
      assert.ok(foldOf(repository) >= 0 && foldOf(repository) < FOLDS);
  });

  it('writes a weights file, then says whether it holds what the corpus fits', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-weights-')), 'some-weights.json');
    const said: string[] = [];
    const log = (line: string): void => void said.push(line);
    assert.equal(writeOrCheckWeights(out, '{"a":1}\n', false, log), true);
    assert.equal(fs.readFileSync(out, 'utf8'), '{"a":1}\n');
    assert.equal(writeOrCheckWeights(out, '{"a":1}\n', true, log), true);
    assert.equal(writeOrCheckWeights(out, '{"a":2}\n', true, log), false);
    assert.equal(fs.readFileSync(out, 'utf8'), '{"a":1}\n', 'a check writes nothing');
    assert.deepEqual(said, [
      'wrote some-weights.json (8 bytes)',
      'some-weights.json is what this corpus fits',
      'some-weights.json differs from what this corpus fits: run npm run train',
    ]);
  });
});
