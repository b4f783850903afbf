import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { goldenOf } from './golden';

const docs = path.resolve(__dirname, '../fixtures/docs');
const golden = path.resolve(__dirname, '../fixtures/golden');

describe('golden outputs (regenerate with scripts/update-golden.ts when a change is meant)', () => {
  for (const file of fs.readdirSync(docs).filter((name) => name.endsWith('.md'))) {
    it(file, () => {
      const expected: unknown = JSON.parse(fs.readFileSync(path.join(golden, file.replace(/\.md$/, '.json')), 'utf8'));
      const actual: unknown = JSON.parse(JSON.stringify(goldenOf(fs.readFileSync(path.join(docs, file), 'utf8'), file)));
      assert.deepEqual(actual, expected);
    });
  }
});
