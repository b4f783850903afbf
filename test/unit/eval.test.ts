// The corpus tooling's arithmetic: scoring mlsd against gold labels, labeller agreement, the
// split by repository, and `npm run eval --json` on a tiny committed sample corpus.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { assignSplits } from '../../scripts/corpus/manifest';
import type { DocLabel, ManifestEntry, Status } from '../../scripts/eval/labels';
import { GUARD_SETS } from '../../scripts/eval/guards';
import { main as evalMain } from '../../scripts/eval/run';
import { addTally, agreementOf, emptyTally, figuresOf, scoreDoc } from '../../scripts/eval/score';
import type { Prediction } from '../../scripts/eval/score';

const cell = (status: Status) => ({ status });

function gold(elements: Record<string, Status>, pitfalls: Record<string, boolean> = {}): DocLabel {
  return {
    scenario: 'fraud',
    task: 'imbalanced-classification',
    elements: Object.fromEntries(Object.entries(elements).map(([id, status]) => [id, cell(status)])),
    scenarioItems: { 'fraud/real-time': cell('partial') },
    offlineMetric: { verdict: 'fits' },
    pitfalls: Object.fromEntries(Object.entries(pitfalls).map(([id, value]) => [id, { value }])),
    templateResidue: { value: false },
    hiddenContent: { value: true },
  };
}

function prediction(elements: Record<string, Status>, pitfalls: Record<string, boolean> = {}): Prediction {
  return {
    isDesignDoc: true,
    scenario: 'fraud',
    task: 'imbalanced-classification',
    elements,
    scenarioItems: { 'fraud/real-time': 'missing' },
    offlineMetric: 'misaligned',
    pitfalls,
    templateResidue: false,
    hiddenContent: true,
  };
}

