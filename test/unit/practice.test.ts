import assert from 'node:assert/strict';
import {
  PRACTICE_PHASES,
  OffsetClock,
  PracticeSession,
  detectNudges,
  formatDuration,
  practiceSummaryMarkdown,
  practiceTimerText,
} from '../../src/vscode/authoring/practice';
import { mention, modelWith } from './model-fixture';

const MINUTE = 60_000;

function fakeClock(start = 1_000_000) {
  let now = start;
  return { read: () => now, advance: (ms: number) => (now += ms) };
}

describe('practice mode phases', () => {
  it('follows the framework parts and their interview budgets: 45 minutes, scoping first within 5–10', () => {
    assert.deepEqual(
      PRACTICE_PHASES.map((p) => [p.id, p.minutes]),
      [
        ['framing', 8],
        ['data', 7],
        ['features', 6],
        ['model', 8],
        ['training', 4],
        ['evaluation', 4],
        ['serving', 6],
        ['tradeoffs', 2],
      ],
    );
    assert.deepEqual(PRACTICE_PHASES[0]?.elements, [
      'framing.business-metric',
      'framing.model-metric',
      'framing.baseline',
      'framing.constraints',
    ]);
    assert.equal(new PracticeSession(() => 0).totalMs, 45 * MINUTE);
  });

  it('walks through the phases as the fake clock advances', () => {
    const clock = fakeClock();
    const session = new PracticeSession(clock.read);
    assert.deepEqual(session.advance(), []);
    assert.equal(practiceTimerText(session.snapshot(), 8), '1/8 Problem framing & success · 08:00');

    clock.advance(7 * MINUTE + 59_000);
    assert.deepEqual(session.advance(), []);
    assert.equal(practiceTimerText(session.snapshot(), 8), '1/8 Problem framing & success · 00:01');

    clock.advance(1000);
    assert.deepEqual(session.advance(), [{ kind: 'phase-started', phase: PRACTICE_PHASES[1], index: 1 }]);
    assert.equal(practiceTimerText(session.snapshot(), 8), '2/8 Data pipeline · 07:00');

    // A long gap (laptop asleep) reports every phase it crossed, in order.
    clock.advance(21 * MINUTE);
    assert.deepEqual(
      session.advance().map((e) => (e.kind === 'phase-started' ? e.phase.id : e.kind)),
      ['features', 'model', 'training'],
    );
    const snap = session.snapshot();
    assert.equal(snap.phaseIndex, 4);
    assert.equal(snap.phaseRemainingMs, 4 * MINUTE);
    assert.equal(snap.totalRemainingMs, 16 * MINUTE);
  });

  it('reports overtime once, then keeps counting past the end', () => {
    const clock = fakeClock();
    const session = new PracticeSession(clock.read);
    clock.advance(45 * MINUTE + 30_000);
    assert.deepEqual(
      session.advance().map((e) => (e.kind === 'phase-started' ? e.phase.id : e.kind)),
      ['data', 'features', 'model', 'training', 'evaluation', 'serving', 'tradeoffs', 'overtime'],
    );
    clock.advance(60_000);
    assert.deepEqual(session.advance(), []);
    assert.equal(practiceTimerText(session.snapshot(), 8), 'Overtime -01:30 · Trade-offs');
  });

  it('stops once and freezes the elapsed time', () => {
    const clock = fakeClock();
    const session = new PracticeSession(clock.read);
    clock.advance(12 * MINUTE + 5000);
    assert.deepEqual(session.stop(), [{ kind: 'finished' }]);
    assert.deepEqual(session.stop(), []);
    clock.advance(10 * MINUTE);
    assert.deepEqual(session.advance(), []);
    const snap = session.snapshot();
    assert.equal(snap.status, 'finished');
    assert.equal(snap.elapsedMs, 12 * MINUTE + 5000);
    assert.equal(practiceTimerText(snap, 8), 'Practice finished after 12:05');
    assert.deepEqual(session.nudges(modelWith({ 'model.selection': 'present' })), []);
  });

  it('refuses a session without phases', () => {
    assert.throws(() => new PracticeSession(() => 0, []), /at least one phase/);
  });
});

