import assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { fencedText } from '../../src/core/analysis/fenced-text';
import { htmlBlockText } from '../../src/core/analysis/html-text';
import { parseMarkdown } from '../../src/core/analysis/parser';
import { computeSegmentSignals } from '../../src/core/analysis/signals';

/** What the reader reads in each top-level code block of `text`. */
const codeBlocks = (text: string) => {
  const lines = text.split('\n');
  const blocks = parseMarkdown(text).children.filter((node) => node.type === 'code');
  return blocks.map((block) => fencedText(block, lines));
};

const statusOf = (text: string, id: string): string | undefined =>
  analyze(text).model.elements.find((element) => element.id === id)?.status;

describe('reading the text inside raw HTML blocks', () => {
  it('blanks tags, comments and entities in place, keeping every visible character at its column', () => {
    const { lines, units } = htmlBlockText(
      [
        '<ol>',
        '  <li><b>Data sources:</b> click logs &amp; the catalogue</li>',
        '  <li>Labels <!-- hidden --> after 30&nbsp;days</li>',
        '</ol>',
      ],
      [0, 0, 0, 0],
    );
    assert.equal(lines[1], '         Data sources:     click logs &     the catalogue     ');
    assert.equal(lines[2], '      Labels                 after 30      days     ');
    assert.equal(lines[0]!.trim(), '');
    assert.deepEqual(
      units.map(({ startLine, endLine }) => [startLine, endLine]),
      [
        [1, 1],
        [2, 2],
      ],
    );
  });

  it('reads a table row as one piece of content, and script and style as nothing', () => {
    const { lines, units } = htmlBlockText(
      ['<table><tr>', '<th>Latency</th>', '<td>p99 under 80 ms</td>', '</tr></table>', '<style>p { color: red }</style>'],
      [0, 0, 0, 0, 0],
    );
    assert.deepEqual(
      units.map(({ startLine, endLine, value }) => [startLine, endLine, value.replace(/\s+/g, ' ').trim()]),
      [[1, 2, 'Latency p99 under 80 ms']],
    );
    assert.equal(lines[4]!.trim(), '');
  });

  it('stays linear on a tag, a quote or an entity never closed', () => {
    for (const hostile of ['<a href="'.repeat(20_000), '&'.repeat(100_000), `<p>${'<'.repeat(100_000)}`]) {
      const { lines } = htmlBlockText([hostile], [0]);
      assert.equal(lines[0]!.length, hostile.length);
    }
  });

  it('places text at its document column inside a blockquote', () => {
    const quoted = '> <p>We train on 90 days of click logs from the warehouse.</p>';
    const signals = computeSegmentSignals(`# Data\n\n${quoted}`);
    const hit = [...signals.elementHits.values()].flat().find((candidate) => candidate.phrase.includes('click logs'));
    assert.ok(hit, 'the cue inside the HTML block is found');
    assert.equal(hit.line, 2);
    assert.equal(quoted.slice(hit.start, hit.end), hit.phrase);
    assert.equal(hit.start, quoted.indexOf(hit.phrase));
  });

  // A course design doc written as an HTML list under each heading, as some course templates are.
  const HTML_COURSE_DOC = [
    '# Churn prediction for a telecom operator',
    '',
    '## Problem',
    '',
    '<ol>',
    '  <li><b>Business goal:</b> cut monthly churn of prepaid subscribers from 3.1% to 2.5%, worth about $4M a year.</li>',
    '  <li><b>Baseline:</b> today a rule engine flags customers with falling top-ups; it catches 35% of churners.</li>',
    '  <li><b>Constraints:</b> scores are needed daily by 6 am for 12M subscribers; the batch must finish within 2 hours.</li>',
    '</ol>',
    '',
    '## Data',
    '',
    '<p>Sources: billing records, call detail records and top-up events from the data warehouse, joined by subscriber ID.',
    'Labels come from contract terminations recorded 30 days after the scoring date.</p>',
    '',
    '## Model',
    '',
    '<ul>',
    '  <li>Start with logistic regression on tenure, spend and usage trends as the baseline model.</li>',
    '  <li>Then a gradient boosted tree model (LightGBM), kept only if it beats the baseline on PR-AUC.</li>',
    '</ul>',
  ].join('\n');

  it('finds the elements a course doc states inside HTML lists and paragraphs', () => {
    const { model } = analyze(HTML_COURSE_DOC);
    const business = model.elements.find((element) => element.id === 'framing.business-metric')!;
    assert.equal(business.status, 'present');
    assert.equal(statusOf(HTML_COURSE_DOC, 'data.sources'), 'present');
    assert.equal(statusOf(HTML_COURSE_DOC, 'model.baseline'), 'present');
    // Evidence points into the HTML line, at the words, not at the tag.
    const sources = model.elements.find((element) => element.id === 'data.sources')!;
    assert.equal(sources.evidence?.start.line, 10);
    const pr = model.metrics.find((metric) => metric.name === 'PR-AUC');
    const line = HTML_COURSE_DOC.split('\n')[19]!;
    assert.deepEqual(pr?.range, {
      start: { line: 19, character: line.indexOf('PR-AUC') },
      end: { line: 19, character: line.indexOf('PR-AUC') + 6 },
    });
  });

  it('reads a section holding only an HTML image as before: no text', () => {
    const signals = computeSegmentSignals('# Architecture\n\n<p align="center">\n<img src="arch.png" width="80%">\n</p>');
    assert.equal(signals.body.words, 0);
    assert.equal(signals.body.hollow, 'empty');
  });
});

