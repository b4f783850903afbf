// Docs written in other languages: a reader of Russian, Chinese or Korean knows which words name each
// framework element, and the analysis reads the same words. The docs here are written for these tests.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { analyzeFacts } from '../../src/core/analyze';
import { computeSegmentSignals } from '../../src/core/analysis/signals';
import type { ElementId } from '../../src/core/types';

/** The elements whose cues one paragraph (under a heading that names nothing) shows, strongest weight each. */
function cueWeights(paragraph: string): Map<ElementId, number> {
  const signals = computeSegmentSignals(`# Заметки\n\n${paragraph}`);
  return new Map([...signals.elementHits].map(([id, hits]) => [id, Math.max(...hits.map((hit) => hit.weight))]));
}

const statusesOf = (doc: string): Record<string, string> =>
  Object.fromEntries(analyze(doc).model.elements.map((element) => [element.id, element.status]));

describe('Russian wordings of the framework elements', () => {
  it('reads the current manual process as the solution the model must beat', () => {
    const weights = cueWeights('Сейчас диспетчер оценивает время доставки вручную и прибавляет 40 минут к сборке заказа.');
    assert.equal(weights.get('framing.baseline'), 2);
    assert.equal(cueWeights('Диспетчеры тратят много времени на ручную оценку сроков.').get('framing.baseline'), 1);
    // "Now" with no process named after it is not the current solution.
    assert.equal(cueWeights('Сейчас самое время поговорить о данных.').get('framing.baseline'), undefined);
  });

  it('reads a latency budget whose unit is written in Russian', () => {
    assert.equal(cueWeights('Время отклика сервиса не более 2 секунд на p95.').get('framing.constraints'), 2);
    assert.equal(cueWeights('Latency ≤ 300 мс при пиковой нагрузке.').get('framing.constraints'), 2);
    // "10 с…" starts a word here, not a unit: no latency budget.
    assert.notEqual(cueWeights('Задержка выгрузки 10 сотрудников не касается.').get('framing.constraints'), 2);
  });

  it('reads where features are computed, data quality, monitoring and caching spelled either way', () => {
    assert.equal(cueWeights('Агрегаты по курьеру пересчитываются раз в час и хранятся в Redis.').get('features.computation'), 2);
    assert.equal(cueWeights('Очистка: удаляем дубли и выбросы, заказы с пропущенными координатами.').get('data.quality'), 1);
    assert.equal(cueWeights('Дашборд с MAE по часам и алерт при сдвиге распределения расстояний.').get('serving.monitoring'), 1.5);
    assert.equal(cueWeights('Ответы по популярным адресам кешируются.').get('serving.scaling'), 1);
    assert.equal(cueWeights('Если сервис модели не отвечает, отдаём прогноз по правилу.').get('serving.scaling'), 2);
  });

  it('reads a gain weighed against its price as a trade-off, and "за счёт" (by means of) as none', () => {
    assert.equal(cueWeights('Бустинг точнее линейной модели, но медленнее и хуже объясним.').get('tradeoffs'), 1.5);
    assert.equal(cueWeights('Точность растёт ценой задержки в 20 мс.').get('tradeoffs'), 1.5);
    assert.equal(cueWeights('Агент ускоряет анализ за счёт готовых шаблонов ответов.').get('tradeoffs'), undefined);
  });

  // A design doc in Russian whose sections are named and filled the way Russian teams write them.
  const ETA_DOC = [
    '# Прогноз времени доставки для сервиса продуктов',
    '',
    '## 1. Цели и предпосылки',
    '',
    'Сейчас диспетчер оценивает время доставки вручную: прибавляет 40 минут ко времени сборки заказа.',
    'Из-за опозданий растёт отток клиентов; бизнес-цель — снизить долю опозданий больше 10 минут с 18% до 10%.',
    '',
    '## 2. Требования к системе',
    '',
    'Прогноз считается при оформлении заказа: время отклика не более 150 мс на p95, до 300 запросов в секунду в часы пик.',
    '',
    '## 3. Данные',
    '',
    'Данные берутся из журнала заказов (адрес, вес, время сборки и фактическое время вручения) и из GPS-треков курьеров.',
    'Очистка: удаляем заказы с пропущенными координатами и дубли, выбросы дольше 4 часов отбрасываем.',
    'События заказов идут потоковой загрузкой через Kafka и раз в сутки выгружаются в ClickHouse.',
    '',
    '## 4. Признаки',
    '',
    'Поведенческие признаки курьера (средняя скорость за 7 дней), признаки заказа (вес, число позиций) и погода.',
    'Агрегаты по курьеру пересчитываются раз в час и хранятся в Redis; загрузка района считается при каждом запросе.',
    '',
    '## 5. Модель',
    '',
    'Начнём с простой линейной регрессии по расстоянию и часу. Затем градиентный бустинг CatBoost: данные табличные,',
    '2 млн строк, предсказание укладывается в 10 мс на CPU.',
    '',
    '## 6. Обучение',
    '',
    'Переобучаем модель раз в неделю на данных за 6 месяцев; разбиение по времени, последние 2 недели — валидационная выборка.',
    '',
    '## 7. Оценка',
    '',
    'MAE и доля прогнозов с ошибкой больше 10 минут на отложенной выборке за последний месяц.',
    '',
    '## 8. Развёртывание',
    '',
    'Модель работает отдельным сервисом инференса за API, версии хранятся в реестре моделей MLflow.',
    'Раскатка: A/B-тест на 10% заказов в двух городах, при росте опозданий откат на предыдущую версию.',
    '',
    '## 9. Мониторинг',
    '',
    'Дашборд с MAE по часам, алерт при сдвиге распределения расстояний, логирование каждого прогноза.',
    '',
    '## 10. Отказоустойчивость',
    '',
    'Прогнозы по популярным адресам кешируются; если сервис модели не отвечает за 100 мс, отдаём оценку диспетчера.',
    '',
    '## 11. Компромиссы',
    '',
    'Бустинг точнее линейной модели, но медленнее и хуже объясним; ради точности принимаем 10 мс задержки.',
  ].join('\n');

  it('finds every element of a Russian design doc that addresses all of them', () => {
    assert.deepEqual(statusesOf(ETA_DOC), {
      'framing.business-metric': 'present',
      'framing.model-metric': 'present',
      'framing.baseline': 'present',
      'framing.constraints': 'present',
      'data.sources': 'present',
      'data.ingestion': 'present',
      'data.quality': 'present',
      'features.categories': 'present',
      'features.computation': 'present',
      'model.baseline': 'present',
      'model.selection': 'present',
      'training.paradigm': 'present',
      'evaluation.offline': 'present',
      'serving.architecture': 'present',
      'serving.rollout': 'present',
      'serving.monitoring': 'present',
      'serving.scaling': 'present',
      tradeoffs: 'present',
    });
  });
});