describe('practice mode nudges', () => {
  it('nudges when modelling is written while no metric is defined', () => {
    assert.deepEqual(detectNudges(modelWith({ 'model.selection': 'present' }), 0), [
      {
        kind: 'metrics-first',
        phase: 'framing',
        message: 'You are writing about the model, but no business or model metric is defined yet. Define success first.',
      },
    ]);
  });

  it('does not nudge about metrics once a business metric or a metric mention exists', () => {
    assert.deepEqual(detectNudges(modelWith({ 'model.selection': 'present', 'framing.business-metric': 'present' }), 0), []);
    assert.deepEqual(detectNudges(modelWith({ 'model.baseline': 'present' }, [mention('PR-AUC', 'model', 3, 2)]), 0), []);
    // A metric named only to reject it does not count.
    assert.equal(detectNudges(modelWith({ 'model.baseline': 'present' }, [mention('accuracy', 'model', 3, 2, true)]), 0).length, 1);
  });

  it('names the phases whose time is over and what they left out', () => {
    const framed = modelWith({
      'framing.business-metric': 'present',
      'framing.model-metric': 'present',
      'framing.baseline': 'present',
      'framing.constraints': 'present',
    });
    assert.deepEqual(detectNudges(framed, 1), []);
    assert.deepEqual(detectNudges(modelWith({ 'framing.business-metric': 'present', 'framing.model-metric': 'present' }), 1), [
      {
        kind: 'phase-unfinished',
        phase: 'framing',
        message: '"Problem framing & success" is over but still lacks: Current solution, Constraints.',
      },
    ]);
    assert.deepEqual(
      detectNudges(framed, 2).map((n) => [n.kind, n.phase, n.message]),
      [['phase-skipped', 'data', '"Data pipeline" was skipped: nothing in the doc covers it yet.']],
    );
  });

  it('counts template prompts (partial sections) as not yet written', () => {
    const template = modelWith({ 'model.selection': 'partial', 'framing.business-metric': 'partial', 'framing.model-metric': 'partial' });
    assert.deepEqual(detectNudges(template, 0), []);
    assert.deepEqual(
      detectNudges(
        { ...template, elements: template.elements.map((e) => (e.id === 'model.selection' ? { ...e, status: 'present' } : e)) },
        0,
      ).map((n) => n.kind),
      ['metrics-first'],
    );
    assert.deepEqual(
      detectNudges(template, 1).map((n) => `${n.kind}:${n.phase}`),
      ['phase-skipped:framing'],
    );
  });

  it('gives each nudge once per session', () => {
    const clock = fakeClock();
    const session = new PracticeSession(clock.read);
    const model = modelWith({ 'model.selection': 'present' });
    assert.deepEqual(
      session.nudges(model).map((n) => n.kind),
      ['metrics-first'],
    );
    assert.deepEqual(session.nudges(model), []);
    clock.advance(8 * MINUTE);
    assert.deepEqual(
      session.nudges(model).map((n) => `${n.kind}:${n.phase}`),
      ['phase-skipped:framing'],
    );
  });

  it('gives at the stop, for the review, the nudges a late analysis missed, and nothing given before', () => {
    const clock = fakeClock();
    const session = new PracticeSession(clock.read);
    const model = modelWith({ 'model.selection': 'present' });
    assert.deepEqual(session.closingNudges(model), [], 'nothing before the stop');
    assert.deepEqual(
      session.nudges(model).map((n) => n.kind),
      ['metrics-first'],
    );
    clock.advance(8 * MINUTE);
    session.stop();
    clock.advance(10 * MINUTE);
    assert.deepEqual(session.nudges(model), []);
    assert.deepEqual(
      session.closingNudges(model).map((n) => `${n.kind}:${n.phase}`),
      ['phase-skipped:framing'],
    );
    assert.deepEqual(session.closingNudges(model), []);
  });

  it('translates through the function it is given', () => {
    const upper = (message: string, ...args: Array<string | number | boolean>) => `${message.toUpperCase()}|${args.join(',')}`;
    const [nudge] = detectNudges(modelWith({}), 1, PRACTICE_PHASES, upper);
    assert.equal(nudge?.message, '"{0}" WAS SKIPPED: NOTHING IN THE DOC COVERS IT YET.|Problem framing & success');
  });
});

describe('practice summary in the review', () => {
  it('gives each phase its clock time and what the answer covers, then the nudges', () => {
    const clock = fakeClock();
    const session = new PracticeSession(clock.read);
    clock.advance(17 * MINUTE + 30_000);
    session.stop();
    const model = modelWith({
      'framing.business-metric': 'present',
      'framing.model-metric': 'present',
      'framing.baseline': 'partial',
      'data.sources': 'present',
    });
    const summary = practiceSummaryMarkdown(session.snapshot(), session.phases, model, [
      '"Problem framing & success" is over but still lacks: Current solution, Constraints.',
    ]);
    assert.equal(
      summary,
      [
        '## Practice session',
        '',
        'Stopped after 17:30 of 45:00.',
        '',
        '| Phase | Budget | Time on the clock | Written in the answer |',
        '|---|---|---|---|',
        '| Problem framing & success | 8 min | 08:00 | 2 of 4 |',
        '| Data pipeline | 7 min | 07:00 | 1 of 3 |',
        '| Feature engineering | 6 min | 02:30 | 0 of 2 |',
        '| Model | 8 min | not reached | 0 of 2 |',
        '| Training | 4 min | not reached | 0 of 1 |',
        '| Evaluation | 4 min | not reached | 0 of 1 |',
        '| Serving & scaling | 6 min | not reached | 0 of 4 |',
        '| Trade-offs | 2 min | not reached | 0 of 1 |',
        '',
        '### Nudges',
        '',
        '- "Problem framing & success" is over but still lacks: Current solution, Constraints.',
        '',
      ].join('\n'),
    );
  });

  it('puts the overtime on the last phase and says when there was no nudge', () => {
    const clock = fakeClock();
    const session = new PracticeSession(clock.read);
    clock.advance(48 * MINUTE);
    session.stop();
    const lines = practiceSummaryMarkdown(session.snapshot(), session.phases, modelWith({}), []).split('\n');
    assert.equal(lines[2], 'Stopped after 48:00 of 45:00 (03:00 over time).');
    assert.equal(lines[13], '| Trade-offs | 2 min | 05:00 | 0 of 1 |');
    assert.equal(lines.at(-2), 'None: the answer kept to the order of the phases.');
  });
});

describe('OffsetClock', () => {
  it('adds the advanced time to the base clock', () => {
    let base = 500;
    const clock = new OffsetClock(() => base);
    assert.equal(clock.now(), 500);
    clock.advance(8 * MINUTE);
    base += 1;
    assert.equal(clock.now(), 501 + 8 * MINUTE);
    const session = new PracticeSession(clock.now);
    clock.advance(8 * MINUTE);
    assert.equal(session.snapshot().phase.id, 'data');
  });
});

describe('formatDuration', () => {
  it('formats minutes and seconds, negative when overtime', () => {
    assert.equal(formatDuration(0), '00:00');
    assert.equal(formatDuration(61_999), '01:01');
    assert.equal(formatDuration(45 * MINUTE), '45:00');
    assert.equal(formatDuration(-90_000), '-01:30');
  });
});