describe('the scenario a document states for itself', () => {
  const scenarioOf = (text: string): string => analyze(text).model.scenario.id;

  // The title says recommendation; the body keeps talking about queries, search logs and retrieval.
  const VIDEO_RECOMMENDER = [
    '# Design a recommendation system for a video platform',
    '',
    '## Requirements',
    '',
    'Users open the app and expect videos they will watch to the end. We log every search query, every',
    "search result click and the queries typed before a watch, and we reuse the search team's retrieval",
    'index. Search logs and query embeddings are the richest signal: query text, query language, search',
    'session length, and the retrieval scores of the search engine.',
    '',
    '## Retrieval',
    '',
    'Candidates come from the search retrieval index (BM25 and an ANN index over query embeddings).',
  ].join('\n');

  it('takes the scenario from the title, not from the words the body uses most', () => {
    assert.equal(scenarioOf(VIDEO_RECOMMENDER), 'recommendation');
  });

  it('takes it from the opening statement when the title names none', () => {
    const doc = [
      '# Project overview',
      '',
      'The goal of the project is to build a recommender system that suggests jobs to job seekers.',
      'Job seekers search for openings by keyword today; search queries and search filters are logged.',
      '',
      '## Search logs',
      '',
      'We keep every search query and every query refinement for a year, with the search results shown.',
    ].join('\n');
    assert.equal(scenarioOf(doc), 'recommendation');
  });

  it('reads a plain first line as the title when there is no heading', () => {
    const doc =
      'Loan default risk scorecard\n\nWe estimate the probability of default of each applicant at origination from bureau and application data.\n';
    assert.equal(scenarioOf(doc), 'fraud');
  });

  it('reads the designed thing before "for": visual search for ads is search', () => {
    assert.equal(scenarioOf('# Visual search for ads\n\nShoppers photograph an item and see matching products.\n'), 'search');
    assert.equal(scenarioOf('# Search ads CTR prediction\n\nPredict the click probability of each ad.\n'), 'generic');
  });

  it('reads visual search as search beside the recommendations it also serves (LABELLING-GUIDE)', () => {
    const doc = [
      '# Fashion Visual Search & Recommender',
      '',
      'Shoppers upload a photo and get visually similar products; a second tab shows personalized recommendations.',
      'CLIP embeddings of the catalogue images sit in a vector index, and user preferences re-weight the results.',
      '',
    ].join('\n');
    assert.equal(scenarioOf(doc), 'search');
  });

  it("does not read the writer's advice as a recommender", () => {
    const doc =
      '# Walkthrough\n\nWe recommend reading the problem first. We are designing a voice assistant that answers spoken questions.\n';
    assert.equal(scenarioOf(doc), 'generic');
  });
});

