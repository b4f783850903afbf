// `npm run eval:guards`: every guard set scored under each of its label files, one row each, so a
// change is checked against all of them in one run (README, "How well it reads real docs"). The
// shared corpus is read in place from ../shared; a set whose docs are not on this machine says so.
//   npm run eval:guards
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addTally, emptyTally, figuresOf } from './score';
import { evaluate, labelledDocs, printFigures, tableHeader } from './run';

interface GuardSet {
  name: string;
  labels: string;
  docs: string;
  /** Labelled by people who never saw mlsd's output on these docs (summed in the last row). */
  blind?: true;
}

const SHARED_DOCS = '../shared/corpus/docs';

/** Each set's labels by the people who wrote or tuned on it, then the blind relabelling of the same docs. */
export const GUARD_SETS: readonly GuardSet[] = [
  { name: 'shared', labels: 'test/fixtures/shared-corpus-labels.json', docs: SHARED_DOCS },
  { name: 'heldout', labels: 'test/fixtures/heldout/labels.json', docs: 'test/fixtures/heldout' },
  { name: 'heldout-b', labels: 'test/fixtures/heldout-b/labels.json', docs: 'test/fixtures/heldout-b' },
  { name: 'heldout2', labels: 'test/fixtures/heldout2/labels.json', docs: 'test/fixtures/heldout2' },
  { name: 'shared blind', blind: true, labels: 'test/fixtures/shared-corpus-blind/labels.json', docs: SHARED_DOCS },
  { name: 'heldout blind', blind: true, labels: 'test/fixtures/guard-sets-blind/heldout.json', docs: 'test/fixtures/heldout' },
  { name: 'heldout-b blind', blind: true, labels: 'test/fixtures/guard-sets-blind/heldout-b.json', docs: 'test/fixtures/heldout-b' },
  { name: 'heldout2 blind', blind: true, labels: 'test/fixtures/guard-sets-blind/heldout2.json', docs: 'test/fixtures/heldout2' },
];

export function main(): number {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  console.log(tableHeader('guard set'));
  const blind = emptyTally();
  for (const set of GUARD_SETS) {
    const { docs, missing } = labelledDocs(path.join(root, set.labels), path.join(root, set.docs), set.name);
    if (!docs.length) {
      console.log(`${set.name.padEnd(16)} not on this machine (${set.docs})`);
      continue;
    }
    const { overall } = evaluate(docs);
    printFigures(set.name, figuresOf(overall));
    if (set.blind) addTally(blind, overall);
    if (missing.length) console.log(`  not on this machine: ${missing.length} of its docs`);
  }
  printFigures('all blind', figuresOf(blind));
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) process.exitCode = main();