describe('Chinese and Korean wordings of the framework elements', () => {
  it('reads Chinese section names as the elements they name', () => {
    const named = (heading: string): string[] => {
      const facts = analyzeFacts(`# 外卖推荐系统设计\n\n## ${heading}\n\n用户点击日志。\n`, {});
      const section = facts.sections.find((candidate) => candidate.depth === 2)!;
      return [...section.elements].filter(([, strength]) => strength === 'specific').map(([id]) => id);
    };
    assert.deepEqual(named('业务目标'), ['framing.business-metric']);
    assert.deepEqual(named('数据来源'), ['data.sources']);
    assert.deepEqual(named('特征工程'), ['features.categories']);
    assert.deepEqual(named('离线评估'), ['evaluation.offline']);
    assert.deepEqual(named('监控'), ['serving.monitoring']);
    assert.deepEqual(named('权衡'), ['tradeoffs']);
  });

  it('reads the Chinese words for what each element holds', () => {
    const weights = cueWeights(
      '目标是提升下单转化率。数据来源：用户点击日志。仪表盘跟踪线上点击率，分布漂移时告警。双塔召回速度快，但需要权衡精度。',
    );
    assert.equal(weights.get('framing.business-metric'), 1);
    assert.equal(weights.get('data.sources'), 2);
    assert.equal(weights.get('serving.monitoring'), 1.5);
    assert.equal(weights.get('tradeoffs'), 1.5);
    assert.equal(weights.get('serving.rollout'), undefined);
  });

  it('reads a Korean latency budget and fallback', () => {
    assert.equal(cueWeights('응답 시간은 200밀리초 이내여야 한다.').get('framing.constraints'), 2);
    assert.equal(cueWeights('모델 서버 장애 시 인기 목록으로 폴백하고 결과를 캐싱한다.').get('serving.scaling'), 1);
  });
});

describe('Obsidian image embeds', () => {
  it('reads a section holding only embedded images as an image, not as words', () => {
    const doc = [
      '# Video recommendations',
      '',
      '## Offline evaluation',
      '',
      '![[Pasted image 20240915160715.png]]',
      '![[offline-metrics.png|400]]',
      '',
      '## Serving',
      '',
      'Candidates come from a two-tower model behind an ANN index; a ranker scores the top 500 online.',
    ].join('\n');
    const signals = computeSegmentSignals(doc.split('\n').slice(2, 7).join('\n'));
    assert.deepEqual(
      signals.images.map((image) => [image.line, image.start, image.end, image.url]),
      [
        [2, 0, 36, 'Pasted image 20240915160715.png'],
        [3, 0, 28, 'offline-metrics.png'],
      ],
    );
    assert.equal(signals.body.hollow, 'image');
    const { model } = analyze(doc);
    assert.equal(model.elements.find((element) => element.id === 'evaluation.offline')?.status, 'partial');
    assert.equal(model.offlineMetric, 'unverifiable');
    assert.equal(model.hiddenContent, true);
  });

  it('leaves a note embed and an unclosed embed as text', () => {
    const signals = computeSegmentSignals('# Notes\n\n![[Design review notes]] and ![[chart.png without a close');
    assert.deepEqual(signals.images, []);
    assert.equal(signals.body.hollow, undefined);
  });
});