describe('docs written in Russian and Korean', () => {
  // The sections of the Russian course template, filled in for a demand forecast.
  const RUSSIAN_DOC = [
    '# Прогноз спроса для сети магазинов',
    '',
    '## 1. Цели и предпосылки',
    '',
    '### 1.2. Бизнес-требования и ограничения',
    '',
    'Бизнес-цель: снизить списания скоропортящихся товаров на 15% без роста дефицита на полках.',
    '',
    '### 1.4. Требования к работе системы',
    '',
    'Прогноз на 14 дней вперёд должен быть готов к 6:00 каждый день для 2 000 магазинов; расчёт не дольше 2 часов.',
    '',
    '## 2. Методология',
    '',
    '### 2.1. Описание данных',
    '',
    'Чеки за 3 года из хранилища, календарь акций и погода по регионам; данные объединяются по магазину и дню.',
    '',
    '### 2.3. Базовое решение',
    '',
    'Скользящее среднее продаж за 4 недели с поправкой на день недели: его точность и нужно побить.',
    '',
    '## 3. Подготовка пилота',
    '',
    'Пилот в 40 магазинах на 6 недель; контрольная группа из 40 похожих магазинов, сравниваем списания.',
    '',
    '## 4. Внедрение',
    '',
    '### 4.2. Описание инфраструктуры и масштабируемости',
    '',
    'Пакетный расчёт в Airflow на кластере Spark; при росте сети до 5 000 магазинов добавляем узлы, а не меняем модель.',
  ].join('\n');

  it('reads the Russian course template sections as the framework elements they are', () => {
    const { model } = analyze(RUSSIAN_DOC);
    const status = Object.fromEntries(model.elements.map((element) => [element.id, element.status]));
    assert.equal(status['framing.business-metric'], 'present');
    assert.equal(status['framing.constraints'], 'present');
    assert.equal(status['data.sources'], 'present');
    assert.equal(status['model.baseline'], 'present');
    assert.equal(status['serving.rollout'], 'present');
    assert.equal(status['serving.scaling'], 'present');
    const scaling = model.elements.find((element) => element.id === 'serving.scaling')!;
    const heading = RUSSIAN_DOC.split('\n')[28]!;
    assert.deepEqual(scaling.evidence, { start: { line: 28, character: 4 }, end: { line: 28, character: heading.length } });
  });

  it('nests subsections numbered at their section’s own heading level under it, as the numbers say', () => {
    const text = RUSSIAN_DOC.replace('### 1.2.', '## 1.2.')
      .replace('### 1.4.', '## 1.4.')
      .replace('### 2.1.', '## 2.1.')
      .replace('### 2.3.', '## 2.3.');
    const { model, findings } = analyze(text);
    const outline = (sections: typeof model.sections): unknown[] =>
      sections.map((section) => (section.children.length ? [section.title, outline(section.children)] : section.title));
    assert.deepEqual(outline(model.sections), [
      [
        'Прогноз спроса для сети магазинов',
        [
          ['1. Цели и предпосылки', ['1.2. Бизнес-требования и ограничения', '1.4. Требования к работе системы']],
          ['2. Методология', ['2.1. Описание данных', '2.3. Базовое решение']],
          '3. Подготовка пилота',
          ['4. Внедрение', ['4.2. Описание инфраструктуры и масштабируемости']],
        ],
      ],
    ]);
    // "1. Цели и предпосылки" holds its subsections: it is no empty section.
    assert.deepEqual(
      findings.filter((finding) => finding.ruleId === 'template-residue'),
      [],
    );
  });

  it('reads a metric as offline when a Russian sentence says it is measured on the hold-out sample', () => {
    const doc = '# Отток клиентов\n\n## Оценка модели\n\nНа отложенной выборке считаем PR-AUC и полноту при точности 90%.\n';
    const { model } = analyze(doc);
    assert.equal(model.metrics.find((metric) => metric.name === 'PR-AUC')?.role, 'offline');
    assert.equal(model.elements.find((element) => element.id === 'evaluation.offline')?.status, 'present');
  });

  it('reads the Korean chapter headings of an interview write-up', () => {
    const doc = [
      '# 4장. 동영상 검색',
      '',
      '### 데이터 준비',
      '',
      '- 동영상 메타데이터와 사용자 검색 로그를 매일 수집한다 (약 10억 개 동영상).',
      '',
      '### 평가하기',
      '',
      '- 오프라인 지표: MRR과 recall@10 을 사용한다.',
      '',
      '### 서빙',
      '',
      '- 텍스트 쿼리를 임베딩하여 ANN 인덱스에서 후보 동영상을 찾고, 재순위 서비스가 정렬한다.',
    ].join('\n');
    const { model } = analyze(doc);
    const status = Object.fromEntries(model.elements.map((element) => [element.id, element.status]));
    assert.equal(model.scenario.id, 'search');
    assert.equal(status['data.sources'], 'present');
    assert.equal(status['evaluation.offline'], 'present');
    assert.equal(status['serving.architecture'], 'present');
  });
});

