// Practice mode: a timed mock interview. Pure (no vscode import): the clock is injected, so tests
// drive the phases with a fake clock and the editor side only renders what this returns.
import { ELEMENTS, PARTS, type PartId } from '../../core/framework/elements';
import type { CoverageStatus, DesignDocModel, ElementId } from '../../core/types';
import { formatMessage, type Translate } from './l10n';

export interface PracticePhase {
  id: PartId;
  title: string;
  /** Time budget in minutes. */
  minutes: number;
  /** The framework elements this phase is about. */
  elements: readonly ElementId[];
}

/**
 * One phase per framework part, in framework order, with the part's interview budget: scoping and
 * metrics come first (the framework insists on 5–10 minutes for them).
 */
export const PRACTICE_PHASES: readonly PracticePhase[] = PARTS.map((part) => ({
  id: part.id,
  title: part.title,
  minutes: part.interviewMinutes,
  elements: ELEMENTS.filter((element) => element.part === part.id).map((element) => element.id),
}));

export type Clock = () => number;

// In its own module because activation creates it and this one loads the framework data.
export { OffsetClock } from './clock';

export type PracticeStatus = 'running' | 'finished';

export interface PracticeSnapshot {
  status: PracticeStatus;
  /** Index into the phases; stays on the last phase once the time is up. */
  phaseIndex: number;
  phase: PracticePhase;
  /** Milliseconds since the start (frozen once finished). */
  elapsedMs: number;
  /** Milliseconds left in the current phase; negative when over the total time. */
  phaseRemainingMs: number;
  /** Milliseconds left in the whole interview; negative when overtime. */
  totalRemainingMs: number;
}

export type NudgeKind = 'metrics-first' | 'phase-skipped' | 'phase-unfinished';

export interface Nudge {
  kind: NudgeKind;
  /** The phase the nudge is about. */
  phase: PartId;
  message: string;
}

export type PracticeEvent = { kind: 'phase-started'; phase: PracticePhase; index: number } | { kind: 'overtime' } | { kind: 'finished' };

const MINUTE_MS = 60_000;

/** The timer's state machine: running through the phases (then overtime) until stop() finishes it. */
export class PracticeSession {
  private readonly startedAt: number;
  private finishedAt: number | undefined;
  private lastPhaseIndex = 0;
  private overtimeReported = false;
  private readonly nudged = new Set<string>();
  private readonly phaseEnds: number[];

  constructor(
    private readonly clock: Clock,
    readonly phases: readonly PracticePhase[] = PRACTICE_PHASES,
  ) {
    if (phases.length === 0) throw new Error('A practice session needs at least one phase.');
    this.startedAt = clock();
    let end = 0;
    this.phaseEnds = phases.map((phase) => (end += phase.minutes * MINUTE_MS));
  }

  get totalMs(): number {
    return this.phaseEnds[this.phaseEnds.length - 1] ?? 0;
  }

  snapshot(): PracticeSnapshot {
    const now = this.finishedAt ?? this.clock();
    const elapsedMs = Math.max(0, now - this.startedAt);
    const found = this.phaseEnds.findIndex((end) => elapsedMs < end);
    const phaseIndex = found === -1 ? this.phases.length - 1 : found;
    return {
      status: this.finishedAt === undefined ? 'running' : 'finished',
      phaseIndex,
      phase: this.phases[phaseIndex] as PracticePhase,
      elapsedMs,
      phaseRemainingMs: (this.phaseEnds[phaseIndex] ?? 0) - elapsedMs,
      totalRemainingMs: this.totalMs - elapsedMs,
    };
  }

  /** Call on every timer tick: returns what changed since the previous call, in order. */
  advance(): PracticeEvent[] {
    if (this.finishedAt !== undefined) return [];
    const snap = this.snapshot();
    const events: PracticeEvent[] = [];
    for (let index = this.lastPhaseIndex + 1; index <= snap.phaseIndex; index++) {
      events.push({ kind: 'phase-started', phase: this.phases[index] as PracticePhase, index });
    }
    this.lastPhaseIndex = snap.phaseIndex;
    if (snap.totalRemainingMs <= 0 && !this.overtimeReported) {
      this.overtimeReported = true;
      events.push({ kind: 'overtime' });
    }
    return events;
  }

  stop(): PracticeEvent[] {
    if (this.finishedAt !== undefined) return [];
    this.finishedAt = this.clock();
    return [{ kind: 'finished' }];
  }

  /**
   * What the doc shows about the answer so far, for the current phase. Each nudge is returned once
   * per session so the candidate is reminded, not nagged.
   */
  nudges(model: DesignDocModel, t: Translate = formatMessage): Nudge[] {
    if (this.finishedAt !== undefined) return [];
    return this.notYetGiven(model, t);
  }

  /**
   * Once stopped, the nudges the answer earned by the time it stopped but was never given: the
   * doc's analysis can arrive after the last tick, and the review must not depend on that race.
   */
  closingNudges(model: DesignDocModel, t: Translate = formatMessage): Nudge[] {
    if (this.finishedAt === undefined) return [];
    return this.notYetGiven(model, t);
  }

  private notYetGiven(model: DesignDocModel, t: Translate): Nudge[] {
    return detectNudges(model, this.snapshot().phaseIndex, this.phases, t).filter((nudge) => {
      const key = `${nudge.kind}:${nudge.phase}`;
      if (this.nudged.has(key)) return false;
      this.nudged.add(key);
      return true;
    });
  }
}

