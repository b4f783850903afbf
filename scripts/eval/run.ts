// `npm run eval`: how mlsd's reading of real design docs agrees with hand labels.
//   npm run eval                      the labelled corpus (test/corpus), per split and overall
//   npm run eval -- --cells           also every disagreeing cell per doc, and per-element figures
//   npm run eval -- --json            one JSON line (the contract other tools read)
//   npm run eval -- --by shape        group by another manifest field (shape, scenario, language...)
//   npm run eval -- --corpus DIR      another corpus folder with the same layout
//   npm run eval -- --labels FILE --docs DIR
//                                     an older labelled set kept as one labels file (no splits)
// It runs on the docs present on this machine and says which are missing (pointer-only docs come
// from `npm run corpus:fetch`). The test split is read to report, never to tune.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/core';
import { corpusPaths, corpusRootFrom, docTextPath, goldLabelOf, labellingsOf, readJson, SPLITS } from './labels';
import type { DocLabel, EvalLabel, ManifestEntry } from './labels';
import { addAgreement, addTally, agreementOf, emptyAgreement, emptyTally, figuresOf, fraction, predictionOf, scoreDoc } from './score';
import type { Agreement, Figures, Tally } from './score';

interface Options {
  json: boolean;
  cells: boolean;
  corpus: string;
  by: keyof ManifestEntry;
  labels?: string;
  docs?: string;
}

function parseOptions(argv: string[], root: string): Options {
  const valueOf = (name: string): string | undefined => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  return {
    json: argv.includes('--json'),
    cells: argv.includes('--cells'),
    corpus: corpusRootFrom(argv, root),
    by: (valueOf('--by') ?? 'split') as keyof ManifestEntry,
    labels: valueOf('--labels'),
    docs: valueOf('--docs'),
  };
}

export interface LabelledDoc {
  file: string;
  text: string;
  gold: EvalLabel;
  group: string;
}

interface Evaluation {
  groups: Map<string, Tally>;
  overall: Tally;
  perDoc: { file: string; group: string; exact: number; cells: number; mismatches: string[] }[];
}

export function evaluate(docs: LabelledDoc[]): Evaluation {
  const groups = new Map<string, Tally>();
  const overall = emptyTally();
  const perDoc: Evaluation['perDoc'] = [];
  for (const doc of docs) {
    const { model } = analyze(doc.text, { path: doc.file });
    const { tally, mismatches } = scoreDoc(doc.gold, predictionOf(model));
    if (!groups.has(doc.group)) groups.set(doc.group, emptyTally());
    addTally(groups.get(doc.group)!, tally);
    addTally(overall, tally);
    perDoc.push({ file: doc.file, group: doc.group, exact: tally.exact, cells: tally.cells, mismatches });
  }
  return { groups, overall, perDoc };
}