describe('label lines read as structure', () => {
  const labelHitsOf = (text: string, id: string) =>
    (computeSegmentSignals(text).elementHits.get(id as never) ?? []).filter((hit) => hit.phrase.startsWith('label:'));

  it('reads a bold label naming an element, with its answer, as a cue at the label', () => {
    const line = '- **Data sources:** warehouse order tables, clickstream from Kafka and the product catalogue';
    const [hit, ...rest] = labelHitsOf(`# Design\n\n${line}`, 'data.sources');
    assert.equal(rest.length, 0);
    assert.deepEqual({ line: hit?.line, start: hit?.start, end: hit?.end }, { line: 2, start: 2, end: line.indexOf('**', 4) + 2 });
  });

  it('reads an HTML <b> label, but not a label alone on its line', () => {
    assert.equal(
      labelHitsOf('# Plan\n\n**Monitoring:**\n\n- daily drift report on the top 20 features, paged above PSI 0.2', 'serving.monitoring')
        .length,
      0,
    );
    assert.equal(
      labelHitsOf(
        '# Plan\n\n<ul>\n<li><b>Monitoring:</b> daily drift report on the top 20 features, paged above PSI 0.2</li>\n</ul>',
        'serving.monitoring',
      ).length,
      1,
    );
  });

  it('does not read a sentence with a colon, a link or a label with no answer as a label', () => {
    assert.equal(
      labelHitsOf('# Notes\n\nWe checked the data sources we had in the old warehouse and found this: nothing new.', 'data.sources').length,
      0,
    );
    assert.equal(
      labelHitsOf('# Notes\n\nhttps://example.com/monitoring: see the dashboard for the latest numbers', 'serving.monitoring').length,
      0,
    );
    assert.equal(labelHitsOf('# Notes\n\n- Monitoring: TBD', 'serving.monitoring').length, 0);
  });

  it('makes an element partial on a labelled answer alone, not present', () => {
    const doc = '# Churn model\n\n## Plan\n\n- **Rollout:** we will start with a small group of users first and see how it goes.\n';
    assert.equal(analyze(doc).model.elements.find((element) => element.id === 'serving.rollout')?.status, 'partial');
  });
});