const TITLES = new Map<ElementId, string>(ELEMENTS.map((element) => [element.id, element.title]));
const elementTitle = (id: ElementId): string => TITLES.get(id) ?? id;

const MODELLING_ELEMENTS: readonly ElementId[] = ['model.baseline', 'model.selection', 'training.paradigm'];
const METRIC_ELEMENTS: readonly ElementId[] = ['framing.business-metric', 'framing.model-metric'];

/** Nudges as a pure function of the doc and the phase the clock is in. */
export function detectNudges(
  model: DesignDocModel,
  phaseIndex: number,
  phases: readonly PracticePhase[] = PRACTICE_PHASES,
  t: Translate = formatMessage,
): Nudge[] {
  const status = new Map<ElementId, CoverageStatus>(model.elements.map((c) => [c.id, c.status]));
  // Only real content counts: an answer started from a template has every section, partial, with prompts.
  const written = (id: ElementId) => status.get(id) === 'present';
  const nudges: Nudge[] = [];

  const hasMetric = METRIC_ELEMENTS.some(written) || model.metrics.some((m) => !m.negated && (m.role === 'business' || m.role === 'model'));
  if (MODELLING_ELEMENTS.some(written) && !hasMetric) {
    nudges.push({
      kind: 'metrics-first',
      phase: 'framing',
      message: t('You are writing about the model, but no business or model metric is defined yet. Define success first.'),
    });
  }

  // A phase whose time is over: remind what it left untouched, or that it was skipped altogether.
  for (let index = 0; index < Math.min(phaseIndex, phases.length); index++) {
    const phase = phases[index] as PracticePhase;
    const missing = phase.elements.filter((id) => !written(id));
    if (missing.length === 0) continue;
    if (missing.length === phase.elements.length) {
      nudges.push({
        kind: 'phase-skipped',
        phase: phase.id,
        message: t('"{0}" was skipped: nothing in the doc covers it yet.', phase.title),
      });
    } else {
      nudges.push({
        kind: 'phase-unfinished',
        phase: phase.id,
        message: t('"{0}" is over but still lacks: {1}.', phase.title, missing.map(elementTitle).join(', ')),
      });
    }
  }
  return nudges;
}

/** "mm:ss", with a leading minus when overtime. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${sign}${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** The status-bar timer: phase number, title and the time left in it. */
export function practiceTimerText(snap: PracticeSnapshot, phaseCount: number, t: Translate = formatMessage): string {
  if (snap.status === 'finished') return t('Practice finished after {0}', formatDuration(snap.elapsedMs));
  if (snap.totalRemainingMs <= 0) return t('Overtime {0} · {1}', formatDuration(snap.totalRemainingMs), snap.phase.title);
  return t('{0}/{1} {2} · {3}', snap.phaseIndex + 1, phaseCount, snap.phase.title, formatDuration(snap.phaseRemainingMs));
}

/** "8 min" for a phase budget. */
function minutesLabel(minutes: number, t: Translate): string {
  return t('{0} min', minutes);
}

/**
 * The practice session as a section appended to the design review: how far the clock got in each
 * phase, how much of each phase the answer covers, and the nudges given along the way.
 */
export function practiceSummaryMarkdown(
  snap: PracticeSnapshot,
  phases: readonly PracticePhase[],
  model: DesignDocModel,
  nudges: readonly string[],
  t: Translate = formatMessage,
): string {
  const total = phases.reduce((sum, phase) => sum + phase.minutes, 0) * MINUTE_MS;
  const over = snap.elapsedMs - total;
  const status = new Map<ElementId, CoverageStatus>(model.elements.map((entry) => [entry.id, entry.status]));
  const lines = [
    `## ${t('Practice session')}`,
    '',
    over > 0
      ? t('Stopped after {0} of {1} ({2} over time).', formatDuration(snap.elapsedMs), formatDuration(total), formatDuration(over))
      : t('Stopped after {0} of {1}.', formatDuration(snap.elapsedMs), formatDuration(total)),
    '',
    `| ${t('Phase')} | ${t('Budget')} | ${t('Time on the clock')} | ${t('Written in the answer')} |`,
    '|---|---|---|---|',
  ];
  let phaseStart = 0;
  phases.forEach((phase, index) => {
    const budget = phase.minutes * MINUTE_MS;
    // The last phase also holds the overtime.
    const end = index === phases.length - 1 ? Math.max(snap.elapsedMs, phaseStart) : phaseStart + budget;
    const spent = Math.min(Math.max(snap.elapsedMs - phaseStart, 0), end - phaseStart);
    const written = phase.elements.filter((id) => status.get(id) === 'present').length;
    const time = spent > 0 ? formatDuration(spent) : t('not reached');
    lines.push(`| ${phase.title} | ${minutesLabel(phase.minutes, t)} | ${time} | ${t('{0} of {1}', written, phase.elements.length)} |`);
    phaseStart += budget;
  });
  lines.push('', `### ${t('Nudges')}`, '');
  if (nudges.length === 0) lines.push(t('None: the answer kept to the order of the phases.'));
  else for (const nudge of nudges) lines.push(`- ${nudge}`);
  return `${lines.join('\n')}\n`;
}
