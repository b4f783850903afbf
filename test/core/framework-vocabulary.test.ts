// Every wording the framework lists names the element it is filed under. A heading alias or a cue
// filed under the wrong element is silent: the doc simply gets the wrong element, as when the
// Russian trade-offs wordings sat under the business metric and "## Компромиссы" made the business
// metric present. These tests read each wording the way the analysis does, in a one-section doc.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { analyzeFacts } from '../../src/core/analyze';
import { ELEMENTS, type HeadingAlias } from '../../src/core/framework/elements';
import type { ElementId } from '../../src/core/types';
import { patternSamples } from './pattern-samples';

/** What the heading of a one-section doc names, element by element. */
function headingReading(heading: string): ReadonlyMap<ElementId, 'specific' | 'broad'> {
  const facts = analyzeFacts(`---\nmlsd: true\n---\n## ${heading}\n\n…\n`, {});
  return facts.sections.find((section) => section.depth === 2)?.elements ?? new Map();
}

/** The elements a one-section doc does not miss: what its heading names and what its body's cues show. */
function elementsFound(heading: string, body: string): ElementId[] {
  const { model } = analyze(`---\nmlsd: true\n---\n## ${heading}\n\n${body}\n`);
  return model.elements.filter((element) => element.status !== 'missing').map((element) => element.id);
}

/**
 * Headings that name two elements on purpose, because such a section usually covers both: a
 * "Metrics" section holds the model metric and the offline evaluation.
 */
const SHARED_HEADINGS = new Map<string, ElementId[]>([
  ['metrics', ['framing.model-metric', 'evaluation.offline']],
  ['metrics offline and online', ['framing.model-metric', 'evaluation.offline']],
  ['quality metrics', ['framing.model-metric', 'evaluation.offline']],
  ['метрика', ['framing.model-metric', 'evaluation.offline']],
  ['метрики', ['framing.model-metric', 'evaluation.offline']],
  ['métricas', ['framing.model-metric', 'evaluation.offline']],
  ['metriken', ['framing.model-metric', 'evaluation.offline']],
  ['scale and latency', ['framing.constraints', 'serving.scaling']],
  // Collecting data names where it comes from; the pipeline names how it flows in.
  ['data collection pipeline', ['data.sources', 'data.ingestion']],
]);

/** Aliases that count only under a given part are read in a section of their own in the rules' tests. */
const readAlone = (alias: HeadingAlias): boolean => alias.underPart === undefined;