describe('how far a label line gives its role to the metrics below it', () => {
  const rolesOf = (text: string): string[] =>
    computeSegmentSignals(text).metrics.map((metric) => `${metric.line} ${metric.text} ${metric.statedRole ?? '-'}`);

  // Notes with no headings: before, "Business goal:" made every later metric a business one.
  const CHURN_NOTES = [
    'Churn model for a video streaming service: design notes.',
    '',
    '**Offline metrics**',
    '- PR-AUC on a held-out month of subscribers',
    '- recall@10 of the weekly retention list',
    '',
    '**Monitoring**',
    '- daily AUC on the subscribers whose label arrived',
    '- drift of the watch-time features',
    '',
    'Business goal: fewer cancellations, measured as retention after 30 days.',
    '',
    'The support team reads precision at the chosen threshold every week.',
    '',
    '- Online checks:',
    '  - CTR of the win-back offers',
    "- Alerting when the model's F1 drops",
    '',
    'We compare these to the rule baseline:',
    '',
    '- recall of the current rules',
    '',
    "The rules flag 4% of accounts, with MAP far below the model's.",
  ].join('\n');

  it('reads how long data is kept as no retention metric', () => {
    const named = (line: string): string[] => computeSegmentSignals(line).metrics.map((metric) => metric.text);
    for (const line of ['Raw uploads: 90-day retention, then archived.', 'Data retention policy: 30 days.', 'Log retention is 14 days.'])
      assert.deepEqual(named(line), [], line);
    assert.deepEqual(named('Business goal: improve 30-day retention by 2%.'), ['retention']);
  });

  it('reads a conversion of voices, formats or units as no conversion metric', () => {
    const named = (line: string): string[] => computeSegmentSignals(line).metrics.map((metric) => metric.text);
    for (const line of ['Attacks include voice conversion and face swaps.', 'Unit conversion happens in the ETL job.'])
      assert.deepEqual(named(line), [], line);
    assert.deepEqual(named('Online: conversions per session, up 3%.'), ['conversions']);
  });

  it('ends a label alone on its line at the next such line, and a label with its answer at its paragraph', () => {
    assert.deepEqual(rolesOf(CHURN_NOTES), [
      '0 Churn -',
      '3 PR-AUC offline',
      '4 recall@10 offline',
      '4 retention offline',
      '7 AUC -',
      '10 retention business',
      '12 precision -',
      '15 CTR online',
      '16 F1 -',
      '20 recall -',
      '22 MAP -',
    ]);
  });

  it('carries a bold label over the paragraphs between its list items, to the next bold label', () => {
    const doc = [
      '## Metrics',
      '**Online metrics**',
      '',
      '- Click-through rate of the results page',
      '',
      'A session succeeds when it ends in a long dwell time on a result.',
      '',
      '**Offline metrics**',
      '',
      '- NDCG@10 on judged queries',
    ].join('\n');
    assert.deepEqual(rolesOf(doc), ['3 Click-through rate online', '5 dwell time online', '9 NDCG@10 offline']);
  });

  it('gives a label with its answer on the line its paragraph and the list after it, and no further', () => {
    const doc = [
      '# Ranking',
      '',
      'Offline evaluation: NDCG@10 on judged queries,',
      'and for the retriever:',
      '- recall@100 of the candidate set',
      '',
      'Dashboards show MRR per market.',
    ].join('\n');
    assert.deepEqual(rolesOf(doc), ['2 NDCG@10 offline', '4 recall@100 offline', '6 MRR -']);
  });

  it('reads each table row as a sentence of its own: the row above neither negates nor labels its metric', () => {
    const doc = [
      '## Evaluation',
      '',
      '| Goal | Metric |',
      '| --- | --- |',
      '| Block fraud without blocking good customers, not to avoid customer friction |  |',
      '| Catch fraud early | Recall at 1% FPR |',
    ].join('\n');
    const metrics = computeSegmentSignals(doc).metrics.filter((metric) => metric.line === 5);
    assert.deepEqual(
      metrics.map((metric) => [metric.text, metric.negated]),
      [
        ['Recall at 1', false],
        ['FPR', false],
      ],
    );
  });
});

