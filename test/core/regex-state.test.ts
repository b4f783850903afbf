import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, createAnalysisSession } from '../../src/core';
import * as authoring from '../../src/core/framework/authoring';
import * as elements from '../../src/core/framework/elements';
import * as metrics from '../../src/core/framework/metrics';
import * as pitfalls from '../../src/core/framework/pitfalls';
import * as residue from '../../src/core/framework/residue';
import * as scenarios from '../../src/core/framework/scenarios';

/** Every global regex reachable from the framework's exports: the analysis shares these between documents. */
function sharedGlobalRegexes(): Map<string, RegExp> {
  const found = new Map<string, RegExp>();
  const seen = new Set<unknown>();
  const pending: [string, unknown][] = Object.entries({ authoring, elements, metrics, pitfalls, residue, scenarios });
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [where, value] = next;
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (value instanceof RegExp) {
      if (value.global) found.set(where, value);
      continue;
    }
    for (const [key, child] of Object.entries(value)) pending.push([`${where}.${key}`, child]);
  }
  return found;
}

describe('shared regexes', () => {
  it('are left as found by an analysis and by an edit in a session, so a matchAll over them starts at the beginning', () => {
    const regexes = sharedGlobalRegexes();
    assert.ok(regexes.size > 20, `expected the framework's cue and detection regexes, found ${regexes.size}`);
    const docs = path.join(__dirname, '..', 'fixtures', 'docs');
    const session = createAnalysisSession();
    for (const name of ['fraud-good.md', 'ctr-generic-good.md', 'forecasting-generic-bad.md']) {
      const text = readFileSync(path.join(docs, name), 'utf8');
      analyze(text);
      session.update(text);
      session.applyEdit({
        range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
        newText: 'Ranking by predicted CTR, NDCG@10 offline. ',
      });
      const moved = [...regexes].filter(([, regex]) => regex.lastIndex !== 0).map(([where]) => where);
      assert.deepEqual(moved, [], `${name}: lastIndex left non-zero`);
    }
  });
});