describe('framework vocabulary', () => {
  for (const element of ELEMENTS) {
    it(`every heading wording of ${element.id} names ${element.id}, and no other element unless shared on purpose`, () => {
      for (const alias of element.headings.filter(readAlone)) {
        for (const wording of patternSamples(alias.pattern)) {
          assert.ok(alias.pattern.test(wording), `the sample "${wording}" does not match its own alias`);
          const reading = headingReading(wording);
          const strength = reading.get(element.id);
          assert.ok(
            strength === 'specific' || strength === alias.strength,
            `"## ${wording}" does not name ${element.id} (${alias.strength})`,
          );
          if (alias.strength !== 'specific') continue;
          const others = [...reading].filter(([id, named]) => id !== element.id && named === 'specific').map(([id]) => id);
          const shared = SHARED_HEADINGS.get(wording) ?? [];
          assert.deepEqual(
            others.filter((id) => !shared.includes(id)),
            [],
            `"## ${wording}", filed under ${element.id}, also names another element`,
          );
        }
      }
    });
  }

  it('lists each heading wording once per element', () => {
    for (const element of ELEMENTS) {
      const seen = new Set<string>();
      for (const alias of element.headings.filter(
        (candidate) => candidate.strength === 'specific' && readAlone(candidate) && !candidate.notUnderPart,
      )) {
        for (const wording of patternSamples(alias.pattern)) {
          assert.ok(!seen.has(wording), `${element.id} lists "${wording}" in two specific aliases`);
          seen.add(wording);
        }
      }
    }
  });

  it('every cue wording shows its own element in a body of its own', () => {
    for (const element of ELEMENTS) {
      for (const cue of element.cues.filter((candidate) => candidate.weight >= 1)) {
        const once = new RegExp(cue.pattern.source, cue.pattern.flags.replace('g', ''));
        // A sample the shortest spelling cannot produce (a lookahead that needs a colon after it) is skipped.
        for (const wording of patternSamples(cue.pattern).filter((sample) => once.test(sample))) {
          assert.ok(elementsFound('Notes', `${wording}.`).includes(element.id), `the cue "${wording}" of ${element.id} shows nothing`);
        }
      }
    }
  });

  // Headings as writers put them, in the languages the data lists, each naming one element only.
  const headings: [string, ElementId][] = [
    ['Business metrics', 'framing.business-metric'],
    ['Бизнес-метрики', 'framing.business-metric'],
    ['Objetivos de negocio', 'framing.business-metric'],
    ['Geschäftsziele', 'framing.business-metric'],
    ['Метрики модели', 'framing.model-metric'],
    ['Non-ML solution', 'framing.baseline'],
    ['Текущее решение', 'framing.baseline'],
    ['Solución actual', 'framing.baseline'],
    ['Aktuelle Lösung', 'framing.baseline'],
    ['Performance requirements', 'framing.constraints'],
    ['Ограничения', 'framing.constraints'],
    ['Requisitos', 'framing.constraints'],
    ['Randbedingungen', 'framing.constraints'],
    ['Источники данных', 'data.sources'],
    ['Fuentes de datos', 'data.sources'],
    ['Datenquellen', 'data.sources'],
    ['Качество данных', 'data.quality'],
    ['Calidad de los datos', 'data.quality'],
    ['Признаки', 'features.categories'],
    ['Características', 'features.categories'],
    ['Merkmale', 'features.categories'],
    ['Training-serving skew', 'features.computation'],
    ['Бейзлайн', 'model.baseline'],
    ['Выбор модели', 'model.selection'],
    ['Обучение модели', 'training.paradigm'],
    ['Entrenamiento', 'training.paradigm'],
    ['Modelltraining', 'training.paradigm'],
    ['Offline metrics', 'evaluation.offline'],
    ['Офлайн-метрики', 'evaluation.offline'],
    ['Evaluación', 'evaluation.offline'],
    ['Evaluierung', 'evaluation.offline'],
    ['Инференс', 'serving.architecture'],
    ['Раскатка', 'serving.rollout'],
    ['Despliegue', 'serving.rollout'],
    ['Einführung', 'serving.rollout'],
    ['Мониторинг', 'serving.monitoring'],
    ['Monitorización', 'serving.monitoring'],
    ['Überwachung', 'serving.monitoring'],
    ['Масштабирование', 'serving.scaling'],
    ['Escalabilidad', 'serving.scaling'],
    ['Skalierung', 'serving.scaling'],
    ['Pros and cons', 'tradeoffs'],
    ['Компромиссы', 'tradeoffs'],
    ['Альтернативы', 'tradeoffs'],
    ['Риски и компромиссы', 'tradeoffs'],
    ['Compromisos', 'tradeoffs'],
    ['Kompromisse', 'tradeoffs'],
  ];
  for (const [heading, id] of headings) {
    it(`a doc whose only section is "## ${heading}" has ${id} and nothing else`, () => {
      assert.deepEqual(elementsFound(heading, '…'), [id]);
    });
  }

  // Sentences under a heading that names nothing: the cues alone decide.
  const sentences: [string, ElementId][] = [
    ['Главный компромисс: точность против простоты.', 'tradeoffs'],
    ['Плюсы и минусы каждого варианта.', 'tradeoffs'],
    ['Выигрываем в качестве в ущерб простоте.', 'tradeoffs'],
    ['Бизнес-метрика: выручка на пользователя.', 'framing.business-metric'],
    ['Revenue per session is the business metric.', 'framing.business-metric'],
    ['Negocio: pedidos por usuario.', 'framing.business-metric'],
    ['Ответ за 50 мс.', 'framing.constraints'],
    ['Переобучаем модель раз в неделю.', 'training.paradigm'],
    // The status quo named by what is wrong with it.
    ['Manual moderation of uploaded videos does not scale.', 'framing.baseline'],
    ['Keyword search is brittle and often returns irrelevant results.', 'framing.baseline'],
    ['We want to avoid the limitations of manual toll collection.', 'framing.baseline'],
    // The status quo named by how the work is done today.
    ['Today a rules engine blocks about 40% of fraud dollars.', 'framing.baseline'],
    ['Currently, manual review catches most fake listings within a day.', 'framing.baseline'],
  ];
  for (const [sentence, id] of sentences) {
    it(`"${sentence}" alone shows ${id} and nothing else`, () => {
      assert.deepEqual(elementsFound('Notes', sentence), [id]);
    });
  }

  it('reads no current solution into a model that fails, a rule that fails open or a rollback target', () => {
    for (const sentence of [
      'Traditional CTR models fail on items without history.',
      'Rules fail open when the feature store is down.',
      'If the canary fails, we roll back to the previous version of the model.',
      'Currently we cannot rule out label leakage in the training data.',
      'Today the rules of the auction are set by the exchange.',
    ])
      assert.ok(!elementsFound('Notes', sentence).includes('framing.baseline'), sentence);
  });
});