describe('reading the text of code blocks that hold no code', () => {
  // A churn doc that draws its serving pipeline in a bare fence, writes its monitoring as an
  // indented block, and shows real training code.
  const CHURN_DOC = [
    '# Churn prediction for a fitness club',
    '',
    '## Serving',
    '',
    '```',
    'Nightly batch: Airflow DAG → score all active members → write churn_scores table',
    'CRM reads the scores at 06:00 and queues retention calls for the top 5% risk tier',
    '```',
    '',
    '## Monitoring',
    '',
    '    We track weekly PSI of every input feature and alert when it passes 0.2.',
    "    Recall on last month's churners is recomputed on the 1st; a drop of 5 points pages the team.",
    '',
    '## Training code',
    '',
    '```',
    'model = XGBClassifier(max_depth=6)',
    'model.fit(X_train, y_train)',
    '```',
  ].join('\n');

  it('reads a bare fence of prose and arrows line by line, arrows blanked in place', () => {
    const [pipeline, monitoring, training] = codeBlocks(CHURN_DOC);
    assert.equal(pipeline?.startLine, 5);
    assert.deepEqual(pipeline?.wordLines, [0, 1]);
    assert.equal(pipeline?.lines[0], 'Nightly batch: Airflow DAG   score all active members   write churn_scores table');
    assert.equal(pipeline?.lines[1], CHURN_DOC.split('\n')[6]);
    assert.equal(monitoring?.startLine, 11);
    assert.deepEqual(monitoring?.wordLines, [0, 1]);
    assert.equal(training, undefined);
  });

  it('keeps code, commands, file trees, box drawings and fences with a language as code', () => {
    const blocks = codeBlocks(
      [
        '```bash',
        'Run the nightly scoring job before the CRM export starts',
        '```',
        '',
        '```',
        '$ docker compose up scorer',
        '$ python score.py --date today',
        '```',
        '',
        '```',
        'churn/',
        '├── train.py        # fits the model',
        '└── score.py        # nightly scoring',
        '```',
        '',
        '```',
        '┌──────────────┐     ┌──────────────┐',
        '│ Feature store│ ──▶ │ Churn model  │',
        '└──────────────┘     └──────────────┘',
        '```',
      ].join('\n'),
    );
    assert.deepEqual(blocks, [undefined, undefined, undefined, undefined]);
  });

  it('finds what the doc states inside such blocks, at the words', () => {
    const { model } = analyze(CHURN_DOC);
    const element = (id: string) => model.elements.find((candidate) => candidate.id === id);
    assert.equal(element('data.ingestion')?.status, 'partial');
    assert.deepEqual(element('data.ingestion')?.evidence, { start: { line: 5, character: 15 }, end: { line: 5, character: 22 } });
    const recall = model.metrics.find((metric) => metric.name === 'Recall');
    assert.deepEqual(recall?.range, { start: { line: 12, character: 4 }, end: { line: 12, character: 10 } });
    // The training code is not read: the class name in it is no model choice.
    assert.equal(element('model.selection')?.status, 'missing');
  });

  it('reads an unclosed bare fence to the end of its section and never throws on a broken one', () => {
    const doc = '## Rollout\n\n```\nShadow mode for two weeks, then a 10% canary with automatic rollback\n';
    const signals = computeSegmentSignals(doc.trimEnd());
    assert.ok(signals.body.words >= 10);
    assert.doesNotThrow(() => analyze('```\n' + '→ '.repeat(50_000) + '\n' + '| '.repeat(20_000)));
  });
});

