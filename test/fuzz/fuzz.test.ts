// 1,000 cases of the fuzz harness (the same as `npm run fuzz -- --runs 1000 --seed 14`), seeded, so
// a failure here reproduces with `npm run fuzz -- --seed 14 --case N`.
import assert from 'node:assert/strict';
import { FAILURE_KINDS, runFuzz } from './harness';

describe('fuzz: generated and mutated docs through analyze, every fix, fix-all and a session', () => {
  it('1,000 cases: no throw, no range outside the text, no no-op fix, idempotent fix-all, nothing lost, session == full', function () {
    // About 30 s of CPU; a loaded machine (other suites, other jobs) can stretch that several times.
    this.timeout(600_000);
    const summary = runFuzz({ seed: 14, runs: 1000, examplesPerKind: 1 });
    const failed = summary.examples.map(
      (example) => `${example.kind} in case ${example.index}: ${example.detail}\n${JSON.stringify(example.text)}`,
    );
    assert.deepEqual(
      Object.fromEntries(FAILURE_KINDS.map((kind) => [kind, summary.counts[kind]])),
      Object.fromEntries(FAILURE_KINDS.map((kind) => [kind, 0])),
      failed.join('\n\n'),
    );
    // The generator must keep producing what the checks are for.
    assert.ok(summary.designDocs > 700, `${summary.designDocs} design docs`);
    assert.ok(summary.preferredFixesChecked > 5000, `${summary.preferredFixesChecked} preferred fixes`);
    assert.ok(summary.fixAllsChanged > 500, `${summary.fixAllsChanged} fix-alls changed their doc`);
  });
});