/** The docs a label file (`{ docs: { <file>: label } }`) names, read from `docsDir`, and those not there. */
export function labelledDocs(labelsPath: string, docsDir: string, group: string): { docs: LabelledDoc[]; missing: string[] } {
  const labels = readJson<{ docs: Record<string, DocLabel> }>(path.resolve(labelsPath));
  const docs: LabelledDoc[] = [];
  const missing: string[] = [];
  for (const [file, gold] of Object.entries(labels.docs)) {
    const docPath = path.join(path.resolve(docsDir), file);
    if (fs.existsSync(docPath)) docs.push({ file, text: stripBom(fs.readFileSync(docPath, 'utf8')), gold, group });
    else missing.push(file);
  }
  return { docs, missing };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The corpus: manifest entries with their text and gold label where both are on this machine. */
function loadCorpus(corpusRoot: string, by: keyof ManifestEntry) {
  const paths = corpusPaths(corpusRoot);
  const manifest = readJson<ManifestEntry[]>(paths.manifest);
  const docs: LabelledDoc[] = [];
  const notOnMachine: string[] = [];
  const unlabelled: string[] = [];
  const agreement = emptyAgreement();
  for (const entry of manifest) {
    const labellings = [...labellingsOf(paths, entry.file).values()];
    if (labellings.length >= 2) addAgreement(agreement, agreementOf(labellings[0]!, labellings[1]!));
    const textPath = docTextPath(paths, entry);
    const gold = goldLabelOf(paths, entry.file);
    if (!textPath) notOnMachine.push(entry.file);
    else if (!gold) unlabelled.push(entry.file);
    else docs.push({ file: entry.file, text: stripBom(fs.readFileSync(textPath, 'utf8')), gold, group: String(entry[by] ?? 'unknown') });
  }
  return { manifest, docs, notOnMachine, unlabelled, agreement };
}

function corpusSummary(manifest: ManifestEntry[], agreement: Agreement) {
  const byScenario: Record<string, number> = {};
  for (const entry of manifest) byScenario[entry.scenario] = (byScenario[entry.scenario] ?? 0) + 1;
  return {
    docs: manifest.length,
    repositories: new Set(manifest.map((entry) => entry.repository.toLowerCase())).size,
    byScenario,
    doubleLabelled: manifest.filter((entry) => entry.labellers >= 2).length,
    agreement: {
      exact: fraction(agreement.exact, agreement.cells),
      presentVsNot: fraction(agreement.presentVsNot, agreement.cells),
      missingVsNot: fraction(agreement.missingVsNot, agreement.cells),
      scenario: fraction(agreement.scenario, agreement.docs),
      task: fraction(agreement.task, agreement.docs),
      offlineMetric: fraction(agreement.offlineMetric, agreement.docs),
    },
  };
}

const percent = (value: number | null): string => (value === null ? '   —  ' : `${(100 * value).toFixed(1).padStart(5)}%`);

export const tableHeader = (first: string): string =>
  `${first.padEnd(16)} docs  elements  pres/not  falseMiss scenario   task   offline    items   pitfallF1  residue  designDoc`;

export function printFigures(label: string, figures: Figures): void {
  const { pitfallF1 } = figures;
  console.log(
    `${label.slice(0, 16).padEnd(16)} ${String(figures.docs).padStart(4)}  ${percent(figures.elements)}  ${percent(figures.presentVsNot)}  ${percent(figures.falseMissing)}  ` +
      `${percent(figures.scenario)}  ${percent(figures.task)}  ${percent(figures.offlineMetric)}  ${percent(figures.scenarioItems)}  ${percent(pitfallF1.all?.f1 ?? null)}   ${percent(figures.templateResidue)}   ${percent(figures.isDesignDoc)}`,
  );
}

function printReport(evaluation: Evaluation, options: Options): void {
  if (options.cells) {
    for (const doc of evaluation.perDoc) {
      console.log(`${doc.group.padEnd(6)} ${doc.file.padEnd(70)} elements ${doc.exact}/${doc.cells}`);
      for (const line of doc.mismatches) console.log(`         ${line}`);
    }
    console.log('');
    console.log('per element (exact):');
    for (const [id, { cells, exact }] of Object.entries(evaluation.overall.byElement))
      console.log(`  ${id.padEnd(26)} ${percent(fraction(exact, cells))} (${exact}/${cells})`);
    console.log('');
  }
  console.log(tableHeader(options.by === 'split' || options.labels ? 'split' : options.by));
  for (const [group, tally] of [...evaluation.groups].sort(([a], [b]) => groupOrder(a) - groupOrder(b)))
    printFigures(group, figuresOf(tally));
  if (evaluation.groups.size > 1) printFigures('overall', figuresOf(evaluation.overall));
  const confusion = Object.entries(evaluation.overall.confusion).sort((a, b) => b[1] - a[1]);
  console.log(`element confusion (gold→mlsd): ${confusion.map(([pair, count]) => `${pair} ${count}`).join(', ') || 'none'}`);
  const scenarios = Object.entries(evaluation.overall.scenarioConfusion).sort((a, b) => b[1] - a[1]);
  console.log(`scenario confusion (gold→mlsd): ${scenarios.map(([pair, count]) => `${pair} ${count}`).join(', ') || 'none'}`);
  const offline = Object.entries(evaluation.overall.offlineConfusion).sort((a, b) => b[1] - a[1]);
  console.log(`offline confusion (gold→mlsd): ${offline.map(([pair, count]) => `${pair} ${count}`).join(', ') || 'none'}`);
  const pitfalls = figuresOf(evaluation.overall).pitfallF1;
  console.log(
    `pitfalls (P/R/F1): ${Object.entries(pitfalls)
      .map(([id, f]) => `${id} ${percent(f.precision).trim()}/${percent(f.recall).trim()}/${percent(f.f1).trim()}`)
      .join(', ')}`,
  );
}

const groupOrder = (group: string): number => {
  const index = (SPLITS as readonly string[]).indexOf(group);
  return index < 0 ? SPLITS.length : index;
};

export function main(argv: string[]): number {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const options = parseOptions(argv, root);
  if (options.labels) {
    if (!options.docs) {
      console.error('eval: --labels needs --docs DIR (the folder holding the labelled docs)');
      return 2;
    }
    const { docs, missing } = labelledDocs(options.labels, options.docs, 'all');
    const evaluation = evaluate(docs);
    if (options.json) console.log(JSON.stringify({ splits: { all: figuresOf(evaluation.overall) }, missing }));
    else {
      printReport(evaluation, options);
      if (missing.length) console.log(`not on this machine: ${missing.length} (${missing.join(', ')})`);
    }
    return 0;
  }
  if (!fs.existsSync(corpusPaths(options.corpus).manifest)) {
    console.error(`eval: no manifest at ${corpusPaths(options.corpus).manifest}`);
    return 2;
  }
  const corpus = loadCorpus(options.corpus, options.json ? 'split' : options.by);
  const evaluation = evaluate(corpus.docs);
  const summary = corpusSummary(corpus.manifest, corpus.agreement);
  if (options.json) {
    const splits = Object.fromEntries(
      SPLITS.filter((split) => evaluation.groups.has(split)).map((split) => [split, figuresOf(evaluation.groups.get(split)!)]),
    );
    console.log(
      JSON.stringify({
        corpus: summary,
        splits,
        overall: figuresOf(evaluation.overall),
        notOnMachine: corpus.notOnMachine.length,
        unlabelled: corpus.unlabelled.length,
      }),
    );
    return 0;
  }
  const { agreement } = summary;
  // A quick-label set has no element cells: its labellers are compared on the doc-level verdicts.
  const agreed =
    agreement.exact === null
      ? `scenario ${percent(agreement.scenario).trim()}, task ${percent(agreement.task).trim()}, offline metric ${percent(agreement.offlineMetric).trim()}`
      : `${percent(agreement.exact).trim()} of element cells (present vs not ${percent(agreement.presentVsNot).trim()}, missing vs not ${percent(agreement.missingVsNot).trim()})`;
  console.log(
    `corpus: ${summary.docs} docs from ${summary.repositories} repositories (${Object.entries(summary.byScenario)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}); ${summary.doubleLabelled} labelled twice, labellers agree on ${agreed}`,
  );
  printReport(evaluation, options);
  if (corpus.notOnMachine.length)
    console.log(
      `not on this machine: ${corpus.notOnMachine.length} pointer-only docs (npm run corpus:fetch brings them where the network allows)`,
    );
  if (corpus.unlabelled.length) {
    console.log(
      `without a gold label (labelled twice and not adjudicated yet, or not labelled): ${corpus.unlabelled.length}${options.cells ? `: ${corpus.unlabelled.join(', ')}` : ' (--cells lists them)'}`,
    );
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) process.exitCode = main(process.argv.slice(2));