describe('reading the labels of a mermaid diagram', () => {
  // A card-fraud doc that draws its scoring path as a flowchart and its decision as a sequence.
  const FRAUD_DOC = [
    '# Card-not-present fraud scoring',
    '',
    '## Serving',
    '',
    '```mermaid',
    'flowchart LR',
    '  %% the synchronous path',
    '  subgraph RT["Real-time path (< 120 ms)"]',
    '    GW[Payment gateway] -->|auth request| FS[("Online feature store<br/>Redis")]',
    '    FS --> SC{GBDT risk score}',
    '    SC -- score above 0.9 --> DEC[Decline + 3DS step-up]',
    '  end',
    '  classDef hot fill:#f96',
    '```',
    '',
    '## Monitoring',
    '',
    '```mermaid',
    'sequenceDiagram',
    '  participant M as Drift monitor',
    '  M->>Ops: PSI of every input feature above 0.2 pages on-call',
    '  Note over M,Ops: chargebacks arrive up to 60 days later',
    '```',
  ].join('\n');

  it('keeps node, edge and subgraph labels at their columns, and blanks ids, arrows and styling', () => {
    const [flow] = codeBlocks(FRAUD_DOC);
    assert.equal(flow?.startLine, 5);
    assert.deepEqual(flow?.wordLines, [2, 3, 4, 5]);
    const line = (index: number) => flow!.lines[index]!;
    assert.equal(line(2).trim(), 'Real-time path (< 120 ms)');
    assert.equal(line(2).indexOf('Real'), FRAUD_DOC.split('\n')[7]!.indexOf('Real'));
    assert.deepEqual(
      line(3)
        .trim()
        .split(/\s{2,}/),
      ['Payment gateway', 'auth request', 'Online feature store', 'Redis'],
    );
    assert.equal(line(4).trim(), 'GBDT risk score');
    assert.deepEqual(
      line(5)
        .trim()
        .split(/\s{2,}/),
      ['score above 0.9', 'Decline + 3DS step-up'],
    );
    for (const blanked of [0, 1, 6, 7]) assert.equal(line(blanked).trim(), '');
  });

  it("reads a sequence diagram's messages, notes and participant names", () => {
    const [, sequence] = codeBlocks(FRAUD_DOC);
    assert.deepEqual(
      sequence?.wordLines.map((index) => sequence.lines[index]!.trim()),
      ['Drift monitor', 'PSI of every input feature above 0.2 pages on-call', 'chargebacks arrive up to 60 days later'],
    );
  });

  it('reads the text of a mindmap and the task names of a gantt chart', () => {
    const [mindmap, gantt] = codeBlocks(
      [
        '```mermaid',
        'mindmap',
        '  root((Ranking))',
        '    Two-tower retrieval',
        '```',
        '',
        '```mermaid',
        'gantt',
        '  section Data',
        '  Backfill click logs :a1, 2026-01-05, 14d',
        '```',
      ].join('\n'),
    );
    assert.deepEqual(
      mindmap?.wordLines.map((index) => mindmap.lines[index]!.trim()),
      ['Ranking', 'Two-tower retrieval'],
    );
    assert.deepEqual(
      gantt?.wordLines.map((index) => gantt.lines[index]!.trim()),
      ['Data', 'Backfill click logs'],
    );
  });

  it('finds what the doc states in the diagram, at the label', () => {
    const { model } = analyze(FRAUD_DOC);
    const element = (id: string) => model.elements.find((candidate) => candidate.id === id);
    // The latency budget in the subgraph's title, the feature store in a node's label.
    assert.deepEqual(element('framing.constraints')?.evidence?.start, { line: 7, character: 33 });
    assert.deepEqual(element('features.computation')?.evidence?.start, { line: 8, character: 47 });
    // A section holding a diagram of labels is no diagram-only section.
    assert.notEqual(element('serving.monitoring')?.gap, 'only-diagram');
    assert.equal(model.scenario.id, 'fraud');
  });

  it('stays linear and never throws on a broken diagram', () => {
    const hostile = [
      '```mermaid',
      'flowchart TD',
      `A[${'('.repeat(50_000)}`,
      `B -- ${'<'.repeat(50_000)}`,
      `C --> D: ${'|'.repeat(50_000)}`,
    ].join('\n');
    assert.doesNotThrow(() => analyze(hostile));
    assert.deepEqual(codeBlocks('```mermaid\n```'), [undefined]);
  });
});