describe('eval scoring', () => {
  it('counts exact, present-vs-not and false-missing cells', () => {
    const { tally, mismatches } = scoreDoc(
      gold({ a: 'present', b: 'partial', c: 'missing', d: 'partial' }),
      prediction({ a: 'partial', b: 'missing', c: 'missing', d: 'partial' }),
    );
    assert.equal(tally.cells, 4);
    assert.equal(tally.exact, 2);
    // a: present vs partial disagrees; b, c, d all "not present" on both sides.
    assert.equal(tally.presentVsNot, 3);
    // Gold addresses a, b, d; mlsd says missing only for b.
    assert.equal(tally.addressed, 3);
    assert.equal(tally.falseMissing, 1);
    assert.deepEqual(tally.confusion, { 'present→partial': 1, 'partial→missing': 1 });
    assert.deepEqual(tally.offlineConfusion, { 'fits→misaligned': 1 });
    assert.deepEqual(mismatches, [
      'a present→partial',
      'b partial→missing',
      'fraud/real-time partial→missing',
      'offlineMetric fits→misaligned',
    ]);
    const figures = figuresOf(tally);
    assert.equal(figures.elements, 0.5);
    assert.equal(figures.presentVsNot, 0.75);
    assert.equal(figures.falseMissing, 0.333);
    assert.equal(figures.scenario, 1);
    assert.equal(figures.offlineMetric, 0);
    assert.equal(figures.hiddenContent, 1);
    // This label does not say whether the doc is a design doc: nothing to score.
    assert.equal(figures.isDesignDoc, null);
  });

  it('scores the design-doc verdict on the docs whose label gives one', () => {
    const total = emptyTally();
    addTally(total, scoreDoc({ ...gold({}), isDesignDoc: true }, prediction({})).tally);
    const stub = scoreDoc({ ...gold({}), isDesignDoc: true }, { ...prediction({}), isDesignDoc: false });
    assert.ok(stub.mismatches.includes('isDesignDoc true→false'));
    addTally(total, stub.tally);
    addTally(total, scoreDoc(gold({}), prediction({})).tally);
    assert.equal(figuresOf(total).isDesignDoc, 0.5);
  });

  it('gives pitfall precision, recall and F1 over docs', () => {
    const total = emptyTally();
    addTally(total, scoreDoc(gold({}, { 'ignored-data': true }), prediction({}, { 'ignored-data': true })).tally);
    addTally(total, scoreDoc(gold({}, { 'ignored-data': false }), prediction({}, { 'ignored-data': true })).tally);
    addTally(total, scoreDoc(gold({}, { 'ignored-data': true }), prediction({}, { 'ignored-data': false })).tally);
    const { pitfallF1 } = figuresOf(total);
    assert.deepEqual(pitfallF1['ignored-data'], { precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    assert.equal(figuresOf(total).docs, 3);
  });

  it('scores a quick label on its doc-level verdicts only', () => {
    const quick = { scenario: 'search', task: 'ranking', offlineMetric: { verdict: 'fits' } };
    const { tally, mismatches } = scoreDoc(quick, { ...prediction({ a: 'present' }, { 'ignored-data': true }), offlineMetric: 'fits' });
    assert.deepEqual(mismatches, ['scenario search→fraud', 'task ranking→imbalanced-classification']);
    const figures = figuresOf(tally);
    assert.equal(figures.scenario, 0);
    assert.equal(figures.offlineMetric, 1);
    // No element, item, pitfall, residue or hidden-content call: nothing to divide, not a zero.
    assert.equal(figures.elements, null);
    assert.equal(figures.scenarioItems, null);
    assert.equal(figures.hiddenContent, null);
    assert.equal(figures.pitfallF1.all?.f1, null);
  });

  it('reports nothing to divide as null, not as zero', () => {
    const figures = figuresOf(emptyTally());
    assert.equal(figures.elements, null);
    assert.equal(figures.pitfallF1.all?.f1, null);
  });

  it('measures how two labellers agree', () => {
    const agreement = agreementOf(gold({ a: 'present', b: 'partial', c: 'missing' }), gold({ a: 'partial', b: 'partial', c: 'partial' }));
    assert.deepEqual(agreement, { cells: 3, exact: 1, presentVsNot: 2, missingVsNot: 2, scenario: 1, task: 1, offlineMetric: 1, docs: 1 });
  });
});

describe('corpus split', () => {
  const entry = (file: string, repository: string, scenario: string, split?: ManifestEntry['split']): ManifestEntry =>
    ({
      file,
      repository,
      scenario,
      split,
      path: file,
      commit: '0'.repeat(40),
      licence: 'MIT',
      committed: true,
      sha256: '',
      shape: 'stub',
      labellers: 1,
    }) as ManifestEntry;

  it('keeps every repository in one split and keeps splits already given', () => {
    const entries = [
      entry('a1.md', 'x/a', 'fraud', 'test'),
      entry('a2.md', 'X/A', 'fraud'),
      ...Array.from({ length: 10 }, (_, i) => entry(`r${i}.md`, `repo/${i}`, i < 5 ? 'fraud' : 'search')),
    ];
    assignSplits(entries);
    assert.equal(entries[0]!.split, 'test');
    assert.equal(entries[1]!.split, 'test', 'a repository named in another case is the same repository');
    const splitsByRepository = new Map<string, Set<string>>();
    for (const { repository, split } of entries)
      splitsByRepository.set(repository.toLowerCase(), new Set([...(splitsByRepository.get(repository.toLowerCase()) ?? []), split]));
    for (const splits of splitsByRepository.values()) assert.equal(splits.size, 1);
    const searchSplits = entries.filter((e) => e.scenario === 'search').map((e) => e.split);
    assert.deepEqual([...new Set(searchSplits)].sort(), ['dev', 'test', 'train'], 'each scenario is spread over the three splits');
  });

  it('is deterministic', () => {
    const make = () => Array.from({ length: 12 }, (_, i) => entry(`d${i}.md`, `owner/r${i}`, 'moderation'));
    const first = make();
    const second = make().reverse();
    assignSplits(first);
    assignSplits(second);
    const byFile = (entries: ManifestEntry[]) => Object.fromEntries(entries.map((e) => [e.file, e.split]));
    assert.deepEqual(byFile(first), byFile(second));
  });
});

describe('npm run eval on a sample corpus', () => {
  it('prints one JSON line with the corpus, agreement and per-split figures, and counts what is not on the machine', () => {
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      assert.equal(evalMain(['--json', '--corpus', path.join('test/fixtures/eval-sample')]), 0);
    } finally {
      console.log = log;
    }
    assert.equal(lines.length, 1);
    const report = JSON.parse(lines[0]!);
    assert.deepEqual(report.corpus.byScenario, { fraud: 1, recommendation: 1, search: 1 });
    assert.equal(report.corpus.docs, 3);
    assert.equal(report.corpus.repositories, 3);
    assert.equal(report.corpus.doubleLabelled, 1);
    // alice and bob disagree on data.quality, model.selection and training.paradigm of 18 cells.
    assert.equal(report.corpus.agreement.exact, 0.833);
    assert.equal(report.notOnMachine, 1);
    assert.deepEqual(Object.keys(report.splits), ['train', 'test']);
    for (const split of ['train', 'test']) {
      const figures = report.splits[split];
      assert.equal(figures.docs, 1);
      for (const key of ['elements', 'presentVsNot', 'falseMissing', 'scenario', 'task', 'offlineMetric']) {
        assert.ok(figures[key] >= 0 && figures[key] <= 1, `${split}.${key} is a fraction`);
      }
      assert.ok('all' in figures.pitfallF1);
    }
  });
});

describe('npm run eval:guards', () => {
  it('names label files that hold every element of every doc, and docs the project carries (the shared corpus aside)', () => {
    for (const set of GUARD_SETS) {
      const labels = JSON.parse(fs.readFileSync(set.labels, 'utf8')) as { docs: Record<string, DocLabel> };
      const files = Object.keys(labels.docs);
      assert.ok(files.length > 0, set.name);
      for (const file of files) {
        assert.equal(Object.keys(labels.docs[file]!.elements).length, 18, `${set.name}: ${file}`);
        if (!set.docs.startsWith('../')) assert.ok(fs.existsSync(path.join(set.docs, file)), `${set.name}: ${file}`);
      }
    }
  });
});
