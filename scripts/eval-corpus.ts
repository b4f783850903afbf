// Agreement between mlsd and the hand labels in test/corpus/labels.json, on the read-only corpus
// (../shared/corpus/docs by default). A tuning aid, never a test: the corpus is not in the repo.
//   npx tsx scripts/eval-corpus.ts [docs-dir] [--cells]
// Another labelled set (e.g. the held-out fixtures, which are in the repo):
//   npx tsx scripts/eval-corpus.ts --labels test/fixtures/heldout/labels.json --docs test/fixtures/heldout [--cells]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/core';

interface Cell { status: string; doubtful?: boolean }
interface DocLabels {
  scenario: string;
  task: string;
  elements: Record<string, Cell>;
  scenarioItems: Record<string, Cell>;
  offlineMetric: { verdict: string };
  pitfalls: Record<string, { value: boolean }>;
  templateResidue: { value: boolean };
  hiddenContent: { value: boolean };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const showCells = args.includes('--cells');
const optionValue = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const optionValues = new Set(['--labels', '--docs'].map(optionValue));
const positionalDocs = args.find((arg) => !arg.startsWith('--') && !optionValues.has(arg));
const docsDir = path.resolve(optionValue('--docs') ?? positionalDocs ?? path.resolve(root, '../shared/corpus/docs'));
const labelsPath = path.resolve(optionValue('--labels') ?? path.join(root, 'test/corpus/labels.json'));
const labels = JSON.parse(fs.readFileSync(labelsPath, 'utf8')) as { docs: Record<string, DocLabels> };

const totals = { cells: 0, agree: 0, firm: 0, firmAgree: 0, items: 0, itemsAgree: 0, docs: 0, scenario: 0, task: 0, offline: 0, pitfalls: 0, pitfallsAgree: 0, residue: 0, hidden: 0 };
const confusion = new Map<string, number>();

for (const [file, expected] of Object.entries(labels.docs)) {
  const docPath = path.join(docsDir, file);
  if (!fs.existsSync(docPath)) {
    console.log(`skip ${file} (not found)`);
    continue;
  }
  const { model } = analyze(fs.readFileSync(docPath, 'utf8'), { path: file });
  totals.docs++;
  const wrong: string[] = [];
  let agree = 0;
  for (const element of model.elements) {
    const label = expected.elements[element.id];
    if (!label) continue;
    totals.cells++;
    const same = label.status === element.status;
    if (!label.doubtful) totals.firm++;
    if (same) {
      agree++;
      totals.agree++;
      if (!label.doubtful) totals.firmAgree++;
    } else {
      wrong.push(`${element.id} ${label.status}→${element.status}${label.doubtful ? '?' : ''}`);
      const key = `${label.status}→${element.status}`;
      confusion.set(key, (confusion.get(key) ?? 0) + 1);
    }
  }
  for (const item of model.scenarioItems) {
    const label = expected.scenarioItems[item.id];
    if (!label) continue;
    totals.items++;
    if (label.status === item.status) totals.itemsAgree++;
    else wrong.push(`${item.id} ${label.status}→${item.status}`);
  }
  const scenarioOk = expected.scenario === model.scenario.id;
  const taskOk = expected.task === model.task;
  const offlineOk = expected.offlineMetric.verdict === model.offlineMetric;
  totals.scenario += scenarioOk ? 1 : 0;
  totals.task += taskOk ? 1 : 0;
  totals.offline += offlineOk ? 1 : 0;
  for (const [id, label] of Object.entries(expected.pitfalls)) {
    totals.pitfalls++;
    const actual = model.pitfalls[id as keyof typeof model.pitfalls];
    if (actual === label.value) totals.pitfallsAgree++;
    else wrong.push(`pitfall ${id} ${label.value}→${actual}`);
  }
  totals.residue += expected.templateResidue.value === model.templateResidue ? 1 : 0;
  totals.hidden += expected.hiddenContent.value === model.hiddenContent ? 1 : 0;
  if (expected.templateResidue.value !== model.templateResidue) wrong.push(`residue ${expected.templateResidue.value}→${model.templateResidue}`);
  if (expected.hiddenContent.value !== model.hiddenContent) wrong.push(`hidden ${expected.hiddenContent.value}→${model.hiddenContent}`);
  const flags = [scenarioOk ? '' : `scenario ${expected.scenario}→${model.scenario.id}`, taskOk ? '' : `task ${expected.task}→${model.task}`, offlineOk ? '' : `offline ${expected.offlineMetric.verdict}→${model.offlineMetric}`].filter(Boolean);
  console.log(`${file.padEnd(72)} elements ${agree}/${model.elements.length} ${flags.join('; ')}`);
  if (showCells) for (const line of wrong) console.log(`    ${line}`);
}

const pct = (part: number, whole: number): string => `${whole ? ((100 * part) / whole).toFixed(1) : '0.0'}% (${part}/${whole})`;
console.log('');
console.log(`element cells      ${pct(totals.agree, totals.cells)}   firm cells ${pct(totals.firmAgree, totals.firm)}`);
console.log(`scenario items     ${pct(totals.itemsAgree, totals.items)}`);
console.log(`scenario           ${pct(totals.scenario, totals.docs)}   task ${pct(totals.task, totals.docs)}`);
console.log(`offline metric     ${pct(totals.offline, totals.docs)}`);
console.log(`pitfalls           ${pct(totals.pitfallsAgree, totals.pitfalls)}   residue ${pct(totals.residue, totals.docs)}   hidden ${pct(totals.hidden, totals.docs)}`);
console.log(`confusion (label→mlsd): ${[...confusion].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${key} ${count}`).join(', ')}`);
